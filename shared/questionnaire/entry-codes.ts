/**
 * Entry codes: what a typist keys for each option of a paper card. The printed card shows the
 * same codes beside every tick box, and the paper-entry screen accepts exactly these keys, so the
 * two can never disagree. Questions are numbered in the order both of them use.
 */
import { allQuestions, textIn, type LocalizedText, type Question, type SurveyDefinition } from './model';

export interface EntryOption {
  code: string;
  /** The stored answer value (a number for scales, the choice value for choices). */
  value: number | string;
  label: LocalizedText;
}

/** Options of a closed question with their codes; empty for open questions. */
export function entryOptions(question: Question): EntryOption[] {
  switch (question.type) {
    case 'likert':
      return Array.from({ length: question.points }, (_, i) => ({ code: String(i + 1), value: i + 1, label: question.pointLabels[i] ?? {} }));
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => ({ code: String(i), value: i, label: {} }));
    case 'single':
    case 'dropdown':
    case 'range':
    case 'multiple': {
      // Up to nine choices take one key each (1-9); longer lists take two digits (01-99).
      const width = question.choices.length > 9 ? 2 : 1;
      return question.choices.map((choice, i) => ({ code: String(i + 1).padStart(width, '0'), value: choice.value, label: choice.label }));
    }
    default:
      return [];
  }
}

/** Matrix items share the scale's codes 1..points. */
export function matrixEntryOptions(question: Extract<Question, { type: 'matrix' }>): EntryOption[] {
  return Array.from({ length: question.points }, (_, i) => ({ code: String(i + 1), value: i + 1, label: question.pointLabels[i] ?? {} }));
}

export interface NumberedQuestion {
  number: number;
  question: Question;
}

/** Question numbers as printed on the card and shown on the entry screen (notes and calculations have none). */
export function numberedQuestions(definition: SurveyDefinition): NumberedQuestion[] {
  let n = 0;
  return allQuestions(definition)
    .filter((q) => q.type !== 'calculate')
    .map((question) => ({ number: question.type === 'note' ? 0 : ++n, question }));
}

export function questionNumberOf(definition: SurveyDefinition): Map<string, number> {
  return new Map(numberedQuestions(definition).filter((q) => q.number > 0).map((q) => [q.question.name, q.number]));
}

/** The option whose code the typist keyed, or null. */
export function optionForCode(question: Question, code: string): EntryOption | null {
  return entryOptions(question).find((o) => o.code === code) ?? null;
}

export function optionLabel(option: EntryOption, lang: Parameters<typeof textIn>[1], fallback?: Parameters<typeof textIn>[1]): string {
  return textIn(option.label, lang, fallback);
}
