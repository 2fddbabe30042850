/**
 * What each function computes, following ODK's behaviour. Arguments arrive unevaluated so
 * if() and coalesce() only evaluate the branch they return. Functions never throw on data:
 * a value that makes no sense gives NaN, '' or null as ODK would.
 */
import {
  daysSinceEpoch,
  formatDatePattern,
  formatIsoDate,
  formatIsoDateTime,
  localParts,
  parseIsoDateTime,
  partsFromDays,
} from './dates';
import type { DateTimeParts } from './dates';
import type { FunctionName } from './function-signatures';
import type { Value } from './values';
import { isEmptyValue, toBoolean, toChoiceList, toNumber, toText } from './values';

/** An argument, evaluated when the function asks for it. */
export type Argument = () => Value;

/** What functions may know about the world: only the clock, and only through the context. */
export interface CallEnvironment {
  now: () => Date;
}

type FunctionImplementation = (args: readonly Argument[], environment: CallEnvironment) => Value;

/** The value of argument `index`; the parser has checked the count, so absence is a bug. */
function arg(args: readonly Argument[], index: number): Value {
  const argument = args[index];
  if (!argument) throw new TypeError(`missing argument ${index + 1}`);
  return argument();
}

const text = (args: readonly Argument[], index: number): string => toText(arg(args, index));
const number = (args: readonly Argument[], index: number): number => toNumber(arg(args, index));

export const FUNCTIONS: Record<FunctionName, FunctionImplementation> = {
  selected: (args) => toChoiceList(arg(args, 0)).includes(text(args, 1).trim()),
  'count-selected': (args) => toChoiceList(arg(args, 0)).length,
  'selected-at': (args) => toChoiceList(arg(args, 0))[Math.trunc(number(args, 1))] ?? '',

  if: (args) => (toBoolean(arg(args, 0)) ? arg(args, 1) : arg(args, 2)),
  not: (args) => !toBoolean(arg(args, 0)),
  true: () => true,
  false: () => false,
  boolean: (args) => toBoolean(arg(args, 0)),
  'boolean-from-string': (args) => ['true', '1'].includes(text(args, 0).trim().toLowerCase()),
  coalesce: (args) => {
    const first = arg(args, 0);
    return isEmptyValue(first) ? arg(args, 1) : first;
  },

  string: (args) => text(args, 0),
  // Characters as people count them: an emoji or a rare CJK character is one, not two.
  'string-length': (args) => [...text(args, 0)].length,
  concat: (args) => args.map((argument) => toText(argument())).join(''),
  contains: (args) => text(args, 0).includes(text(args, 1)),
  'starts-with': (args) => text(args, 0).startsWith(text(args, 1)),
  'ends-with': (args) => text(args, 0).endsWith(text(args, 1)),
  substr: (args) => {
    const characters = [...text(args, 0)];
    const start = index(number(args, 1), 0, characters.length);
    const end =
      args.length > 2
        ? index(number(args, 2), characters.length, characters.length)
        : characters.length;
    return characters.slice(start, Math.max(start, end)).join('');
  },
  'normalize-space': (args) => text(args, 0).trim().replace(/\s+/g, ' '),
  regex: (args) => compilePattern(text(args, 1))?.test(text(args, 0)) ?? false,

  number: (args) => number(args, 0),
  int: (args) => Math.trunc(number(args, 0)),
  round: (args) => roundHalfAwayFromZero(number(args, 0), args.length > 1 ? number(args, 1) : 0),
  floor: (args) => Math.floor(number(args, 0)),
  ceiling: (args) => Math.ceil(number(args, 0)),
  abs: (args) => Math.abs(number(args, 0)),
  pow: (args) => Math.pow(number(args, 0), number(args, 1)),
  min: (args) => aggregate(args, (values) => (values.length ? Math.min(...values) : NaN)),
  max: (args) => aggregate(args, (values) => (values.length ? Math.max(...values) : NaN)),
  sum: (args) => aggregate(args, (values) => values.reduce((total, value) => total + value, 0)),

  today: (_args, { now }) => formatIsoDate(localParts(now())),
  now: (_args, { now }) => formatIsoDateTime(localParts(now())),
  date: (args) => {
    const parts = toDateParts(arg(args, 0));
    return parts ? formatIsoDate(parts) : null;
  },
  'format-date': (args) => {
    const parts = toDateParts(arg(args, 0));
    return parts ? formatDatePattern(parts, text(args, 1)) : '';
  },
  'decimal-date-time': (args) => {
    const parts = toDateParts(arg(args, 0));
    return parts ? daysSinceEpoch(parts) : NaN;
  },
};

/** A character index from a number: whole, clamped to the text; NaN means `fallback`. */
function index(value: number, fallback: number, length: number): number {
  if (Number.isNaN(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), 0), length);
}

/** Every argument as numbers, a multiple-choice answer contributing each selected code. */
function aggregate(args: readonly Argument[], combine: (values: number[]) => number): number {
  const values = args.flatMap((argument) => {
    const value = argument();
    return Array.isArray(value) ? value.map(toNumber) : [toNumber(value)];
  });
  return values.some(Number.isNaN) ? NaN : combine(values);
}

/** Half away from zero, like a spreadsheet: round(2.5) = 3, round(-2.5) = -3, round(1.005, 2) = 1.01. */
function roundHalfAwayFromZero(value: number, digits: number): number {
  if (Number.isNaN(digits)) return NaN;
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** Math.trunc(Math.min(Math.max(digits, -308), 308));
  const scaled = Math.abs(value) * factor;
  // Past 2^52 every double is already whole at this scale; rounding would only add error.
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return value;
  // The nudge absorbs binary representation error: 1.005 is stored as 1.00499999999999989...
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

function toDateParts(value: Value): DateTimeParts | undefined {
  if (typeof value === 'number') return partsFromDays(value);
  if (typeof value === 'string') return parseIsoDateTime(value);
  return undefined;
}

/** Compiled patterns, so a constraint checked on every keystroke compiles once. */
const patterns = new Map<string, RegExp | null>();
const PATTERN_CACHE_LIMIT = 256;

/**
 * The pattern as a JavaScript regular expression, Unicode-aware when it allows it; null when
 * it is not a valid pattern either way (then regex() is false: a broken constraint rejects
 * rather than crashing the form). Matches anywhere in the text, as ODK does: anchor with ^ $.
 */
function compilePattern(pattern: string): RegExp | null {
  const cached = patterns.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null = null;
  for (const flags of ['u', '']) {
    try {
      compiled = new RegExp(pattern, flags);
      break;
    } catch {
      // Not valid with these flags; try the next, then give up with null.
    }
  }
  if (patterns.size >= PATTERN_CACHE_LIMIT) patterns.clear();
  patterns.set(pattern, compiled);
  return compiled;
}
