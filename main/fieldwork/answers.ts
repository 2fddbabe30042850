/** How answers are stored: one row per variable; numbers, text and lists in their own columns. */
import type { AnswerValue, Answers } from '../../shared/questionnaire/runtime';

export interface AnswerRow {
  variable: string;
  value_num: number | null;
  value_text: string | null;
  value_json: string | null;
}

export function toColumns(value: Exclude<AnswerValue, null>): { num: number | null; text: string | null; json: string | null } {
  if (typeof value === 'number') return { num: value, text: null, json: null };
  if (typeof value === 'string') return { num: null, text: value, json: null };
  return { num: null, text: null, json: JSON.stringify(value) };
}

export function fromRow(row: AnswerRow): AnswerValue {
  if (row.value_num !== null) return row.value_num;
  if (row.value_text !== null) return row.value_text;
  if (row.value_json !== null) return JSON.parse(row.value_json) as string[];
  return null;
}

export function answersOf(rows: AnswerRow[]): Answers {
  return Object.fromEntries(rows.map((row) => [row.variable, fromRow(row)]));
}
