/**
 * Chi-square tests by hand with exact fractions, p-values from closed forms or 30-digit mpmath:
 * - 2×3 [[10, 20, 30], [20, 20, 10]]: row totals 60, 50; column totals 30, 40, 40; N = 110;
 *   E = [[180/11, 240/11, 240/11], [150/11, 200/11, 200/11]]; χ² = 451/36; df = 2, so
 *   p = exp(−χ²/2); V = sqrt(χ²/110).
 * - 2×2 [[12, 5], [7, 15]]: χ² = 163995/28424; with Yates 2457039/568480.
 * - Wikipedia, "Chi-squared test", example: 650 residents by neighbourhood (A-D) and
 *   occupation; published E(white collar, A) = 150·349/650 ≈ 80.54 with a cell term ≈ 1.11,
 *   df = 6; by hand χ² = 93231203/3794328 ≈ 24.57, p = 0.000409842586 (mpmath).
 */
import { describe, expect, it } from 'vitest';
import { chiSquareTest, crossTabulate } from '../../../main/analysis/stats/chi-square';
import { expectClose, ok } from './expect-close';

describe('chi-square test of independence', () => {
  it('computes a 2×3 table by hand (df 2: p = exp(−χ²/2))', () => {
    const result = ok(
      chiSquareTest([
        [10, 20, 30],
        [20, 20, 10],
      ]),
    );
    expectClose(result.chiSquare, 451 / 36, 14);
    expect(result.df).toBe(2);
    expectClose(result.p, Math.exp(-451 / 72), 12);
    expectClose(result.cramersV, Math.sqrt(451 / 36 / 110), 14);
    expectClose(result.expected[0]![0]!, 180 / 11, 15);
    expectClose(result.expected[1]![2]!, 200 / 11, 15);
    expectClose(result.residuals[0]![0]!, (10 - 180 / 11) / Math.sqrt(180 / 11), 14);
    expect(result.warnings).toEqual([]);
  });

  it('computes a 2×2 table with and without Yates correction', () => {
    const plain = ok(
      chiSquareTest([
        [12, 5],
        [7, 15],
      ]),
    );
    expectClose(plain.chiSquare, 163995 / 28424, 14);
    expectClose(plain.p, 0.016305781584650143, 11);
    const corrected = ok(
      chiSquareTest(
        [
          [12, 5],
          [7, 15],
        ],
        { yates: true },
      ),
    );
    expect(corrected.yatesApplied).toBe(true);
    expectClose(corrected.chiSquare, 2457039 / 568480, 14);
    expectClose(corrected.p, 0.037620016634840055, 11);
  });

  it("reproduces Wikipedia's neighbourhood × occupation example", () => {
    const result = ok(
      chiSquareTest([
        [90, 60, 104, 95],
        [30, 50, 51, 20],
        [30, 40, 45, 35],
      ]),
    );
    expect(result.expected[0]![0]!).toBeCloseTo(80.54, 2);
    expect((90 - result.expected[0]![0]!) ** 2 / result.expected[0]![0]!).toBeCloseTo(1.11, 2);
    expect(result.df).toBe(6);
    expectClose(result.chiSquare, 93231203 / 3794328, 14);
    expectClose(result.p, 0.00040984258610966937, 11);
  });

  it('warns when expected counts are small', () => {
    const result = ok(
      chiSquareTest([
        [3, 1],
        [1, 3],
      ]),
    );
    expect(result.lowExpected).toEqual({ cells: 4, share: 1, minimum: 2 });
    expect(result.warnings.map((warning) => warning.code)).toEqual(['low_expected_counts']);
  });

  it('leaves out an empty row with a warning, and refuses a table left with one row', () => {
    const result = ok(
      chiSquareTest([
        [10, 20, 30],
        [0, 0, 0],
        [20, 20, 10],
      ]),
    );
    expectClose(result.chiSquare, 451 / 36, 14);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['empty_group']);
    expect(
      chiSquareTest([
        [1, 2],
        [0, 0],
      ]),
    ).toMatchObject({
      ok: false,
      reason: 'empty_row_or_column',
    });
    expect(chiSquareTest([[1, 2]])).toMatchObject({ ok: false, reason: 'not_enough_groups' });
    expect(
      chiSquareTest([
        [1, -2],
        [3, 4],
      ]),
    ).toMatchObject({ ok: false, reason: 'invalid_value' });
  });
});

describe('cross tabulation', () => {
  it('counts answer pairs, weighted, skipping respondents missing either answer', () => {
    const result = ok(
      crossTabulate([1, 1, 2, 2, null], [5, 4, 5, 5, 4], { weights: [1, 2, 3, 1, 1] }),
    );
    expect(result.rowValues).toEqual([1, 2]);
    expect(result.columnValues).toEqual([4, 5]);
    expect(result.table).toEqual([
      [2, 1],
      [0, 4],
    ]);
  });

  it('scales sampling weights so the table sums to the effective sample size', () => {
    // w = [1, 1, 2]: Σw = 4, n_eff = 16/6, scale = n_eff/Σw = 2/3
    const result = ok(
      crossTabulate([1, 2, 2], [1, 1, 2], { weights: [1, 1, 2], weightKind: 'sampling' }),
    );
    const total = result.table.flat().reduce((sum, count) => sum + count, 0);
    expectClose(total, 8 / 3, 14);
  });
});
