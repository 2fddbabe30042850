/**
 * Cronbach's alpha by hand with α = k/(k − 1)·(1 − Σ s_i² / s_T²). Items (5 respondents):
 *   item 1 = [4, 3, 5, 2, 4], item 2 = [5, 3, 4, 2, 4], item 3 = [4, 2, 5, 3, 3]
 *   each item variance = 13/10; totals [13, 8, 14, 7, 11], s_T² = 93/10;
 *   α = 3/2 · (1 − 3.9/9.3) = 27/31.
 *   Alpha if deleted: 7/10 (item 1), 38/45 (item 2), 42/47 (item 3).
 *   Corrected item-total r (item vs sum of the other two): 0.8770580193070292,
 *   0.7235359517703827, 0.6675185501017563 (exact fractions, square roots in mpmath).
 *   Mean inter-item r = 9/13, standardised α = 3·(9/13)/(1 + 2·9/13) = 27/31.
 */
import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from '../../../main/analysis/stats/reliability';
import { expectClose, ok } from './expect-close';

const items = [
  [4, 3, 5, 2, 4],
  [5, 3, 4, 2, 4],
  [4, 2, 5, 3, 3],
];

describe("Cronbach's alpha", () => {
  it('computes alpha, alpha if deleted and corrected item-total correlations by hand', () => {
    const result = ok(cronbachAlpha(items, { names: ['fast', 'polite', 'solved'] }));
    expectClose(result.alpha, 27 / 31, 14);
    expectClose(result.standardizedAlpha, 27 / 31, 13);
    expect([result.k, result.n, result.excluded]).toEqual([3, 5, 0]);
    const [fast, polite, solved] = result.items;
    expect(fast?.name).toBe('fast');
    expectClose(fast!.alphaIfDeleted!, 7 / 10, 13);
    expectClose(polite!.alphaIfDeleted!, 38 / 45, 13);
    expectClose(solved!.alphaIfDeleted!, 42 / 47, 13);
    expectClose(fast!.correctedItemTotal!, 0.8770580193070292, 13);
    expectClose(polite!.correctedItemTotal!, 0.7235359517703827, 13);
    expectClose(solved!.correctedItemTotal!, 0.6675185501017563, 13);
    expectClose(fast!.mean, 3.6, 14);
    expectClose(fast!.sd, Math.sqrt(1.3), 14);
  });

  it('uses respondents who answered every item', () => {
    const result = ok(cronbachAlpha(items.map((item, i) => [...item, i === 0 ? null : 1])));
    expect([result.n, result.excluded]).toEqual([5, 1]);
    expectClose(result.alpha, 27 / 31, 14);
  });

  it('treats frequency weights as repeated respondents', () => {
    const weighted = ok(cronbachAlpha(items, { weights: [2, 1, 1, 1, 3] }));
    const repeat = (item: number[]) => [item[0]!, ...item, item[4]!, item[4]!];
    const repeated = ok(cronbachAlpha(items.map(repeat)));
    expectClose(weighted.alpha, repeated.alpha, 13);
  });

  it('has no alpha-if-deleted with two items and no item-total r for a constant item', () => {
    const two = ok(
      cronbachAlpha([
        [1, 2, 3],
        [2, 2, 4],
      ]),
    );
    expect(two.items.map((item) => item.alphaIfDeleted)).toEqual([null, null]);
    const constant = ok(
      cronbachAlpha([
        [1, 2, 3],
        [2, 3, 5],
        [4, 4, 4],
      ]),
    );
    expect(constant.items[2]?.correctedItemTotal).toBeNull();
  });

  it('returns typed reasons for data that cannot be scaled', () => {
    expect(cronbachAlpha([[1, 2, 3]])).toMatchObject({ ok: false, reason: 'not_enough_data' });
    expect(cronbachAlpha([[1], [2]])).toMatchObject({ ok: false, reason: 'not_enough_data' });
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 2],
      ]),
    ).toMatchObject({ ok: false, reason: 'zero_variance' });
    expect(cronbachAlpha([[null], [null]])).toMatchObject({ ok: false, reason: 'no_data' });
  });
});
