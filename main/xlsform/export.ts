/**
 * Writes a questionnaire as an XLSForm workbook: `survey`, `choices` and `settings` as ODK,
 * Kobo and pyxform read them, plus `sd_survey` with what XLSForm has no place for (description,
 * goal, targets, dimensions, consent, thank-you). Other tools ignore sd_survey and the sd_*
 * columns; importXlsForm reads them back so a round trip keeps everything.
 */
import ExcelJS from 'exceljs';
import { textIn, type SurveyDefinition } from '../../shared/questionnaire/model';
import {
  CHOICE_COLUMNS,
  META_COLUMNS,
  SETTINGS_COLUMNS,
  SHEET,
  SURVEY_COLUMNS,
  isLocalizedBase,
} from './columns';
import { formRows, putText, type SheetRowData } from './export-survey';
import { LANGUAGE_HEADER, localizedHeader } from './languages';

/** What the caller knows about the survey besides its definition: settings.form_id / version. */
export interface XlsFormExportMeta {
  formId?: string;
  version?: number | string;
}

/** The questionnaire as an .xlsx XLSForm. */
export async function exportXlsForm(
  definition: SurveyDefinition,
  meta: XlsFormExportMeta = {},
): Promise<Buffer> {
  const { survey, choices } = formRows(definition);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SurveyDesk';
  const languages = definition.languages;

  addSheet(
    workbook,
    SHEET.survey,
    headersFor(SURVEY_COLUMNS, survey, languages, ['label']),
    survey,
  );
  addSheet(
    workbook,
    SHEET.choices,
    headersFor(CHOICE_COLUMNS, choices, languages, ['label']),
    choices,
  );
  const settings = settingsRow(definition, meta);
  addSheet(workbook, SHEET.settings, [...SETTINGS_COLUMNS], [settings]);
  const metaRows = surveyMetaRows(definition);
  addSheet(workbook, SHEET.meta, headersFor(META_COLUMNS, metaRows, languages, ['text']), metaRows);

  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}

/**
 * The columns a sheet needs, in the canonical order: every column some row uses, text columns
 * once per survey language; `always` columns (the labels) even when empty.
 */
function headersFor(
  columns: readonly string[],
  rows: SheetRowData[],
  languages: SurveyDefinition['languages'],
  always: string[],
): string[] {
  const used = new Set(rows.flatMap((row) => Object.keys(row)));
  return columns.flatMap((base) => {
    const candidates = isLocalizedBase(base)
      ? languages.map((l) => localizedHeader(base, l))
      : [base];
    return always.includes(base) ? candidates : candidates.filter((header) => used.has(header));
  });
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: SheetRowData[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  headers.forEach((header, i) => {
    sheet.getColumn(i + 1).width =
      header.startsWith('label') || header.startsWith('text') ? 40 : 16;
  });
}

function settingsRow(definition: SurveyDefinition, meta: XlsFormExportMeta): SheetRowData {
  const lang = definition.defaultLanguage;
  const english = definition.title.en ?? '';
  const slug = english
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return {
    form_title: textIn(definition.title, lang),
    form_id: meta.formId ?? (slug || 'surveydesk_form'),
    version: String(meta.version ?? 1),
    default_language: LANGUAGE_HEADER[lang],
    style: 'pages',
  };
}

/** sd_survey: texts by key; one row per dimension (value = weight) and target. */
function surveyMetaRows(definition: SurveyDefinition): SheetRowData[] {
  const languages = definition.languages;
  const rows: SheetRowData[] = [];
  const textRow = (
    key: string,
    text: SurveyDefinition['title'],
    extra: SheetRowData = {},
  ): void => {
    const row: SheetRowData = { key, ...extra };
    putText(row, 'text', text, languages);
    rows.push(row);
  };
  textRow('title', definition.title);
  textRow('description', definition.description);
  textRow('goal', definition.goal);
  textRow('consent', definition.consent.text, {
    value: definition.consent.required ? 'yes' : 'no',
  });
  textRow('thank_you', definition.thankYou);
  for (const dimension of definition.dimensions) {
    textRow('dimension', dimension.name, { id: dimension.id, value: dimension.weight });
  }
  for (const target of definition.targets) {
    const extra: SheetRowData = { id: target.metric, value: target.target };
    if (target.baseline !== null) extra.baseline = target.baseline;
    textRow('target', target.label, extra);
  }
  return rows;
}
