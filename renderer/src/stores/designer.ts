/**
 * The questionnaire designer's state: the definition being edited with an undo/redo stack,
 * the selection, autosave to the draft, the form check, publishing and export.
 */
import { create } from 'zustand';
import type { ChangeSummary } from '../../../shared/questionnaire/changes';
import { checkDefinition, type FormProblem } from '../../../shared/questionnaire/check';
import type { SurveyDefinition } from '../../../shared/questionnaire/model';
import type { SurveyDetail } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

const HISTORY_LIMIT = 200;
const AUTOSAVE_MS = 600;

export type Selection = { kind: 'survey' } | { kind: 'page'; id: string } | { kind: 'question'; id: string };
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

interface DesignerState {
  detail: SurveyDetail | null;
  definition: SurveyDefinition | null;
  past: SurveyDefinition[];
  future: SurveyDefinition[];
  selection: Selection;
  save: SaveState;
  problems: FormProblem[];
  changes: ChangeSummary | null;
  open: (id: string) => Promise<void>;
  close: () => void;
  /** Applies an edit (a pure function of the definition) as one undoable step. */
  edit: (change: (definition: SurveyDefinition) => SurveyDefinition, select?: Selection) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  flush: () => Promise<void>;
  loadChanges: () => Promise<void>;
  publish: () => Promise<boolean>;
  exportFile: (format: 'xlsform' | 'json') => Promise<string | null>;
}

let timer: ReturnType<typeof setTimeout> | null = null;

export function newId(): string {
  return crypto.randomUUID().slice(0, 8);
}

export const useDesignerStore = create<DesignerState>((set, get) => {
  const scheduleSave = () => {
    if (timer) clearTimeout(timer);
    set({ save: 'pending' });
    timer = setTimeout(() => void get().flush(), AUTOSAVE_MS);
  };
  const afterChange = (definition: SurveyDefinition) => ({ definition, problems: checkDefinition(definition), changes: null });

  return {
    detail: null,
    definition: null,
    past: [],
    future: [],
    selection: { kind: 'survey' },
    save: 'saved',
    problems: [],
    changes: null,
    open: async (id) => {
      try {
        const detail = await api.surveys.get({ id });
        set({ detail, ...afterChange(detail.definition), past: [], future: [], selection: { kind: 'survey' }, save: 'saved' });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    },
    close: () => {
      void get().flush();
      set({ detail: null, definition: null, past: [], future: [] });
    },
    edit: (change, select) => {
      const { definition, past } = get();
      if (!definition) return;
      const next = change(definition);
      if (next === definition) return;
      set({ ...afterChange(next), past: [...past.slice(-HISTORY_LIMIT + 1), definition], future: [], ...(select ? { selection: select } : {}) });
      scheduleSave();
    },
    undo: () => {
      const { past, definition, future } = get();
      const previous = past.at(-1);
      if (!previous || !definition) return;
      set({ ...afterChange(previous), past: past.slice(0, -1), future: [definition, ...future] });
      scheduleSave();
    },
    redo: () => {
      const { past, definition, future } = get();
      const [next, ...rest] = future;
      if (!next || !definition) return;
      set({ ...afterChange(next), past: [...past, definition], future: rest });
      scheduleSave();
    },
    select: (selection) => set({ selection }),
    flush: async () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      const { detail, definition, save } = get();
      if (!detail || !definition || save === 'saved') return;
      set({ save: 'saving' });
      try {
        const summary = await api.surveys.saveDraft({ id: detail.id, definition });
        const current = get().detail;
        if (current?.id === detail.id) {
          const editingVersion = current.editingStatus === 'published' ? (current.publishedVersion ?? 0) + 1 : current.editingVersion;
          set({ detail: { ...current, ...summary, editingVersion, editingStatus: 'draft' }, save: get().save === 'saving' ? 'saved' : get().save });
        }
      } catch (error) {
        set({ save: 'error' });
        useAppStore.getState().showError(error);
      }
    },
    loadChanges: async () => {
      const { detail } = get();
      if (!detail) return;
      await get().flush();
      try {
        set({ changes: await api.surveys.changes({ id: detail.id }) });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    },
    publish: async () => {
      const { detail } = get();
      if (!detail) return false;
      await get().flush();
      try {
        await api.surveys.publish({ id: detail.id });
        const fresh = await api.surveys.get({ id: detail.id });
        set({ detail: fresh, changes: null });
        return true;
      } catch (error) {
        useAppStore.getState().showError(error);
        return false;
      }
    },
    exportFile: async (format) => {
      const { detail } = get();
      if (!detail) return null;
      await get().flush();
      const extension = format === 'json' ? 'json' : 'xlsx';
      try {
        const chosen = await api.dialog.saveFile({
          defaultName: `${detail.code}-v${detail.editingVersion}.${format === 'json' ? 'survey.json' : 'xlsx'}`,
          filters: [{ name: format === 'json' ? 'JSON' : 'XLSForm', extensions: [extension] }],
        });
        if (!chosen.path) return null;
        const written = await api.surveys.exportFile({ id: detail.id, format, path: chosen.path });
        return written.path;
      } catch (error) {
        useAppStore.getState().showError(error);
        return null;
      }
    },
  };
});
