/**
 * Standardised regression by hand. x1 = 1..6, x2 = [2, 1, 4, 3, 6, 5], y = [3, 5, 7, 8, 12, 11]:
 *   S11 = S22 = 35/2, S12 = 29/2, Syy = 178/3, S1y = 31, S2y = 29 (centred sums);
 *   r12 = 29/35, r1y = 31/sqrt(35/2·178/3), r2y = 29/sqrt(35/2·178/3);
 *   β1 = (r1y − r2y·r12)/(1 − r12²), β2 = (r2y − r1y·r12)/(1 − r12²), R² = β1·r1y + β2·r2y;
 *   VIF = 1/(1 − r12²) = 1225/384; SE(β) = sqrt((1 − R²)/3 · VIF); F(2, 3) p = (3/(3 + 2F))^1.5.
 * Cross-checked: numpy least squares on the raw data gives b = (1.10417, 1.27083, 0.60417),
 * and b·sd(x)/sd(y) = (0.69017345, 0.32811525).
 */
import { describe, expect, it } from 'vitest';
import { standardizedRegression } from '../../../main/analysis/stats/regression';
import { expectClose, ok } from './expect-close';

const x1 = [1, 2, 3, 4, 5, 6];
const x2 = [2, 1, 4, 3, 6, 5];
const y = [3, 5, 7, 8, 12, 11];

describe('standardised regression', () => {
  it('computes betas, R², adjusted R², F and VIF by hand', () => {
    const result = ok(standardizedRegression(y, [x1, x2], { names: ['speed', 'quality'] }));
    const r12 = 29 / 35;
    const r1y = 31 / Math.sqrt((35 / 2) * (178 / 3));
    const r2y = 29 / Math.sqrt((35 / 2) * (178 / 3));
    const beta1 = (r1y - r2y * r12) / (1 - r12 * r12);
    const beta2 = (r2y - r1y * r12) / (1 - r12 * r12);
    const [speed, quality] = result.coefficients;
    expect(speed?.name).toBe('speed');
    expectClose(speed!.beta, beta1, 12);
    expectClose(quality!.beta, beta2, 12);
    expectClose(speed!.beta, 0.6901734493700521, 12);
    expectClose(quality!.beta, 0.32811524642182804, 12);
    expectClose(result.rSquared, 0.9592696629213483, 13);
    expectClose(result.adjustedRSquared, 0.9321161048689138, 12);
    expectClose(speed!.vif, 1225 / 384, 12);
    expectClose(speed!.standardError, 0.20811376538193765, 11);
    expectClose(speed!.t, 3.3163277215393303, 11);
    expectClose(speed!.p, 0.04517786475359217, 10);
    expectClose(result.F, 35.327586206896555, 12);
    expectClose(result.p, (3 / (3 + 2 * result.F)) ** 1.5, 12);
    expect([result.df1, result.df2, result.n]).toEqual([2, 3, 6]);
  });

  it('leaves out respondents missing any answer and says how many', () => {
    const result = ok(
      standardizedRegression(
        [...y, 4, null],
        [
          [...x1, null, 2],
          [...x2, 3, 3],
        ],
      ),
    );
    expect(result.n).toBe(6);
    expect(result.excluded).toBe(2);
    expectClose(result.rSquared, 0.9592696629213483, 13);
  });

  it('reports collinear predictors by name instead of arbitrary betas', () => {
    const sum = x1.map((value, i) => value + (x2[i] ?? 0));
    const result = standardizedRegression(y, [x1, x2, sum], { names: ['a', 'b', 'a+b'] });
    expect(result).toMatchObject({ ok: false, reason: 'collinear' });
    expect(result.ok ? '' : result.detail).toBe('linearly dependent predictors: a, b, a+b');
  });

  it('warns about high (but not perfect) collinearity', () => {
    const close = x1.map((value, i) => value + (i % 2 === 0 ? 0.01 : -0.01));
    const result = ok(standardizedRegression(y, [x1, close]));
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'high_collinearity',
      'high_collinearity',
    ]);
  });

  it('returns typed reasons for data that cannot be regressed', () => {
    expect(
      standardizedRegression(
        [1, 2, 3],
        [
          [1, 2, 3],
          [3, 1, 2],
        ],
      ),
    ).toMatchObject({
      ok: false,
      reason: 'not_enough_data',
    });
    expect(standardizedRegression([2, 2, 2, 2, 2], [[1, 2, 3, 4, 5]])).toMatchObject({
      ok: false,
      reason: 'zero_variance',
    });
    expect(standardizedRegression(y, [x1, [1, 1, 1, 1, 1, 1]])).toMatchObject({
      ok: false,
      reason: 'zero_variance',
    });
  });
});
