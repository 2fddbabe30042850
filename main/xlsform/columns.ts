/**
 * The columns of the XLSForm sheets: the standard ones other tools read, and SurveyDesk's own
 * `sd_*` columns (plus dimension/weight/reverse/personal) that other tools ignore, so that an
 * export read back by import loses nothing. Export writes these headers; import parses any
 * spelling people use (`label::English (en)`, `list name`, `jr:constraintMsg`...).
 */
import type { SurveyLanguage } from '../../shared/questionnaire/model';
import { parseLanguage } from './languages';

export const SHEET = {
  survey: 'survey',
  choices: 'choices',
  settings: 'settings',
  /** Questionnaire-level texts and settings XLSForm has no place for. */
  meta: 'sd_survey',
} as const;

/** Columns whose header may carry a language: `label::English (en)`. */
export const LOCALIZED_BASES = [
  'label',
  'hint',
  'constraint_message',
  'required_message',
  'guidance_hint',
  'sd_unit',
  'sd_low_label',
  'sd_high_label',
  'text',
] as const;
export type LocalizedBase = (typeof LOCALIZED_BASES)[number];

/** Survey-sheet columns in the order export writes them; localized ones repeat per language. */
export const SURVEY_COLUMNS = [
  'type',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'constraint_message',
  'calculation',
  'appearance',
  'sd_type',
  'sd_id',
  'dimension',
  'weight',
  'reverse',
  'personal',
  'sd_points',
  'min_selections',
  'max_selections',
  'sd_min',
  'sd_max',
  'sd_max_length',
  'sd_unit',
  'sd_low_label',
  'sd_high_label',
] as const;

/** Survey-sheet columns import understands besides SURVEY_COLUMNS (range widget bounds). */
export const SURVEY_READ_ONLY_COLUMNS = ['parameters'] as const;

export const CHOICE_COLUMNS = ['list_name', 'name', 'label', 'sd_other', 'sd_exclusive'] as const;

export const SETTINGS_COLUMNS = [
  'form_title',
  'form_id',
  'version',
  'default_language',
  'style',
] as const;

/** sd_survey: one row per setting, dimension or target; `text` is localized. */
export const META_COLUMNS = ['key', 'id', 'value', 'baseline', 'text'] as const;

/** Spellings from older pyxform versions and hand-made forms, mapped to the canonical name. */
const ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  calculate: 'calculation',
  relevance: 'relevant',
  caption: 'label',
};

/** A parsed header: `language` is 'plain' for `label`, null for `label::Klingon`. */
export interface ColumnHeader {
  header: string;
  base: string;
  language: SurveyLanguage | 'plain' | null;
}

export function parseHeader(header: string): ColumnHeader {
  const trimmed = header.trim();
  const split = trimmed.indexOf('::');
  const head = split < 0 ? trimmed : trimmed.slice(0, split);
  const base = normaliseBase(head);
  if (split >= 0 && isLocalizedBase(base)) {
    return { header: trimmed, base, language: parseLanguage(trimmed.slice(split + 2)) };
  }
  if (split >= 0) return { header: trimmed, base: trimmed.toLowerCase(), language: 'plain' };
  return { header: trimmed, base, language: 'plain' };
}

function normaliseBase(head: string): string {
  const lower = head.trim().toLowerCase().replace(/\s+/g, '_');
  return ALIASES[lower] ?? lower;
}

export function isLocalizedBase(base: string): base is LocalizedBase {
  return (LOCALIZED_BASES as readonly string[]).includes(base);
}

/** yes / true / TRUE() / 1 read as true, no / false / empty as false; anything else is null. */
export function parseFlag(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['yes', 'y', 'true', 'true()', '1'].includes(value)) return true;
  if (['', 'no', 'n', 'false', 'false()', '0'].includes(value)) return false;
  return null;
}
