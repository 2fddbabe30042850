/**
 * Pearson correlation by hand: x = 1..5, y = [2, 4, 5, 4, 5]; x̄ = 3, ȳ = 4;
 * Sxy = (−2)(−2) + (−1)(0) + 0 + (1)(0) + (2)(1) = 6, Sxx = 10, Syy = 6, r = 6/√60;
 * t = r·sqrt(3/(1 − r²)) = 3/√2; p from the closed t(3) form
 * 1 − (2/π)(atan(t/√3) + (t/√3)/(1 + t²/3)) = 0.12402706265755463;
 * Fisher-z 95% interval tanh(atanh(r) ± 1.959963984540054/√2).
 */
import { describe, expect, it } from 'vitest';
import { correlationMatrix, pearson } from '../../../main/analysis/stats/correlation';
import { expectClose, ok } from './expect-close';

describe('pearson', () => {
  it('computes r, t, p and the Fisher-z interval by hand', () => {
    const result = ok(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]));
    expectClose(result.r, 6 / Math.sqrt(60), 14);
    expect(result.n).toBe(5);
    expect(result.df).toBe(3);
    expectClose(result.t, 3 / Math.SQRT2, 13);
    expectClose(result.p, 0.12402706265755463, 12);
    const interval = ok(result.interval);
    expectClose(interval.lower, -0.34008203518751046, 12);
    expectClose(interval.upper, 0.9842357551507267, 13);
  });

  it('is unchanged by shifting and scaling far from zero (no cancellation)', () => {
    const x = [1, 2, 3, 4, 5].map((value) => 1e9 + value * 1e-3);
    const result = ok(pearson(x, [2, 4, 5, 4, 5]));
    expectClose(result.r, 6 / Math.sqrt(60), 9);
  });

  it('uses respondents with both answers, and frequency weights as repetitions', () => {
    const withMissing = ok(pearson([1, 2, null, 3, 4, 5], [2, 4, 1, 5, 4, 5]));
    expectClose(withMissing.r, 6 / Math.sqrt(60), 14);
    const weighted = ok(pearson([1, 2, 3], [1, 3, 2], { weights: [2, 1, 1] }));
    const repeated = ok(pearson([1, 1, 2, 3], [1, 1, 3, 2]));
    expectClose(weighted.r, repeated.r, 14);
    expectClose(weighted.p, repeated.p, 12);
    expect(weighted.nInference).toBe(4);
  });

  it('reports perfect correlation with p = 0 and a degenerate interval', () => {
    const result = ok(pearson([1, 2, 3, 4], [2, 4, 6, 8]));
    expect(result.r).toBe(1);
    expect(result.p).toBe(0);
    expect(ok(result.interval)).toMatchObject({ lower: 1, upper: 1 });
  });

  it('returns typed reasons for data that cannot be correlated', () => {
    expect(pearson([1, 2], [3, 4])).toMatchObject({ ok: false, reason: 'not_enough_data' });
    expect(pearson([1, 2, 3], [3, 3, 3])).toMatchObject({ ok: false, reason: 'zero_variance' });
    expect(pearson([1, 2, 3], [1, 2])).toMatchObject({ ok: false, reason: 'length_mismatch' });
    expect(pearson([null, null], [1, 2])).toMatchObject({ ok: false, reason: 'no_data' });
    expect(ok(pearson([1, 2, 3], [1, 3, 2])).interval).toMatchObject({
      ok: false,
      reason: 'not_enough_data',
    });
  });
});

describe('correlation matrix', () => {
  const x = [1, 2, 3, 4, 5, 6];
  const y = [2, 4, 5, 4, 5, null];
  const z = [6, 5, 4, 3, 2, 1];

  it('uses every available pair by default (pairwise deletion)', () => {
    const result = ok(correlationMatrix([x, y, z]));
    expectClose(result.r[0]![1]!, 6 / Math.sqrt(60), 13);
    expect(result.r[0]![2]).toBe(-1);
    expect(result.r[1]![1]).toBe(1);
    expect(result.n[0]![2]).toBe(6);
    expect(result.n[0]![1]).toBe(5);
    expect(result.r[1]![0]).toBe(result.r[0]![1]);
  });

  it('uses only complete respondents when asked (listwise deletion)', () => {
    const result = ok(correlationMatrix([x, y, z], { missing: 'listwise' }));
    expect(result.n[0]![2]).toBe(5);
    expectClose(result.r[0]![1]!, 6 / Math.sqrt(60), 13);
    expect(result.r[0]![2]).toBeCloseTo(-1, 14);
  });

  it('marks items that never vary instead of dividing by zero', () => {
    const result = ok(correlationMatrix([x, [3, 3, 3, 3, 3, 3]]));
    expect(result.zeroVariance).toEqual([1]);
    expect(result.r[0]![1]).toBeNull();
    expect(result.r[1]![1]).toBeNull();
  });

  it('leaves respondents with weight 0 out of every pair', () => {
    const weights = [1, 0, 2, 1, 1, 3];
    const result = ok(correlationMatrix([x, y, z], { weights }));
    expect(result.n[0]![1]).toBe(4);
    expect(result.n[0]![2]).toBe(5);
    const kept = [0, 2, 3, 4];
    expectClose(
      result.r[0]![1]!,
      ok(
        pearson(
          kept.map((i) => x[i]!),
          kept.map((i) => y[i]!),
          { weights: kept.map((i) => weights[i]!) },
        ),
      ).r,
      13,
    );
  });

  it('agrees with the pairwise pearson() on larger data with and without missing values', () => {
    const n = 500;
    const a = Array.from({ length: n }, (_, i) => ((i * 37) % 11) + 1);
    const b = Array.from({ length: n }, (_, i) => ((i * 17) % 7) + (i % 3));
    const c = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : ((i * 29) % 5) + 1));
    const weights = Array.from({ length: n }, (_, i) => 1 + (i % 4));
    for (const options of [{}, { weights }]) {
      const matrix = ok(correlationMatrix([a, b, c], options));
      expectClose(matrix.r[0]![1]!, ok(pearson(a, b, options)).r, 12);
      expectClose(matrix.r[1]![2]!, ok(pearson(b, c, options)).r, 12);
    }
  });
});
