/**
 * A CSV or XLSX file read into a header and rows of text cells, each row numbered as a
 * spreadsheet shows it (the header is row 1), so every problem can name the row the user sees.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS, { type CellValue } from 'exceljs';
import { decodeText } from './decode';

export interface TableRow {
  /** The row number a spreadsheet shows; the header is row 1. */
  row: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
  /** CSV: the encoding the text was read in; XLSX: null. */
  encoding: string | null;
  /** XLSX: the worksheet read. */
  sheet: string | null;
}

/** A file that cannot be read as a table at all; `row` when the reader knows where it stopped. */
export class UnreadableFile extends Error {
  constructor(
    readonly reason: 'unsupported_type' | 'not_a_workbook' | 'csv_syntax' | 'empty_file',
    readonly row: number | null = null,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'UnreadableFile';
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Excel stores a wall-clock time without a zone and exceljs hands it over as that time in UTC;
 * writing it back as text lets XLSX and CSV times be read by the same rules (local time).
 * Excel's day zero (1899-12-30) means a time of day or a duration: only the clock part counts.
 */
function dateCellText(date: Date): string {
  const clock = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  if (date.getUTCFullYear() < 1901) return clock;
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return clock === '00:00:00' ? day : `${day} ${clock}`;
}

/** The text a cell shows: numbers, booleans, dates, rich text, links and formula results. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateCellText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  return '';
}

/** The delimiter of the header line: comma (online tools), tab (Excel's Unicode text) or semicolon. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ',';
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) throw new UnreadableFile('empty_file');
  let records: { record: string[]; info: { records: number } }[];
  try {
    // With `info`, each record comes as { record, info }; csv-parse's types do not follow the option.
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { records?: number; message?: string };
    throw new UnreadableFile(
      'csv_syntax',
      typeof e.records === 'number' ? e.records + 1 : null,
      e.message ?? '',
    );
  }
  const [header, ...data] = records;
  if (!header) throw new UnreadableFile('empty_file');
  return {
    headers: header.record.map((h) => h.trim()),
    rows: data.map((r) => ({ row: r.info.records, cells: r.record })),
    encoding,
    sheet: null,
  };
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; at run time it takes Node's Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    // exceljs throws zip and XML errors of many shapes; to the user they all mean the same.
    throw new UnreadableFile('not_a_workbook');
  }
  const worksheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!worksheet) throw new UnreadableFile('empty_file');
  const headers: string[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    headers[index - 1] = cellText(cell.value).trim();
  });
  for (let i = 0; i < headers.length; i++) headers[i] ??= '';
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (excelRow, row) => {
    if (row === 1) return;
    const cells: string[] = [];
    excelRow.eachCell({ includeEmpty: false }, (cell, index) => {
      cells[index - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row, cells });
  });
  return { headers, rows, encoding: null, sheet: worksheet.name };
}

/** Reads `.csv`, `.txt`, `.tsv` or `.xlsx` by the file name's extension. */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'xlsx') return readXlsx(bytes);
  if (['csv', 'txt', 'tsv'].includes(extension)) return readCsv(bytes);
  throw new UnreadableFile('unsupported_type', null, extension);
}
