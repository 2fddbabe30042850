/**
 * The exchange-package tab's state: writing a package (`package.export` job), reading one
 * (inspect -> preview -> `package.import` job), the import log and the conflicts waiting for a
 * decision. Keys are in syncKeys.ts, the export form's pure parts in syncForm.ts.
 */
import { create } from 'zustand';
import type { JobState } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { SurveyDefinition } from '../../../shared/questionnaire/model';
import type { SurveySummary } from '../../../shared/surveys';
import {
  PACKAGE_EXTENSION,
  type ConflictView,
  type ImportLogEntry,
  type KeysStatus,
  type LastExport,
  type PackageExportResult,
  type PackageImportResult,
  type PackagePreview,
  type PackageSource,
} from '../../../shared/sync';
import { api, ApiCallError } from '../api/client';
import { useAppStore } from './app';
import { packageFileName, today, type ExportForm, type ExportInput } from './syncForm';
import { sourceOf, useSyncKeysStore } from './syncKeys';

export {
  lastExportTo,
  type EncryptionMode,
  type ExportForm,
  type ExportScopeKind,
} from './syncForm';

/** A job this screen started and follows through its events. */
export interface JobRun<R> {
  jobId: string | null;
  status: 'idle' | 'choosing' | 'starting' | JobState['status'];
  progress: { done: number; total: number };
  result: R | null;
  error: ApiError | null;
}

/**
 * Reading a package: `picked` (file chosen), `inspecting`, `passphrase` (it needs one: of the
 * package or of this machine's private key), `preview` (verified), `rejected` (why in `error`).
 */
export type ImportStage = 'idle' | 'inspecting' | 'passphrase' | 'preview' | 'rejected';

export interface ImportState {
  stage: ImportStage;
  fileName: string | null;
  source: PackageSource | null;
  /** Which passphrase is asked for. */
  asks: 'package' | 'key' | null;
  passphrase: string | null;
  preview: PackagePreview | null;
  error: ApiError | null;
  run: JobRun<PackageImportResult>;
}

const IDLE_RUN = {
  jobId: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
} as const;

const IDLE_IMPORT: ImportState = {
  stage: 'idle',
  fileName: null,
  source: null,
  asks: null,
  passphrase: null,
  preview: null,
  error: null,
  run: IDLE_RUN,
};

interface SyncState {
  surveys: SurveySummary[];
  form: ExportForm;
  exportRun: JobRun<PackageExportResult>;
  importing: ImportState;
  log: ImportLogEntry[];
  conflicts: ConflictView[];
  /** The questionnaires of the conflicting responses, by survey id, to show questions and labels. */
  conflictSurveys: Record<string, SurveyDefinition>;
  /** The last package of the chosen survey to each destination (for "since the last export"). */
  lastExports: LastExport[];

  /** Follows the recipients known: a new one becomes the default protection until the user picks. */
  followKeys: (keys: KeysStatus) => void;
  loadSurveys: () => Promise<void>;
  loadLastExports: () => Promise<void>;
  loadPackages: () => Promise<void>;
  setForm: (patch: Partial<ExportForm>) => void;
  exportPackage: (passphrase: string | null) => Promise<void>;
  cancelExport: () => Promise<void>;

  pickPackagePath: () => Promise<void>;
  pickPackageFile: (file: File) => Promise<void>;
  unlock: (passphrase: string) => Promise<void>;
  applyPackage: () => Promise<void>;
  cancelImport: () => Promise<void>;
  resetImport: () => void;

  loadLog: () => Promise<void>;
  loadConflicts: () => Promise<void>;
  resolveConflict: (id: number, keep: 'ours' | 'theirs') => Promise<void>;
}

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const NEEDS_PASSPHRASE: Record<string, 'package' | 'key'> = {
  PACKAGE_PASSPHRASE_REQUIRED: 'package',
  PACKAGE_WRONG_PASSPHRASE: 'package',
  KEY_PASSPHRASE_REQUIRED: 'key',
  PRIVATE_KEY_PASSPHRASE: 'key',
};

function apiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

// Until the user picks the protection, it follows the keys: a known recipient's public key first.
let encryptionChosen = false;
// Counts package checks, so a slow check of an earlier file cannot overwrite a later one.
let inspection = 0;
// Job events can arrive before `jobs.start` answers: the last state of recent package jobs.
const seen = new Map<string, JobState>();

