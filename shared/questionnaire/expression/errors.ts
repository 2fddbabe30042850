/**
 * Syntax errors as values: a code the designer can branch on, the place in the source to
 * highlight, and parameters for the message in the user's language (see messages.ts).
 */

export const EXPRESSION_ERROR_CODES = [
  'empty',
  'unexpected_character',
  'unexpected_token',
  'unexpected_end',
  'unterminated_string',
  'missing_closing_paren',
  'unmatched_closing_paren',
  'unknown_function',
  'wrong_argument_count',
  'bad_variable_reference',
  'bare_name',
  'too_deeply_nested',
] as const;

/** What went wrong while reading an expression. */
export type ExpressionErrorCode = (typeof EXPRESSION_ERROR_CODES)[number];

/**
 * A syntax error. `position` is the 0-based offset in the source (UTF-16 code units, as text
 * fields count them) where the problem starts; `length` how many characters to highlight
 * (0 when something is missing, e.g. at the end of the source).
 */
export interface ExpressionError {
  code: ExpressionErrorCode;
  position: number;
  length: number;
  params: Record<string, string | number>;
}

/** Thrown inside the tokenizer and parser only; parseExpression turns it into a value. */
export class ExpressionSyntaxError extends Error {
  constructor(readonly error: ExpressionError) {
    super(`${error.code} at ${error.position}`);
    this.name = 'ExpressionSyntaxError';
  }
}

export function syntaxError(
  code: ExpressionErrorCode,
  position: number,
  length: number,
  params: Record<string, string | number> = {},
): ExpressionSyntaxError {
  return new ExpressionSyntaxError({ code, position, length, params });
}
