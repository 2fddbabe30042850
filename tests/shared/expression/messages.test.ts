import { describe, expect, it } from 'vitest';
import type { ExpressionError } from '../../../shared/questionnaire/expression';
import {
  EXPRESSION_ERROR_CODES,
  expressionErrorMessage,
  parseExpression,
} from '../../../shared/questionnaire/expression';

function failure(source: string): ExpressionError {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`${source} parsed, expected an error`);
  return result.error;
}

describe('expressionErrorMessage', () => {
  it('names a missing parenthesis and where it belongs, counting characters from 1', () => {
    const error = failure('(${q1} + 23');
    expect(expressionErrorMessage(error, 'zh-CN')).toBe(
      '第 12 个字符处缺少右括号“)”，与第 1 个字符处的左括号“(”对应。',
    );
    expect(expressionErrorMessage(error, 'en')).toBe(
      'Missing “)” at character 12 to close the “(” at character 1.',
    );
  });

  it('suggests the right function for a near miss', () => {
    const error = failure('count_selected(${a}) > 1');
    expect(expressionErrorMessage(error, 'zh-CN')).toBe(
      '第 1 个字符处的函数“count_selected()”不存在，是否应为“count-selected”？',
    );
    expect(expressionErrorMessage(error, 'en')).toBe(
      'Unknown function “count_selected()” at character 1; did you mean “count-selected”?',
    );
  });

  it('explains the argument count a function takes', () => {
    const error = failure('selected(${q5})');
    expect(expressionErrorMessage(error, 'en')).toBe(
      '“selected()” at character 1 takes exactly 2 arguments but was given 1.',
    );
    expect(expressionErrorMessage(error, 'zh-CN')).toBe(
      '第 1 个字符处的函数“selected()”需要 2 个参数，实际给了 1 个。',
    );
    expect(expressionErrorMessage(failure('round()'), 'en')).toContain('1 to 2 arguments');
    expect(expressionErrorMessage(failure('concat()'), 'en')).toContain('at least 1 argument');
    expect(expressionErrorMessage(failure('today(1)'), 'zh-CN')).toContain('不带参数');
  });

  it('tells a Chinese user to switch off full-width punctuation', () => {
    expect(expressionErrorMessage(failure('${a} = ‘是’'), 'zh-CN')).toBe(
      "第 8 个字符处的“‘”不能在此使用，是否应为“'”？",
    );
  });

  it('shows how to write a question reference', () => {
    expect(expressionErrorMessage(failure('$q1 = 1'), 'en')).toBe(
      'A question reference needs braces at character 1: write “${q1}”.',
    );
    expect(expressionErrorMessage(failure('q1 = 1'), 'zh-CN')).toBe(
      '第 1 个字符处的“q1”既不是题目引用也不是函数调用，是否应为“${q1}”？',
    );
    expect(expressionErrorMessage(failure('${}'), 'zh-CN')).toContain('例如 ${q1}');
  });

  const samples: Record<string, string> = {
    empty: '',
    unexpected_character: '1 # 2',
    unexpected_token: '1 2',
    unexpected_end: '1 +',
    unterminated_string: "'abc",
    missing_closing_paren: '(1',
    unmatched_closing_paren: '1)',
    unknown_function: 'foo(1)',
    wrong_argument_count: 'not()',
    bad_variable_reference: '${1a}',
    bare_name: 'x',
    too_deeply_nested: `${'('.repeat(200)}1${')'.repeat(200)}`,
  };

  it.each(EXPRESSION_ERROR_CODES.map((code) => [code, samples[code] ?? '']))(
    'has a message for %s in both languages that gives the position',
    (code, source) => {
      const error = failure(source);
      expect(error.code).toBe(code);
      for (const locale of ['zh-CN', 'en'] as const) {
        const message = expressionErrorMessage(error, locale);
        expect(message).not.toMatch(/undefined|NaN|\[object/);
        if (code !== 'empty') expect(message).toContain(String(error.position + 1));
      }
      expect(expressionErrorMessage(error, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    },
  );
});
