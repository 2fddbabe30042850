/**
 * The response register: filters, the current page of responses, the open response with the
 * questionnaire version it was taken on, and the reviewer's actions (edit, void, flag decisions).
 */
import { create } from 'zustand';
import type { SurveyDefinition } from '../../../shared/questionnaire/model';
import type { AnswerValue } from '../../../shared/questionnaire/runtime';
import type {
  Channel,
  CleaningRules,
  FlagRule,
  ResponseFilter,
  ResponseRecord,
  ResponseStatus,
  ResponseSummary,
  Wave,
} from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

export type FlagFilter = FlagRule | 'any' | 'none';

/** The filter bar's values; an absent key means "all". */
export interface RegisterFilter {
  surveyId?: string;
  waveId?: string;
  channel?: Channel;
  status?: ResponseStatus;
  flag?: FlagFilter;
  interviewer?: string;
  from?: string;
  to?: string;
}

export const PAGE_SIZES = [25, 50, 100] as const;

interface ResponsesState {
  surveys: SurveySummary[];
  waves: Wave[];
  filter: RegisterFilter;
  limit: number;
  offset: number;
  total: number;
  items: ResponseSummary[];
  loading: boolean;
  /** The open response and the definition of its own questionnaire version. */
  selected: ResponseRecord | null;
  definition: SurveyDefinition | null;
  /** Counts per rule after "Recompute flags", for the wave they belong to. */
  recount: { waveId: string; counts: Record<string, number> } | null;
  load: () => Promise<void>;
  refresh: () => Promise<void>;
  setFilter: (patch: Partial<RegisterFilter>) => void;
  resetFilter: () => void;
  setPage: (offset: number, limit?: number) => void;
  open: (id: string) => Promise<void>;
  close: () => void;
  edit: (answers: Record<string, AnswerValue>, comment: string) => Promise<ResponseRecord | null>;
  voidResponse: (reason: string) => Promise<boolean>;
  overrideFlag: (rule: FlagRule, keep: boolean, comment: string) => Promise<boolean>;
  recompute: () => Promise<void>;
  clearRecount: () => void;
  saveCleaning: (rules: CleaningRules) => Promise<boolean>;
}

const definitions = new Map<string, SurveyDefinition>();
// Only the answer to the latest list request is shown, however the calls finish.
let listRequest = 0;

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

function query(state: Pick<ResponsesState, 'filter' | 'limit' | 'offset'>): ResponseFilter {
  const input: ResponseFilter = { limit: state.limit, offset: state.offset };
  for (const [key, value] of Object.entries(state.filter) as [keyof RegisterFilter, string][]) {
    if (value) Object.assign(input, { [key]: key === 'interviewer' ? value.trim() : value });
  }
  return input;
}

async function definitionOf(record: ResponseRecord): Promise<SurveyDefinition> {
  const key = `${record.surveyId}:${record.versionNo}`;
  let found = definitions.get(key);
  if (!found) {
    found = await api.surveys.getVersion({ id: record.surveyId, versionNo: record.versionNo });
    definitions.set(key, found);
  }
  return found;
}

export const useResponsesStore = create<ResponsesState>((set, get) => ({
  surveys: [],
  waves: [],
  filter: {},
  limit: PAGE_SIZES[0],
  offset: 0,
  total: 0,
  items: [],
  loading: false,
  selected: null,
  definition: null,
  recount: null,
  load: async () => {
    try {
      const [surveys, waves] = await Promise.all([api.surveys.list(), api.waves.list({})]);
      set({ surveys, waves });
    } catch (error) {
      report(error);
    }
    await get().refresh();
  },
  refresh: async () => {
    const request = ++listRequest;
    set({ loading: true });
    try {
      const page = await api.responses.list(query(get()));
      if (request === listRequest) set({ total: page.total, items: page.items, loading: false });
    } catch (error) {
      if (request === listRequest) set({ loading: false });
      report(error);
    }
  },
  setFilter: (patch) => {
    const filter: RegisterFilter = { ...get().filter, ...patch };
    // A wave belongs to one survey: choosing another survey drops a wave of the old one.
    if (patch.surveyId !== undefined && filter.waveId) {
      const wave = get().waves.find((w) => w.id === filter.waveId);
      if (patch.surveyId && wave && wave.surveyId !== patch.surveyId) delete filter.waveId;
    }
    for (const key of Object.keys(filter) as (keyof RegisterFilter)[])
      if (!filter[key]) delete filter[key];
    // The counts belong to one wave: they go when another wave (or none) is chosen.
    const recount = get().recount?.waveId === filter.waveId ? get().recount : null;
    set({ filter, offset: 0, recount });
    void get().refresh();
  },
  resetFilter: () => {
    set({ filter: {}, offset: 0, recount: null });
    void get().refresh();
  },
  setPage: (offset, limit) => {
    set({ offset: Math.max(0, offset), ...(limit ? { limit } : {}) });
    void get().refresh();
  },
  open: async (id) => {
    try {
      const record = await api.responses.get({ id });
      const definition = await definitionOf(record);
      set({ selected: record, definition });
    } catch (error) {
      report(error);
    }
  },
  close: () => set({ selected: null, definition: null }),
  edit: async (answers, comment) => {
    const current = get().selected;
    if (!current) return null;
    try {
      const record = await api.responses.edit({ id: current.id, answers, comment });
      set({ selected: record });
      void get().refresh();
      return record;
    } catch (error) {
      report(error);
      return null;
    }
  },
  voidResponse: async (reason) => {
    const current = get().selected;
    if (!current) return false;
    try {
      set({ selected: await api.responses.void({ id: current.id, reason }) });
      void get().refresh();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  },
  overrideFlag: async (rule, keep, comment) => {
    const current = get().selected;
    if (!current) return false;
    try {
      set({ selected: await api.responses.overrideFlag({ id: current.id, rule, keep, comment }) });
      void get().refresh();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  },
  recompute: async () => {
    const waveId = get().filter.waveId;
    if (!waveId) return;
    try {
      const counts = await api.responses.recomputeFlags({ waveId });
      set({ recount: { waveId, counts } });
      await get().refresh();
      const open = get().selected;
      if (open) set({ selected: await api.responses.get({ id: open.id }) });
    } catch (error) {
      report(error);
    }
  },
  clearRecount: () => set({ recount: null }),
  saveCleaning: async (cleaning) => {
    try {
      const settings = await api.settings.update({ cleaning });
      useAppStore.setState({ settings });
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  },
}));
