/**
 * The Reports screen's state: the export form (survey, wave, format, language, data options), the
 * one `report.export` job it starts, that job's progress and its outcome (the saved path or why not).
 */
import { create } from 'zustand';
import type { JobStartInput, JobState } from '../../../shared/contract';
import type { Wave } from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

type ExportInput = Extract<JobStartInput, { kind: 'report.export' }>;
export type ReportFormat = ExportInput['format'];
export type ReportLang = ExportInput['lang'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx', 'csv', 'sav'];
/** Raw-data formats: they take the labels / personal-data options (CSV also the encoding). */
export const isDataFormat = (format: ReportFormat) => format === 'csv' || format === 'sav';

export interface ReportOptions {
  format: ReportFormat;
  lang: ReportLang;
  labels: ExportInput['labels'];
  encoding: ExportInput['encoding'];
  includePersonal: boolean;
}

/** What the export job returns (main/reports/export.ts ExportDone), plus warnings if any. */
export interface ReportDone {
  path: string;
  format: ReportFormat;
  rows: number;
  bytes: number;
  warnings?: string[];
}

export interface ReportRun {
  jobId: string | null;
  status: 'idle' | 'choosing' | 'starting' | JobState['status'];
  progress: { done: number; total: number };
  result: ReportDone | null;
  error: string | null;
}

const IDLE: ReportRun = {
  jobId: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
};

const FILTERS: Record<ReportFormat, { name: string; extensions: string[] }> = {
  docx: { name: 'Word', extensions: ['docx'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  sav: { name: 'SPSS', extensions: ['sav'] },
};

interface ReportsState {
  surveys: SurveySummary[];
  surveysLoaded: boolean;
  surveyId: string | null;
  waves: Wave[];
  /** null: all waves. */
  waveId: string | null;
  options: ReportOptions;
  run: ReportRun;
  load: () => Promise<void>;
  chooseSurvey: (surveyId: string) => Promise<void>;
  chooseWave: (waveId: string | null) => void;
  setOptions: (patch: Partial<ReportOptions>) => void;
  generate: () => Promise<void>;
  cancel: () => Promise<void>;
}

// Until the user picks a report language, it follows the app's language.
let langChosen = false;
// Job events can arrive before `jobs.start` answers: the last state of recent export jobs.
const seen = new Map<string, JobState>();

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

/** A file name (no path) from the survey code, the wave and today's date. */
export function defaultFileName(
  survey: SurveySummary | undefined,
  wave: Wave | undefined,
  options: ReportOptions,
): string {
  const date = new Date().toISOString().slice(0, 10);
  const parts = [
    survey?.code || 'survey',
    wave?.name,
    options.format === 'docx' || options.format === 'xlsx' ? 'report' : 'data',
    date,
  ];
  const base = parts
    .filter(Boolean)
    .join('-')
    .replace(/[/\\:*?"<>|\s]+/g, '_');
  return `${base}.${options.format}`;
}

export const useReportsStore = create<ReportsState>((set, get) => {
  const apply = (job: JobState) => {
    if (job.id !== get().run.jobId) return;
    const run = get().run;
    if (job.status === 'running') {
      set({ run: { ...run, status: 'running', progress: job.progress } });
    } else if (job.status === 'done') {
      set({
        run: { ...run, status: 'done', progress: job.progress, result: job.result as ReportDone },
      });
    } else {
      set({ run: { ...run, status: job.status, error: job.error?.message ?? null } });
    }
  };

  api.onEvent((event) => {
    if (event.type !== 'job' || event.job.kind !== 'report.export') return;
    seen.set(event.job.id, event.job);
    if (seen.size > 5) seen.delete(seen.keys().next().value!);
    apply(event.job);
  });

  return {
    surveys: [],
    surveysLoaded: false,
    surveyId: null,
    waves: [],
    waveId: null,
    options: {
      format: 'docx',
      lang: useAppStore.getState().locale,
      labels: 'labels',
      encoding: 'utf8',
      includePersonal: false,
    },
    run: IDLE,
    load: async () => {
      try {
        const all = await api.surveys.list();
        const surveys = all.filter((s) => s.publishedVersion !== null);
        set({ surveys, surveysLoaded: true });
        if (!langChosen)
          set({ options: { ...get().options, lang: useAppStore.getState().locale } });
        const current = get().surveyId;
        if (current && surveys.some((s) => s.id === current)) return;
        if (surveys[0]) await get().chooseSurvey(surveys[0].id);
        else set({ surveyId: null, waves: [], waveId: null });
      } catch (error) {
        set({ surveysLoaded: true });
        report(error);
      }
    },
    chooseSurvey: async (surveyId) => {
      set({ surveyId, waves: [], waveId: null });
      try {
        const waves = await api.waves.list({ surveyId });
        if (get().surveyId === surveyId) set({ waves });
      } catch (error) {
        report(error);
      }
    },
    chooseWave: (waveId) => set({ waveId }),
    setOptions: (patch) => {
      if (patch.lang) langChosen = true;
      set({ options: { ...get().options, ...patch } });
    },
    generate: async () => {
      const { surveyId, waveId, options, surveys, waves, run } = get();
      if (!surveyId || run.status === 'running' || run.status === 'starting') return;
      set({ run: { ...IDLE, status: 'choosing' } });
      try {
        const chosen = await api.dialog.saveFile({
          defaultName: defaultFileName(
            surveys.find((s) => s.id === surveyId),
            waves.find((w) => w.id === waveId),
            options,
          ),
          filters: [FILTERS[options.format]],
        });
        if (!chosen.path) {
          set({ run: IDLE });
          return;
        }
        set({ run: { ...IDLE, status: 'starting' } });
        const data = isDataFormat(options.format);
        const job = await api.jobs.start({
          kind: 'report.export',
          request: {
            surveyId,
            ...(waveId ? { waveIds: [waveId] } : {}),
            quality: 'clean',
            conversion: 'ratio',
            crossBy: 'type',
          },
          format: options.format,
          lang: options.lang,
          path: chosen.path,
          labels: data ? options.labels : 'labels',
          encoding: options.format === 'csv' ? options.encoding : 'utf8',
          includePersonal: data ? options.includePersonal : false,
        });
        set({ run: { ...IDLE, jobId: job.id, status: 'running', progress: job.progress } });
        apply(seen.get(job.id) ?? job);
      } catch (error) {
        set({ run: IDLE });
        report(error);
      }
    },
    cancel: async () => {
      const { jobId, status } = get().run;
      if (!jobId || status !== 'running') return;
      try {
        await api.jobs.cancel({ id: jobId });
      } catch (error) {
        report(error);
      }
    },
  };
});
