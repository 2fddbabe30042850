/**
 * The questionnaire-level parts of a workbook: the settings sheet (title, default language) and
 * SurveyDesk's sd_survey sheet (description, goal, consent, thank-you, dimensions, targets).
 * Forms from other tools have no sd_survey; they get the model's defaults.
 */
import type {
  Dimension,
  LocalizedText,
  SurveyDefinition,
  SurveyLanguage,
  Target,
} from '../../shared/questionnaire/model';
import { SHEET, parseFlag } from './columns';
import type { IssueLog } from './errors';
import { rowsOf, type RowReader, type SheetTable } from './sheets';

export interface FormSettings {
  formTitle: string;
  formId: string;
  defaultLanguage: string;
}

/** settings: a header row and one row of values. */
export function readSettings(table: SheetTable | undefined): FormSettings {
  const row = table ? rowsOf(table).find((reader) => reader.row === 2) : undefined;
  return {
    formTitle: row?.text('form_title') ?? '',
    formId: row?.text('form_id') ?? '',
    defaultLanguage: row?.text('default_language') ?? '',
  };
}

export type SurveyMeta = Pick<
  SurveyDefinition,
  'title' | 'description' | 'goal' | 'consent' | 'thankYou' | 'dimensions' | 'targets'
>;

/** A number cell; logs an error for text that is not a number. */
export function readNumber(reader: RowReader, column: string, log: IssueLog): number | null {
  const text = reader.text(column);
  if (!text) return null;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  log.error(
    'invalid_number',
    { sheet: reader.sheet, row: reader.row, column },
    { column, value: text },
  );
  return null;
}

export function readSurveyMeta(
  table: SheetTable | undefined,
  settings: FormSettings,
  defaultLanguage: SurveyLanguage,
  log: IssueLog,
): SurveyMeta {
  const fallbackTitle = settings.formTitle || settings.formId;
  const meta: SurveyMeta = {
    title: fallbackTitle ? { [defaultLanguage]: fallbackTitle } : {},
    description: {},
    goal: {},
    consent: { text: {}, required: true },
    thankYou: {},
    dimensions: [],
    targets: [],
  };
  if (!table) return meta;
  const nonEmpty = (text: LocalizedText): boolean => Object.keys(text).length > 0;
  for (const reader of rowsOf(table)) {
    const text = reader.localized('text');
    switch (reader.text('key')) {
      case 'title':
        if (nonEmpty(text)) meta.title = text;
        break;
      case 'description':
        meta.description = text;
        break;
      case 'goal':
        meta.goal = text;
        break;
      case 'thank_you':
        meta.thankYou = text;
        break;
      case 'consent':
        meta.consent = { text, required: parseFlag(reader.text('value')) !== false };
        break;
      case 'dimension':
        meta.dimensions.push(readDimension(reader, text, log));
        break;
      case 'target': {
        const target = readTarget(reader, text, log);
        if (target) meta.targets.push(target);
        break;
      }
      default:
        break;
    }
  }
  return meta;
}

function readDimension(reader: RowReader, name: LocalizedText, log: IssueLog): Dimension {
  return { id: reader.text('id'), name, weight: readNumber(reader, 'value', log) ?? 1 };
}

function readTarget(reader: RowReader, label: LocalizedText, log: IssueLog): Target | null {
  const target = readNumber(reader, 'value', log);
  if (target === null) {
    // readNumber has reported text that is not a number; an empty cell is reported here.
    const place = { sheet: SHEET.meta, row: reader.row, column: 'value' };
    if (!reader.text('value')) log.error('invalid_number', place, { column: 'value', value: '' });
    return null;
  }
  return {
    metric: reader.text('id'),
    label,
    baseline: readNumber(reader, 'baseline', log),
    target,
  };
}
