/**
 * Answers as the typist knows them: the printed code with its label ("4 满意"), and back from
 * what a reviewer types (a code, codes, a number, a date or text) to the stored value.
 */
import { textIn, type SurveyLanguage } from '../../../../../shared/questionnaire/model';
import type { AnswerValue } from '../../../../../shared/questionnaire/runtime';
import { parseDateEntry, type EntryField } from './fields';

/** The code and label of a stored value, "" for no answer. */
export function valueText(
  field: EntryField | undefined,
  value: AnswerValue | undefined,
  lang: SurveyLanguage,
): string {
  if (value === undefined || value === null || value === '') return '';
  if (!field || field.options.length === 0)
    return Array.isArray(value) ? value.join(', ') : String(value);
  const one = (v: string | number) => {
    const option = field.options.find((o) => String(o.value) === String(v));
    if (!option) return String(v);
    const label = textIn(option.label, lang);
    return label ? `${option.code} ${label}` : option.code;
  };
  return Array.isArray(value) ? value.map(one).join('，') : one(value);
}

/** The codes of a field as printed: "1 非常不满意 … 5 非常满意" becomes one chip per code. */
export function codeChips(
  field: EntryField,
  lang: SurveyLanguage,
): { code: string; label: string }[] {
  return field.options.map((o) => ({ code: o.code, label: textIn(o.label, lang) }));
}

/** The range of codes for a message: "1-5", "01-12", "0-10". */
export function codeRange(field: EntryField): string {
  const codes = field.options.map((o) => o.code);
  return codes.length ? `${codes[0]}-${codes[codes.length - 1]}` : '';
}

/**
 * What a reviewer typed as the correct value: "-" is no answer; closed questions take codes
 * (several separated by spaces or commas for multiple choice); null when it cannot be read.
 */
export function valueFromEntry(field: EntryField, text: string): { value: AnswerValue } | null {
  const typed = text.trim();
  if (typed === '-' || typed === '') return { value: null };
  const byCode = (code: string) => field.options.find((o) => o.code === code)?.value;
  switch (field.kind) {
    case 'choice': {
      const value = byCode(typed);
      return value === undefined ? null : { value };
    }
    case 'multi': {
      const values = typed.split(/[\s,，]+/).map(byCode);
      return values.every((v) => v !== undefined) ? { value: values.map(String) } : null;
    }
    case 'number': {
      const n = Number(typed.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : null;
    }
    case 'date': {
      const mode = field.question.type === 'date' ? field.question.mode : 'date';
      const date = parseDateEntry(typed, mode);
      return date ? { value: date } : null;
    }
    default:
      return { value: typed };
  }
}
