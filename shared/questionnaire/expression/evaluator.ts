/**
 * Evaluates a parsed expression against one respondent's answers. Pure: answers and the clock
 * come in through the context. Data never makes it throw; only a malformed tree built by hand
 * (a programmer error) does.
 */
import type { BinaryOperator, Expr } from './ast';
import type { CallEnvironment } from './functions';
import { FUNCTIONS } from './functions';
import { FUNCTION_SIGNATURES } from './function-signatures';
import type { Value } from './values';
import { toBoolean, toNumber, toText } from './values';

/** Where an expression finds its data. */
export interface EvalContext {
  /** The answer to the question named in `${name}`; null when unanswered. */
  get: (variable: string) => Value;
  /** The answer being validated: `.` in a constraint. */
  current?: Value;
  /** The clock for today() and now(); the real clock when absent. */
  now?: () => Date;
}

export function evaluate(ast: Expr, ctx: EvalContext): Value {
  const environment: CallEnvironment = { now: ctx.now ?? (() => new Date()) };
  const visit = (node: Expr): Value => {
    switch (node.kind) {
      case 'number':
      case 'string':
        return node.value;
      case 'variable':
        // `?? null`: a caller's map lookup may hand back undefined for an unknown name.
        return ctx.get(node.name) ?? null;
      case 'current':
        return ctx.current ?? null;
      case 'negate':
        return -toNumber(visit(node.operand));
      case 'binary':
        return applyOperator(
          node.operator,
          () => visit(node.left),
          () => visit(node.right),
        );
      case 'call': {
        const { min, max } = FUNCTION_SIGNATURES[node.name];
        if (node.args.length < min || node.args.length > max) {
          throw new TypeError(`${node.name}() called with ${node.args.length} arguments`);
        }
        return FUNCTIONS[node.name](
          node.args.map((argument) => () => visit(argument)),
          environment,
        );
      }
    }
  };
  return visit(ast);
}

function applyOperator(operator: BinaryOperator, left: () => Value, right: () => Value): Value {
  switch (operator) {
    case 'or':
      return toBoolean(left()) || toBoolean(right());
    case 'and':
      return toBoolean(left()) && toBoolean(right());
    case '=':
      return equals(left(), right());
    case '!=':
      return !equals(left(), right());
    case '<':
      return compare(left(), right(), (a, b) => a < b);
    case '<=':
      return compare(left(), right(), (a, b) => a <= b);
    case '>':
      return compare(left(), right(), (a, b) => a > b);
    case '>=':
      return compare(left(), right(), (a, b) => a >= b);
    case '+':
      return toNumber(left()) + toNumber(right());
    case '-':
      return toNumber(left()) - toNumber(right());
    case '*':
      return toNumber(left()) * toNumber(right());
    // Division by zero follows IEEE doubles as ODK does: 1 div 0 = Infinity, 0 div 0 = NaN.
    case 'div':
      return toNumber(left()) / toNumber(right());
    case 'mod':
      return toNumber(left()) % toNumber(right());
  }
}

/**
 * XPath `=`: booleans compare as booleans, then numbers as numbers, then text as text. An
 * unanswered question is '' (so `${q} = ''` holds) and a selection its space-separated codes.
 */
function equals(left: Value, right: Value): boolean {
  const a = left === null || Array.isArray(left) ? toText(left) : left;
  const b = right === null || Array.isArray(right) ? toText(right) : right;
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return a === b;
}

/** Relational operators compare numbers (dates as day counts); an empty or NaN side is false. */
function compare(left: Value, right: Value, holds: (a: number, b: number) => boolean): boolean {
  const a = toNumber(left);
  const b = toNumber(right);
  return !Number.isNaN(a) && !Number.isNaN(b) && holds(a, b);
}
