/**
 * NPS by hand: 10 answers with 5 promoters (9-10), 2 passives (7-8), 3 detractors (0-6):
 * pP = 0.5, pD = 0.3, NPS = 20. Var = (pP + pD − (pP − pD)²)/n = (0.8 − 0.04)/10 = 0.076,
 * SE = 100·√0.076 = 27.568097504180443, 95% CI = 20 ± 1.959963984540054·SE.
 */
import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '../../../main/analysis/stats/nps';
import { expectClose, ok } from './expect-close';

const answers = [10, 9, 9, 10, 9, 8, 7, 6, 0, 3];

describe('net promoter score', () => {
  it('splits promoters, passives and detractors and computes the NPS with its interval', () => {
    const result = ok(netPromoterScore([...answers, null]));
    expect([result.promoters, result.passives, result.detractors]).toEqual([5, 2, 3]);
    expect([result.promoterShare, result.passiveShare, result.detractorShare]).toEqual([
      0.5, 0.2, 0.3,
    ]);
    expectClose(result.nps, 20, 14);
    expect(result.missing).toBe(1);
    const interval = ok(result.interval);
    expectClose(interval.standardError, 100 * Math.sqrt(0.076), 14);
    expectClose(interval.lower, 20 - 1.959963984540054 * 100 * Math.sqrt(0.076), 13);
    expectClose(interval.upper, 20 + 1.959963984540054 * 100 * Math.sqrt(0.076), 13);
  });

  it('treats frequency weights as repeated respondents', () => {
    const weighted = ok(netPromoterScore([10, 7, 2], { weights: [3, 1, 2] }));
    const repeated = ok(netPromoterScore([10, 10, 10, 7, 2, 2]));
    expectClose(weighted.nps, repeated.nps, 14);
    expectClose(ok(weighted.interval).standardError, ok(repeated.interval).standardError, 14);
    expect(weighted.nInference).toBe(6);
  });

  it('uses the Kish effective n for sampling weights', () => {
    // w = [1, 3]: n_eff = 16/10 = 1.6 < 2, so no interval; w = [1, 1, 2]: n_eff = 8/3
    expect(
      ok(netPromoterScore([10, 0], { weights: [1, 3], weightKind: 'sampling' })).interval,
    ).toMatchObject({ ok: false, reason: 'not_enough_data' });
    const result = ok(netPromoterScore([10, 0, 8], { weights: [1, 1, 2], weightKind: 'sampling' }));
    // pP = 1/4, pD = 1/4: NPS 0, Var = 0.5/n_eff = 0.1875
    expectClose(result.nInference, 8 / 3, 15);
    expectClose(ok(result.interval).standardError, 100 * Math.sqrt(0.1875), 14);
  });

  it('clamps the interval to [−100, 100]', () => {
    const result = ok(netPromoterScore([10, 10, 10, 0]));
    expect(ok(result.interval).upper).toBe(100);
  });

  it('rejects answers outside 0-10 with the respondent named', () => {
    expect(netPromoterScore([5, 11])).toMatchObject({
      ok: false,
      reason: 'invalid_value',
      detail: 'recommendation answer 11 at respondent 2',
    });
    expect(netPromoterScore([null])).toMatchObject({ ok: false, reason: 'no_data' });
  });
});
