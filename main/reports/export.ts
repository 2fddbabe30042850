/**
 * One report or data export to a file: the Word or Excel report (after running the analysis) or
 * the raw data as CSV or SPSS. Used by the 'report.export' job and by `surveydesk report`.
 *
 * The file appears complete or not at all: everything is written to `<path>.partial`, renamed to
 * `<path>` at the end, and the partial file is removed when the export fails or is cancelled.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AnalysisRequest, AnalysisResult } from '../../shared/analysis';
import { AppError } from '../../shared/errors';
import { textIn } from '../../shared/questionnaire/model';
import { runAnalysis } from '../analysis/engine';
import { getThemes } from '../analysis/themes';
import type { Db } from '../db/connection';
import { throwIfCancelled } from './cancel';
import { buildExcelReport } from './excel/report';
import { loadWordReport } from './load-word';
import { fieldworkFacts, type SampleFactsSource } from './fieldwork-facts';
import { improvementReportData } from '../improvement/report-data';
import { reportBranding } from '../services/settings';
import { writeCsv, type CsvEncoding } from './exports/csv';
import { writeSav } from './exports/sav';
import type { LabelMode } from './raw-columns';
import { openRawData, readDefinition, type RawDataFilter } from './raw-data';
import type { ReportLang } from './texts';
import type { SectionId } from './word/texts';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'sav'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  request: AnalysisRequest;
  format: ExportFormat;
  lang: ReportLang;
  /** Absolute path of the file to write. */
  path: string;
  labels: LabelMode;
  /** CSV only. */
  encoding: CsvEncoding;
  includePersonal: boolean;
  /** Word only: the sections to include (default: all), see word/texts.ts SECTION_IDS. */
  sections?: SectionId[] | undefined;
  /**
   * The Word and Excel reports: the wave to compare with (a wave of the same survey), analysed
   * with the same filters. Without it the Word report compares with the wave before, from the
   * trend, and the Excel report shows this wave's figures only.
   */
  compareWaveId?: string | undefined;
}

/** What the job returns. */
export interface ExportDone {
  path: string;
  format: ExportFormat;
  /** Responses in the raw data (0 for the Word report). */
  rows: number;
  bytes: number;
}

export interface ExportRun {
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
  /** Where the method section finds each wave's sample (the sampling capability, when present). */
  sampleFacts?: SampleFactsSource | undefined;
}

const PARTIAL = '.partial';

/** Aborts from other libraries (a DOMException 'AbortError') become the job's cancel. */
function asCancel(error: unknown, signal: AbortSignal | undefined): unknown {
  return signal?.aborted && !(error instanceof AppError) ? new AppError('JOB_CANCELLED') : error;
}

/**
 * The analysis of a report's request and, when a comparison wave is chosen, of that wave with the
 * same filters (its figures become the report's "previous wave").
 */
export async function analyseForReport(
  db: Db,
  request: AnalysisRequest,
  compareWaveId: string | undefined,
  run: { signal?: AbortSignal | undefined; progress?: (done: number, total: number) => void } = {},
): Promise<{ result: AnalysisResult; previous: AnalysisResult | null }> {
  if (compareWaveId) {
    const wave = db
      .prepare('SELECT id FROM waves WHERE id = ? AND survey_id = ?')
      .get(compareWaveId, request.surveyId);
    if (!wave) throw new AppError('NOT_FOUND', { what: `wave ${compareWaveId}` });
  }
  const themes = getThemes(db);
  const steps = compareWaveId ? 2 : 1;
  const result = await runAnalysis(db, request, {
    themes,
    progress: (done, total) => {
      throwIfCancelled(run.signal);
      run.progress?.(done, total * steps);
    },
  });
  const previous = compareWaveId
    ? await runAnalysis(
        db,
        { ...request, waveIds: [compareWaveId] },
        {
          themes,
          progress: (done, total) => {
            throwIfCancelled(run.signal);
            run.progress?.(total + done, total * 2);
          },
        },
      )
    : null;
  return { result, previous };
}

async function write(
  db: Db,
  input: ExportRequest,
  partial: string,
  run: ExportRun,
): Promise<number> {
  const { request, lang } = input;
  const progress = run.progress ?? (() => undefined);
  const signal = run.signal;
  const filter: RawDataFilter = {
    surveyId: request.surveyId,
    waveIds: request.waveIds,
    channel: request.channel,
    segment: request.segment,
    from: request.from,
    to: request.to,
  };
  const { definition } = readDefinition(db, request.surveyId);
  if (input.format === 'csv' || input.format === 'sav') {
    const data = openRawData(db, definition, filter, {
      lang,
      includePersonal: input.includePersonal,
    });
    // SPSS reads the responses twice (measure, then write): twice the work to report.
    const total = input.format === 'sav' ? 2 * data.count : data.count;
    const onRows = (done: number) => progress(Math.min(total, total - data.count + done), total);
    if (input.format === 'csv')
      return writeCsv(
        data,
        partial,
        { labels: input.labels, encoding: input.encoding },
        { onRows, signal },
      );
    return writeSav(
      data,
      partial,
      {
        labels: input.labels,
        fileLabel: textIn(definition.title, lang, definition.defaultLanguage),
      },
      { onRows, signal },
    );
  }
  // The reports: the analyses first (a tenth of the bar), then the document.
  const { result, previous } = await analyseForReport(db, request, input.compareWaveId, {
    signal,
    progress: (done, total) => progress(done, total * 10),
  });
  const after = (done: number, total: number) => progress(total + Math.round(done * 9), total * 10);
  if (input.format === 'docx') {
    // Loaded only when asked for: it brings docx and the native chart canvas into the worker.
    const { buildWordReport } = await loadWordReport();
    const docx = await buildWordReport(
      {
        result,
        definition,
        lang,
        previous,
        sections: input.sections,
        fieldwork: fieldworkFacts(db, filter, run.sampleFacts),
        improvement: improvementReportData(db, request.surveyId),
        ...reportBranding(db),
      },
      after,
      signal,
    );
    await fs.writeFile(partial, docx);
    return 0;
  }
  const written = await buildExcelReport(
    {
      result,
      definition,
      lang,
      db,
      surveyId: request.surveyId,
      waveIds: request.waveIds,
      includePersonal: input.includePersonal,
      path: partial,
      labels: input.labels,
      previous,
    },
    after,
    signal,
  );
  return written.rawRows;
}

export async function exportToFile(
  db: Db,
  input: ExportRequest,
  run: ExportRun = {},
): Promise<ExportDone> {
  if (!path.isAbsolute(input.path))
    throw new AppError('INVALID_INPUT', {
      details: `the output path must be absolute: ${input.path}`,
    });
  const partial = `${input.path}${PARTIAL}`;
  const folder = path.dirname(input.path);
  const exists = await fs.stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) throw new AppError('NOT_FOUND', { what: `folder ${folder}` });
  try {
    throwIfCancelled(run.signal);
    const rows = await write(db, input, partial, run);
    throwIfCancelled(run.signal);
    await fs.rename(partial, input.path);
    const { size } = await fs.stat(input.path);
    return { path: input.path, format: input.format, rows, bytes: size };
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw asCancel(error, run.signal);
  }
}
