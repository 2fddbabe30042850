/**
 * Reads an XLSForm workbook into a questionnaire: our own exports without loss, and forms
 * written for ODK, Kobo or pyxform as far as SurveyDesk can represent them. Anything skipped
 * or changed is a warning with its sheet and row; anything that would make the result wrong
 * throws an XlsFormError listing every such problem, and callers store nothing.
 */
import ExcelJS from 'exceljs';
import {
  DEFINITION_FORMAT_VERSION,
  definitionSchema,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import {
  CHOICE_COLUMNS,
  META_COLUMNS,
  SHEET,
  SURVEY_COLUMNS,
  SURVEY_READ_ONLY_COLUMNS,
} from './columns';
import { FILE_SHEET, IssueLog, XlsFormError, fail, makeIssue, type ImportResult } from './errors';
import { checkReferences, type ExpressionUse } from './expressions';
import { readChoiceLists } from './import-choices';
import { readSettings, readSurveyMeta } from './import-meta';
import { readSurvey } from './import-survey';
import { readSheet, resolveLanguages, type SheetTable } from './sheets';

export type { ImportIssue, ImportResult } from './errors';
export { XlsFormError } from './errors';

/** Reads an .xlsx XLSForm; throws XlsFormError when the form cannot be imported as a whole. */
export async function importXlsForm(data: Buffer): Promise<ImportResult> {
  const workbook = await loadWorkbook(data);
  const sheet = (name: string): SheetTable | undefined => {
    const found = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
    return found ? readSheet(found, name) : undefined;
  };
  const survey = sheet(SHEET.survey);
  if (!survey) fail('missing_survey_sheet', { sheet: SHEET.survey, row: null });
  for (const column of ['type', 'name']) {
    if (!survey.columns.some((c) => c.base === column && c.language === 'plain')) {
      fail(
        'missing_column',
        { sheet: SHEET.survey, row: 1, column },
        { sheet: SHEET.survey, column },
      );
    }
  }
  const choices = sheet(SHEET.choices);
  const settingsSheet = sheet(SHEET.settings);
  const metaSheet = sheet(SHEET.meta);

  const log = new IssueLog();
  const settings = readSettings(settingsSheet);
  const tables = [survey, choices, metaSheet].filter(
    (table): table is SheetTable => table !== undefined,
  );
  const { languages, defaultLanguage } = resolveLanguages(tables, settings.defaultLanguage, log);
  warnUnusedColumns(survey, [...SURVEY_COLUMNS, ...SURVEY_READ_ONLY_COLUMNS], log);
  if (choices) warnUnusedColumns(choices, CHOICE_COLUMNS, log);
  if (metaSheet) warnUnusedColumns(metaSheet, META_COLUMNS, log);

  const lists = readChoiceLists(choices, log);
  const uses: ExpressionUse[] = [];
  const content = readSurvey(survey, { lists, languages, log, uses });
  const meta = readSurveyMeta(metaSheet, settings, defaultLanguage, log);
  log.throwIfErrors();
  checkReferences(uses, content.variables, log);

  const draft: SurveyDefinition = {
    formatVersion: DEFINITION_FORMAT_VERSION,
    ...meta,
    languages,
    defaultLanguage,
    pages: content.pages,
  };
  const parsed = definitionSchema.safeParse(draft);
  if (!parsed.success) {
    throw new XlsFormError(
      parsed.error.issues.map((issue) => {
        const row = rowAt(draft, issue.path, content.rows);
        const path = issue.path.map(String).join('.');
        return makeIssue(
          'definition_invalid',
          { sheet: SHEET.survey, row, column: path },
          { path, detail: issue.message },
        );
      }),
    );
  }
  return { definition: parsed.data, warnings: log.warnings };
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; at run time it takes Node's Buffer.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    // exceljs throws zip and XML errors of many shapes; to the user they all mean the same.
    fail('not_a_workbook', { sheet: FILE_SHEET, row: null });
  }
  return workbook;
}

/** One warning per column SurveyDesk does not read, at the first row that has a value in it. */
function warnUnusedColumns(table: SheetTable, known: readonly string[], log: IssueLog): void {
  for (const column of table.columns) {
    // Kobo's bookkeeping columns ($kuid, $autoname...) carry no questionnaire content.
    if (known.includes(column.base) || column.header.startsWith('$')) continue;
    const first = table.rows.find((row) => row.cells.get(column.index)?.trim());
    if (first)
      log.warn(
        'unsupported_column',
        { sheet: table.sheet, row: first.row, column: column.header },
        { column: column.header },
      );
  }
}

/** The row of the deepest object on `path` that came from a row of the survey sheet. */
function rowAt(
  root: unknown,
  path: readonly PropertyKey[],
  rows: WeakMap<object, number>,
): number | null {
  let node: unknown = root;
  let row: number | null = null;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (typeof node === 'object' && node !== null) row = rows.get(node) ?? row;
  }
  return row;
}
