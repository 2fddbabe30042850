import { describe, expect, it } from 'vitest';
import type { Value } from '../../../shared/questionnaire/expression';
import {
  evaluate,
  parseExpression,
  referencedVariables,
  renameVariable,
  toBoolean,
  usesCurrentValue,
} from '../../../shared/questionnaire/expression';

/** Evaluates `source` against named answers; unknown names are unanswered. */
function run(source: string, answers: Record<string, Value> = {}, current?: Value): Value {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.error)}`);
  return evaluate(result.ast, {
    get: (name) => answers[name] ?? null,
    current,
    // A fixed local wall-clock time: Saturday 15 June 2024, 09:30.
    now: () => new Date(2024, 5, 15, 9, 30, 0),
  });
}

function ast(source: string) {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(source);
  return result.ast;
}

describe('evaluate: skip logic as questionnaires write it', () => {
  const rule = "${q3} >= 4 and selected(${q5}, 'other')";

  it.each<[Value, Value, boolean]>([
    [4, ['price', 'other'], true],
    [5, 'price other', true],
    [3, ['other'], false],
    [4, ['price'], false],
    [null, ['other'], false],
    [4, null, false],
    ['4', ['other'], true],
  ])('%j and %j -> %s', (q3, q5, expected) => {
    expect(run(rule, { q3, q5 })).toBe(expected);
  });

  it('shows a follow-up only for a low score on any of two questions', () => {
    const followUp = '${speed} <= 2 or ${quality} <= 2';
    expect(run(followUp, { speed: 2, quality: 5 })).toBe(true);
    expect(run(followUp, { speed: 3, quality: 5 })).toBe(false);
    expect(run(followUp, { speed: null, quality: null })).toBe(false);
  });
});

describe('evaluate: unanswered questions', () => {
  it('compares an unanswered question as empty text', () => {
    expect(run("${q} = ''")).toBe(true);
    expect(run("${q} != ''")).toBe(false);
    expect(run("${q} = ''", { q: 'x' })).toBe(false);
    expect(run("${q} = ''", { q: [] })).toBe(true);
    expect(run("${q} = ''", { q: '' })).toBe(true);
  });

  it('is never equal to a number, and never greater or smaller than one', () => {
    expect(run('${q} = 0')).toBe(false);
    expect(run('${q} != 0')).toBe(true);
    expect(run('${q} > 3')).toBe(false);
    expect(run('${q} < 3')).toBe(false);
    expect(run('${q} >= 0')).toBe(false);
    expect(run('${q} <= 0')).toBe(false);
  });

  it('is false as a condition and NaN in arithmetic', () => {
    expect(run('not(${q})')).toBe(true);
    expect(run('${q} + 1')).toBeNaN();
    expect(run('-${q}')).toBeNaN();
  });

  it('treats an undefined answer from a sloppy lookup as unanswered', () => {
    const result = evaluate(ast("${q} = ''"), { get: () => undefined as unknown as Value });
    expect(result).toBe(true);
  });

  it('reads `.` as null outside a constraint', () => {
    expect(evaluate(ast('.'), { get: () => null })).toBeNull();
  });
});

describe('evaluate: comparisons', () => {
  it('compares numbers with numeric text as numbers', () => {
    expect(run("${q} = '4'", { q: 4 })).toBe(true);
    expect(run('${q} = 4', { q: '4' })).toBe(true);
    expect(run("4.0 = '4'")).toBe(true);
    expect(run("${q} > '10'", { q: 9 })).toBe(false);
  });

  it('compares two texts as texts', () => {
    expect(run("'4.0' = '4'")).toBe(false);
    expect(run("${q} = 'yes'", { q: 'yes' })).toBe(true);
    expect(run("${q} != 'yes'", { q: 'no' })).toBe(true);
  });

  it('compares with a boolean as booleans', () => {
    expect(run('${q} = true()', { q: 'yes' })).toBe(true);
    expect(run('${q} = false()')).toBe(true);
    expect(run('1 < 2 = true()')).toBe(true);
  });

  it('compares a multiple-choice answer as its space-separated codes', () => {
    expect(run("${m} = 'a b'", { m: ['a', 'b'] })).toBe(true);
    expect(run("${m} = 'a'", { m: ['a', 'b'] })).toBe(false);
  });

  it('is false for relational comparisons with non-numeric text or NaN', () => {
    expect(run("'abc' > 1")).toBe(false);
    expect(run("'abc' < 1")).toBe(false);
    expect(run("'b' > 'a'")).toBe(false);
    expect(run('0 div 0 >= 0')).toBe(false);
    expect(run('0 div 0 = 0 div 0')).toBe(false);
    expect(run('0 div 0 != 0 div 0')).toBe(true);
  });
});

describe('evaluate: arithmetic', () => {
  it.each<[string, number]>([
    ['1 + 2 * 3', 7],
    ['10 - 4 - 3', 3],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['2 * -3', -6],
    ['--2', 2],
    ["'2' + '3'", 5],
    ["' 2.5 ' * 2", 5],
    ['true() + true()', 2],
  ])('%s = %d', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('adds numeric answers given as text', () => {
    expect(run('${a} + ${b}', { a: '2.5', b: 1 })).toBe(3.5);
  });

  it('gives NaN for text that is not a number', () => {
    expect(run("'abc' + 1")).toBeNaN();
    expect(run("'' * 1")).toBeNaN();
  });

  it('divides by zero as ODK does: Infinity, or NaN for 0 div 0 and mod 0', () => {
    expect(run('1 div 0')).toBe(Infinity);
    expect(run('-1 div 0')).toBe(-Infinity);
    expect(run('0 div 0')).toBeNaN();
    expect(run('5 mod 0')).toBeNaN();
    expect(run('${total} div ${count}', { total: 12, count: 0 })).toBe(Infinity);
    expect(run('string(1 div 0)')).toBe('Infinity');
  });
});

describe('evaluate: dates against a fixed clock (2024-06-15 09:30 local)', () => {
  it('accepts a service date up to today', () => {
    const constraint = '. <= today()';
    expect(run(constraint, {}, '2024-06-14')).toBe(true);
    expect(run(constraint, {}, '2024-06-15')).toBe(true);
    expect(run(constraint, {}, '2024-06-16')).toBe(false);
    expect(run(constraint, {}, null)).toBe(false);
  });

  it('compares ISO dates and date-times as dates, not as text', () => {
    expect(run("${d} > date('2024-01-01')", { d: '2024-05-31' })).toBe(true);
    expect(run("${d} < date('2024-01-01')", { d: '2023-12-31' })).toBe(true);
    expect(run('${started} < now()', { started: '2024-06-15T09:00' })).toBe(true);
    expect(run('${started} < now()', { started: '2024-06-15T10:00:00' })).toBe(false);
    expect(run('${d} = today()', { d: '2024-06-15' })).toBe(true);
    expect(run("'2024-06-15T12:00' > today()")).toBe(true);
  });

  it('subtracts dates as days', () => {
    expect(run('today() - ${d}', { d: '2024-06-01' })).toBe(14);
    expect(run("date('2024-03-01') - date('2024-02-01')")).toBe(29);
  });

  it('revisits complaints resolved more than 3 days ago', () => {
    const due = 'today() - ${resolved} > 3';
    expect(run(due, { resolved: '2024-06-11' })).toBe(true);
    expect(run(due, { resolved: '2024-06-12' })).toBe(false);
    expect(run(due, { resolved: null })).toBe(false);
  });
});

describe('evaluate: laziness', () => {
  const exploding: Record<string, Value> = {};
  const context = {
    get: (name: string): Value => {
      if (name === 'boom') throw new Error('evaluated a branch that should be skipped');
      return exploding[name] ?? null;
    },
  };

  it('skips the right side of or/and once the result is known', () => {
    expect(evaluate(ast('true() or ${boom}'), context)).toBe(true);
    expect(evaluate(ast('false() and ${boom}'), context)).toBe(false);
  });

  it('evaluates only the branch if() and coalesce() return', () => {
    expect(evaluate(ast('if(true(), 1, ${boom})'), context)).toBe(1);
    expect(evaluate(ast("coalesce('x', ${boom})"), context)).toBe('x');
  });
});

describe('evaluate: programmer errors', () => {
  it('throws for a hand-built call with the wrong number of arguments', () => {
    expect(() => evaluate({ kind: 'call', name: 'not', args: [] }, { get: () => null })).toThrow(
      TypeError,
    );
  });
});

describe('toBoolean', () => {
  it.each<[Value, boolean]>([
    [null, false],
    ['', false],
    ['false', true],
    ['0', true],
    [0, false],
    [NaN, false],
    [-1, true],
    [[], false],
    [['a'], true],
    [true, true],
    [false, false],
  ])('%j -> %s', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });
});

describe('referencedVariables and usesCurrentValue', () => {
  it('lists each referenced question once, in order of first appearance', () => {
    expect(
      referencedVariables(ast("${b} + ${a} * ${b} > if(selected(${满意度}, 'x'), ${c}, ${a})")),
    ).toEqual(['b', 'a', '满意度', 'c']);
    expect(referencedVariables(ast("'${not_a_reference}'"))).toEqual([]);
  });

  it('says whether the expression reads the answer being validated', () => {
    expect(usesCurrentValue(ast('. >= 0 and . <= 10'))).toBe(true);
    expect(usesCurrentValue(ast("regex(., '^[0-9]+$')"))).toBe(true);
    expect(usesCurrentValue(ast('${q} > 0'))).toBe(false);
    expect(usesCurrentValue(ast("'.'"))).toBe(false);
  });

  it('renames a question everywhere it is referenced', () => {
    const renamed = renameVariable(ast('${a} + -${a} > count-selected(${b})'), 'a', 'score');
    expect(referencedVariables(renamed)).toEqual(['score', 'b']);
  });
});
