/**
 * Running a questionnaire: which pages and questions are shown for the answers so far, the
 * values of calculated fields, and whether an answer is acceptable. The same code serves the
 * designer's preview, the entry screens and main's validation of saved answers.
 */
import { evaluate, parseExpression, toBoolean, type Expr, type Value } from './expression';
import { allQuestions, type Page, type Question, type SurveyDefinition } from './model';

export type AnswerValue = number | string | string[] | null;
export type Answers = Record<string, AnswerValue>;

/** Why an answer is not accepted; the entry screens translate the code. */
export type AnswerProblem =
  | { code: 'required' }
  | { code: 'constraint'; message: Record<string, string> }
  | { code: 'not_a_number' }
  | { code: 'not_an_integer' }
  | { code: 'below_min'; min: number }
  | { code: 'above_max'; max: number }
  | { code: 'too_few'; min: number }
  | { code: 'too_many'; max: number }
  | { code: 'unknown_choice'; value: string }
  | { code: 'other_missing' }
  | { code: 'too_long'; max: number }
  | { code: 'out_of_scale'; min: number; max: number };

const cache = new Map<string, Expr | null>();

/** Parses once per distinct source; a broken expression counts as absent (the check reports it). */
function compiled(source: string): Expr | null {
  if (!source.trim()) return null;
  let ast = cache.get(source);
  if (ast === undefined) {
    const parsed = parseExpression(source);
    ast = parsed.ok ? parsed.ast : null;
    if (cache.size > 5000) cache.clear();
    cache.set(source, ast);
  }
  return ast;
}

function contextFor(answers: Answers, current?: AnswerValue, now?: () => Date) {
  return {
    get: (name: string): Value => answers[name] ?? null,
    ...(current !== undefined ? { current } : {}),
    ...(now ? { now } : {}),
  };
}

export function isRelevant(source: string, answers: Answers, now?: () => Date): boolean {
  const ast = compiled(source);
  return ast === null ? true : toBoolean(evaluate(ast, contextFor(answers, undefined, now)));
}

/** Answers plus every calculated field, computed in questionnaire order. */
export function withCalculations(definition: SurveyDefinition, answers: Answers, now?: () => Date): Answers {
  const out: Answers = { ...answers };
  for (const question of allQuestions(definition)) {
    if (question.type !== 'calculate') continue;
    const ast = compiled(question.calculation);
    const value = ast ? evaluate(ast, contextFor(out, undefined, now)) : null;
    out[question.name] = typeof value === 'boolean' ? (value ? 1 : 0) : typeof value === 'number' && !Number.isFinite(value) ? null : value;
  }
  return out;
}

export interface VisiblePage {
  page: Page;
  questions: Question[];
}

/** The pages and questions a respondent sees now; calculate questions are never shown. */
export function visiblePages(definition: SurveyDefinition, answers: Answers, now?: () => Date): VisiblePage[] {
  const all = withCalculations(definition, answers, now);
  const pages: VisiblePage[] = [];
  for (const page of definition.pages) {
    if (!isRelevant(page.relevant, all, now)) continue;
    const questions = page.questions.filter((q) => q.type !== 'calculate' && isRelevant(q.relevant, all, now));
    if (questions.length) pages.push({ page, questions });
  }
  return pages;
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Checks one answer; `answers` holds the rest of the response (for constraints that refer to it). */
export function checkAnswer(question: Question, answers: Answers, now?: () => Date): AnswerProblem[] {
  if (question.type === 'note' || question.type === 'calculate') return [];
  if (question.type === 'matrix') {
    const missing = question.required && question.items.some((item) => isEmpty(answers[item.name]));
    const outOfScale = question.items.some((item) => {
      const v = answers[item.name];
      return typeof v === 'number' && (v < 1 || v > question.points || !Number.isInteger(v));
    });
    return [
      ...(missing ? [{ code: 'required' as const }] : []),
      ...(outOfScale ? [{ code: 'out_of_scale' as const, min: 1, max: question.points }] : []),
    ];
  }
  const value = answers[question.name];
  if (isEmpty(value)) return question.required ? [{ code: 'required' }] : [];
  const problems: AnswerProblem[] = [];
  switch (question.type) {
    case 'likert':
    case 'nps': {
      const [min, max] = question.type === 'nps' ? [0, 10] : [1, question.points];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        problems.push({ code: 'out_of_scale', min, max });
      }
      break;
    }
    case 'single':
    case 'dropdown':
    case 'range': {
      const choice = question.choices.find((c) => c.value === value);
      if (!choice) problems.push({ code: 'unknown_choice', value: String(value) });
      else if (choice.other && isEmpty(answers[`${question.name}_other`])) problems.push({ code: 'other_missing' });
      break;
    }
    case 'multiple': {
      const selected = Array.isArray(value) ? value : [String(value)];
      for (const v of selected) {
        if (!question.choices.some((c) => c.value === v)) problems.push({ code: 'unknown_choice', value: v });
      }
      if (question.minSelections !== null && selected.length < question.minSelections) problems.push({ code: 'too_few', min: question.minSelections });
      if (question.maxSelections !== null && selected.length > question.maxSelections) problems.push({ code: 'too_many', max: question.maxSelections });
      const other = question.choices.find((c) => c.other);
      if (other && selected.includes(other.value) && isEmpty(answers[`${question.name}_other`])) problems.push({ code: 'other_missing' });
      break;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) problems.push({ code: 'not_a_number' });
      else {
        if (question.integer && !Number.isInteger(n)) problems.push({ code: 'not_an_integer' });
        if (question.min !== null && n < question.min) problems.push({ code: 'below_min', min: question.min });
        if (question.max !== null && n > question.max) problems.push({ code: 'above_max', max: question.max });
      }
      break;
    }
    case 'text':
      if (question.maxLength !== null && String(value).length > question.maxLength) problems.push({ code: 'too_long', max: question.maxLength });
      break;
    case 'date':
      break;
  }
  if (problems.length === 0) {
    const ast = compiled(question.constraint);
    if (ast && !toBoolean(evaluate(ast, contextFor(answers, value ?? null, now)))) {
      problems.push({ code: 'constraint', message: question.constraintMessage });
    }
  }
  return problems;
}


/** Selecting an exclusive choice ("none") clears the others; selecting another clears it. */
export function toggleChoice(question: Extract<Question, { type: 'multiple' }>, current: string[], value: string): string[] {
  const choice = question.choices.find((c) => c.value === value);
  if (!choice) return current;
  if (current.includes(value)) return current.filter((v) => v !== value);
  if (choice.exclusive) return [value];
  const exclusive = new Set(question.choices.filter((c) => c.exclusive).map((c) => c.value));
  return [...current.filter((v) => !exclusive.has(v)), value];
}
