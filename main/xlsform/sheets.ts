/**
 * Worksheets read into plain tables of text cells, and the languages of their text columns
 * resolved once for the whole workbook, so every later step reads `label` in a survey language
 * without knowing how the header was spelled.
 */
import type { CellValue, Worksheet } from 'exceljs';
import type { LocalizedText, SurveyLanguage } from '../../shared/questionnaire/model';
import { isLocalizedBase, parseHeader, type ColumnHeader } from './columns';
import type { IssueLog } from './errors';
import { looksChinese, parseLanguage } from './languages';

export interface SheetColumn extends ColumnHeader {
  /** 1-based column number. */
  index: number;
  /** For text columns: the survey language its cells are read in; null = ignored. */
  resolved: SurveyLanguage | null;
}

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: Map<number, string>;
}

export interface SheetTable {
  sheet: string;
  columns: SheetColumn[];
  rows: SheetRow[];
}

/** The text a cell shows, whatever Excel stored: numbers, booleans, rich text, formula results. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  return '';
}

export function readSheet(worksheet: Worksheet, sheet: string): SheetTable {
  const columns: SheetColumn[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    const header = cellText(cell.value);
    if (header.trim()) columns.push({ ...parseHeader(header), index, resolved: null });
  });
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (excelRow, row) => {
    if (row === 1) return;
    const cells = new Map<number, string>();
    excelRow.eachCell({ includeEmpty: false }, (cell, index) => {
      const text = cellText(cell.value);
      if (text.trim()) cells.set(index, text);
    });
    if (cells.size > 0) rows.push({ row, cells });
  });
  return { sheet, columns, rows };
}

/** Reads one row by column name. */
export class RowReader {
  constructor(
    private readonly table: SheetTable,
    readonly source: SheetRow,
  ) {}

  get row(): number {
    return this.source.row;
  }

  get sheet(): string {
    return this.table.sheet;
  }

  /** The trimmed text of the first column called `base` ('' when absent or empty). */
  text(base: string): string {
    const column = this.table.columns.find((c) => c.base === base && c.language === 'plain');
    return column ? (this.source.cells.get(column.index) ?? '').trim() : '';
  }

  /** A text column in every language; explicit `::Language` columns win over a plain one. */
  localized(base: string): LocalizedText {
    const text: LocalizedText = {};
    const columns = this.table.columns.filter((c) => c.base === base && c.resolved !== null);
    const ordered = [
      ...columns.filter((c) => c.language !== 'plain'),
      ...columns.filter((c) => c.language === 'plain'),
    ];
    for (const column of ordered) {
      const value = this.source.cells.get(column.index);
      if (column.resolved && value?.trim() && text[column.resolved] === undefined)
        text[column.resolved] = value;
    }
    return text;
  }
}

export function rowsOf(table: SheetTable): RowReader[] {
  return table.rows.map((row) => new RowReader(table, row));
}

export interface LanguagePlan {
  languages: SurveyLanguage[];
  defaultLanguage: SurveyLanguage;
}

/**
 * Decides which survey language each text column holds. An unnamed column (`label`) is in
 * settings.default_language when that names one of ours, else Chinese if its texts are, else
 * English. Languages are listed in the order their columns first appear.
 */
export function resolveLanguages(
  tables: SheetTable[],
  defaultSetting: string,
  log: IssueLog,
): LanguagePlan {
  const textColumns = tables.flatMap((table) =>
    table.columns.filter((c) => isLocalizedBase(c.base)).map((column) => ({ table, column })),
  );
  const fromSetting = defaultSetting ? parseLanguage(defaultSetting) : null;
  const plainTexts = textColumns
    .filter(({ column }) => column.language === 'plain')
    .flatMap(({ table, column }) => table.rows.map((row) => row.cells.get(column.index) ?? ''));
  const plainLanguage: SurveyLanguage = fromSetting ?? (looksChinese(plainTexts) ? 'zh-CN' : 'en');

  const languages: SurveyLanguage[] = [];
  const seen = new Map<string, SheetColumn>();
  for (const { table, column } of textColumns) {
    const place = { sheet: table.sheet, row: 1, column: column.header };
    if (column.language === null) {
      log.warn('unknown_language', place, { column: column.header });
      continue;
    }
    const language = column.language === 'plain' ? plainLanguage : column.language;
    const key = `${table.sheet}\u0000${column.base}\u0000${column.language}\u0000${language}`;
    const first = seen.get(key);
    if (first) {
      log.warn('duplicate_language', place, { column: column.header, other: first.header });
      continue;
    }
    seen.set(key, column);
    column.resolved = language;
    if (!languages.includes(language)) languages.push(language);
  }

  if (languages.length === 0) languages.push(plainLanguage);
  const first = languages[0] ?? plainLanguage;
  const defaultLanguage = fromSetting && languages.includes(fromSetting) ? fromSetting : first;
  if (defaultSetting && !fromSetting) {
    const place = { sheet: 'settings', row: 2, column: 'default_language' };
    log.warn('unknown_default_language', place, { value: defaultSetting, used: defaultLanguage });
  }
  return { languages, defaultLanguage };
}
