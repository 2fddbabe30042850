import { describe, expect, it } from 'vitest';
import type {
  ExpressionError,
  ExpressionErrorCode,
} from '../../../shared/questionnaire/expression';
import { MAX_NESTING, parseExpression } from '../../../shared/questionnaire/expression';

function failure(source: string): ExpressionError {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`${source} parsed, expected an error`);
  return result.error;
}

type Case = [
  source: string,
  code: ExpressionErrorCode,
  position: number,
  length: number,
  params?: Record<string, string | number>,
];

function expectError([source, code, position, length, params = {}]: Case): void {
  const error = failure(source);
  expect(error).toMatchObject({ code, position, length });
  expect(error.params).toMatchObject(params);
}

describe('parseExpression reports where an expression is broken', () => {
  it.each<Case>([
    ['', 'empty', 0, 0],
    ['   \n', 'empty', 0, 0],
    ['\u200B', 'empty', 0, 0],
  ])('an empty expression: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['(${q1} + 2', 'missing_closing_paren', 10, 0, { openPosition: 0 }],
    ['(${q1} + 23', 'missing_closing_paren', 11, 0, { openPosition: 0 }],
    ['if(${a} = 1, 2, 3', 'missing_closing_paren', 17, 0, { openPosition: 2 }],
    ["concat('a', 'b'", 'missing_closing_paren', 15, 0, { openPosition: 6 }],
    ['((1 + 2) * 3', 'missing_closing_paren', 12, 0, { openPosition: 0 }],
    ['1 + 2)', 'unmatched_closing_paren', 5, 1],
    [')', 'unexpected_token', 0, 1, { token: ')', expected: 'operand' }],
    ['()', 'unexpected_token', 1, 1, { token: ')', expected: 'operand' }],
    ['(1 2)', 'unexpected_token', 3, 1, { token: '2', expected: 'operator_or_closing_paren' }],
  ])('parentheses: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['1 +', 'unexpected_end', 3, 0, { expected: 'operand', after: '+' }],
    ['${q1} >=', 'unexpected_end', 8, 0, { after: '>=' }],
    ['${a} and', 'unexpected_end', 8, 0, { after: 'and' }],
    ['-', 'unexpected_end', 1, 0, { after: '-' }],
    ['not(', 'unexpected_end', 4, 0, { after: '(' }],
    ['* 2', 'unexpected_token', 0, 1, { token: '*', expected: 'operand' }],
    ['1 + * 2', 'unexpected_token', 4, 1, { token: '*', expected: 'operand' }],
    ['and 1', 'unexpected_token', 0, 3, { token: 'and', expected: 'operand' }],
    ['1 2', 'unexpected_token', 2, 1, { token: '2', expected: 'operator' }],
    ['${a} ${b}', 'unexpected_token', 5, 4, { token: '${b}', expected: 'operator' }],
    ['.5.5', 'unexpected_token', 2, 2, { token: '.5' }],
    ['${a} AND ${b}', 'unexpected_token', 5, 3, { token: 'AND', suggestion: 'and' }],
  ])('dangling and missing operators: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['foo(1)', 'unknown_function', 0, 3, { name: 'foo' }],
    ['1 + bar()', 'unknown_function', 4, 3, { name: 'bar' }],
    ['count_selected(${a})', 'unknown_function', 0, 14, { suggestion: 'count-selected' }],
    ["substring('abc', 1)", 'unknown_function', 0, 9, { suggestion: 'substr' }],
    ["jr:choice-name(${a}, 'a')", 'unknown_function', 0, 14, { name: 'jr:choice-name' }],
    ['IF(1, 2, 3)', 'unknown_function', 0, 2, { suggestion: 'if' }],
  ])('unknown functions: %j', (...testCase) => expectError(testCase));

  it('does not guess a function for a name that is nothing like one', () => {
    expect(failure('x(1)').params).not.toHaveProperty('suggestion');
  });

  it.each<Case>([
    [
      'selected(${a})',
      'wrong_argument_count',
      0,
      14,
      { name: 'selected', min: 2, max: 2, actual: 1 },
    ],
    ["1 + if(1, 'a')", 'wrong_argument_count', 4, 10, { name: 'if', min: 3, max: 3, actual: 2 }],
    ['today(1)', 'wrong_argument_count', 0, 8, { min: 0, max: 0, actual: 1 }],
    ['round(1, 2, 3)', 'wrong_argument_count', 0, 14, { min: 1, max: 2, actual: 3 }],
    ['concat()', 'wrong_argument_count', 0, 8, { min: 1, actual: 0 }],
    ['not()', 'wrong_argument_count', 0, 5, { actual: 0 }],
  ])('argument counts are checked while parsing: %j', (...testCase) => expectError(testCase));

  it('leaves out `max` for functions that take any number of arguments', () => {
    expect(failure('max()').params).not.toHaveProperty('max');
  });

  it.each<Case>([
    ['concat(1,)', 'unexpected_token', 9, 1, { token: ')', expected: 'operand' }],
    ['concat(,1)', 'unexpected_token', 7, 1, { token: ',' }],
    ["concat('a' 'b')", 'unexpected_token', 11, 3, { expected: 'comma_or_closing_paren' }],
  ])('argument lists: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ["'abc", 'unterminated_string', 0, 4, { quote: "'" }],
    ['${q} = "abc', 'unterminated_string', 7, 4, { quote: '"' }],
    ['${q} = \'it"s', 'unterminated_string', 7, 5],
  ])('unterminated strings: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['${}', 'bad_variable_reference', 0, 3, { reason: 'empty' }],
    ['1 + ${}', 'bad_variable_reference', 4, 3, { reason: 'empty' }],
    ['$name', 'bad_variable_reference', 0, 5, { reason: 'missing_braces', name: 'name' }],
    ['${q1} + $q2', 'bad_variable_reference', 8, 3, { reason: 'missing_braces', name: 'q2' }],
    ['$', 'bad_variable_reference', 0, 1, { reason: 'missing_braces', name: '' }],
    ['${1abc}', 'bad_variable_reference', 0, 7, { reason: 'invalid_name', name: '1abc' }],
    ['${.q}', 'bad_variable_reference', 0, 5, { reason: 'invalid_name' }],
    ['${a b} = 1', 'bad_variable_reference', 0, 6, { reason: 'invalid_name', name: 'a b' }],
    ["${q1 = 'x'", 'bad_variable_reference', 0, 4, { reason: 'unclosed', name: 'q1' }],
    ['${q1', 'bad_variable_reference', 0, 4, { reason: 'unclosed' }],
    ['${a = 1 and ${b}', 'bad_variable_reference', 0, 3, { reason: 'unclosed', name: 'a' }],
  ])('question references: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['q1 = 1', 'bare_name', 0, 2, { name: 'q1', suggestion: '${q1}' }],
    ['满意度 >= 4', 'bare_name', 0, 3, { suggestion: '${满意度}' }],
    ['today < ${d}', 'bare_name', 0, 5, { suggestion: 'today()' }],
    ['true', 'bare_name', 0, 4, { suggestion: 'true()' }],
  ])('names without ${} or (): %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['1 == 1', 'unexpected_character', 2, 2, { char: '==', suggestion: '=' }],
    ['${a} <> 1', 'unexpected_character', 5, 2, { suggestion: '!=' }],
    ['${a} && ${b}', 'unexpected_character', 5, 2, { suggestion: 'and' }],
    ['${a} || ${b}', 'unexpected_character', 5, 2, { suggestion: 'or' }],
    ['!${a}', 'unexpected_character', 0, 1, { suggestion: 'not()' }],
    ['6 / 2', 'unexpected_character', 2, 1, { suggestion: 'div' }],
    ['6 % 2', 'unexpected_character', 2, 1, { suggestion: 'mod' }],
    ['1 # 2', 'unexpected_character', 2, 1, { char: '#' }],
    ['😀', 'unexpected_character', 0, 2, { char: '😀' }],
  ])('characters outside the language: %j', (...testCase) => expectError(testCase));

  it.each<Case>([
    ['${a} = ‘是’', 'unexpected_character', 7, 1, { char: '‘', suggestion: "'" }],
    ['${a} = “是”', 'unexpected_character', 7, 1, { suggestion: '"' }],
    ['（1 + 2）', 'unexpected_character', 0, 1, { char: '（', suggestion: '(' }],
    ["selected(${a}，'x')", 'unexpected_character', 13, 1, { suggestion: ',' }],
    ['${a} ＝ 1', 'unexpected_character', 5, 1, { suggestion: '=' }],
  ])('full-width punctuation from a Chinese input method: %j', (...testCase) =>
    expectError(testCase),
  );

  it(`refuses nesting deeper than ${MAX_NESTING} levels at the first level too deep`, () => {
    const source = `${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`;
    expectError([source, 'too_deeply_nested', MAX_NESTING, 1, { limit: MAX_NESTING }]);
    expect(parseExpression(`${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`).ok).toBe(true);
    expect(failure(`${'-'.repeat(MAX_NESTING + 1)}1`).code).toBe('too_deeply_nested');
    expect(failure(`${'not('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`).code).toBe(
      'too_deeply_nested',
    );
  });

  it('reports the leftmost problem when there are several', () => {
    expect(failure("1 + + 'abc")).toMatchObject({ code: 'unexpected_token', position: 4 });
    expect(failure("'abc + + 1")).toMatchObject({ code: 'unterminated_string', position: 0 });
  });

  it('counts positions in UTF-16 code units, as text fields do', () => {
    expect(failure('${满意度} >=')).toMatchObject({ code: 'unexpected_end', position: 9 });
    expect(failure("'😀' 1")).toMatchObject({ code: 'unexpected_token', position: 5 });
  });
});
