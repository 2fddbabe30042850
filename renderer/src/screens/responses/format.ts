/**
 * How the register writes answers, flags and times for a reviewer: labels in the UI language
 * (falling back to the survey's default language), reasons in words, durations in minutes.
 */
import type { TFunction } from 'i18next';
import {
  allQuestions,
  hasChoices,
  textIn,
  variablesOf,
  type Question,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../../../shared/questionnaire/model';
import type { QualityFlag } from '../../../../shared/responses';

/** One row of the answer list: the variable, the question it belongs to and its label. */
export interface AnswerRow {
  name: string;
  question: Question;
  label: string;
}

/** The response's variables in questionnaire order; "other, please specify" right after its question. */
export function answerRows(definition: SurveyDefinition, lang: SurveyLanguage): AnswerRow[] {
  const fallback = definition.defaultLanguage;
  const rows: AnswerRow[] = [];
  for (const { name, question } of variablesOf(definition)) {
    if (question.type === 'calculate') continue;
    const questionLabel = textIn(question.label, lang, fallback);
    const item = question.type === 'matrix' ? question.items.find((i) => i.name === name) : null;
    const label = item ? `${questionLabel} · ${textIn(item.label, lang, fallback)}` : questionLabel;
    rows.push({ name, question, label });
    if (hasChoices(question) && question.choices.some((c) => c.other)) {
      rows.push({ name: `${name}_other`, question, label: `${questionLabel} · …` });
    }
  }
  return rows;
}

/** Which question a stored variable belongs to (matrix items and `_other` texts included). */
export function questionFor(definition: SurveyDefinition, variable: string): Question | undefined {
  for (const { name, question } of variablesOf(definition)) if (name === variable) return question;
  return allQuestions(definition).find((q) => `${q.name}_other` === variable);
}

/** A stored value as text, whatever its shape (history values are untyped JSON). */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return JSON.stringify(value);
}

/** An answer as words: the point or choice label rather than the stored code. */
export function answerText(
  question: Question | undefined,
  variable: string,
  value: unknown,
  lang: SurveyLanguage,
  fallback: SurveyLanguage,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (!question || variable === `${question.name}_other`) return plain(value);
  if ((question.type === 'likert' || question.type === 'matrix') && typeof value === 'number') {
    const label = question.pointLabels[value - 1];
    const text = label ? textIn(label, lang, fallback) : '';
    return text ? `${value} · ${text}` : plain(value);
  }
  if (hasChoices(question)) {
    const labelOf = (code: string) => {
      const choice = question.choices.find((c) => c.value === code);
      return choice ? textIn(choice.label, lang, fallback) || code : code;
    };
    if (Array.isArray(value))
      return value.map((v) => labelOf(plain(v))).join(lang === 'en' ? ', ' : '、');
    return labelOf(plain(value));
  }
  return plain(value);
}

/** A flag's reason in words, e.g. "Completed in 45 s; anything under 120 s is too fast". */
export function flagReason(flag: QualityFlag, t: TFunction): string {
  const d = flag.detail;
  if (flag.rule === 'duplicate') {
    const of = typeof d.of === 'string' ? d.of.slice(0, 8) : String(d.of);
    return t(`register.reason.duplicate_${String(d.why)}`, { of });
  }
  return t(`register.reason.${flag.rule}`, d);
}

/** "12 min 5 s"; null when either end is missing. */
export function durationText(
  startedAt: string,
  completedAt: string | null,
  t: TFunction,
): string | null {
  if (!completedAt) return null;
  const total = Math.max(0, Math.round((Date.parse(completedAt) - Date.parse(startedAt)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return t('register.duration.hours', { h, m });
  if (m > 0) return t('register.duration.minutes', { m, s });
  return t('register.duration.seconds', { s });
}

/** "2026-03-02 14:05" in local time: compact, sortable and the same in both languages. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The short form of a response id that reviewers can read out to each other. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
