/**
 * Runtime values and the XPath conversions between them. Answers arrive as they are stored:
 * numbers for scales, strings for text and single choice, string[] for multiple choice,
 * ISO strings for dates, null for unanswered.
 */
import { daysSinceEpoch, parseIsoDateTime } from './dates';

/** What an expression or an answer evaluates to; `null` is an unanswered question. */
export type Value = number | string | boolean | string[] | null;

/** XPath boolean(): non-empty text, a non-zero number, a non-empty selection are true. */
export function toBoolean(value: Value): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

/**
 * XPath number(): numeric text becomes its number, an ISO date or date-time its days since
 * 1970-01-01 (so dates can be compared and subtracted), anything else NaN.
 */
export function toNumber(value: Value): number {
  if (value === null) return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return textToNumber(Array.isArray(value) ? value.join(' ') : value);
}

const NUMERIC_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function textToNumber(text: string): number {
  const trimmed = text.trim();
  if (NUMERIC_TEXT.test(trimmed)) return Number(trimmed);
  const moment = parseIsoDateTime(trimmed);
  return moment ? daysSinceEpoch(moment) : NaN;
}

/** XPath string(): a selection is its space-separated codes, as ODK stores it. */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  return value.join(' ');
}

/** Numbers as text: integers without a decimal point and never in exponent notation. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return plainDecimal(value);
}

/** The shortest round-tripping decimal for a finite number, without an exponent. */
export function plainDecimal(value: number): string {
  const text = String(value);
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, sign = '', lead = '', fraction = '', exponent = '0'] = exponential;
  const digits = lead + fraction;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The codes of a multiple-choice answer, from an array or ODK's space-separated text. */
export function toChoiceList(value: Value): string[] {
  if (Array.isArray(value)) return value;
  return toText(value)
    .split(/\s+/)
    .filter((code) => code !== '');
}

/** Unanswered, blank text or an empty selection. */
export function isEmptyValue(value: Value): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
