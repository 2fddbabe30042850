import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr, FunctionName } from '../../../shared/questionnaire/expression';
import { FUNCTION_NAMES, parseExpression } from '../../../shared/questionnaire/expression';

const num = (value: number): Expr => ({ kind: 'number', value });
const str = (value: string): Expr => ({ kind: 'string', value });
const ref = (name: string): Expr => ({ kind: 'variable', name });
const dot: Expr = { kind: 'current' };
const neg = (operand: Expr): Expr => ({ kind: 'negate', operand });
const op = (operator: BinaryOperator, left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  operator,
  left,
  right,
});
const call = (name: FunctionName, ...args: Expr[]): Expr => ({ kind: 'call', name, args });

function tree(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.error)}`);
  return result.ast;
}

describe('parseExpression: precedence and associativity', () => {
  it.each<[string, Expr]>([
    ['1 + 2 * 3', op('+', num(1), op('*', num(2), num(3)))],
    ['1 * 2 + 3', op('+', op('*', num(1), num(2)), num(3))],
    ['(1 + 2) * 3', op('*', op('+', num(1), num(2)), num(3))],
    ['${a} or ${b} and ${c}', op('or', ref('a'), op('and', ref('b'), ref('c')))],
    ['${a} and ${b} or ${c}', op('or', op('and', ref('a'), ref('b')), ref('c'))],
    ['${a} = 1 and ${b} != 2', op('and', op('=', ref('a'), num(1)), op('!=', ref('b'), num(2)))],
    ['1 < 2 = true()', op('=', op('<', num(1), num(2)), call('true'))],
    ['1 = 2 < 3', op('=', num(1), op('<', num(2), num(3)))],
    ['1 + 2 < 4', op('<', op('+', num(1), num(2)), num(4))],
    [
      '${a} >= 4 or 1 + 1 = 2',
      op('or', op('>=', ref('a'), num(4)), op('=', op('+', num(1), num(1)), num(2))),
    ],
    ['7 mod 3 * 2', op('*', op('mod', num(7), num(3)), num(2))],
    ['6 div 3 mod 2', op('mod', op('div', num(6), num(3)), num(2))],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected);
  });

  it.each<[string, Expr]>([
    ['1 - 2 - 3', op('-', op('-', num(1), num(2)), num(3))],
    ['8 div 4 div 2', op('div', op('div', num(8), num(4)), num(2))],
    ['1 - (2 - 3)', op('-', num(1), op('-', num(2), num(3)))],
    ['${a} or ${b} or ${c}', op('or', op('or', ref('a'), ref('b')), ref('c'))],
    ['1 = 1 != 0', op('!=', op('=', num(1), num(1)), num(0))],
  ])('binary operators are left-associative: %s', (source, expected) => {
    expect(tree(source)).toEqual(expected);
  });

  it.each<[string, Expr]>([
    ['-2 * 3', op('*', neg(num(2)), num(3))],
    ['-(2 * 3)', neg(op('*', num(2), num(3)))],
    ['- -1', neg(neg(num(1)))],
    ['--1', neg(neg(num(1)))],
    ['1 - -1', op('-', num(1), neg(num(1)))],
    ['-${a} + 1', op('+', neg(ref('a')), num(1))],
    ['5 div-1', op('div', num(5), neg(num(1)))],
    ['count-selected(${a})-1', op('-', call('count-selected', ref('a')), num(1))],
  ])('unary minus binds tighter than any binary operator: %s', (source, expected) => {
    expect(tree(source)).toEqual(expected);
  });
});

describe('parseExpression: operands', () => {
  it.each<[string, Expr]>([
    ['42', num(42)],
    ['3.25', num(3.25)],
    ['.5', num(0.5)],
    ['1.', num(1)],
    ['007', num(7)],
    ["'是'", str('是')],
    ['"it\'s"', str("it's")],
    ['\'他说"好"\'', str('他说"好"')],
    ["''", str('')],
    ["'${not a reference}'", str('${not a reference}')],
    ['.', dot],
    ['${q1}', ref('q1')],
    ['${_hidden}', ref('_hidden')],
    ['${group.q-2}', ref('group.q-2')],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected);
  });

  it('reads Chinese question names', () => {
    expect(tree("${满意度} >= 4 and ${服务类型} = '售后'")).toEqual(
      op('and', op('>=', ref('满意度'), num(4)), op('=', ref('服务类型'), str('售后'))),
    );
    expect(tree('${客户_类型.其他}')).toEqual(ref('客户_类型.其他'));
  });

  it('ignores any whitespace between tokens, full-width and zero-width spaces included', () => {
    expect(tree('\n\t${a}\u3000+\r\n1 ')).toEqual(op('+', ref('a'), num(1)));
    expect(tree('${a}\u200B+ 1')).toEqual(op('+', ref('a'), num(1)));
  });

  it('reads the constraint `.` and a regex pattern with backslashes verbatim', () => {
    expect(tree("regex(., '^\\+?[0-9][0-9 -]{6,18}$')")).toEqual(
      call('regex', dot, str('^\\+?[0-9][0-9 -]{6,18}$')),
    );
  });
});

describe('parseExpression: every function', () => {
  const examples: Record<FunctionName, string> = {
    selected: "selected(${q5}, 'other')",
    'count-selected': 'count-selected(${q5})',
    'selected-at': 'selected-at(${q5}, 0)',
    if: "if(${q3} >= 4, 'good', 'bad')",
    not: 'not(${q1})',
    true: 'true()',
    false: 'false()',
    boolean: 'boolean(${q1})',
    'boolean-from-string': "boolean-from-string('true')",
    coalesce: "coalesce(${q1}, 'none')",
    string: 'string(4)',
    'string-length': 'string-length(${q1})',
    concat: "concat('a', ${q1}, 3)",
    contains: "contains(${q1}, '慢')",
    'starts-with': "starts-with(${q1}, 'C')",
    'ends-with': "ends-with(${q1}, '.com')",
    substr: 'substr(${q1}, 0, 4)',
    'normalize-space': 'normalize-space(${q1})',
    regex: "regex(., '^[0-9]+$')",
    number: 'number(${q1})',
    int: 'int(3.7)',
    round: 'round(${q1}, 1)',
    floor: 'floor(2.5)',
    ceiling: 'ceiling(2.5)',
    abs: 'abs(-2)',
    pow: 'pow(2, 10)',
    min: 'min(${a}, ${b}, 3)',
    max: 'max(${a}, ${b})',
    sum: 'sum(${a}, ${b})',
    today: 'today()',
    now: 'now()',
    date: "date('2024-05-31')",
    'format-date': "format-date(${d}, '%Y-%m-%d %H:%M')",
    'decimal-date-time': 'decimal-date-time(now())',
  };

  it.each(FUNCTION_NAMES.map((name) => [name, examples[name]] as const))(
    '%s: %s',
    (name, source) => {
      const ast = tree(source);
      expect(ast.kind === 'call' && ast.name).toBe(name);
    },
  );

  it('accepts optional and variadic arguments', () => {
    expect(tree('round(2.5)')).toEqual(call('round', num(2.5)));
    expect(tree("substr('abc', 1)")).toEqual(call('substr', str('abc'), num(1)));
    expect(tree('concat(1)')).toEqual(call('concat', num(1)));
    expect(tree('max(1, 2, 3, 4, 5)')).toEqual(call('max', num(1), num(2), num(3), num(4), num(5)));
  });

  it('nests calls inside calls and operators', () => {
    expect(tree("if(not(selected(${q5}, 'a')), count-selected(${q5}) + 1, 0)")).toEqual(
      call(
        'if',
        call('not', call('selected', ref('q5'), str('a'))),
        op('+', call('count-selected', ref('q5')), num(1)),
        num(0),
      ),
    );
  });
});
