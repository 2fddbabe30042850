/**
 * The functions the expression language knows and how many arguments each takes. The parser
 * checks calls against this table, so a typo or a missing argument is reported while the
 * questionnaire is being designed, not when a respondent reaches the question.
 */

/** Argument count bounds; `max` is Infinity for variadic functions. */
export interface FunctionSignature {
  min: number;
  max: number;
}

const fixed = (count: number): FunctionSignature => ({ min: count, max: count });
const range = (min: number, max: number): FunctionSignature => ({ min, max });
const atLeast = (min: number): FunctionSignature => ({ min, max: Infinity });

/** Every function, in the order the designer's help lists them. */
export const FUNCTION_SIGNATURES = {
  // choices
  selected: fixed(2),
  'count-selected': fixed(1),
  'selected-at': fixed(2),
  // logic
  if: fixed(3),
  not: fixed(1),
  true: fixed(0),
  false: fixed(0),
  boolean: fixed(1),
  'boolean-from-string': fixed(1),
  coalesce: fixed(2),
  // text
  string: fixed(1),
  'string-length': fixed(1),
  concat: atLeast(1),
  contains: fixed(2),
  'starts-with': fixed(2),
  'ends-with': fixed(2),
  substr: range(2, 3),
  'normalize-space': fixed(1),
  regex: fixed(2),
  // numbers
  number: fixed(1),
  int: fixed(1),
  round: range(1, 2),
  floor: fixed(1),
  ceiling: fixed(1),
  abs: fixed(1),
  pow: fixed(2),
  min: atLeast(1),
  max: atLeast(1),
  sum: atLeast(1),
  // dates
  today: fixed(0),
  now: fixed(0),
  date: fixed(1),
  'format-date': fixed(2),
  'decimal-date-time': fixed(1),
} as const satisfies Record<string, FunctionSignature>;

/** The name of a known function. */
export type FunctionName = keyof typeof FUNCTION_SIGNATURES;

export const FUNCTION_NAMES = Object.keys(FUNCTION_SIGNATURES) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTION_SIGNATURES, name);
}

/** The closest known function name, for "did you mean" hints; undefined when nothing is close. */
export function closestFunctionName(name: string): FunctionName | undefined {
  const normalised = name.toLowerCase().replace(/_/g, '-');
  if (isFunctionName(normalised)) return normalised;
  const alias = ALIASES[normalised];
  if (alias) return alias;
  let best: FunctionName | undefined;
  // Short names are only corrected by a single edit: 'x' is not a typo of 'if'.
  let bestDistance = Math.min(3, Math.ceil(normalised.length / 2));
  for (const candidate of FUNCTION_NAMES) {
    const distance = editDistance(normalised, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Names people bring from spreadsheets and other languages. */
const ALIASES: Partial<Record<string, FunctionName>> = {
  iif: 'if',
  substring: 'substr',
  len: 'string-length',
  strlen: 'string-length',
  length: 'string-length',
  trim: 'normalize-space',
  ceil: 'ceiling',
  regexp: 'regex',
  match: 'regex',
  ifnull: 'coalesce',
  isnull: 'coalesce',
  nvl: 'coalesce',
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
