/**
 * The Analysis screen's state: the filter bar, the one `analysis.run` job behind everything shown,
 * its progress and its result. Changing a filter re-runs the job (debounced); a run that is
 * overtaken by a newer one is cancelled and its events ignored, so the screen never mixes results.
 */
import { create } from 'zustand';
import type {
  AnalysisAttribute,
  AnalysisRequest,
  AnalysisResult,
  SegmentAttribute,
} from '../../../shared/analysis';
import type { JobState } from '../../../shared/contract';
import type { Target } from '../../../shared/questionnaire/model';
import type { Channel } from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';
import { useResponsesStore, type RegisterFilter } from './responses';

export const ANALYSIS_TABS = [
  'overview',
  'items',
  'segments',
  'drivers',
  'trends',
  'text',
  'crosstabs',
] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

/** What the filter bar holds; null means "all". */
export interface AnalysisFilter {
  waveId: string | null;
  segment: { attribute: SegmentAttribute; value: string } | null;
  channel: Channel | null;
  quality: AnalysisRequest['quality'];
  conversion: AnalysisRequest['conversion'];
  crossBy: AnalysisAttribute;
}

export interface AnalysisRun {
  jobId: string | null;
  status: 'idle' | 'starting' | JobState['status'];
  progress: { done: number; total: number };
  /** The job's own message, in the user's language (from main). */
  error: string | null;
}

/** The responses behind a figure the user clicked: a segment group or an open-text theme. */
export type Drill =
  | { kind: 'group'; attribute: SegmentAttribute; value: string; n: number }
  | {
      kind: 'theme';
      question: string;
      label: string;
      count: number;
      dissatisfiedShare: number | null;
      quotes: string[];
      responseIds: string[];
    };

const DEFAULT_FILTER: AnalysisFilter = {
  waveId: null,
  segment: null,
  channel: null,
  quality: 'clean',
  conversion: 'ratio',
  crossBy: 'type',
};
const IDLE: AnalysisRun = {
  jobId: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  error: null,
};
/** Filter changes closer together than this start one run, not several. */
const DEBOUNCE_MS = 300;

interface AnalysisState {
  /** Published surveys only: the analysis reads the published questionnaire. */
  surveys: SurveySummary[];
  surveysLoaded: boolean;
  surveyId: string | null;
  /** The chosen survey's targets (published version), for the score cards. */
  targets: Target[];
  filter: AnalysisFilter;
  run: AnalysisRun;
  /** The latest finished result; kept on screen (dimmed) while a new run is under way. */
  result: AnalysisResult | null;
  /** Every value seen per attribute for this survey, so a segment filter does not hide the others. */
  attributeValues: Partial<Record<SegmentAttribute, string[]>>;
  tab: AnalysisTab;
  drill: Drill | null;
  load: () => Promise<void>;
  chooseSurvey: (surveyId: string) => void;
  setFilter: (patch: Partial<AnalysisFilter>) => void;
  resetFilter: () => void;
  runNow: () => Promise<void>;
  cancel: () => Promise<void>;
  setTab: (tab: AnalysisTab) => void;
  openDrill: (drill: Drill) => void;
  closeDrill: () => void;
  /** Presets the register's filters and shows the Responses screen. */
  openResponses: (filter: RegisterFilter) => void;
}

let debounce: ReturnType<typeof setTimeout> | null = null;
// The run whose `jobs.start` answer is awaited; an older answer finds another token here.
let pending: symbol | null = null;
// Job events can arrive before `jobs.start` answers: the last state of each recent analysis job.
const seen = new Map<string, JobState>();

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

export function requestOf(surveyId: string, filter: AnalysisFilter): AnalysisRequest {
  return {
    surveyId,
    ...(filter.waveId ? { waveIds: [filter.waveId] } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.segment ? { segment: filter.segment } : {}),
    quality: filter.quality,
    conversion: filter.conversion,
    crossBy: filter.crossBy,
  };
}

/** Whether a result answers the request the filters ask for now (else it is shown dimmed). */
export function answersRequest(result: AnalysisResult, request: AnalysisRequest): boolean {
  const a = result.request;
  return (
    a.surveyId === request.surveyId &&
    (a.waveIds ?? []).join() === (request.waveIds ?? []).join() &&
    (a.channel ?? null) === (request.channel ?? null) &&
    (a.segment?.attribute ?? null) === (request.segment?.attribute ?? null) &&
    (a.segment?.value ?? null) === (request.segment?.value ?? null) &&
    a.quality === request.quality &&
    a.conversion === request.conversion &&
    a.crossBy === request.crossBy
  );
}

function mergeValues(
  known: Partial<Record<SegmentAttribute, string[]>>,
  found: AnalysisResult['attributeValues'],
): Partial<Record<SegmentAttribute, string[]>> {
  const merged = { ...known };
  for (const [attribute, values] of Object.entries(found) as [SegmentAttribute, string[]][]) {
    merged[attribute] = [...new Set([...(known[attribute] ?? []), ...values])].sort();
  }
  return merged;
}

