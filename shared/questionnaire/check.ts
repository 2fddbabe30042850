/**
 * The form check: every problem the designer's check panel lists and that blocks publishing
 * (severity 'error'). Problems carry a code and parameters; the texts are in shared/i18n
 * (`check.<code>`), so the panel, the CLI and XLSForm import say the same thing in both languages.
 */
import { parseExpression, referencedVariables } from './expression';
import { estimateSeconds, openQuestionShare } from './estimate';
import {
  allQuestions,
  hasChoices,
  textIn,
  type LocalizedText,
  type Question,
  type SurveyDefinition,
} from './model';

export type Severity = 'error' | 'warning' | 'info';

export interface FormProblem {
  severity: Severity;
  code: string;
  params: Record<string, string | number>;
  /** The question (or page) to jump to from the check panel. */
  questionId?: string;
  pageId?: string;
  field?: string;
}

export interface CheckLimits {
  openShareMin: number;
  openShareMax: number;
  minutesMin: number;
  minutesMax: number;
}

/** DOMAIN.md's guidance: 20-30 % open questions, 5-8 minutes. */
export const DEFAULT_CHECK_LIMITS: CheckLimits = { openShareMin: 0.2, openShareMax: 0.3, minutesMin: 5, minutesMax: 8 };

const EXPRESSION_FIELDS = ['relevant', 'constraint', 'calculation'] as const;

function expressionOf(question: Question, field: (typeof EXPRESSION_FIELDS)[number]): string {
  if (field === 'calculation') return question.type === 'calculate' ? question.calculation : '';
  return question[field];
}

function missingLanguages(text: LocalizedText, languages: readonly string[]): string[] {
  return languages.filter((lang) => !text[lang as keyof LocalizedText]?.trim());
}

