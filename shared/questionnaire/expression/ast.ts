/**
 * The parsed form of a skip-logic, constraint or calculation expression. The parser builds it
 * once; the evaluator, the printer and the designer's analyses all walk the same tree.
 */
import type { FunctionName } from './function-signatures';

/** A binary operator, spelled as in the source. */
export type BinaryOperator =
  'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** One node of an expression tree. Number literals are never negative: `-1` is unary minus. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'variable'; name: string }
  | { kind: 'current' }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; operator: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'call'; name: FunctionName; args: Expr[] };

/**
 * XPath binding strength, loosest first: or < and < equality < relational < additive <
 * multiplicative. Unary minus binds tighter than all of them. All binary operators are
 * left-associative, so `a - b - c` is `(a - b) - c`.
 */
export const PRECEDENCE_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['or'],
  ['and'],
  ['=', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', 'div', 'mod'],
];

/** The level of an operator in PRECEDENCE_LEVELS (higher binds tighter). */
export function precedenceOf(operator: BinaryOperator): number {
  return PRECEDENCE_LEVELS.findIndex((level) => level.includes(operator));
}

/** Keywords that are operators, never names. */
export const KEYWORD_OPERATORS: readonly BinaryOperator[] = ['or', 'and', 'div', 'mod'];
