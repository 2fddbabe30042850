/**
 * Where an interview stands in its questionnaire: pure functions over the definition and the
 * answers so far. Positions are page indexes in the definition (not among the pages shown), so a
 * saved position still means the same page when skip logic shows other pages on resume.
 */
import type { Question, SurveyDefinition } from '../../../../../shared/questionnaire/model';
import {
  checkAnswer,
  visiblePages,
  type AnswerProblem,
  type Answers,
  type VisiblePage,
} from '../../../../../shared/questionnaire/runtime';

export interface PagePlace {
  pages: VisiblePage[];
  /** Index among the pages shown. */
  index: number;
  current: VisiblePage | undefined;
}

/** The page shown for saved position `pageNo`: that page, or the next one shown after it. */
export function placeOf(definition: SurveyDefinition, answers: Answers, pageNo: number): PagePlace {
  const pages = visiblePages(definition, answers);
  const order = (page: VisiblePage) => definition.pages.indexOf(page.page);
  let index = pages.findIndex((p) => order(p) >= pageNo);
  if (index < 0) index = pages.length - 1;
  return { pages, index, current: pages[index] };
}

export function pageNoOf(definition: SurveyDefinition, page: VisiblePage): number {
  return definition.pages.indexOf(page.page);
}

const isEmpty = (value: Answers[string] | undefined) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** Answered and askable variables on the pages shown (each matrix item counts). */
export function answeredCount(
  pages: VisiblePage[],
  answers: Answers,
): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const question of pages.flatMap((p) => p.questions)) {
    if (question.type === 'note' || question.type === 'calculate') continue;
    const names = question.type === 'matrix' ? question.items.map((i) => i.name) : [question.name];
    total += names.length;
    answered += names.filter((name) => !isEmpty(answers[name])).length;
  }
  return { answered, total };
}

/** The first problem of each question on a page, by question id. */
export function problemsOn(
  page: VisiblePage | undefined,
  answers: Answers,
): Map<string, AnswerProblem> {
  const problems = new Map<string, AnswerProblem>();
  for (const question of page?.questions ?? []) {
    const first = checkAnswer(question, answers)[0];
    if (first) problems.set(question.id, first);
  }
  return problems;
}

/** The first page shown that holds one of the named questions (as ANSWERS_INCOMPLETE names them). */
export function firstPageWith(
  definition: SurveyDefinition,
  answers: Answers,
  names: string[],
): number | null {
  const wanted = new Set(names);
  const page = visiblePages(definition, answers).find((p) =>
    p.questions.some((q) => wanted.has(q.name)),
  );
  return page ? pageNoOf(definition, page) : null;
}

/** Typed answers (text, numbers, "other" texts) are saved after a pause; picked ones at once. */
export function isTyped(definition: SurveyDefinition, variable: string): boolean {
  const question = definition.pages
    .flatMap((p) => p.questions)
    .find((q: Question) => q.name === variable || `${q.name}_other` === variable);
  if (!question) return false;
  return variable !== question.name || question.type === 'text' || question.type === 'number';
}
