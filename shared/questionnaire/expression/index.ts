/**
 * The expression language of questionnaires: skip logic (relevant), validation (constraint)
 * and calculated fields, in the common subset of XLSForm/ODK XPath. Parse once, evaluate
 * many times; pure TypeScript for both the renderer and main.
 */
export type { BinaryOperator, Expr } from './ast';
export { PRECEDENCE_LEVELS } from './ast';
export type { ExpressionError, ExpressionErrorCode } from './errors';
export { EXPRESSION_ERROR_CODES } from './errors';
export { expressionErrorMessage } from './messages';
export type { FunctionName, FunctionSignature } from './function-signatures';
export { FUNCTION_NAMES, FUNCTION_SIGNATURES } from './function-signatures';
export type { ParseResult } from './parser';
export { MAX_NESTING, parseExpression } from './parser';
export { printExpression } from './printer';
export type { EvalContext } from './evaluator';
export { evaluate } from './evaluator';
export type { Value } from './values';
export { toBoolean, toNumber, toText } from './values';
export { referencedVariables, renameVariable, usesCurrentValue } from './analysis';
export { VARIABLE_NAME_PATTERN } from './tokenizer';
