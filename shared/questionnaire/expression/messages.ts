/**
 * Syntax errors in words, in simplified Chinese or English. Every message names the problem,
 * the character position (counted from 1, as people count) and, where it can, what to write
 * instead.
 */
import type { Locale } from '../../locale';
import type { ExpressionError } from './errors';

/** A message for the designer, e.g. "Missing ')' at character 12 to close the '(' at character 3." */
export function expressionErrorMessage(error: ExpressionError, locale: Locale): string {
  return locale === 'zh-CN' ? chinese(error) : english(error);
}

const text = (error: ExpressionError, key: string): string => String(error.params[key] ?? '');
const count = (error: ExpressionError, key: string): number | undefined =>
  error.params[key] === undefined ? undefined : Number(error.params[key]);

function english(error: ExpressionError): string {
  const at = `at character ${error.position + 1}`;
  const suggestion =
    error.params.suggestion === undefined ? '.' : `; did you mean “${text(error, 'suggestion')}”?`;
  switch (error.code) {
    case 'empty':
      return 'The expression is empty.';
    case 'unexpected_character':
      return `“${text(error, 'char')}” ${at} cannot be used here${suggestion}`;
    case 'unexpected_token':
      return `Unexpected “${text(error, 'token')}” ${at}: expected ${ENGLISH_EXPECTED[text(error, 'expected')] ?? text(error, 'expected')}${suggestion}`;
    case 'unexpected_end':
      return error.params.after
        ? `The expression ends too early: a value is missing after “${text(error, 'after')}” ${at}.`
        : `The expression ends too early: a value is missing ${at}.`;
    case 'unterminated_string':
      return `The text starting with “${text(error, 'quote')}” ${at} has no closing “${text(error, 'quote')}”.`;
    case 'missing_closing_paren':
      return `Missing “)” ${at} to close the “(” at character ${(count(error, 'openPosition') ?? 0) + 1}.`;
    case 'unmatched_closing_paren':
      return `The “)” ${at} has no matching “(”.`;
    case 'unknown_function':
      return `Unknown function “${text(error, 'name')}()” ${at}${suggestion}`;
    case 'wrong_argument_count':
      return `“${text(error, 'name')}()” ${at} takes ${englishArgumentCount(error)} but was given ${text(error, 'actual')}.`;
    case 'bad_variable_reference':
      return englishVariableProblem(error, at);
    case 'bare_name':
      return `“${text(error, 'name')}” ${at} is neither a question reference nor a function call${suggestion}`;
    case 'too_deeply_nested':
      return `The expression is nested too deeply ${at} (more than ${text(error, 'limit')} levels).`;
  }
}

const ENGLISH_EXPECTED: Partial<Record<string, string>> = {
  operand: 'a value, a question reference such as ${q1}, or a function',
  operator: 'an operator (such as and, or, =, +) or the end of the expression',
  comma_or_closing_paren: '“,” or “)”',
  operator_or_closing_paren: 'an operator (such as and, or, =, +) or “)”',
};

function englishArgumentCount(error: ExpressionError): string {
  const min = count(error, 'min') ?? 0;
  const max = count(error, 'max');
  const plural = (n: number) => (n === 1 ? `${n} argument` : `${n} arguments`);
  if (max === undefined) return `at least ${plural(min)}`;
  if (max === min) return min === 0 ? 'no arguments' : `exactly ${plural(min)}`;
  return `${min} to ${max} arguments`;
}

function englishVariableProblem(error: ExpressionError, at: string): string {
  switch (text(error, 'reason')) {
    case 'empty':
      return `The question reference \${} ${at} is empty: write the question's name inside the braces, e.g. \${q1}.`;
    case 'unclosed':
      return `The question reference ${at} is missing its closing “}”.`;
    case 'missing_braces':
      return `A question reference needs braces ${at}: write “\${${text(error, 'name') || 'name'}}”.`;
    default:
      return `“\${${text(error, 'name')}}” ${at} is not a valid question name: a name starts with a letter or _ and contains only letters, digits, _, - and the full stop.`;
  }
}

function chinese(error: ExpressionError): string {
  const at = `第 ${error.position + 1} 个字符处`;
  const suggestion =
    error.params.suggestion === undefined ? '。' : `，是否应为“${text(error, 'suggestion')}”？`;
  switch (error.code) {
    case 'empty':
      return '表达式为空。';
    case 'unexpected_character':
      return `${at}的“${text(error, 'char')}”不能在此使用${suggestion}`;
    case 'unexpected_token':
      return `${at}不应出现“${text(error, 'token')}”，此处应为${CHINESE_EXPECTED[text(error, 'expected')] ?? text(error, 'expected')}${suggestion}`;
    case 'unexpected_end':
      return error.params.after
        ? `表达式提前结束：${at}在“${text(error, 'after')}”之后缺少一个值。`
        : `表达式提前结束：${at}缺少一个值。`;
    case 'unterminated_string':
      return `${at}以“${text(error, 'quote')}”开始的文本缺少结尾的“${text(error, 'quote')}”。`;
    case 'missing_closing_paren':
      return `${at}缺少右括号“)”，与第 ${(count(error, 'openPosition') ?? 0) + 1} 个字符处的左括号“(”对应。`;
    case 'unmatched_closing_paren':
      return `${at}的右括号“)”没有对应的左括号“(”。`;
    case 'unknown_function':
      return `${at}的函数“${text(error, 'name')}()”不存在${suggestion}`;
    case 'wrong_argument_count':
      return `${at}的函数“${text(error, 'name')}()”${chineseArgumentCount(error)}，实际给了 ${text(error, 'actual')} 个。`;
    case 'bad_variable_reference':
      return chineseVariableProblem(error, at);
    case 'bare_name':
      return `${at}的“${text(error, 'name')}”既不是题目引用也不是函数调用${suggestion}`;
    case 'too_deeply_nested':
      return `${at}嵌套层数过多（超过 ${text(error, 'limit')} 层）。`;
  }
}

const CHINESE_EXPECTED: Partial<Record<string, string>> = {
  operand: '一个值、题目引用（如 ${q1}）或函数',
  operator: '运算符（如 and、or、=、+）或表达式结尾',
  comma_or_closing_paren: '逗号“,”或右括号“)”',
  operator_or_closing_paren: '运算符（如 and、or、=、+）或右括号“)”',
};

function chineseArgumentCount(error: ExpressionError): string {
  const min = count(error, 'min') ?? 0;
  const max = count(error, 'max');
  if (max === undefined) return `需要至少 ${min} 个参数`;
  if (max === min) return min === 0 ? '不带参数' : `需要 ${min} 个参数`;
  return `需要 ${min} 到 ${max} 个参数`;
}

function chineseVariableProblem(error: ExpressionError, at: string): string {
  switch (text(error, 'reason')) {
    case 'empty':
      return `${at}的题目引用 \${} 为空：请在花括号中写题目名称，例如 \${q1}。`;
    case 'unclosed':
      return `${at}的题目引用缺少右花括号“}”。`;
    case 'missing_braces':
      return `${at}的题目引用需要花括号：请写成“\${${text(error, 'name') || '题目名称'}}”。`;
    default:
      return `${at}的“\${${text(error, 'name')}}”不是有效的题目名称：名称须以字母或 _ 开头，只能包含字母、数字、_、- 和 .。`;
  }
}
