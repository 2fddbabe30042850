/**
 * Edits of a questionnaire as pure functions: each returns a new definition and leaves the old
 * one untouched, which is what makes the designer's undo/redo a simple stack of definitions.
 */
import {
  allQuestions,
  variablesOf,
  type Choice,
  type Dimension,
  type LocalizedText,
  type Page,
  type Question,
  type QuestionType,
  type SurveyDefinition,
  type SurveyLanguage,
} from './model';

export type IdMaker = () => string;

function clone(definition: SurveyDefinition): SurveyDefinition {
  return structuredClone(definition);
}

/** A variable name not used yet: `base`, `base_2`, `base_3`... */
export function uniqueName(definition: SurveyDefinition, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...taken, ...variablesOf(definition).map((v) => v.name)]);
  for (const q of allQuestions(definition)) used.add(q.name);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

function nextQuestionName(definition: SurveyDefinition): string {
  const used = new Set(allQuestions(definition).map((q) => q.name));
  for (let n = allQuestions(definition).length + 1; ; n++) if (!used.has(`q${n}`)) return `q${n}`;
}

function both(lang: SurveyLanguage, zh: string, en: string): LocalizedText {
  return { [lang]: lang === 'en' ? en : zh };
}

const SCALE_5: [string, string][] = [
  ['非常不满意', 'Very dissatisfied'],
  ['不满意', 'Dissatisfied'],
  ['一般', 'Neutral'],
  ['满意', 'Satisfied'],
  ['非常满意', 'Very satisfied'],
];

function starterChoices(lang: SurveyLanguage): Choice[] {
  return [
    { value: '1', label: both(lang, '选项 1', 'Option 1'), other: false, exclusive: false },
    { value: '2', label: both(lang, '选项 2', 'Option 2'), other: false, exclusive: false },
  ];
}

/** A new question of `type` with sensible defaults in the survey's default language. */
export function newQuestion(definition: SurveyDefinition, type: QuestionType, newId: IdMaker): Question {
  const lang = definition.defaultLanguage;
  const base = {
    id: newId(),
    name: nextQuestionName(definition),
    label: {},
    hint: {},
    required: type !== 'note' && type !== 'calculate' && type !== 'text',
    relevant: '',
    constraint: '',
    constraintMessage: {},
    dimension: null,
    weight: 1,
    personal: false,
  };
  const scale = SCALE_5.map(([zh, en]) => both(lang, zh, en));
  switch (type) {
    case 'likert':
      return { ...base, type, points: 5, pointLabels: scale, reverse: false };
    case 'nps':
      return { ...base, type, lowLabel: both(lang, '完全不可能', 'Not at all likely'), highLabel: both(lang, '极有可能', 'Extremely likely') };
    case 'single':
    case 'dropdown':
    case 'range':
      return { ...base, type, choices: starterChoices(lang) };
    case 'multiple':
      return { ...base, type, choices: starterChoices(lang), minSelections: null, maxSelections: null };
    case 'number':
      return { ...base, type, integer: true, min: null, max: null, unit: {} };
    case 'text':
      return { ...base, type, multiline: false, maxLength: null };
    case 'date':
      return { ...base, type, mode: 'date' };
    case 'matrix':
      return {
        ...base,
        type,
        points: 5,
        pointLabels: scale,
        items: [1, 2].map((n) => ({ id: newId(), name: `${base.name}_${n}`, label: both(lang, `子项 ${n}`, `Item ${n}`), reverse: false, dimension: null })),
      };
    case 'note':
      return { ...base, type };
    case 'calculate':
      return { ...base, type, calculation: '' };
  }
}

export interface QuestionPlace {
  pageIndex: number;
  index: number;
}

export function findQuestion(definition: SurveyDefinition, questionId: string): QuestionPlace | null {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const index = page.questions.findIndex((q) => q.id === questionId);
    if (index >= 0) return { pageIndex, index };
  }
  return null;
}

/** Inserts after `afterId` (or at the end of the page). */
export function addQuestion(definition: SurveyDefinition, pageId: string, question: Question, afterId: string | null = null): SurveyDefinition {
  const next = clone(definition);
  const page = next.pages.find((p) => p.id === pageId) ?? next.pages.at(-1);
  if (!page) return definition;
  const at = afterId ? page.questions.findIndex((q) => q.id === afterId) : -1;
  page.questions.splice(at >= 0 ? at + 1 : page.questions.length, 0, question);
  return next;
}

export function updateQuestion(definition: SurveyDefinition, questionId: string, change: (q: Question) => Question): SurveyDefinition {
  const place = findQuestion(definition, questionId);
  if (!place) return definition;
  const next = clone(definition);
  const page = next.pages[place.pageIndex]!;
  page.questions[place.index] = change(page.questions[place.index]!);
  return next;
}

export function deleteQuestion(definition: SurveyDefinition, questionId: string): SurveyDefinition {
  const place = findQuestion(definition, questionId);
  if (!place) return definition;
  const next = clone(definition);
  next.pages[place.pageIndex]!.questions.splice(place.index, 1);
  return next;
}

