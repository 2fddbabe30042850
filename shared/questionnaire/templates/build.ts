/** Small builders so templates read as questionnaires, not as JSON. Ids equal variable names. */
import type { Choice, LocalizedText, Question } from '../model';

export type Bi = [zh: string, en: string];

export function tx([zh, en]: Bi): LocalizedText {
  return { 'zh-CN': zh, en };
}

const base = {
  hint: {},
  required: true,
  relevant: '',
  constraint: '',
  constraintMessage: {},
  dimension: null,
  weight: 1,
  personal: false,
};

export const SATISFACTION_5: Bi[] = [
  ['非常不满意', 'Very dissatisfied'],
  ['不满意', 'Dissatisfied'],
  ['一般', 'Neutral'],
  ['满意', 'Satisfied'],
  ['非常满意', 'Very satisfied'],
];

export const AGREEMENT_5: Bi[] = [
  ['非常不同意', 'Strongly disagree'],
  ['不同意', 'Disagree'],
  ['一般', 'Neutral'],
  ['同意', 'Agree'],
  ['非常同意', 'Strongly agree'],
];

type Extra = Partial<Omit<Question, 'type' | 'id' | 'name' | 'label'>>;

export function likert(name: string, label: Bi, dimension: string | null, extra: Extra & { labels?: Bi[] } = {}): Question {
  const { labels = SATISFACTION_5, ...rest } = extra;
  return {
    ...base,
    ...rest,
    id: name,
    name,
    label: tx(label),
    dimension,
    type: 'likert',
    points: 5,
    pointLabels: labels.map(tx),
    reverse: false,
  };
}

export function nps(name: string, label: Bi): Question {
  return {
    ...base,
    id: name,
    name,
    label: tx(label),
    type: 'nps',
    lowLabel: tx(['完全不可能', 'Not at all likely']),
    highLabel: tx(['极有可能', 'Extremely likely']),
  };
}

export function choices(list: [value: string, label: Bi, flags?: { other?: boolean; exclusive?: boolean }][]): Choice[] {
  return list.map(([value, label, flags]) => ({
    value,
    label: tx(label),
    other: flags?.other ?? false,
    exclusive: flags?.exclusive ?? false,
  }));
}

export function single(name: string, label: Bi, options: Choice[], extra: Extra = {}): Question {
  return { ...base, ...extra, id: name, name, label: tx(label), type: 'single', choices: options };
}

export function range(name: string, label: Bi, options: Choice[], extra: Extra = {}): Question {
  return { ...base, ...extra, id: name, name, label: tx(label), type: 'range', choices: options };
}

export function multiple(name: string, label: Bi, options: Choice[], extra: Extra = {}): Question {
  return {
    ...base,
    minSelections: null,
    maxSelections: null,
    ...extra,
    id: name,
    name,
    label: tx(label),
    type: 'multiple',
    choices: options,
  };
}

export function text(name: string, label: Bi, extra: Extra & { multiline?: boolean } = {}): Question {
  return {
    ...base,
    maxLength: null,
    multiline: false,
    required: false,
    ...extra,
    id: name,
    name,
    label: tx(label),
    type: 'text',
  };
}

export function date(name: string, label: Bi, extra: Extra = {}): Question {
  return { ...base, ...extra, id: name, name, label: tx(label), type: 'date', mode: 'date' };
}

export function note(name: string, label: Bi): Question {
  return { ...base, required: false, id: name, name, label: tx(label), type: 'note' };
}

/** A phone number as Chinese users write it: mobile, landline, or +86/+852... */
export const PHONE_CONSTRAINT = "regex(., '^\\+?[0-9][0-9 -]{6,18}$')";
export const PHONE_MESSAGE = tx(['请填写有效的电话号码', 'Please enter a valid phone number']);
