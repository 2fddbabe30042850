import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../shared/questionnaire/expression';
import {
  evaluate,
  parseExpression,
  printExpression,
} from '../../../shared/questionnaire/expression';

function canonical(source: string): string {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.error)}`);
  return printExpression(result.ast);
}

describe('printExpression', () => {
  it.each([
    ['1+2*3', '1 + 2 * 3'],
    ["selected( ${q5} ,'other' )", "selected(${q5}, 'other')"],
    ['${a}>=4and${b}!=2', '${a} >= 4 and ${b} != 2'],
    ['((${a}))', '${a}'],
    ['\n${a}\t=\u3000.', '${a} = .'],
  ])('writes one space around operators and after commas: %s', (source, expected) => {
    expect(canonical(source)).toBe(expected);
  });

  it.each([
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['1 + (2 * 3)', '1 + 2 * 3'],
    ['(1 - 2) - 3', '1 - 2 - 3'],
    ['1 - (2 - 3)', '1 - (2 - 3)'],
    ['1 - (2 + 3)', '1 - (2 + 3)'],
    ['(${a} or ${b}) and ${c}', '(${a} or ${b}) and ${c}'],
    ['${a} or (${b} and ${c})', '${a} or ${b} and ${c}'],
    ['(1 < 2) = (3 < 4)', '1 < 2 = 3 < 4'],
    ['1 = (2 = 3)', '1 = (2 = 3)'],
    ['-(1 + 2)', '-(1 + 2)'],
    ['(-1) * 2', '-1 * 2'],
    ['- - 1', '--1'],
    ['-(-(1))', '--1'],
    ['1 - -1', '1 - -1'],
    ['if((1 + 2) > 2, (3), (4 div 2))', 'if(1 + 2 > 2, 3, 4 div 2)'],
  ])('parenthesises only where precedence needs it: %s', (source, expected) => {
    expect(canonical(source)).toBe(expected);
  });

  it.each([
    ['1.50', '1.5'],
    ['007', '7'],
    ['.5', '0.5'],
    ['2.', '2'],
    ['100000000000000000000000', '100000000000000000000000'],
    ['0.0000005', '0.0000005'],
  ])('writes numbers as plain decimals: %s', (source, expected) => {
    expect(canonical(source)).toBe(expected);
  });

  it('quotes text with whichever quote it does not contain', () => {
    expect(canonical('"plain"')).toBe("'plain'");
    expect(canonical('"it\'s"')).toBe('"it\'s"');
    expect(canonical('\'say "好"\'')).toBe('\'say "好"\'');
  });

  it('writes text containing both quote kinds as an equivalent concat()', () => {
    const printed = printExpression({ kind: 'string', value: `it's "ok"` });
    expect(printed).toBe(`concat('it', "'", 's "ok"')`);
    const reparsed = parseExpression(printed);
    expect(reparsed.ok && evaluate(reparsed.ast, { get: () => null })).toBe(`it's "ok"`);
    expect(printExpression({ kind: 'string', value: `'"` })).toBe(`concat("'", '"')`);
  });

  it('refuses number literals the parser can never build', () => {
    const literal = (value: number): Expr => ({ kind: 'number', value });
    expect(() => printExpression(literal(-1))).toThrow(RangeError);
    expect(() => printExpression(literal(NaN))).toThrow(RangeError);
    expect(() => printExpression(literal(Infinity))).toThrow(RangeError);
  });
});
