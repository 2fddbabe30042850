/**
 * Imports from other tools: what to import (a CRM customer list, or responses from an online
 * tool into a survey and wave), the file, the column mapping with its dry-run preview (proposed
 * matches, first rows, failing rows and why), saved mappings, and the import's outcome.
 * Every change of the mapping asks main again with `dryRun`, so what is shown is exactly what
 * the import would do.
 */
import { create } from 'zustand';
import type { CustomerImportResult, CustomerImportTarget } from '../../../shared/api/customers';
import type { ImportResult, MappingKind, SavedMapping } from '../../../shared/api/imports';
import type { Wave } from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';
import { toBase64 } from '../api/base64';

export type ImportKind = MappingKind;

export interface ChosenFile {
  name: string;
  base64: string;
  size: number;
}

/** The dry run (`checked`) or the real run (`done`) of the current file and mapping. */
export type ImportOutcome =
  { kind: 'customers'; result: CustomerImportResult } | { kind: 'responses'; result: ImportResult };

export interface ImportsState {
  kind: ImportKind;
  surveys: SurveySummary[];
  surveyId: string | null;
  waves: Wave[];
  waveName: string;
  file: ChosenFile | null;
  /** Column header -> target chosen by the user; columns not here use the proposal. */
  map: Record<string, string>;
  status: 'idle' | 'checking' | 'checked' | 'importing' | 'done';
  preview: ImportOutcome | null;
  done: ImportOutcome | null;
  mappings: SavedMapping[];
  /** The saved mapping applied last, to save over it by default. */
  mappingName: string;
  load: () => Promise<void>;
  setKind: (kind: ImportKind) => void;
  chooseSurvey: (surveyId: string) => Promise<void>;
  setWaveName: (name: string) => void;
  chooseFile: (file: File) => Promise<void>;
  setTarget: (column: string, target: string) => void;
  applyMapping: (name: string) => void;
  saveMapping: (name: string) => Promise<void>;
  deleteMapping: (name: string) => Promise<void>;
  runImport: () => Promise<void>;
  reset: () => void;
}

/** The problems of an outcome, whichever importer produced it. */
export function problemsOf(outcome: ImportOutcome | null) {
  return outcome?.result.problems ?? [];
}

let checkNo = 0;

/** One store per place the flow is shown (the Sync screen's tab, the register's drawer). */
export function createImportsStore(initialKind: ImportKind) {
  return create<ImportsState>((set, get) => {
    async function request(dryRun: boolean): Promise<ImportOutcome | null> {
      const { kind, file, map, surveyId, waveName } = get();
      if (!file) return null;
      if (kind === 'customers') {
        const result = await api.customerRegister.importList({
          fileName: file.name,
          dataBase64: file.base64,
          map: map as Record<string, CustomerImportTarget>,
          dryRun,
        });
        return { kind, result };
      }
      if (!surveyId) return null;
      const result = await api.responses.importData({
        surveyId,
        fileName: file.name,
        dataBase64: file.base64,
        map,
        ...(waveName.trim() ? { waveName: waveName.trim() } : {}),
        dryRun,
      });
      return { kind, result };
    }

    async function check(): Promise<void> {
      const mine = ++checkNo;
      if (!get().file) return;
      set({ status: 'checking', done: null });
      try {
        const preview = await request(true);
        if (mine === checkNo) set({ preview, status: preview ? 'checked' : 'idle' });
      } catch (error) {
        if (mine === checkNo) set({ status: 'idle' });
        useAppStore.getState().showError(error);
      }
    }

    async function loadMappings(): Promise<void> {
      try {
        set({ mappings: await api.imports.mappings({ kind: get().kind }) });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    }

    return {
      kind: initialKind,
      surveys: [],
      surveyId: null,
      waves: [],
      waveName: '',
      file: null,
      map: {},
      status: 'idle',
      preview: null,
      done: null,
      mappings: [],
      mappingName: '',
      load: async () => {
        await loadMappings();
        if (get().kind !== 'responses') return;
        try {
          const surveys = (await api.surveys.list()).filter((s) => s.publishedVersion !== null);
          set({ surveys });
          const surveyId = get().surveyId ?? surveys[0]?.id ?? null;
          if (surveyId) await get().chooseSurvey(surveyId);
        } catch (error) {
          useAppStore.getState().showError(error);
        }
      },
      setKind: (kind) => {
        if (kind === get().kind) return;
        set({ kind, map: {}, preview: null, done: null, status: 'idle', mappingName: '' });
        void get().load();
        void check();
      },
      chooseSurvey: async (surveyId) => {
        set({ surveyId });
        try {
          set({ waves: await api.waves.list({ surveyId }) });
        } catch (error) {
          useAppStore.getState().showError(error);
        }
        await check();
      },
      setWaveName: (waveName) => {
        set({ waveName });
        void check();
      },
      chooseFile: async (file) => {
        const base64 = toBase64(await file.arrayBuffer());
        set({ file: { name: file.name, base64, size: file.size }, map: {}, mappingName: '' });
        await check();
      },
      setTarget: (column, target) => {
        set({ map: { ...get().map, [column]: target } });
        void check();
      },
      applyMapping: (name) => {
        const saved = get().mappings.find((m) => m.name === name);
        if (!saved) return;
        // Columns this file does not have are left out: the next export may drop a column.
        const { preview } = get();
        const headers = new Set(
          preview?.kind === 'customers'
            ? preview.result.columns.map((c) => c.column)
            : (preview?.result.preview?.headers ?? []),
        );
        const map = Object.fromEntries(
          Object.entries(saved.map).filter(([column]) => headers.size === 0 || headers.has(column)),
        );
        set({ map, mappingName: name });
        void check();
      },
      saveMapping: async (name) => {
        const { kind, preview } = get();
        // The whole mapping as it stands (proposals included), so the next file reads the same.
        const map: Record<string, string> = {};
        if (preview?.kind === 'customers')
          for (const c of preview.result.columns) map[c.column] = c.target;
        if (preview?.kind === 'responses')
          for (const c of preview.result.columns) map[c.column] = c.field;
        try {
          const mappings = await api.imports.saveMapping({ kind, name: name.trim(), map });
          set({ mappings, mappingName: name.trim() });
        } catch (error) {
          useAppStore.getState().showError(error);
        }
      },
      deleteMapping: async (name) => {
        try {
          set({ mappings: await api.imports.deleteMapping({ kind: get().kind, name }) });
          if (get().mappingName === name) set({ mappingName: '' });
        } catch (error) {
          useAppStore.getState().showError(error);
        }
      },
      runImport: async () => {
        set({ status: 'importing' });
        try {
          const done = await request(false);
          const failed = problemsOf(done).length > 0;
          set({ done, status: failed ? 'checked' : 'done', ...(failed ? { preview: done } : {}) });
        } catch (error) {
          set({ status: 'checked' });
          useAppStore.getState().showError(error);
        }
      },
      reset: () =>
        set({ file: null, map: {}, preview: null, done: null, status: 'idle', mappingName: '' }),
    };
  });
}

export type ImportsStore = ReturnType<typeof createImportsStore>;

/** The Sync screen's import tab. */
export const useImportsStore = createImportsStore('customers');
/** The customer register's Import button (a customer list only). */
export const useRegisterImportStore = createImportsStore('customers');
