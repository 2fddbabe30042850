/**
 * Filling-time estimate, for the 5-8 minute target of DOMAIN.md. Seconds per question type are
 * typical reading-and-answering times for a respondent on a laptop or tablet; a question behind
 * skip logic counts half, since only some respondents see it.
 */
import { allQuestions, type Question, type SurveyDefinition } from './model';

const SECONDS: Record<Question['type'], (q: Question) => number> = {
  likert: () => 7,
  nps: () => 8,
  single: (q) => 6 + Math.min(8, 'choices' in q ? q.choices.length : 0),
  dropdown: () => 12,
  range: () => 8,
  multiple: (q) => 8 + Math.min(12, 'choices' in q ? q.choices.length * 1.5 : 0),
  number: () => 10,
  text: (q) => (q.type === 'text' && q.multiline ? 45 : 15),
  date: () => 10,
  matrix: (q) => 6 + (q.type === 'matrix' ? q.items.length * 5 : 0),
  note: () => 5,
  calculate: () => 0,
};

export const PAGE_SECONDS = 3;

export function estimateSeconds(definition: SurveyDefinition): number {
  let seconds = definition.pages.length * PAGE_SECONDS;
  for (const question of allQuestions(definition)) {
    const base = SECONDS[question.type](question);
    seconds += question.relevant.trim() ? base / 2 : base;
  }
  return Math.round(seconds);
}

/** Open (free-text) questions as a share of the questions a respondent answers. */
export function openQuestionShare(definition: SurveyDefinition): { open: number; answered: number } {
  const answered = allQuestions(definition).filter((q) => q.type !== 'note' && q.type !== 'calculate');
  return { open: answered.filter((q) => q.type === 'text').length, answered: answered.length };
}
