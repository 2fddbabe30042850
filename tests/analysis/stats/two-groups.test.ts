/**
 * Two-group t-tests against published worked examples and exact hand computation.
 *
 * Published: Wikipedia, "Welch's t-test", Examples 1-3 (Welch t, df, p printed to 2-3 digits),
 * and an Excel "t-Test: Two-Sample Assuming Equal Variances" output (t = −1.562865798,
 * two-tail p = 0.133769496, pooled variance 10.48333333, df 20).
 * Hand: means and variances as exact fractions (e.g. Example 1: x̄a = 1041/50,
 * sa² = 6884/875, x̄b = 1724/75, sb² = 5719/1500, so t = (−13/6)/sqrt(sa²/15 + sb²/15) and
 * df = 210571408334/8426722753); p-values from the regularised incomplete beta in 30-digit
 * mpmath; Hedges' J from Γ in mpmath.
 */
import { describe, expect, it } from 'vitest';
import { studentTTest, welchTest } from '../../../main/analysis/stats/two-groups';
import { expectClose, ok } from './expect-close';

const example1 = {
  a: [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
  b: [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
};
const example2 = {
  a: [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
  b: [
    21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5,
    22.5, 23.5, 21.5, 21.8,
  ],
};
const example3 = {
  a: [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0],
  b: [
    28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6,
    24.3, 20.4, 24.0, 13.2,
  ],
};

describe("Welch's t-test", () => {
  it("reproduces Wikipedia's Example 1 (t −2.46, df 25.0, p 0.021) and the exact values", () => {
    const result = ok(welchTest(example1.a, example1.b));
    expect(result.t).toBeCloseTo(-2.46, 2);
    expect(result.df).toBeCloseTo(24.99, 2);
    expect(result.p).toBeCloseTo(0.021, 3);
    expectClose(result.meanDifference, -13 / 6, 13);
    expectClose(result.t, -2.455356398286005, 12);
    expectClose(result.df, 210571408334 / 8426722753, 12);
    expectClose(result.p, 0.021378001462867034, 10);
    expectClose(result.standardError, 0.8824245100137552, 12);
    // 95% CI: −13/6 ± t(0.975; df)·SE with t(0.975; 24.98853) = 2.059586491365626
    expectClose(result.confidenceInterval.lower, -3.984096267140928, 10);
    expectClose(result.confidenceInterval.upper, -0.34923706619240524, 9);
    // d = (−13/6) / sqrt((14·sa² + 14·sb²)/28); J(28) = Γ(14)/(√14·Γ(13.5))
    expectClose(result.cohensD, -0.8965693907039226, 12);
    expectClose(result.hedgesG, -0.872301153592074, 12);
  });

  it("reproduces Wikipedia's Example 2 (t −1.57, df 9.90, p 0.149)", () => {
    const result = ok(welchTest(example2.a, example2.b));
    expect(result.t).toBeCloseTo(-1.57, 2);
    expect(result.df).toBeCloseTo(9.9, 1);
    expect(result.p).toBeCloseTo(0.149, 3);
    expectClose(result.t, -1.5654335235985053, 12);
    expectClose(result.df, 88953727186539 / 8980923878113, 12);
    expectClose(result.p, 0.14884169660532798, 10);
  });

  it("reproduces Wikipedia's Example 3 (t −2.22, df 24.5, p 0.036)", () => {
    const result = ok(welchTest(example3.a, example3.b));
    expect(result.t).toBeCloseTo(-2.22, 2);
    expect(result.df).toBeCloseTo(24.5, 1);
    expect(result.p).toBeCloseTo(0.036, 3);
    expectClose(result.t, -2.219240915823625, 12);
    expectClose(result.df, 171709730275 / 7009641013, 12);
    expectClose(result.p, 0.03597227102979672, 10);
  });

  it('gives frequency-weighted groups the result of repeated respondents', () => {
    const weighted = ok(
      welchTest({ values: [1, 2, 4], weights: [2, 1, 1] }, { values: [3, 5], weights: [1, 2] }),
    );
    const repeated = ok(welchTest([1, 1, 2, 4], [3, 5, 5]));
    expectClose(weighted.t, repeated.t, 13);
    expectClose(weighted.df, repeated.df, 13);
    expectClose(weighted.p, repeated.p, 12);
  });

  it('gives equal sampling weights the unweighted result, and uses n_eff for unequal ones', () => {
    const equal = ok(
      welchTest(
        { values: example2.a, weights: example2.a.map(() => 3), weightKind: 'sampling' },
        { values: example2.b, weights: example2.b.map(() => 0.5), weightKind: 'sampling' },
      ),
    );
    const plain = ok(welchTest(example2.a, example2.b));
    expectClose(equal.t, plain.t, 13);
    expectClose(equal.df, plain.df, 13);
    // w = [1, 1, 2] on [1, 2, 6]: n_eff = 8/3, variance 8.3 (see descriptive.test.ts)
    const weighted = ok(
      welchTest({ values: [1, 2, 6], weights: [1, 1, 2], weightKind: 'sampling' }, [1, 2, 3, 4]),
    );
    expectClose(weighted.groupA.nInference, 8 / 3, 15);
    expectClose(weighted.standardError, Math.sqrt(8.3 / (8 / 3) + 5 / 3 / 4), 14);
  });

  it('flags a group of one and groups without any variance', () => {
    expect(welchTest([3], [1, 2, 3])).toMatchObject({ ok: false, reason: 'group_too_small' });
    expect(welchTest([], [1, 2, 3])).toMatchObject({ ok: false, reason: 'group_too_small' });
    expect(welchTest([2, 2, 2], [4, 4])).toMatchObject({ ok: false, reason: 'zero_variance' });
  });

  it('still tests when only one group has no variance (df = n − 1 of the other)', () => {
    const result = ok(welchTest([2, 2, 2], [3, 4, 5]));
    expectClose(result.df, 2, 14);
    expectClose(result.t, -2 / Math.sqrt(1 / 3), 14);
  });
});

describe("Student's t-test", () => {
  it('reproduces the published Excel worked example', () => {
    const a = [11, 8, 8, 3, 7, 5, 9, 5, 1, 3];
    const b = [10, 11, 9, 7, 2, 11, 12, 3, 6, 7, 8, 12];
    const result = ok(studentTTest(a, b));
    expect(result.df).toBe(20);
    expectClose(result.t, -1.562865798, 9);
    expectClose(result.p, 0.133769496, 8);
    // Hand: pooled variance 629/60 = 10.48333333, t² = 16900/6919
    expectClose(result.t, -Math.sqrt(16900 / 6919), 14);
    expectClose(result.p, 0.13376949557827686, 11);
    expect(result.groupA.variance).toBeCloseTo(9.777777778, 9);
    expect(result.groupB.variance).toBeCloseTo(11.06060606, 8);
  });

  it('matches Wikipedia Example 1 (Student t −2.46, df 28, p 0.021)', () => {
    const result = ok(studentTTest(example1.a, example1.b));
    expect(result.df).toBe(28);
    expectClose(result.t, -Math.sqrt(739375 / 122641), 13);
    expectClose(result.p, 0.02054452273412599, 10);
  });
});
