/**
 * Pairwise comparisons on the textbook ANOVA data (fixtures.ts; sums of squares in anova.test.ts). Games-Howell by hand:
 * for groups 1 and 2, se² = 16/5/6 + 24/5/6 = 4/3, q = 4/sqrt(2/3), Welch df = 125/13; the
 * p-values and critical values come from the studentized range evaluated independently with
 * adaptive QUADPACK (see studentized-range.test.ts) and agree with SciPy's studentized_range.
 */
import { describe, expect, it } from 'vitest';
import { holmAdjust, pairwiseComparisons } from '../../../main/analysis/stats/pairwise';
import { tTwoSidedP } from '../../../main/analysis/stats/distributions';
import { expectClose, ok } from './expect-close';
import { classicAnovaGroups as classic } from './fixtures';

describe('Games-Howell', () => {
  it('matches the hand statistics and independently computed p-values and intervals', () => {
    const result = ok(pairwiseComparisons(classic));
    expect(result.familySize).toBe(3);
    const [p12, p13, p23] = result.comparisons.map((comparison) => ok(comparison.result));
    expectClose(p12!.statistic, 4 / Math.sqrt(2 / 3), 14);
    expectClose(p12!.df, 125 / 13, 14);
    expectClose(p12!.p, 0.016117134991881873, 9);
    expectClose(p12!.confidenceInterval.lower, -7.186264561621281, 9);
    expectClose(p12!.confidenceInterval.upper, -0.813735438378719, 8);
    expectClose(p13!.df, 121 / 13, 14);
    expectClose(p13!.p, 0.006087290949364819, 9);
    expectClose(p13!.confidenceInterval.lower, -8.360792402876308, 9);
    expectClose(p23!.df, 169 / 17, 14);
    expectClose(p23!.p, 0.7349858352607337, 9);
    expectClose(p23!.confidenceInterval.upper, 2.6125908429745768, 9);
  });

  it('flags pairs with a group of one instead of hiding them', () => {
    const result = ok(pairwiseComparisons([[1, 2, 3], [5], [4, 6, 8]]));
    expect(result.familySize).toBe(2);
    expect(result.comparisons.map((comparison) => comparison.result.ok)).toEqual([
      false,
      true,
      false,
    ]);
    expect(result.comparisons[0]?.result).toMatchObject({ reason: 'group_too_small' });
    expect(result.warnings.map((warning) => warning.code)).toContain('group_too_small');
    // With k = 2 Games-Howell is exactly Welch's test.
    const pair = ok(result.comparisons[1]!.result);
    expectClose(pair.p, pair.pUnadjusted, 12);
  });
});

describe('Holm-adjusted Welch tests', () => {
  it('adjusts by hand: sorted p·(m − rank), made monotone', () => {
    // p = [0.01, 0.04, 0.03]: sorted 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max so far 0.06
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    expectClose(adjusted[0]!, 0.03, 14);
    expectClose(adjusted[1]!, 0.06, 14);
    expectClose(adjusted[2]!, 0.06, 14);
    // [0.5, 0.9]: 0.5·2 = 1, then max(1, 0.9·1) = 1
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });

  it('reports Welch statistics with Holm-adjusted p-values', () => {
    const result = ok(pairwiseComparisons(classic, { method: 'holm-welch' }));
    const pairs = result.comparisons.map((comparison) => ok(comparison.result));
    const raw = pairs.map((pair) => tTwoSidedP(pair.statistic, pair.df));
    expect(pairs.map((pair) => pair.pUnadjusted)).toEqual(raw);
    expect(pairs.map((pair) => pair.p)).toEqual(holmAdjust(raw));
    expectClose(pairs[0]!.statistic, -4 / Math.sqrt(4 / 3), 14);
  });
});