export const useSyncStore = create<SyncState>((set, get) => {
  /** Follows a job event into the run that started it, if it is ours. */
  const follow = (job: JobState) => {
    const { exportRun, importing } = get();
    if (job.id === exportRun.jobId) {
      set({ exportRun: advance(exportRun, job) });
      if (job.status === 'done') void get().loadLastExports();
    }
    if (job.id === importing.run.jobId) {
      set({ importing: { ...importing, run: advance(importing.run, job) } });
      // A package can bring a questionnaire this machine did not have: it can now be exported.
      if (job.status === 'done')
        void Promise.all([get().loadSurveys(), get().loadLog(), get().loadConflicts()]);
      // The job runs away from the OS keychain: it may need the passphrase the preview did not.
      const asks = job.status === 'failed' && job.error ? NEEDS_PASSPHRASE[job.error.code] : null;
      if (asks)
        set({
          importing: {
            ...get().importing,
            stage: 'passphrase',
            asks,
            error: null,
            run: IDLE_RUN,
          },
        });
    }
  };

  api.onEvent((event) => {
    if (event.type !== 'job') return;
    if (event.job.kind !== 'package.export' && event.job.kind !== 'package.import') return;
    seen.set(event.job.id, event.job);
    if (seen.size > 6) seen.delete(seen.keys().next().value!);
    follow(event.job);
  });

  /** Inspects the chosen package; a missing or wrong passphrase asks for one instead of failing. */
  const inspect = async (source: PackageSource, fileName: string, passphrase: string | null) => {
    // Only the latest file picked may set the outcome, whichever check answers last.
    const current = ++inspection;
    set({
      importing: {
        ...IDLE_IMPORT,
        stage: 'inspecting',
        source,
        fileName,
        passphrase,
        asks: get().importing.asks,
      },
    });
    try {
      const preview = await api.sync.inspect({
        source,
        ...(passphrase ? { passphrase } : {}),
      });
      if (current !== inspection) return;
      set({ importing: { ...get().importing, stage: 'preview', preview } });
    } catch (error) {
      if (current !== inspection) return;
      const failure = apiError(error);
      const asks = NEEDS_PASSPHRASE[failure.code];
      set({
        importing: {
          ...get().importing,
          stage: asks ? 'passphrase' : 'rejected',
          asks: asks ?? null,
          // The first request for a passphrase is a question, not an error.
          error: asks && !passphrase && failure.code.endsWith('_REQUIRED') ? null : failure,
        },
      });
    }
  };

  return {
    surveys: [],
    form: {
      surveyId: null,
      scope: 'since-last',
      from: today(),
      to: today(),
      encryption: 'key',
      recipientId: null,
    },
    exportRun: IDLE_RUN,
    importing: IDLE_IMPORT,
    log: [],
    conflicts: [],
    conflictSurveys: {},
    lastExports: [],

    followKeys: (keys) => {
      // Encrypt to the manager's key by default when one is known; else ask for a passphrase.
      const { form } = get();
      const recipientId = keys.recipients.some((r) => r.id === form.recipientId)
        ? form.recipientId
        : (keys.recipients[0]?.id ?? null);
      const encryption = encryptionChosen ? form.encryption : recipientId ? 'key' : 'passphrase';
      set({ form: { ...form, recipientId, encryption } });
    },

    loadSurveys: async () => {
      try {
        const all = await api.surveys.list();
        const surveys = all.filter((s) => s.publishedVersion !== null);
        const { form } = get();
        const surveyId = surveys.some((s) => s.id === form.surveyId)
          ? form.surveyId
          : (surveys[0]?.id ?? null);
        set({ surveys, form: { ...form, surveyId } });
      } catch (error) {
        report(error);
      }
      await get().loadLastExports();
    },
    loadLastExports: async () => {
      const { surveyId } = get().form;
      if (!surveyId) return set({ lastExports: [] });
      try {
        const lastExports = await api.sync.lastExports({ surveyId });
        if (get().form.surveyId === surveyId) set({ lastExports });
      } catch (error) {
        report(error);
      }
    },
    loadPackages: async () => {
      await Promise.all([
        get().loadSurveys(),
        useSyncKeysStore.getState().loadKeys(),
        get().loadLog(),
        get().loadConflicts(),
      ]);
    },
    setForm: (patch) => {
      if (patch.encryption) encryptionChosen = true;
      const surveyChanged = patch.surveyId !== undefined && patch.surveyId !== get().form.surveyId;
      set({ form: { ...get().form, ...patch } });
      if (surveyChanged) void get().loadLastExports();
    },
    exportPackage: async (passphrase) => {
      const { form, surveys, exportRun } = get();
      if (!form.surveyId || exportRun.status === 'running' || exportRun.status === 'starting')
        return;
      const encryption: ExportInput['encryption'] | null =
        form.encryption === 'key'
          ? form.recipientId
            ? { mode: 'key', recipientId: form.recipientId }
            : null
          : form.encryption === 'passphrase'
            ? passphrase
              ? { mode: 'passphrase', passphrase }
              : null
            : { mode: 'none' };
      if (!encryption) return;
      const scope: ExportInput['scope'] =
        form.scope === 'range'
          ? { kind: 'range', from: form.from, to: form.to }
          : { kind: form.scope };
      set({ exportRun: { ...IDLE_RUN, status: 'choosing' } });
      try {
        const chosen = await api.dialog.saveFile({
          defaultName: packageFileName(
            surveys.find((s) => s.id === form.surveyId),
            form.scope,
          ),
          filters: [{ name: 'SurveyDesk', extensions: [PACKAGE_EXTENSION] }],
        });
        if (!chosen.path) {
          set({ exportRun: IDLE_RUN });
          return;
        }
        set({ exportRun: { ...IDLE_RUN, status: 'starting' } });
        const job = await api.jobs.start({
          kind: 'package.export',
          surveyId: form.surveyId,
          scope,
          encryption,
          path: chosen.path,
        });
        set({
          exportRun: { ...IDLE_RUN, jobId: job.id, status: 'running', progress: job.progress },
        });
        follow(seen.get(job.id) ?? job);
      } catch (error) {
        set({ exportRun: { ...IDLE_RUN, status: 'failed', error: apiError(error) } });
      }
    },
    cancelExport: async () => {
      const { jobId, status } = get().exportRun;
      if (!jobId || status !== 'running') return;
      try {
        await api.jobs.cancel({ id: jobId });
      } catch (error) {
        report(error);
      }
    },

    pickPackagePath: async () => {
      try {
        const chosen = await api.dialog.openFile({
          filters: [{ name: 'SurveyDesk', extensions: [PACKAGE_EXTENSION] }],
        });
        if (chosen.path) await inspect({ path: chosen.path }, fileNameOf(chosen.path), null);
      } catch (error) {
        report(error);
      }
    },
    pickPackageFile: async (file) => {
      set({ importing: { ...IDLE_IMPORT, stage: 'inspecting', fileName: file.name } });
      try {
        await inspect(await sourceOf(file), file.name, null);
      } catch (error) {
        set({
          importing: {
            ...IDLE_IMPORT,
            stage: 'rejected',
            fileName: file.name,
            error: apiError(error),
          },
        });
      }
    },
    unlock: async (passphrase) => {
      const { source, fileName } = get().importing;
      if (source && fileName) await inspect(source, fileName, passphrase);
    },
    applyPackage: async () => {
      const importing = get().importing;
      if (importing.stage !== 'preview' || !importing.source) return;
      if (importing.run.status === 'running' || importing.run.status === 'starting') return;
      set({ importing: { ...importing, run: { ...IDLE_RUN, status: 'starting' } } });
      try {
        const job = await api.jobs.start({
          kind: 'package.import',
          source: importing.source,
          ...(importing.passphrase ? { passphrase: importing.passphrase } : {}),
          dryRun: false,
        });
        set({
          importing: {
            ...get().importing,
            run: { ...IDLE_RUN, jobId: job.id, status: 'running', progress: job.progress },
          },
        });
        follow(seen.get(job.id) ?? job);
      } catch (error) {
        set({
          importing: {
            ...get().importing,
            run: { ...IDLE_RUN, status: 'failed', error: apiError(error) },
          },
        });
      }
    },
    cancelImport: async () => {
      const { jobId, status } = get().importing.run;
      if (!jobId || status !== 'running') return;
      try {
        await api.jobs.cancel({ id: jobId });
      } catch (error) {
        report(error);
      }
    },
    resetImport: () => set({ importing: IDLE_IMPORT }),

    loadLog: async () => {
      try {
        set({ log: await api.sync.log({ limit: 200 }) });
      } catch (error) {
        report(error);
      }
    },
    loadConflicts: async () => {
      try {
        const conflicts = await api.sync.conflicts({ status: 'open' });
        set({ conflicts });
        const known = get().conflictSurveys;
        const missing = [
          ...new Set(conflicts.map((c) => c.surveyId).filter((id): id is string => !!id)),
        ].filter((id) => !known[id]);
        const details = await Promise.all(missing.map((id) => api.surveys.get({ id })));
        if (details.length > 0)
          set({
            conflictSurveys: {
              ...get().conflictSurveys,
              ...Object.fromEntries(details.map((d) => [d.id, d.definition])),
            },
          });
      } catch (error) {
        report(error);
      }
    },
    resolveConflict: async (id, keep) => {
      try {
        await api.sync.resolveConflict({ id, keep });
        await get().loadConflicts();
      } catch (error) {
        report(error);
      }
    },
  };
});

function advance<R>(run: JobRun<R>, job: JobState): JobRun<R> {
  if (job.status === 'running') return { ...run, status: 'running', progress: job.progress };
  if (job.status === 'done')
    return { ...run, status: 'done', progress: job.progress, result: job.result as R };
  return {
    ...run,
    status: job.status,
    error: job.error ? { code: job.error.code, message: job.error.message } : null,
  };
}

useSyncKeysStore.subscribe((state) => {
  if (state.keys) useSyncStore.getState().followKeys(state.keys);
});
