/**
 * Prints a tree back as canonical source: single spaces around binary operators, `, ` between
 * arguments, parentheses only where precedence or left-associativity needs them. Parsing the
 * printed text gives the same tree back, which is what the designer relies on when it rewrites
 * expressions (renaming a question, for example).
 */
import type { Expr } from './ast';
import { precedenceOf } from './ast';
import { plainDecimal } from './values';

/** Canonical source text for a tree. */
export function printExpression(ast: Expr): string {
  switch (ast.kind) {
    case 'number':
      if (!Number.isFinite(ast.value) || ast.value < 0) {
        // The parser never builds these: negative numbers are `negate` nodes.
        throw new RangeError(`number literal must be finite and >= 0, got ${ast.value}`);
      }
      return plainDecimal(ast.value);
    case 'string':
      return printString(ast.value);
    case 'variable':
      return `\${${ast.name}}`;
    case 'current':
      return '.';
    case 'negate':
      return ast.operand.kind === 'binary'
        ? `-(${printExpression(ast.operand)})`
        : `-${printExpression(ast.operand)}`;
    case 'binary': {
      const precedence = precedenceOf(ast.operator);
      const left = printOperand(ast.left, (child) => child < precedence);
      // Left-associative: `a - (b - c)` keeps its parentheses, `(a - b) - c` loses them.
      const right = printOperand(ast.right, (child) => child <= precedence);
      return `${left} ${ast.operator} ${right}`;
    }
    case 'call':
      return `${ast.name}(${ast.args.map(printExpression).join(', ')})`;
  }
}

function printOperand(operand: Expr, needsParentheses: (precedence: number) => boolean): string {
  const text = printExpression(operand);
  return operand.kind === 'binary' && needsParentheses(precedenceOf(operand.operator))
    ? `(${text})`
    : text;
}

/**
 * XPath string literals have no escapes: a text with only one kind of quote is wrapped in the
 * other kind. A text with both cannot be written as one literal (the parser never produces
 * one); it is printed as the equivalent concat() of literals.
 */
function printString(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  const parts = value.split("'").map((part) => (part === '' ? '' : `'${part}'`));
  const pieces = parts.flatMap((part, index) => (index === 0 ? [part] : [`"'"`, part]));
  return `concat(${pieces.filter((piece) => piece !== '').join(', ')})`;
}
