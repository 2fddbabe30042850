import { describe, expect, it } from 'vitest';
import type { Value } from '../../../shared/questionnaire/expression';
import { evaluate, parseExpression } from '../../../shared/questionnaire/expression';

function run(source: string, answers: Record<string, Value> = {}, current?: Value): Value {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.error)}`);
  return evaluate(result.ast, {
    get: (name) => answers[name] ?? null,
    current,
    now: () => new Date(2024, 5, 15, 9, 30, 5),
  });
}

type Row = [source: string, expected: Value, answers?: Record<string, Value>];
/** One table row: `source` evaluated against `answers` gives `expected`. */
const check = (source: string, expected: Value, answers?: Record<string, Value>) =>
  expect(run(source, answers)).toEqual(expected);

describe('multiple-choice functions', () => {
  const pick = { m: ['price', 'other'], s: 'price  other ', none: [] as string[] };
  it.each<Row>([
    ["selected(${m}, 'other')", true, pick],
    ["selected(${m}, 'oth')", false, pick],
    ["selected(${s}, 'other')", true, pick],
    ["selected(${m}, ' other ')", true, pick],
    ["selected(${none}, 'other')", false, pick],
    ["selected(${unanswered}, 'other')", false],
    ['count-selected(${m})', 2, pick],
    ['count-selected(${s})', 2, pick],
    ['count-selected(${none})', 0, pick],
    ['count-selected(${unanswered})', 0],
    ['selected-at(${m}, 1)', 'other', pick],
    ['selected-at(${s}, 0)', 'price', pick],
    ['selected-at(${m}, 5)', '', pick],
  ])('%s = %j', check);
});

describe('logic functions', () => {
  it.each<Row>([
    ["if(${q} >= 4, 'satisfied', 'not satisfied')", 'satisfied', { q: 5 }],
    ["if(${q} >= 4, 'satisfied', 'not satisfied')", 'not satisfied', { q: null }],
    ['if(${q}, ${q}, 0)', ['a'], { q: ['a'] }],
    ['not(1 = 1)', false],
    ['not(0)', true],
    ["not('')", true],
    ['true()', true],
    ['false()', false],
    ["boolean('0')", true],
    ['boolean(0)', false],
    ["boolean-from-string('true')", true],
    ["boolean-from-string('1')", true],
    ["boolean-from-string(' TRUE ')", true],
    ["boolean-from-string('yes')", false],
    ["boolean-from-string('0')", false],
    ["coalesce(${q}, 'no answer')", 'no answer'],
    ["coalesce(${q}, 'no answer')", 'given', { q: 'given' }],
    ['coalesce(${m}, 0)', 0, { m: [] }],
    ['coalesce(${q}, 0)', 3, { q: 3 }],
  ])('%s = %j', check);
});

describe('text functions', () => {
  it.each<Row>([
    ['string(4)', '4'],
    ['string(10 div 4)', '2.5'],
    ['string(6 div 3)', '2'],
    ['string(1 div 3 > 0)', 'true'],
    ['string(${m})', 'a b', { m: ['a', 'b'] }],
    ['string(${q})', ''],
    ['string-length(${q})', 3, { q: '满意度' }],
    ['string-length(${q})', 0],
    ["string-length('😀a')", 2],
    ["concat('score: ', 4, ' / ', ${m})", 'score: 4 / a b', { m: ['a', 'b'] }],
    ["concat(${q}, '-')", '-'],
    ["contains(${q}, '慢')", true, { q: '响应太慢了' }],
    ["contains(${q}, '慢')", false],
    ["starts-with(${id}, 'C2024')", true, { id: 'C202405001' }],
    ["ends-with(${mail}, '.com')", true, { mail: 'li@example.com' }],
    ["substr('abcdef', 1, 3)", 'bc'],
    ["substr('abcdef', 2)", 'cdef'],
    ["substr('客户满意度', 2, 4)", '满意'],
    ["substr('abc', 5)", ''],
    ["substr('abc', -1, 2)", 'ab'],
    ["substr('abc', 2, 1)", ''],
    ["normalize-space('  a \n b  ')", 'a b'],
  ])('%s = %j', check);
});

describe('regex()', () => {
  const phone = "regex(., '^\\+?[0-9][0-9 -]{6,18}$')";

  it.each<[Value, boolean]>([
    ['+86 138 0000 0000', true],
    ['021-12345678', true],
    ['12345', false],
    ['call me', false],
    [null, false],
  ])('checks a phone number: %j -> %s', (answer, expected) => {
    expect(run(phone, {}, answer)).toBe(expected);
  });

  it('matches anywhere in the text unless anchored, case-sensitively', () => {
    expect(run("regex('order 42', '[0-9]+')")).toBe(true);
    expect(run("regex('ABC', 'b')")).toBe(false);
  });

  it('understands Unicode classes', () => {
    expect(run("regex('张三', '^\\p{Script=Han}+$')")).toBe(true);
    expect(run("regex('Zhang', '^\\p{Script=Han}+$')")).toBe(false);
  });

  it('is false for an invalid pattern instead of failing the form', () => {
    expect(run("regex('(', '(')")).toBe(false);
    expect(run("regex('a', '[')")).toBe(false);
  });

  it('accepts patterns that are only valid without the Unicode flag', () => {
    expect(run("regex('a-b', 'a\\-b')")).toBe(true);
  });
});

describe('number functions', () => {
  it.each<Row>([
    ["number('12')", 12],
    ["number(' -1.5 ')", -1.5],
    ['number(true())', 1],
    ["number('1970-01-03')", 2],
    ['int(3.7)', 3],
    ['int(-3.7)', -3],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round(1.005, 2)', 1.01],
    ['round(3.14159, 3)', 3.142],
    ['round(1234.5678, -2)', 1200],
    ['floor(-2.5)', -3],
    ['ceiling(2.1)', 3],
    ['abs(-2)', 2],
    ['pow(2, 10)', 1024],
    ['pow(4, 0.5)', 2],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['sum(1, 2, 3)', 6],
    ['sum(${scores})', 9, { scores: ['4', '5'] }],
    ['max(${scores}, 7)', 7, { scores: ['4', '5'] }],
    ['sum(${none})', 0, { none: [] }],
  ])('%s = %j', check);

  it.each([
    "number('')",
    "number('abc')",
    'int(${q})',
    "round(1, 'x')",
    'min(1, ${q})',
    'max(${none})',
    "sum(1, 'x')",
  ])('%s is NaN', (source) => {
    expect(run(source, { none: [] })).toBeNaN();
  });
});

describe('date functions (clock fixed at 2024-06-15 09:30:05 local)', () => {
  it.each<Row>([
    ['today()', '2024-06-15'],
    ['now()', '2024-06-15T09:30:05'],
    ["date('2024-05-31')", '2024-05-31'],
    ["date(' 2024-05-31T23:59:59+08:00 ')", '2024-05-31'],
    ['date(19723)', '2024-01-01'],
    ['date(19723.75)', '2024-01-01'],
    ["date('2024-02-29')", '2024-02-29'],
    ["date('2023-02-29')", null],
    ["date('2024-13-01')", null],
    ["date('31/05/2024')", null],
    ['date(${q})', null],
    ["format-date('2024-06-05T08:07', '%Y年%m月%d日 %H:%M')", '2024年06月05日 08:07'],
    ["format-date('2024-06-05', '%e/%n/%y')", '5/6/24'],
    ["format-date('2024-06-05T08:07:09', '%h:%M:%S 100%% %q')", '8:07:09 100% %q'],
    ["format-date(today(), '%Y')", '2024'],
    ["format-date('not a date', '%Y')", ''],
    ["decimal-date-time('1970-01-02T12:00')", 1.5],
    ["decimal-date-time('2024-01-01')", 19723],
    ["date('0001-01-01') < date('1970-01-01')", true],
  ])('%s = %j', check);

  it('gives NaN for decimal-date-time of something that is not a date', () => {
    expect(run("decimal-date-time('soon')")).toBeNaN();
  });

  it('uses the real clock when the context gives none', () => {
    const result = parseExpression('today()');
    const today = result.ok ? evaluate(result.ast, { get: () => null }) : null;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
