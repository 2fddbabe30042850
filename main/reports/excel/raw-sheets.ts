/**
 * The data sheets of the Excel report and of the XLSX export: the variable dictionary, the
 * cleaning log, and the raw data written row by row with exceljs's streaming writer. Each row is
 * committed as soon as it is built, and every few hundred rows the writer lets the zip
 * compressor catch up, so 100,000 responses never sit in memory.
 */
import type { Writable } from 'node:stream';
import { pause, throwIfCancelled, type RowProgress } from '../cancel';
import type { CleaningLogEntry } from '../cleaning-log';
import { valuePresenter, type LabelMode, type RawColumn } from '../raw-columns';
import type { RawData } from '../raw-data';
import type { ReportTexts } from '../texts';
import {
  PRINT_OPTIONS,
  columnLetter,
  displayWidth,
  putCell,
  writeHeader,
  writeTableSheet,
  type CellInput,
  type Format,
  type Sheet,
  type Workbook,
} from './sheet-kit';

/** Rows between two yields to the event loop (and progress reports and cancel checks). */
const YIELD_EVERY = 250;
/** XML waiting for the zip compressor beyond which writing waits for it (bounds memory). */
const BACKLOG_LIMIT = 16 * 1024 * 1024;
const STALLED_MS = 60_000;
const NAP_MS = 5;

/**
 * exceljs hands a sheet's XML to the zip compressor without waiting for it, so on a large sheet
 * the uncompressed XML piles up in memory (128 MB for 100,000 responses). This waits whenever
 * the compressor is more than BACKLOG_LIMIT behind. The compressor's input stream is exceljs
 * internals; if it is not found, writing just goes on as before.
 */
async function keepUpWithZip(sheet: Sheet, signal: AbortSignal | undefined): Promise<void> {
  await pause(signal);
  const input = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (!input) return;
  const backlog = () =>
    (input as { _writableState?: { length: number } })._writableState?.length ??
    input.writableLength ??
    0;
  // Short naps rather than 'drain' (which waits for an empty buffer): writing resumes as soon as
  // the compressor is back under the limit, so both keep working side by side.
  let stalled = 0;
  while (backlog() > BACKLOG_LIMIT) {
    const before = backlog();
    await new Promise((resolve) => setTimeout(resolve, NAP_MS));
    throwIfCancelled(signal);
    stalled = backlog() < before ? 0 : stalled + NAP_MS;
    if (stalled > STALLED_MS)
      throw new Error('the workbook is not being written any more (disk full or file removed?)');
  }
}

function valuesText(column: RawColumn): string | null {
  return column.valueLabels.length
    ? column.valueLabels.map((v) => `${v.value} = ${v.label}`).join('; ')
    : null;
}

export function writeDictionarySheet(
  workbook: Workbook,
  texts: ReportTexts,
  columns: RawColumn[],
): void {
  const c = texts.col;
  writeTableSheet<RawColumn>(
    workbook,
    texts.sheet.dictionary,
    [
      { header: c.variable, value: (v) => v.name },
      { header: c.label, value: (v) => v.label, maxWidth: 60, wrap: true },
      { header: c.type, value: (v) => texts.variableType[v.type] },
      { header: c.values, value: valuesText, maxWidth: 60, wrap: true },
      { header: c.question, value: (v) => v.question },
      { header: c.personal, value: (v) => (v.personal ? texts.yesNo.yes : null) },
    ],
    columns,
  );
}

export async function writeCleaningLogSheet(
  workbook: Workbook,
  texts: ReportTexts,
  entries: Iterable<CleaningLogEntry>,
  progress: RowProgress = {},
): Promise<void> {
  const c = texts.col;
  const sheet = workbook.addWorksheet(texts.sheet.cleaning, {
    ...PRINT_OPTIONS,
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = [38, 14, 19, 22, 60, 30, 10].map((width) => ({ width }));
  writeHeader(sheet, [c.responseId, c.wave, c.started, c.rules, c.details, c.decision, c.excluded]);
  let n = 0;
  for (const entry of entries) {
    const row = sheet.addRow([]);
    const values: [CellInput, Format?][] = [
      [entry.id],
      [entry.wave],
      [new Date(entry.startedAt), 'datetime'],
      [entry.rules.join('; ')],
      [entry.details.join('\n')],
      [entry.decisions.join('\n') || null],
      [entry.excluded ? texts.yesNo.yes : texts.yesNo.no],
    ];
    values.forEach(([value, format], k) =>
      putCell(row.getCell(k + 1), value, format, k === 4 || k === 5),
    );
    const lines = Math.max(entry.details.length, entry.decisions.length);
    if (lines > 1) row.height = 15 * Math.min(lines, 8);
    row.commit();
    if (++n % YIELD_EVERY === 0) await keepUpWithZip(sheet, progress.signal);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(2, n + 1), column: 7 } };
  sheet.commit();
}

const TYPE_WIDTH: Record<RawColumn['type'], number> = {
  number: 9,
  code: 14,
  text: 24,
  date: 11,
  datetime: 19,
};

/** Excel date cells for ISO dates and times; other values as they are. */
function excelValue(
  column: RawColumn,
  value: string | number | null,
): string | number | Date | null {
  if (typeof value !== 'string') return value;
  if (column.type === 'datetime') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time);
  }
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * The raw data: one header row of variable names, then one row per response. Returns the number
 * of rows written.
 */
export async function writeRawDataSheet(
  workbook: Workbook,
  name: string,
  data: RawData,
  mode: LabelMode,
  progress: RowProgress = {},
): Promise<number> {
  const { columns } = data;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = columns.map((column, k) => ({
    width:
      k === data.fieldColumn.response_id
        ? 38
        : Math.min(40, Math.max(TYPE_WIDTH[column.type], displayWidth(column.name) + 2)),
  }));
  writeHeader(
    sheet,
    columns.map((c) => c.name),
  );
  const present = valuePresenter(columns, mode);
  const formats: Format[] = columns.map((c) =>
    c.type === 'datetime' ? 'datetime' : c.type === 'date' ? 'date' : 'general',
  );
  let n = 0;
  for (const values of data.rows()) {
    const row = sheet.addRow([]);
    for (let k = 0; k < columns.length; k++) {
      const value = values[k] ?? null;
      if (value !== null)
        putCell(row.getCell(k + 1), excelValue(columns[k]!, present(value, k)), formats[k]);
    }
    row.commit();
    if (++n % YIELD_EVERY === 0) {
      progress.onRows?.(n);
      await keepUpWithZip(sheet, progress.signal);
    }
  }
  progress.onRows?.(n);
  sheet.autoFilter = `A1:${columnLetter(Math.max(1, columns.length))}${Math.max(2, n + 1)}`;
  sheet.commit();
  return n;
}