export const useAnalysisStore = create<AnalysisState>((set, get) => {
  /** Applies a job state if it belongs to the run on screen. */
  const apply = (job: JobState) => {
    if (job.id !== get().run.jobId) return;
    if (job.status === 'running') {
      set({ run: { ...get().run, status: 'running', progress: job.progress } });
    } else if (job.status === 'done') {
      const result = job.result as AnalysisResult;
      set({
        result,
        attributeValues: mergeValues(get().attributeValues, result.attributeValues),
        run: { ...get().run, status: 'done', progress: job.progress },
      });
    } else {
      set({
        run: { ...get().run, status: job.status, error: job.error?.message ?? null },
      });
    }
  };

  api.onEvent((event) => {
    if (event.type !== 'job' || event.job.kind !== 'analysis.run') return;
    seen.set(event.job.id, event.job);
    if (seen.size > 5) seen.delete(seen.keys().next().value!);
    apply(event.job);
  });

  const schedule = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void get().runNow();
    }, DEBOUNCE_MS);
  };

  const loadTargets = async (survey: SurveySummary) => {
    if (!survey.publishedVersion) return;
    try {
      const definition = await api.surveys.getVersion({
        id: survey.id,
        versionNo: survey.publishedVersion,
      });
      if (get().surveyId === survey.id) set({ targets: definition.targets });
    } catch (error) {
      report(error);
    }
  };

  return {
    surveys: [],
    surveysLoaded: false,
    surveyId: null,
    targets: [],
    filter: DEFAULT_FILTER,
    run: IDLE,
    result: null,
    attributeValues: {},
    tab: 'overview',
    drill: null,
    load: async () => {
      try {
        const all = await api.surveys.list();
        const surveys = all.filter((s) => s.publishedVersion !== null);
        set({ surveys, surveysLoaded: true });
        const current = get().surveyId;
        const keep = surveys.find((s) => s.id === current);
        if (keep) {
          // Back on the screen: show the result there is, re-run only if none.
          if (!get().result && get().run.status !== 'running') void get().runNow();
        } else if (surveys[0]) {
          get().chooseSurvey(surveys[0].id);
        }
      } catch (error) {
        set({ surveysLoaded: true });
        report(error);
      }
    },
    chooseSurvey: (surveyId) => {
      const survey = get().surveys.find((s) => s.id === surveyId);
      if (!survey) return;
      set({
        surveyId,
        targets: [],
        result: null,
        attributeValues: {},
        drill: null,
        filter: {
          ...DEFAULT_FILTER,
          quality: get().filter.quality,
          conversion: get().filter.conversion,
        },
      });
      void loadTargets(survey);
      if (debounce) clearTimeout(debounce);
      void get().runNow();
    },
    setFilter: (patch) => {
      set({ filter: { ...get().filter, ...patch }, drill: null });
      schedule();
    },
    resetFilter: () => {
      set({ filter: DEFAULT_FILTER, drill: null });
      schedule();
    },
    runNow: async () => {
      const { surveyId, filter, run } = get();
      if (!surveyId) return;
      // The run on screen is superseded: stop it so the worker is free for this one.
      if (run.jobId && (run.status === 'running' || run.status === 'starting')) {
        void api.jobs.cancel({ id: run.jobId }).catch(report);
      }
      const token = Symbol('run');
      pending = token;
      set({ run: { ...IDLE, status: 'starting' } });
      try {
        const job = await api.jobs.start({
          kind: 'analysis.run',
          request: requestOf(surveyId, filter),
        });
        if (pending !== token) {
          void api.jobs.cancel({ id: job.id }).catch(report);
          return;
        }
        set({ run: { jobId: job.id, status: 'running', progress: job.progress, error: null } });
        apply(seen.get(job.id) ?? job);
      } catch (error) {
        if (pending === token) set({ run: IDLE });
        report(error);
      }
    },
    cancel: async () => {
      if (debounce) clearTimeout(debounce);
      const { jobId, status } = get().run;
      if (!jobId || status !== 'running') return;
      try {
        await api.jobs.cancel({ id: jobId });
      } catch (error) {
        report(error);
      }
    },
    setTab: (tab) => set({ tab }),
    openDrill: (drill) => set({ drill }),
    closeDrill: () => set({ drill: null }),
    openResponses: (filter) => {
      // Every key named: the register's other filters are cleared, not kept from earlier.
      const cleared: Record<keyof RegisterFilter, undefined> = {
        surveyId: undefined,
        waveId: undefined,
        channel: undefined,
        status: undefined,
        flag: undefined,
        interviewer: undefined,
        from: undefined,
        to: undefined,
      };
      useResponsesStore.getState().setFilter({ ...cleared, ...filter });
      set({ drill: null });
      useAppStore.getState().go('responses');
    },
  };
});
