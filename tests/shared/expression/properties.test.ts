/**
 * Properties over random inputs: printing and parsing are inverse, printing is canonical, the
 * parser never throws and always points inside the source, the evaluator never throws on data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr, Value } from '../../../shared/questionnaire/expression';
import {
  EXPRESSION_ERROR_CODES,
  FUNCTION_NAMES,
  FUNCTION_SIGNATURES,
  PRECEDENCE_LEVELS,
  evaluate,
  expressionErrorMessage,
  parseExpression,
  printExpression,
} from '../../../shared/questionnaire/expression';

const OPERATORS: BinaryOperator[] = PRECEDENCE_LEVELS.flat();

const variableName = fc
  .tuple(
    fc.constantFrom('a', 'q', 'Z', '_', '满', '意', 'é'),
    fc.string({
      unit: fc.constantFrom('a', 'b', '1', '9', '_', '-', '.', '度', '客'),
      maxLength: 8,
    }),
  )
  .map(([first, rest]) => first + rest);

// Text with at most one kind of quote: a literal with both cannot be written (see printer.ts).
const textUnit = (quote: string) =>
  fc.constantFrom(
    'a',
    'Z',
    ' ',
    '满',
    '意',
    '度',
    '$',
    '{',
    '}',
    '(',
    ')',
    ',',
    '\\',
    '😀',
    '\n',
    '%',
    quote,
  );
const text = fc.oneof(fc.string({ unit: textUnit("'") }), fc.string({ unit: textUnit('"') }));

// Literals are never negative (that is a negate node); + 0 turns -0 into 0.
const literalNumber = fc
  .oneof(
    fc.nat({ max: 1000 }),
    fc.double({ min: 0, max: 1e25, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0.1, 0.5, 1e-7, 5e-324, 1e21),
  )
  .map((value) => value + 0);

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    fc.oneof(
      literalNumber.map((value): Expr => ({ kind: 'number', value })),
      text.map((value): Expr => ({ kind: 'string', value })),
      variableName.map((name): Expr => ({ kind: 'variable', name })),
      fc.constant<Expr>({ kind: 'current' }),
    ),
    tie('expr').map((operand): Expr => ({ kind: 'negate', operand })),
    fc
      .tuple(fc.constantFrom(...OPERATORS), tie('expr'), tie('expr'))
      .map(([operator, left, right]): Expr => ({ kind: 'binary', operator, left, right })),
    fc.constantFrom(...FUNCTION_NAMES).chain((name) => {
      const { min, max } = FUNCTION_SIGNATURES[name];
      return fc
        .array(tie('expr'), { minLength: min, maxLength: Math.min(max, min + 2) })
        .map((args): Expr => ({ kind: 'call', name, args }));
    }),
  ),
}));

function reparse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.error)}`);
  return result.ast;
}

/** Fragments that make near-valid expressions, so the fuzzer reaches deep into the parser. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      '${q1}',
      '${满意度}',
      '${',
      '}',
      '$',
      '(',
      ')',
      ',',
      ' ',
      "'",
      '"',
      "'x'",
      '"是"',
      '1',
      '2.5',
      '.',
      '+',
      '-',
      '*',
      'div',
      'mod',
      'and',
      'or',
      'AND',
      '=',
      '==',
      '!=',
      '!',
      '<',
      '>=',
      'selected',
      'concat',
      'if',
      'today',
      'foo',
      'count_selected',
      '（',
      '，',
      '&&',
      '😀',
      '\n',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function expectWellFormedOutcome(source: string): void {
  const result = parseExpression(source);
  if (result.ok) {
    expect(reparse(printExpression(result.ast))).toEqual(result.ast);
    return;
  }
  const { code, position, length } = result.error;
  expect(EXPRESSION_ERROR_CODES).toContain(code);
  expect(position).toBeGreaterThanOrEqual(0);
  expect(position).toBeLessThanOrEqual(source.length);
  expect(length).toBeGreaterThanOrEqual(0);
  expect(position + length).toBeLessThanOrEqual(source.length);
  expect(expressionErrorMessage(result.error, 'zh-CN')).not.toContain('undefined');
  expect(expressionErrorMessage(result.error, 'en')).not.toContain('undefined');
}

describe('printing and parsing', () => {
  it('parses a printed tree back to the same tree', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        expect(reparse(printExpression(tree))).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });

  it('prints canonically: printing a re-parsed print changes nothing', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const printed = printExpression(tree);
        expect(printExpression(reparse(printed))).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parsing arbitrary input', () => {
  it('never throws on any text and points inside it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), expectWellFormedOutcome), {
      numRuns: 1000,
    });
  });

  it('never throws on any Unicode, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), expectWellFormedOutcome), {
      numRuns: 1000,
    });
  });

  it('never throws on near-valid token soup', () => {
    fc.assert(fc.property(tokenSoup, expectWellFormedOutcome), { numRuns: 2000 });
  });
});

describe('evaluating arbitrary trees', () => {
  const value: fc.Arbitrary<Value> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom('', '4', '2024-06-01', '2024-06-01T10:00', 'other', 'a b', '满意'),
    fc.string({ maxLength: 10 }),
    fc.array(fc.constantFrom('a', 'other', '1', '2', ''), { maxLength: 4 }),
  );

  it('never throws on data, and returns a value of the language', () => {
    fc.assert(
      fc.property(expr, fc.dictionary(variableName, value), value, (tree, answers, current) => {
        const result = evaluate(tree, {
          get: (name) => answers[name] ?? null,
          current,
          now: () => new Date(2024, 5, 15, 9, 30),
        });
        const isStringArray =
          Array.isArray(result) && result.every((item) => typeof item === 'string');
        expect(
          result === null ||
            ['number', 'string', 'boolean'].includes(typeof result) ||
            isStringArray,
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
