/**
 * Several-group comparisons on the classic three-group example (Wikipedia, "One-way analysis
 * of variance": a1 = 6 8 4 5 3 4, a2 = 8 12 9 11 6 8, a3 = 13 9 11 8 7 12; published F ≈ 9.3
 * against the 5% critical value F(2, 15) = 3.68). By hand:
 *   group means 5, 9, 10; grand mean 8; SSB = 6·(9 + 1 + 4) = 84, df1 = 2, MSB = 42;
 *   SSW = (1+9+1+0+4+1) + (1+9+0+4+9+1) + (9+1+1+4+9+4) = 16 + 24 + 28 = 68, df2 = 15;
 *   F = 42/(68/15) = 315/34; p = (15/(15 + 2F))^7.5 (closed form for df1 = 2);
 *   η² = 84/152 = 21/38; ω² = (84 − 2·68/15)/(152 + 68/15) = 281/587.
 * Welch ANOVA by hand with exact fractions (variances 16/5, 24/5, 28/5; w_i = n_i/s_i²):
 *   F = 93765/9434, df2 = 8836/897, p from the incomplete beta in 30-digit mpmath.
 */
import { describe, expect, it } from 'vitest';
import { oneWayAnova, welchAnova } from '../../../main/analysis/stats/anova';
import { expectClose, ok } from './expect-close';
import { classicAnovaGroups } from './fixtures';

const classic = classicAnovaGroups;

describe('one-way ANOVA', () => {
  it('reproduces the textbook table (F ≈ 9.3 > 3.68) and the exact sums of squares', () => {
    const result = ok(oneWayAnova(classic));
    expect(result.groups.map((group) => group.mean)).toEqual([5, 9, 10]);
    expectClose(result.ssBetween, 84, 14);
    expectClose(result.ssWithin, 68, 14);
    expect([result.df1, result.df2]).toEqual([2, 15]);
    expectClose(result.F, 315 / 34, 14);
    expect(result.F).toBeCloseTo(9.3, 1);
    const F = 315 / 34;
    expectClose(result.p, (15 / (15 + 2 * F)) ** 7.5, 12);
    expectClose(result.etaSquared, 21 / 38, 14);
    expectClose(result.omegaSquared, 281 / 587, 13);
    expect(result.warnings).toEqual([]);
  });

  it('keeps a group of one (flagged) and leaves out an empty group (flagged)', () => {
    const result = ok(oneWayAnova([[1, 2, 3], [7], [], [4, 5, 6, 5]]));
    expect(result.groups.map((group) => group.label)).toEqual(['group 1', 'group 2', 'group 4']);
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'small_group',
      'group_too_small',
      'empty_group',
      'small_group',
    ]);
    // By hand: N = 8, means 2, 7, 5; grand 39/8; SSW = 2 + 0 + 2 = 4 (df 5)
    expectClose(result.ssWithin, 4, 14);
    expect(result.df2).toBe(5);
  });

  it('returns typed reasons for data that cannot be tested', () => {
    expect(oneWayAnova([[1, 2, 3]])).toMatchObject({ ok: false, reason: 'not_enough_groups' });
    expect(oneWayAnova([[1], [2]])).toMatchObject({ ok: false, reason: 'not_enough_data' });
    expect(
      oneWayAnova([
        [1, 1],
        [2, 2],
      ]),
    ).toMatchObject({ ok: false, reason: 'zero_variance' });
  });
});

describe('Welch ANOVA', () => {
  it('matches the exact hand computation on the textbook data', () => {
    const result = ok(welchAnova(classic));
    expectClose(result.F, 93765 / 9434, 13);
    expect(result.df1).toBe(2);
    expectClose(result.df2, 8836 / 897, 13);
    expectClose(result.p, 0.004337776053275159, 10);
  });

  it('equals the two-sample Welch t² for two groups', () => {
    const result = ok(
      welchAnova([
        [1, 2, 4, 7],
        [3, 8, 9, 12, 13],
      ]),
    );
    // Welch t for these groups: x̄ = 3.5 (s² = 21/3 = 7), 9 (s² = 62/4 = 15.5): t² = 5.5²/(7/4 + 15.5/5)
    expectClose(result.F, 5.5 ** 2 / (7 / 4 + 15.5 / 5), 13);
  });

  it('needs two respondents and some variance in every group', () => {
    expect(welchAnova([[1, 2], [3]])).toMatchObject({ ok: false, reason: 'group_too_small' });
    expect(
      welchAnova([
        [1, 2],
        [3, 3],
      ]),
    ).toMatchObject({ ok: false, reason: 'zero_variance' });
  });
});
