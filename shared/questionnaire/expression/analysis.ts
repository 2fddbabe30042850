/**
 * Questions the designer asks of an expression without evaluating it: which questions it
 * depends on (for ordering and for "this question is used by..." warnings) and whether it
 * reads the answer being validated.
 */
import type { Expr } from './ast';

/** Every node of the tree, parents before children, left to right. */
function* nodes(ast: Expr): Generator<Expr> {
  yield ast;
  switch (ast.kind) {
    case 'negate':
      yield* nodes(ast.operand);
      break;
    case 'binary':
      yield* nodes(ast.left);
      yield* nodes(ast.right);
      break;
    case 'call':
      for (const argument of ast.args) yield* nodes(argument);
      break;
    default:
      break;
  }
}

/** The names in `${...}` references, each once, in order of first appearance. */
export function referencedVariables(ast: Expr): string[] {
  const names = new Set<string>();
  for (const node of nodes(ast)) if (node.kind === 'variable') names.add(node.name);
  return [...names];
}

/** Whether the expression reads `.`, the answer being validated. */
export function usesCurrentValue(ast: Expr): boolean {
  for (const node of nodes(ast)) if (node.kind === 'current') return true;
  return false;
}

/** The same tree with every `${from}` reading `${to}`: what renaming a question does. */
export function renameVariable(ast: Expr, from: string, to: string): Expr {
  switch (ast.kind) {
    case 'variable':
      return ast.name === from ? { kind: 'variable', name: to } : ast;
    case 'negate':
      return { kind: 'negate', operand: renameVariable(ast.operand, from, to) };
    case 'binary':
      return {
        ...ast,
        left: renameVariable(ast.left, from, to),
        right: renameVariable(ast.right, from, to),
      };
    case 'call':
      return { ...ast, args: ast.args.map((argument) => renameVariable(argument, from, to)) };
    default:
      return ast;
  }
}