export function checkDefinition(definition: SurveyDefinition, limits: CheckLimits = DEFAULT_CHECK_LIMITS): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (problem: FormProblem) => problems.push(problem);
  const lang = definition.defaultLanguage;
  const others = definition.languages.filter((l) => l !== lang);
  const questions = allQuestions(definition);

  if (!textIn(definition.title, lang).trim()) add({ severity: 'error', code: 'title_missing', params: {} });
  if (!definition.languages.includes(lang)) add({ severity: 'error', code: 'default_language_not_listed', params: { lang } });
  if (questions.length === 0) add({ severity: 'error', code: 'no_questions', params: {} });
  if (definition.consent.required && !textIn(definition.consent.text, lang).trim()) {
    add({ severity: 'warning', code: 'consent_missing', params: {} });
  }

  // Variable names and their position in the questionnaire.
  const position = new Map<string, number>();
  const calculations = new Map<string, string[]>();
  questions.forEach((question, index) => {
    const names =
      question.type === 'matrix'
        ? [question.name, ...question.items.map((i) => i.name)]
        : [question.name, ...(hasChoices(question) && question.choices.some((c) => c.other) ? [`${question.name}_other`] : [])];
    for (const name of names) {
      if (position.has(name)) add({ severity: 'error', code: 'duplicate_name', params: { name }, questionId: question.id });
      else position.set(name, index);
    }
  });
  const dimensionIds = new Set(definition.dimensions.map((d) => d.id));
  const usedDimensions = new Set<string>();

  questions.forEach((question, index) => {
    const at = { questionId: question.id };
    const name = question.name;
    if (question.type !== 'calculate') {
      if (!textIn(question.label, lang).trim()) add({ severity: 'error', code: 'empty_label', params: { name }, ...at, field: 'label' });
      else {
        const missing = missingLanguages(question.label, others);
        if (missing.length) add({ severity: 'warning', code: 'missing_translation', params: { name, langs: missing.join(', ') }, ...at, field: 'label' });
      }
    }
    if (hasChoices(question)) {
      if (question.choices.length === 0) add({ severity: 'error', code: 'no_choices', params: { name }, ...at });
      const seen = new Set<string>();
      for (const choice of question.choices) {
        if (seen.has(choice.value)) add({ severity: 'error', code: 'duplicate_choice', params: { name, value: choice.value }, ...at });
        seen.add(choice.value);
        if (!textIn(choice.label, lang).trim()) add({ severity: 'error', code: 'empty_choice_label', params: { name, value: choice.value }, ...at });
        else if (missingLanguages(choice.label, others).length) {
          add({ severity: 'warning', code: 'missing_translation', params: { name: `${name}/${choice.value}`, langs: missingLanguages(choice.label, others).join(', ') }, ...at });
        }
      }
    }
    if (question.type === 'multiple' && question.minSelections !== null && question.maxSelections !== null && question.minSelections > question.maxSelections) {
      add({ severity: 'error', code: 'min_over_max', params: { name }, ...at });
    }
    if (question.type === 'number' && question.min !== null && question.max !== null && question.min > question.max) {
      add({ severity: 'error', code: 'min_over_max', params: { name }, ...at });
    }
    if ((question.type === 'likert' || question.type === 'matrix') && question.pointLabels.length > 0 && question.pointLabels.length !== question.points) {
      add({ severity: 'warning', code: 'point_labels_mismatch', params: { name, points: question.points, labels: question.pointLabels.length }, ...at });
    }
    if (question.type === 'matrix' && question.items.length === 0) add({ severity: 'error', code: 'matrix_without_items', params: { name }, ...at });
    const dims = question.type === 'matrix' ? [question.dimension, ...question.items.map((i) => i.dimension)] : [question.dimension];
    for (const dim of dims) {
      if (dim === null) continue;
      if (!dimensionIds.has(dim)) add({ severity: 'error', code: 'unknown_dimension', params: { name, dimension: dim }, ...at });
      usedDimensions.add(dim);
    }

    for (const field of EXPRESSION_FIELDS) {
      const source = expressionOf(question, field);
      if (!source.trim()) continue;
      const parsed = parseExpression(source);
      if (!parsed.ok) {
        add({ severity: 'error', code: 'expression_error', params: { name, field, position: parsed.error.position + 1, detail: parsed.error.code }, ...at, field });
        continue;
      }
      const refs = referencedVariables(parsed.ast);
      if (field === 'calculation') calculations.set(name, refs);
      for (const ref of refs) {
        const refAt = position.get(ref);
        if (refAt === undefined) add({ severity: 'error', code: 'unknown_reference', params: { name, ref: `\${${ref}}`, field }, ...at, field });
        else if ((field === 'relevant' && refAt >= index) || (field === 'constraint' && refAt > index)) add({ severity: 'error', code: 'forward_reference', params: { name, ref: `\${${ref}}`, field }, ...at, field });
      }
    }
    if (question.type === 'calculate' && !question.calculation.trim()) add({ severity: 'error', code: 'empty_calculation', params: { name }, ...at });
  });

  for (const page of definition.pages) {
    if (!page.relevant.trim()) continue;
    const parsed = parseExpression(page.relevant);
    if (!parsed.ok) add({ severity: 'error', code: 'expression_error', params: { name: textIn(page.title, lang) || page.id, field: 'relevant', position: parsed.error.position + 1, detail: parsed.error.code }, pageId: page.id, field: 'relevant' });
    else for (const ref of referencedVariables(parsed.ast)) if (!position.has(ref)) add({ severity: 'error', code: 'unknown_reference', params: { name: textIn(page.title, lang) || page.id, ref: `\${${ref}}`, field: 'relevant' }, pageId: page.id });
  }

  for (const cycle of findCycles(calculations)) {
    add({ severity: 'error', code: 'circular_calculation', params: { names: cycle.join(' -> ') }, questionId: questions.find((q) => q.name === cycle[0])?.id ?? '' });
  }
  for (const dimension of definition.dimensions) {
    if (!usedDimensions.has(dimension.id)) add({ severity: 'warning', code: 'empty_dimension', params: { dimension: textIn(dimension.name, lang) || dimension.id } });
  }

  const { open, answered } = openQuestionShare(definition);
  if (answered > 0) {
    const share = open / answered;
    const percent = Math.round(share * 100);
    if (share > limits.openShareMax) add({ severity: 'warning', code: 'too_many_open', params: { percent, max: Math.round(limits.openShareMax * 100) } });
    else if (share < limits.openShareMin) add({ severity: 'info', code: 'few_open', params: { percent, min: Math.round(limits.openShareMin * 100) } });
  }
  const minutes = Math.round((estimateSeconds(definition) / 60) * 10) / 10;
  if (minutes > limits.minutesMax) add({ severity: 'warning', code: 'too_long', params: { minutes, max: limits.minutesMax } });
  else if (minutes < limits.minutesMin && questions.length > 0) add({ severity: 'info', code: 'short', params: { minutes, min: limits.minutesMin } });
  return problems;
}

/** Cycles among calculated fields (a -> b -> a), each reported once. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

export function hasErrors(problems: FormProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** A problem's text in the user's language; `t` is an i18next translator. */
export function problemMessage(problem: FormProblem, t: (key: string, params?: Record<string, unknown>) => string): string {
  const params: Record<string, unknown> = { ...problem.params };
  if (typeof params.field === 'string') params.field = t(`checkField.${params.field}`);
  return t(`check.${problem.code}`, params);
}
