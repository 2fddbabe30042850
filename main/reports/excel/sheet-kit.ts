/**
 * What every sheet of the Excel report shares: number formats, header and title styles, column
 * widths measured from the content, colour scales for scores, and the one way a text reaches a
 * cell (formula injection guarded).
 *
 * Formula injection in XLSX: a text is always written as a string cell, which Excel and
 * LibreOffice never evaluate on opening, and the text itself is kept unchanged (an analyst gets
 * "-2", not "'-2"). A text that looks like a formula (= + - @ tab CR) also gets the Text number
 * format '@', so that editing the cell and pressing Enter keeps it text instead of evaluating
 * it. A phone number "+86 138 0013 8000" stays exactly that, as text. (A carriage return is
 * written as a line feed: XML parsers, Excel's included, read it so, and LF is Excel's own line
 * break inside a cell.)
 *
 * Style objects are shared module constants on purpose: exceljs looks a cell's style up by object
 * identity, and a fresh style object per cell makes a 100,000-row sheet three times slower.
 */
import type ExcelJS from 'exceljs';
import { looksLikeFormula } from '../formula-guard';

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
export type Sheet = ExcelJS.Worksheet;
export type CellInput = string | number | Date | null | undefined;

export const FORMATS = {
  general: 'General',
  integer: '#,##0',
  score: '0.0',
  mean: '0.00',
  share: '0.0%',
  p: '[<0.001]"<0.001";0.000',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  /** Changes from the previous wave, always signed: +2.5, −1.0 (a share's change in points: +3.0%). */
  integerChange: '+#,##0;-#,##0;0',
  scoreChange: '+0.0;-0.0;0.0',
  meanChange: '+0.00;-0.00;0.00',
  shareChange: '+0.0%;-0.0%;0.0%',
} as const;
export type Format = keyof typeof FORMATS;

/** The signed format of a change in a figure of format `format`. */
export function changeFormat(format: Format): Format {
  if (format === 'integer') return 'integerChange';
  if (format === 'mean') return 'meanChange';
  if (format === 'share') return 'shareChange';
  return 'scoreChange';
}

/** This wave's figure minus the previous wave's, when both exist. */
export function change(current: CellInput, previous: CellInput): number | null {
  return typeof current === 'number' &&
    typeof previous === 'number' &&
    Number.isFinite(current) &&
    Number.isFinite(previous)
    ? current - previous
    : null;
}

const BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } };

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FF1F2D3D' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } },
  alignment: { vertical: 'middle', wrapText: true },
  border: BORDER,
};
export const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 14, color: { argb: 'FF1F4E79' } },
};
export const SECTION_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 12, color: { argb: 'FF1F4E79' } },
  border: BORDER,
};
export const NOTE_STYLE: Partial<ExcelJS.Style> = {
  font: { italic: true, color: { argb: 'FF595959' } },
};
export const WARNING_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFC00000' } },
};

/** Printing: landscape, as wide as one page, sheet name and page numbers in the footer. */
export const PRINT_OPTIONS: Partial<ExcelJS.AddWorksheetOptions> = {
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  },
  headerFooter: { oddFooter: '&A  &P / &N', firstFooter: '&A  &P / &N' },
};
export const INDENT_STYLE: Partial<ExcelJS.Style> = {
  alignment: { horizontal: 'left', indent: 2 },
};

// Cells align to the top, so a row with a wrapped text still reads across.
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
/** Formula-like texts: Text format, so Excel never turns them into formulas, even when edited. */
const GUARDED_STYLE: Partial<ExcelJS.Style> = { numFmt: '@', alignment: TOP };
const WRAPPED_STYLE: Partial<ExcelJS.Style> = { alignment: WRAP };
const GUARDED_WRAPPED_STYLE: Partial<ExcelJS.Style> = { numFmt: '@', alignment: WRAP };
const FORMAT_STYLES = Object.fromEntries(
  Object.entries(FORMATS).map(([key, numFmt]) => [
    key,
    key === 'general' ? { alignment: TOP } : { numFmt, alignment: TOP },
  ]),
) as Record<Format, Partial<ExcelJS.Style>>;

