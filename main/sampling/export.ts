/**
 * Call / visit lists: the filtered sample list as XLSX (exceljs) or CSV (UTF-8 with BOM, RFC
 * 4180), for account managers to work through. Phone numbers and names are typed by people, so
 * every text goes through the formula guard (main/reports/formula-guard.ts): in CSV a leading
 * apostrophe, in XLSX a string cell with the Text format.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { samplingTexts } from '../../shared/i18n/bundles/sampling';
import {
  memberMatches,
  isReminderDue,
  type SampleListFilter,
  type SampleMember,
  type SampleView,
} from '../../shared/sampling';
import { looksLikeFormula } from '../reports/formula-guard';
import { csvLine, UTF8_BOM } from '../reports/exports/csv';

export type ListLang = 'zh-CN' | 'en';
type Cell = string | number | null;

const COLUMNS = [
  'code',
  'name',
  'contact',
  'phone',
  'email',
  'manager',
  'stratum',
  'channel',
  'status',
  'firstContact',
  'nextReminder',
  'reminderDue',
  'responded',
  'weight',
  'notes',
] as const;

/** The rows of a call list: a header row, then one row per member passing the filter. */
export function callListRows(view: SampleView, filter: SampleListFilter, lang: ListLang): Cell[][] {
  const t = samplingTexts[lang].sampling;
  const header: Cell[] = COLUMNS.map((c) => t.columns[c]);
  const members = view.members.filter((m) => memberMatches(m, filter, view.today));
  const row = (m: SampleMember): Cell[] => [
    m.code,
    m.name,
    m.contact,
    m.phone,
    m.email,
    m.accountManager,
    m.stratum,
    t.channel[m.channel],
    t.status[m.status],
    m.firstContactAt ? m.firstContactAt.slice(0, 10) : null,
    m.nextReminder,
    isReminderDue(m, view.today) ? t.list.yes : t.list.no,
    m.responded ? t.list.yes : t.list.no,
    Math.round(m.weight * 10_000) / 10_000,
    m.notes || null,
  ];
  return [header, ...members.map(row)];
}

export function writeCallListCsv(rows: Cell[][], path: string): void {
  const text = rows.map((r) => csvLine(r)).join('');
  fs.writeFileSync(path, Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]));
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } },
};

export async function writeCallListXlsx(
  rows: Cell[][],
  path: string,
  sheetName: string,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  rows.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      // A string cell is never evaluated on opening; the Text format keeps it text when edited.
      if (typeof value === 'string' && looksLikeFormula(value)) cell.numFmt = '@';
    });
    if (r === 0) row.eachCell((cell) => (cell.style = HEADER_STYLE));
  });
  sheet.columns.forEach((column, c) => {
    const longest = Math.max(...rows.map((r) => String(r[c] ?? '').length));
    column.width = Math.min(40, Math.max(8, longest * 1.6 + 2));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  await workbook.xlsx.writeFile(path);
}

/**
 * Writes the list in `format` and returns how many customers it holds. The file is written as
 * `<path>.partial` and renamed when complete, so a list open in Excel is never half-replaced.
 */
export async function exportCallList(
  view: SampleView,
  options: { format: 'xlsx' | 'csv'; lang: ListLang; path: string; filter: SampleListFilter },
): Promise<number> {
  const rows = callListRows(view, options.filter, options.lang);
  const partial = `${options.path}.partial`;
  try {
    if (options.format === 'csv') writeCallListCsv(rows, partial);
    else await writeCallListXlsx(rows, partial, samplingTexts[options.lang].sampling.exportSheet);
    fs.renameSync(partial, options.path);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return rows.length - 1;
}
