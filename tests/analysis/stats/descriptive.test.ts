/**
 * Descriptive statistics against hand computation. Data [1, 2, 2, 3, 4, 5] plus two missing:
 *   Σx = 17, mean = 17/6; Σx² = 59, SS = 59 − 17²/6 = 65/6; variance = SS/5 = 13/6;
 *   median = (2 + 3)/2 = 2.5.
 */
import { describe, expect, it } from 'vitest';
import { descriptive } from '../../../main/analysis/stats/descriptive';
import { expectClose, ok } from './expect-close';

describe('descriptive', () => {
  it('computes n, missing, mean, sd, median and range by hand values', () => {
    const result = ok(descriptive([1, 2, null, 2, 3, Number.NaN, 4, 5]));
    expect(result.n).toBe(6);
    expect(result.nWeighted).toBe(6);
    expect(result.missing).toBe(2);
    expectClose(result.mean, 17 / 6, 15);
    const spread = ok(result.spread);
    expectClose(spread.variance, 13 / 6, 14);
    expectClose(spread.sd, Math.sqrt(13 / 6), 14);
    expectClose(spread.standardError, Math.sqrt(13 / 6 / 6), 14);
    expect(result.median).toBe(2.5);
    expect([result.min, result.max]).toEqual([1, 5]);
  });

  it('counts every answer value, including the categories nobody chose', () => {
    const result = ok(descriptive([1, 2, 2, 5], { categories: [1, 2, 3, 4, 5] }));
    expect(result.distribution.map((entry) => [entry.value, entry.count])).toEqual([
      [1, 1],
      [2, 2],
      [3, 0],
      [4, 0],
      [5, 1],
    ]);
    expect(result.distribution.map((entry) => entry.share)).toEqual([0.25, 0.5, 0, 0, 0.25]);
    expect(result.median).toBe(2);
  });

  it('treats frequency weights exactly like repeated respondents', () => {
    const weighted = ok(descriptive([1, 3, 4], { weights: [2, 1, 3] }));
    const repeated = ok(descriptive([1, 1, 3, 4, 4, 4]));
    expect(weighted.n).toBe(3);
    expect(weighted.nWeighted).toBe(6);
    expectClose(weighted.mean, repeated.mean, 15);
    // mean = 17/6 (as above), SS = 2·(1 − 17/6)² + (3 − 17/6)² + 3·(4 − 17/6)² = 65/6 → var 13/6
    expectClose(ok(weighted.spread).variance, 13 / 6, 14);
    expectClose(ok(weighted.spread).sd, ok(repeated.spread).sd, 14);
    expect(weighted.median).toBe(repeated.median);
    expect(weighted.distribution.map((entry) => entry.weightedCount)).toEqual([2, 1, 3]);
  });

  it('scales sampling weights to the Kish effective sample size', () => {
    // w = [1, 1, 2]: Σw = 4, Σw² = 6, n_eff = 16/6 = 8/3. mean = (1 + 2 + 2·6)/4 = 15/4.
    // Σw(x − x̄)² = (1 − 3.75)² + (2 − 3.75)² + 2·(6 − 3.75)² = 7.5625 + 3.0625 + 10.125 = 20.75
    // variance = 20.75/4 · n_eff/(n_eff − 1) = 5.1875 · (8/3)/(5/3) = 8.3
    const result = ok(descriptive([1, 2, 6], { weights: [1, 1, 2], weightKind: 'sampling' }));
    expectClose(result.mean, 3.75, 15);
    expectClose(result.nEffective, 8 / 3, 15);
    expectClose(ok(result.spread).variance, 8.3, 14);
    expectClose(ok(result.spread).standardError, Math.sqrt(8.3 / (8 / 3)), 14);
  });

  it('gives sampling weights that are all equal the unweighted answer', () => {
    const weighted = ok(descriptive([2, 4, 9], { weights: [5, 5, 5], weightKind: 'sampling' }));
    const plain = ok(descriptive([2, 4, 9]));
    expectClose(ok(weighted.spread).sd, ok(plain.spread).sd, 14);
    expect(weighted.nWeighted).toBe(15);
    expectClose(weighted.nEffective, 3, 15);
  });

  it('reports one respondent with a mean but no standard deviation', () => {
    const result = ok(descriptive([4, null]));
    expect(result.mean).toBe(4);
    expect(result.spread).toMatchObject({ ok: false, reason: 'not_enough_data' });
  });

  it('reports zero variance as sd 0 (a valid description)', () => {
    expect(ok(ok(descriptive([3, 3, 3])).spread).sd).toBe(0);
  });

  it('returns a typed reason instead of NaN when nothing can be described', () => {
    expect(descriptive([null, undefined, Number.NaN])).toMatchObject({
      ok: false,
      reason: 'no_data',
    });
    expect(descriptive([])).toMatchObject({ ok: false, reason: 'no_data' });
    expect(descriptive([1, 2], { weights: [1] })).toMatchObject({
      ok: false,
      reason: 'length_mismatch',
    });
    expect(descriptive([1, 2], { weights: [1, -1] })).toMatchObject({
      ok: false,
      reason: 'invalid_weight',
    });
  });

  it('leaves out respondents with weight 0 and says how many', () => {
    const result = ok(descriptive([1, 5, 3], { weights: [1, 0, 1] }));
    expect(result.n).toBe(2);
    expect(result.zeroWeight).toBe(1);
    expect(result.mean).toBe(2);
  });

  it('accepts a Float64Array with NaN as missing', () => {
    const result = ok(descriptive(Float64Array.from([1, Number.NaN, 3])));
    expect([result.n, result.missing, result.mean]).toEqual([2, 1, 2]);
  });
});