/** Writes a value with the column's format; texts go through the formula guard. */
export function putCell(
  cell: ExcelJS.Cell,
  value: CellInput,
  format: Format = 'general',
  wrap = false,
): void {
  if (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && !Number.isFinite(value))
  )
    return;
  if (typeof value === 'string') {
    // XML readers turn a raw carriage return into a line feed anyway; Excel's line break is LF.
    cell.value = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
    const guarded = looksLikeFormula(value);
    cell.style = guarded
      ? wrap
        ? GUARDED_WRAPPED_STYLE
        : GUARDED_STYLE
      : wrap
        ? WRAPPED_STYLE
        : FORMAT_STYLES.general;
    return;
  }
  cell.value = value;
  cell.style = FORMAT_STYLES[format];
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Display width of a text in Excel's column unit (the width of a "0"): CJK characters take two.
 * `latin` and `wide` tune it for wrapping, where proportional Latin letters run narrower.
 */
export function displayWidth(text: string, latin = 1, wide = 2): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? wide : latin;
  return width;
}

function widthOf(value: CellInput, format: Format): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string')
    return Math.max(...value.split('\n').map((part) => displayWidth(part)));
  if (value instanceof Date) return format === 'date' ? 10 : 19;
  return format === 'share' ? 7 : String(Math.round(value * 100) / 100).length + 1;
}

export interface TableColumn<R> {
  header: string;
  value: (row: R) => CellInput;
  format?: Format;
  /** Upper bound of the measured width; long texts wrap within it. */
  maxWidth?: number;
  wrap?: boolean;
  /** Red-yellow-green colour scale over the column (scores: higher is better). */
  colourScale?: boolean;
}

/** Widths that fit header and content, within bounds (Excel's unit is one Latin character). */
export function measuredWidths<R>(columns: TableColumn<R>[], rows: R[]): number[] {
  return columns.map((column) => {
    const header = Math.max(
      ...column.header.split(' ').map((part) => displayWidth(part)),
      Math.min(displayWidth(column.header), 18),
    );
    const content = rows.reduce(
      (max, row) => Math.max(max, widthOf(column.value(row), column.format ?? 'general')),
      0,
    );
    return Math.min(column.maxWidth ?? 40, Math.max(8, header, content) + 2);
  });
}

/** Lines a text takes when wrapped in a column `width` characters wide. */
export function linesOf(text: string, width: number): number {
  return text
    .split('\n')
    .reduce(
      (sum, line) =>
        sum + Math.max(1, Math.ceil(displayWidth(line, 0.85, 1.8) / Math.max(1, width))),
      0,
    );
}

/** Column letter of a 1-based index. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Red (low) - yellow - green (high), the familiar 3-colour scale. */
export function addColourScale(sheet: Sheet, ref: string, priority: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'colorScale',
        priority,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
}

/** Writes the header row (committed) of a table starting at row `at`. */
export function writeHeader(sheet: Sheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.height = 32;
  row.eachCell((cell) => (cell.style = HEADER_STYLE));
  row.commit();
}

/**
 * A sheet holding one table: frozen header, auto filter, measured widths, formats and colour
 * scales. For the small analysis tables; the raw data has its own streaming writer.
 */
export function writeTableSheet<R>(
  workbook: Workbook,
  name: string,
  columns: TableColumn<R>[],
  rows: R[],
  frozenColumns = 1,
): void {
  const sheet = workbook.addWorksheet(name, {
    ...PRINT_OPTIONS,
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
  });
  const widths = measuredWidths(columns, rows);
  sheet.columns = widths.map((width) => ({ width }));
  writeHeader(
    sheet,
    columns.map((c) => c.header),
  );
  for (const item of rows) {
    const row = sheet.addRow([]);
    let lines = 1;
    columns.forEach((column, k) => {
      const value = column.value(item);
      putCell(row.getCell(k + 1), value, column.format, column.wrap);
      if (column.wrap && typeof value === 'string')
        lines = Math.max(lines, linesOf(value, widths[k]! - 1));
    });
    // Spreadsheets do not grow a row for wrapped text on their own when the file is opened.
    if (lines > 1) row.height = 15 * Math.min(lines, 8);
    row.commit();
  }
  const last = Math.max(2, rows.length + 1);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns.length } };
  let priority = 1;
  columns.forEach((column, k) => {
    if (column.colourScale && rows.length > 1)
      addColourScale(sheet, `${columnLetter(k + 1)}2:${columnLetter(k + 1)}${last}`, priority++);
  });
  sheet.commit();
}
