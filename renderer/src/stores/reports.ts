/**
 * The Reports screen's state: the export form (survey, wave, format, language, data options, the
 * Word report's sections and comparison wave), the one `report.export` job it starts, that job's
 * progress and its outcome (the saved path or why not), and the `report.preview` job that shows
 * what the Word report will contain before it is saved.
 */
import { create } from 'zustand';
import { REPORT_SECTIONS, type ReportPreview, type ReportSection } from '../../../shared/analysis';
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
  /** Word: the sections to include, in report order. */
  sections: ReportSection[];
  /** Word: the wave the figures are compared with (null: the trend's wave before, if any). */
  compareWaveId: string | null;
}

/** The preview of the Word report: its job, and the outline it returned. */
export interface PreviewRun {
  jobId: string | null;
  status: 'idle' | 'starting' | JobState['status'];
  progress: { done: number; total: number };
  result: ReportPreview | null;
  error: string | null;
  /** What the shown preview was made for (survey, wave, comparison, language). */
  key: string | null;
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

const NO_PREVIEW: PreviewRun = {
  jobId: null,
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
  key: null,
};

/** Waves in the order they ran (as the analysis orders them). */
function inOrder(waves: Wave[]): Wave[] {
  return [...waves].sort(
    (a, b) =>
      (a.startsOn ?? a.createdAt).localeCompare(b.startsOn ?? b.createdAt) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** The wave before `waveId`, the default to compare with (none for all waves or the first). */
export function waveBefore(waves: Wave[], waveId: string | null): string | null {
  if (!waveId) return null;
  const ordered = inOrder(waves);
  const at = ordered.findIndex((w) => w.id === waveId);
  return at > 0 ? ordered[at - 1]!.id : null;
}

/** What a preview depends on besides the sections (which the screen shows or hides itself). */
export function previewKey(state: {
  surveyId: string | null;
  waveId: string | null;
  options: ReportOptions;
}): string {
  const { surveyId, waveId, options } = state;
  return JSON.stringify([surveyId, waveId, options.compareWaveId, options.lang]);
}

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
  preview: PreviewRun;
  load: () => Promise<void>;
  chooseSurvey: (surveyId: string) => Promise<void>;
  chooseWave: (waveId: string | null) => void;
  setOptions: (patch: Partial<ReportOptions>) => void;
  toggleSection: (section: ReportSection, on: boolean) => void;
  /** Starts a preview of the Word report (every section; the screen hides unchecked ones). */
  showPreview: () => Promise<void>;
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

  const applyPreview = (job: JobState) => {
    const preview = get().preview;
    if (job.id !== preview.jobId) return;
    if (job.status === 'running') {
      set({ preview: { ...preview, status: 'running', progress: job.progress } });
    } else if (job.status === 'done') {
      set({
        preview: {
          ...preview,
          status: 'done',
          progress: job.progress,
          result: job.result as ReportPreview,
          error: null,
        },
      });
    } else {
      set({ preview: { ...preview, status: job.status, error: job.error?.message ?? null } });
    }
  };

  api.onEvent((event) => {
    if (event.type !== 'job') return;
    if (event.job.kind !== 'report.export' && event.job.kind !== 'report.preview') return;
    seen.set(event.job.id, event.job);
    if (seen.size > 5) seen.delete(seen.keys().next().value!);
    if (event.job.kind === 'report.export') apply(event.job);
    else applyPreview(event.job);
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
      sections: [...REPORT_SECTIONS],
      compareWaveId: null,
    },
    run: IDLE,
    preview: NO_PREVIEW,
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
      set({
        surveyId,
        waves: [],
        waveId: null,
        options: { ...get().options, compareWaveId: null },
      });
      try {
        const waves = await api.waves.list({ surveyId });
        if (get().surveyId === surveyId) set({ waves });
      } catch (error) {
        report(error);
      }
    },
    chooseWave: (waveId) =>
      set({
        waveId,
        // A new wave is compared with the wave before it, until the user chooses otherwise.
        options: { ...get().options, compareWaveId: waveBefore(get().waves, waveId) },
      }),
    setOptions: (patch) => {
      if (patch.lang) langChosen = true;
      set({ options: { ...get().options, ...patch } });
    },
    toggleSection: (section, on) => {
      const chosen = new Set(get().options.sections);
      if (on) chosen.add(section);
      else chosen.delete(section);
      // Kept in report order; at least one section stays chosen.
      const sections = REPORT_SECTIONS.filter((id) => chosen.has(id));
      if (sections.length > 0) set({ options: { ...get().options, sections } });
    },
    showPreview: async () => {
      const state = get();
      const { surveyId, waveId, options, preview } = state;
      if (!surveyId || preview.status === 'starting' || preview.status === 'running') return;
      const key = previewKey(state);
      set({ preview: { ...NO_PREVIEW, status: 'starting', key, result: preview.result } });
      try {
        const job = await api.jobs.start({
          kind: 'report.preview',
          request: {
            surveyId,
            ...(waveId ? { waveIds: [waveId] } : {}),
            quality: 'clean',
            conversion: 'ratio',
            crossBy: 'type',
          },
          lang: options.lang,
          ...(options.compareWaveId ? { compareWaveId: options.compareWaveId } : {}),
        });
        set({
          preview: { ...get().preview, jobId: job.id, status: 'running', progress: job.progress },
        });
        applyPreview(seen.get(job.id) ?? job);
      } catch (error) {
        set({ preview: { ...NO_PREVIEW, result: preview.result, key: preview.key } });
        report(error);
      }
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
        const word = options.format === 'docx';
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
          ...(word && options.sections.length < REPORT_SECTIONS.length
            ? { sections: options.sections }
            : {}),
          ...((word || options.format === 'xlsx') && options.compareWaveId
            ? { compareWaveId: options.compareWaveId }
            : {}),
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
