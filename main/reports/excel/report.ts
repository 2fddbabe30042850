/**
 * The Excel report (报告, .xlsx): summary, dimensions, items, segments, drivers, open-answer
 * themes, the cleaning log, the variable dictionary and the raw data, in that sheet order.
 *
 * The whole workbook goes through exceljs's streaming writer: a streaming workbook writes its
 * sheets in order, so the small analysis sheets are written and committed first and the raw
 * data (100,000+ responses) last, row by row, without ever holding it in memory.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { AnalysisResult } from '../../../shared/analysis';
import type { SurveyDefinition } from '../../../shared/questionnaire/model';
import type { Db } from '../../db/connection';
import { readCleaningLog } from '../cleaning-log';
import type { LabelMode } from '../raw-columns';
import { openRawData, type RawDataFilter } from '../raw-data';
import type { ReportLang } from '../texts';
import {
  writeDimensionsSheet,
  writeDriversSheet,
  writeItemsSheet,
  writeSegmentsSheet,
  writeThemesSheet,
} from './analysis-sheets';
import { writeCleaningLogSheet, writeDictionarySheet, writeRawDataSheet } from './raw-sheets';
import { writeImprovementSheets } from './improvement-sheet';
import { reportContext } from './report-context';
import { writeSummarySheet } from './summary-sheet';

export interface ExcelReportInput {
  result: AnalysisResult;
  definition: SurveyDefinition;
  lang: ReportLang;
  db: Db;
  surveyId: string;
  /** Waves of the raw data and cleaning log; defaults to the analysis request's waves. */
  waveIds?: string[] | undefined;
  includePersonal: boolean;
  path: string;
  /** Choice answers in the raw data as labels (default) or codes. */
  labels?: LabelMode;
  /**
   * The comparison wave's analysis (same filters): the summary, dimensions and items sheets show
   * its figures beside this wave's, with the change.
   */
  previous?: AnalysisResult | null;
}

export interface ExcelReportWritten {
  path: string;
  sheets: string[];
  rawRows: number;
}

export type ReportProgress = (done: number, total: number) => void;

/** The workbook on a file stream we own, so a failure can close the file before it is removed. */
export function openWorkbook(path: string): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  stream: fs.WriteStream;
} {
  const stream = fs.createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'SurveyDesk';
  workbook.created = new Date();
  return { workbook, stream };
}

/** Finishes the workbook and waits until the file is closed (a rename may follow at once). */
export async function closeWorkbook(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  stream: fs.WriteStream,
): Promise<void> {
  await workbook.commit();
  if (!stream.closed) await once(stream, 'close');
}

/** Stops writing after a failure or a cancel: the file is closed, half-written; the caller removes it. */
export async function abandonWorkbook(stream: fs.WriteStream): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close').catch(() => undefined);
  stream.destroy();
  await closed;
}

export async function buildExcelReport(
  input: ExcelReportInput,
  progress?: ReportProgress,
  signal?: AbortSignal,
): Promise<ExcelReportWritten> {
  const { result, definition, lang, db } = input;
  const ctx = reportContext(result, definition, lang, input.includePersonal, input.previous);
  const request = result.request;
  const filter: RawDataFilter = {
    surveyId: input.surveyId,
    waveIds: input.waveIds ?? request.waveIds,
    channel: request.channel,
    segment: request.segment,
    from: request.from,
    to: request.to,
  };
  const data = openRawData(db, definition, filter, {
    lang,
    includePersonal: input.includePersonal,
  });
  const total = data.count + 1;
  const { workbook, stream } = openWorkbook(input.path);
  try {
    writeSummarySheet(workbook, ctx);
    writeDimensionsSheet(workbook, ctx);
    writeItemsSheet(workbook, ctx);
    writeSegmentsSheet(workbook, ctx);
    writeDriversSheet(workbook, ctx);
    writeThemesSheet(workbook, ctx);
    writeImprovementSheets(workbook, ctx, db, input.surveyId);
    await writeCleaningLogSheet(
      workbook,
      ctx.texts,
      readCleaningLog(db, filter, request.quality, lang),
      { signal },
    );
    writeDictionarySheet(workbook, ctx.texts, data.columns);
    progress?.(0, total);
    const rawRows = await writeRawDataSheet(
      workbook,
      ctx.texts.sheet.raw,
      data,
      input.labels ?? 'labels',
      {
        signal,
        onRows: (done) => progress?.(done, total),
      },
    );
    await closeWorkbook(workbook, stream);
    progress?.(total, total);
    return { path: input.path, sheets: Object.values(ctx.texts.sheet), rawRows };
  } catch (error) {
    await abandonWorkbook(stream);
    throw error;
  }
}
