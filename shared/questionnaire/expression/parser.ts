/**
 * Recursive-descent parser for the XLSForm/ODK subset of XPath. Reads the source once into an
 * Expr tree; every problem becomes an ExpressionError value, never an exception.
 */
import type { BinaryOperator, Expr } from './ast';
import { KEYWORD_OPERATORS, PRECEDENCE_LEVELS } from './ast';
import type { ExpressionError } from './errors';
import { ExpressionSyntaxError, syntaxError } from './errors';
import { FUNCTION_SIGNATURES, closestFunctionName, isFunctionName } from './function-signatures';
import type { Token } from './tokenizer';
import { Lexer, isBlank } from './tokenizer';

/** The outcome of parsing: a tree, or the first syntax error. */
export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExpressionError };

/**
 * Parentheses, calls and unary minus deeper than this are refused: no real questionnaire
 * needs it, and it keeps the parser, printer and evaluator far from the call-stack limit.
 */
export const MAX_NESTING = 100;

/** Parses one expression. Never throws, whatever the input. */
export function parseExpression(source: string): ParseResult {
  if (isBlank(source)) {
    return { ok: false, error: { code: 'empty', position: 0, length: 0, params: {} } };
  }
  try {
    return { ok: true, ast: new Parser(source).parseAll() };
  } catch (caught) {
    if (caught instanceof ExpressionSyntaxError) return { ok: false, error: caught.error };
    throw caught;
  }
}

class Parser {
  private readonly lexer: Lexer;
  private depth = 0;
  /** The last token consumed, named in "ends too early after ..." messages. */
  private previous: Token | undefined;

  constructor(source: string) {
    this.lexer = new Lexer(source);
  }

  parseAll(): Expr {
    const ast = this.parseLevel(0);
    const token = this.lexer.peek();
    if (token.kind === 'end') return ast;
    if (token.kind === 'symbol' && token.text === ')') {
      throw syntaxError('unmatched_closing_paren', token.position, 1);
    }
    throw unexpected(token, 'operator');
  }

  private parseLevel(level: number): Expr {
    const operators = PRECEDENCE_LEVELS[level];
    if (!operators) return this.parseUnary();
    let left = this.parseLevel(level + 1);
    for (;;) {
      const operator = binaryOperator(this.lexer.peek());
      if (!operator || !operators.includes(operator)) return left;
      this.consume();
      const right = this.parseLevel(level + 1);
      left = { kind: 'binary', operator, left, right };
    }
  }

  private parseUnary(): Expr {
    const token = this.lexer.peek();
    if (token.kind === 'symbol' && token.text === '-') {
      this.consume();
      return this.nested(token, () => ({ kind: 'negate', operand: this.parseUnary() }));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.lexer.peek();
    switch (token.kind) {
      case 'number':
        this.consume();
        return { kind: 'number', value: token.value };
      case 'string':
        this.consume();
        return { kind: 'string', value: token.value };
      case 'variable':
        this.consume();
        return { kind: 'variable', name: token.name };
      case 'current':
        this.consume();
        return { kind: 'current' };
      case 'name':
        return this.parseName(token);
      case 'symbol':
        if (token.text === '(') return this.parseGroup(token);
        throw unexpected(token, 'operand');
      case 'end':
        throw syntaxError('unexpected_end', token.position, 0, {
          expected: 'operand',
          after: this.previous?.text ?? '',
        });
    }
  }

  private parseGroup(open: Token): Expr {
    this.consume();
    return this.nested(open, () => {
      const inner = this.parseLevel(0);
      this.expectClosingParen(open, 'operator_or_closing_paren');
      return inner;
    });
  }

  private parseName(token: Token): Expr {
    const name = token.text;
    const next = this.lexer.peek(1);
    const isCall = next.kind === 'symbol' && next.text === '(';
    if ((KEYWORD_OPERATORS as readonly string[]).includes(name)) throw unexpected(token, 'operand');
    if (!isCall) {
      throw syntaxError('bare_name', token.position, name.length, {
        name,
        suggestion: isFunctionName(name) ? `${name}()` : `\${${name}}`,
      });
    }
    if (!isFunctionName(name)) {
      const suggestion = closestFunctionName(name);
      throw syntaxError('unknown_function', token.position, name.length, {
        name,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    this.consume();
    this.consume();
    return this.nested(next, () => {
      const args: Expr[] = [];
      if (!isSymbol(this.lexer.peek(), ')')) {
        args.push(this.parseLevel(0));
        while (isSymbol(this.lexer.peek(), ',')) {
          this.consume();
          args.push(this.parseLevel(0));
        }
      }
      const close = this.expectClosingParen(next, 'comma_or_closing_paren');
      const { min, max } = FUNCTION_SIGNATURES[name];
      if (args.length < min || args.length > max) {
        throw syntaxError(
          'wrong_argument_count',
          token.position,
          close.position + 1 - token.position,
          {
            name,
            min,
            ...(Number.isFinite(max) ? { max } : {}),
            actual: args.length,
          },
        );
      }
      return { kind: 'call', name, args };
    });
  }

  private expectClosingParen(open: Token, expected: string): Token {
    const token = this.lexer.peek();
    if (isSymbol(token, ')')) return this.consume();
    if (token.kind === 'end') {
      throw syntaxError('missing_closing_paren', token.position, 0, {
        openPosition: open.position,
      });
    }
    throw unexpected(token, expected);
  }

  /** Runs `parse` one nesting level deeper, refusing absurd depths. */
  private nested(token: Token, parse: () => Expr): Expr {
    if (++this.depth > MAX_NESTING) {
      throw syntaxError('too_deeply_nested', token.position, token.text.length, {
        limit: MAX_NESTING,
      });
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private consume(): Token {
    this.previous = this.lexer.next();
    return this.previous;
  }
}

function isSymbol(token: Token, text: string): boolean {
  return token.kind === 'symbol' && token.text === text;
}

const BINARY_OPERATORS: ReadonlySet<string> = new Set(PRECEDENCE_LEVELS.flat());

function binaryOperator(token: Token): BinaryOperator | undefined {
  if (token.kind !== 'symbol' && token.kind !== 'name') return undefined;
  return BINARY_OPERATORS.has(token.text) ? (token.text as BinaryOperator) : undefined;
}

function unexpected(token: Token, expected: string): ExpressionSyntaxError {
  if (token.kind === 'end') {
    return syntaxError('unexpected_end', token.position, 0, { expected });
  }
  const params: Record<string, string> = { token: token.text, expected };
  // `AND`, `Or`: XPath keywords are lower case.
  const lower = token.text.toLowerCase();
  if (token.kind === 'name' && (KEYWORD_OPERATORS as readonly string[]).includes(lower)) {
    params.suggestion = lower;
  }
  return syntaxError('unexpected_token', token.position, token.text.length, params);
}