export function duplicateQuestion(definition: SurveyDefinition, questionId: string, newId: IdMaker): { definition: SurveyDefinition; id: string } {
  const place = findQuestion(definition, questionId);
  if (!place) return { definition, id: questionId };
  const original = definition.pages[place.pageIndex]!.questions[place.index]!;
  const copy = structuredClone(original);
  copy.id = newId();
  copy.name = uniqueName(definition, `${original.name}_copy`);
  if (copy.type === 'matrix') {
    const taken = new Set([copy.name]);
    copy.items = copy.items.map((item) => {
      const name = uniqueName(definition, `${item.name}_copy`, taken);
      taken.add(name);
      return { ...item, id: newId(), name };
    });
  }
  return { definition: addQuestion(definition, definition.pages[place.pageIndex]!.id, copy, original.id), id: copy.id };
}

/** Moves one step up or down; at a page's edge the question moves into the neighbouring page. */
export function moveQuestion(definition: SurveyDefinition, questionId: string, delta: -1 | 1): SurveyDefinition {
  const place = findQuestion(definition, questionId);
  if (!place) return definition;
  const next = clone(definition);
  const page = next.pages[place.pageIndex]!;
  const [question] = page.questions.splice(place.index, 1);
  const target = place.index + delta;
  if (target >= 0 && target <= page.questions.length) {
    page.questions.splice(target, 0, question!);
    return next;
  }
  const neighbour = next.pages[place.pageIndex + delta];
  if (!neighbour) return definition;
  if (delta < 0) neighbour.questions.push(question!);
  else neighbour.questions.unshift(question!);
  return next;
}

/** Drag and drop: puts the question at `index` of page `pageId`. */
export function moveQuestionTo(definition: SurveyDefinition, questionId: string, pageId: string, index: number): SurveyDefinition {
  const place = findQuestion(definition, questionId);
  if (!place) return definition;
  const next = clone(definition);
  const [question] = next.pages[place.pageIndex]!.questions.splice(place.index, 1);
  const page = next.pages.find((p) => p.id === pageId);
  if (!page || !question) return definition;
  page.questions.splice(Math.max(0, Math.min(index, page.questions.length)), 0, question);
  return next;
}

export function addPage(definition: SurveyDefinition, newId: IdMaker, afterPageId: string | null = null): { definition: SurveyDefinition; id: string } {
  const next = clone(definition);
  const n = next.pages.length + 1;
  const lang = next.defaultLanguage;
  const page: Page = { id: newId(), title: both(lang, `第 ${n} 页`, `Page ${n}`), relevant: '', questions: [] };
  const at = afterPageId ? next.pages.findIndex((p) => p.id === afterPageId) : -1;
  next.pages.splice(at >= 0 ? at + 1 : next.pages.length, 0, page);
  return { definition: next, id: page.id };
}

export function updatePage(definition: SurveyDefinition, pageId: string, change: (p: Page) => Page): SurveyDefinition {
  const next = clone(definition);
  next.pages = next.pages.map((p) => (p.id === pageId ? change(p) : p));
  return next;
}

export function movePage(definition: SurveyDefinition, pageId: string, delta: -1 | 1): SurveyDefinition {
  const index = definition.pages.findIndex((p) => p.id === pageId);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= definition.pages.length) return definition;
  const next = clone(definition);
  const [page] = next.pages.splice(index, 1);
  next.pages.splice(target, 0, page!);
  return next;
}

/** Deletes a page; its questions move to the previous page (or the next), never silently lost. */
export function deletePage(definition: SurveyDefinition, pageId: string): SurveyDefinition {
  if (definition.pages.length <= 1) return definition;
  const index = definition.pages.findIndex((p) => p.id === pageId);
  if (index < 0) return definition;
  const next = clone(definition);
  const [page] = next.pages.splice(index, 1);
  const receiver = next.pages[Math.max(0, index - 1)]!;
  if (index === 0) receiver.questions.unshift(...page!.questions);
  else receiver.questions.push(...page!.questions);
  return next;
}

export function addDimension(definition: SurveyDefinition, newId: IdMaker, name: LocalizedText): { definition: SurveyDefinition; id: string } {
  const next = clone(definition);
  const dimension: Dimension = { id: newId(), name, weight: 1 };
  next.dimensions.push(dimension);
  return { definition: next, id: dimension.id };
}

export function updateDimension(definition: SurveyDefinition, id: string, change: (d: Dimension) => Dimension): SurveyDefinition {
  const next = clone(definition);
  next.dimensions = next.dimensions.map((d) => (d.id === id ? change(d) : d));
  return next;
}

/** Removes a dimension and unassigns its questions (they stay in the questionnaire). */
export function deleteDimension(definition: SurveyDefinition, id: string): SurveyDefinition {
  const next = clone(definition);
  next.dimensions = next.dimensions.filter((d) => d.id !== id);
  for (const page of next.pages) {
    for (const q of page.questions) {
      if (q.dimension === id) q.dimension = null;
      if (q.type === 'matrix') for (const item of q.items) if (item.dimension === id) item.dimension = null;
    }
  }
  return next;
}
