/**
 * The questionnaire model: one zod schema shared by the designer, the entry screens, main's
 * validation of saved answers, XLSForm import/export and the JSON file format.
 * A definition is stored as JSON in survey_versions.definition; `formatVersion` guards old files.
 */
import { z } from 'zod';

export const SURVEY_LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
export const surveyLanguage = z.enum(SURVEY_LANGUAGES);

export const DEFINITION_FORMAT_VERSION = 1;

/** Text in each of the survey's languages; a missing language is a missing translation. */
export const localizedText = z.partialRecord(surveyLanguage, z.string().max(4000));
export type LocalizedText = z.infer<typeof localizedText>;

/** A variable name as XLSForm accepts it: it names the column in every export. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const variableName = z.string().regex(VARIABLE_NAME, 'letters, digits and _ ; not starting with a digit');

/** A choice's stored code: what exports, XLSForm and paper-entry keys use. */
export const CHOICE_VALUE = /^[A-Za-z0-9_.-]{1,40}$/;

export const choiceSchema = z.strictObject({
  value: z.string().regex(CHOICE_VALUE, 'letters, digits, _ . -'),
  label: localizedText,
  /** "None of these": selecting it clears and blocks the other choices. */
  exclusive: z.boolean().default(false),
  /** "Other, please specify": selecting it asks for a text, stored as `<name>_other`. */
  other: z.boolean().default(false),
});
export type Choice = z.infer<typeof choiceSchema>;

const expression = z.string().max(2000).default('');

const questionBase = {
  /** Stable internal id: survives renames, used by the designer and undo. */
  id: z.string().min(1).max(64),
  name: variableName,
  label: localizedText,
  hint: localizedText.default({}),
  required: z.boolean().default(false),
  /** Skip logic: shown only when this expression is true ('' = always). */
  relevant: expression,
  /** Validation: `.` is the answer; the message is shown when it is false. */
  constraint: expression,
  constraintMessage: localizedText.default({}),
  /** Dimension id this question scores into (null = not scored). */
  dimension: z.string().max(64).nullable().default(null),
  weight: z.number().min(0).max(100).default(1),
  /** Personal data (name, phone, e-mail): left out of exports unless asked for. */
  personal: z.boolean().default(false),
};

export const LIKERT_POINTS = [3, 5, 7] as const;

export const likertQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('likert'),
  points: z.union([z.literal(3), z.literal(5), z.literal(7)]).default(5),
  /** One label per point, lowest first. */
  pointLabels: z.array(localizedText).max(7).default([]),
  /** Reverse-coded: a high answer means low satisfaction; scoring flips it. */
  reverse: z.boolean().default(false),
});

export const npsQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('nps'),
  lowLabel: localizedText.default({}),
  highLabel: localizedText.default({}),
});

export const singleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('single'),
  choices: z.array(choiceSchema).max(500),
});

export const dropdownQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('dropdown'),
  choices: z.array(choiceSchema).max(5000),
});

/** Range buckets ("<= 30 min", "30-60 min"...): an ordered single choice. */
export const rangeQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('range'),
  choices: z.array(choiceSchema).max(50),
});

export const multipleQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('multiple'),
  choices: z.array(choiceSchema).max(500),
  minSelections: z.number().int().min(0).max(500).nullable().default(null),
  maxSelections: z.number().int().min(1).max(500).nullable().default(null),
});

export const numberQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  integer: z.boolean().default(true),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  unit: localizedText.default({}),
});

export const textQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('text'),
  multiline: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(100000).nullable().default(null),
});

export const dateQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('date'),
  mode: z.enum(['date', 'datetime', 'time']).default('date'),
});

export const matrixItem = z.strictObject({
  id: z.string().min(1).max(64),
  name: variableName,
  label: localizedText,
  reverse: z.boolean().default(false),
  dimension: z.string().max(64).nullable().default(null),
});
export type MatrixItem = z.infer<typeof matrixItem>;

/** Several items on one shared Likert scale; each item is its own variable. */
export const matrixQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('matrix'),
  points: z.union([z.literal(3), z.literal(5), z.literal(7)]).default(5),
  pointLabels: z.array(localizedText).max(7).default([]),
  items: z.array(matrixItem).max(40),
});

export const noteQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('note'),
});

/** A calculated field: never shown; its value is stored like an answer. */
export const calculateQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('calculate'),
  calculation: z.string().max(2000),
});

export const questionSchema = z.discriminatedUnion('type', [
  likertQuestion,
  npsQuestion,
  singleQuestion,
  dropdownQuestion,
  rangeQuestion,
  multipleQuestion,
  numberQuestion,
  textQuestion,
  dateQuestion,
  matrixQuestion,
  noteQuestion,
  calculateQuestion,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES: QuestionType[] = [
  'likert',
  'nps',
  'single',
  'multiple',
  'dropdown',
  'range',
  'number',
  'text',
  'date',
  'matrix',
  'note',
  'calculate',
];

export const pageSchema = z.strictObject({
  id: z.string().min(1).max(64),
  title: localizedText,
  relevant: expression,
  questions: z.array(questionSchema).max(300),
});
export type Page = z.infer<typeof pageSchema>;

export const dimensionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: localizedText,
  weight: z.number().min(0).max(100).default(1),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const targetSchema = z.strictObject({
  /** What is measured: a dimension id, a variable name, or 'overall' / 'nps'. */
  metric: z.string().min(1).max(64),
  label: localizedText.default({}),
  baseline: z.number().nullable().default(null),
  target: z.number(),
});
export type Target = z.infer<typeof targetSchema>;

export const definitionSchema = z.strictObject({
  formatVersion: z.literal(DEFINITION_FORMAT_VERSION),
  title: localizedText,
  description: localizedText.default({}),
  languages: z.array(surveyLanguage).min(1).max(3),
  defaultLanguage: surveyLanguage,
  goal: localizedText.default({}),
  targets: z.array(targetSchema).max(50).default([]),
  dimensions: z.array(dimensionSchema).max(30).default([]),
  pages: z.array(pageSchema).min(1).max(100),
  consent: z
    .strictObject({ text: localizedText.default({}), required: z.boolean().default(true) })
    .default({ text: {}, required: true }),
  thankYou: localizedText.default({}),
});
export type SurveyDefinition = z.infer<typeof definitionSchema>;
export type SurveyDefinitionInput = z.input<typeof definitionSchema>;

/** The text in `lang`, else the survey's default language, else any. */
export function textIn(text: LocalizedText | undefined, lang: SurveyLanguage, fallback?: SurveyLanguage): string {
  if (!text) return '';
  return text[lang] || (fallback ? text[fallback] : '') || Object.values(text).find((t) => !!t) || '';
}

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}

/** The variables a response can hold, in questionnaire order (matrix items each count). */
export function variablesOf(definition: SurveyDefinition): { name: string; question: Question }[] {
  const out: { name: string; question: Question }[] = [];
  for (const question of allQuestions(definition)) {
    if (question.type === 'note') continue;
    if (question.type === 'matrix') for (const item of question.items) out.push({ name: item.name, question });
    else out.push({ name: question.name, question });
  }
  return out;
}

export function hasChoices(
  question: Question,
): question is Extract<Question, { choices: Choice[] }> {
  return 'choices' in question;
}
