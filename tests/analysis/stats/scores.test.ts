import { describe, expect, it } from 'vitest';
import {
  highSatisfactionShare,
  reverseCode,
  toHundred,
  topBoxShare,
} from '../../../main/analysis/stats/scores';
import { ok } from './expect-close';

describe('100-point conversion', () => {
  it('offers the ratio (mean/points × 100) and range ((mean − 1)/(points − 1) × 100) methods', () => {
    expect(toHundred(4, 5, 'ratio')).toBe(80);
    expect(toHundred(4, 5, 'range')).toBe(75);
    expect(toHundred(1, 5, 'range')).toBe(0);
    expect(toHundred(5, 5, 'range')).toBe(100);
    expect(toHundred(3.5, 7, 'ratio')).toBe(50);
  });

  it('rejects a scale with fewer than two points as a programming error', () => {
    expect(() => toHundred(1, 1, 'ratio')).toThrow(RangeError);
  });
});

describe('reverse coding', () => {
  it('maps x to points + 1 − x and keeps missing answers missing', () => {
    expect([1, 2, 3, 4, 5].map((x) => reverseCode(x, 5))).toEqual([5, 4, 3, 2, 1]);
    expect(reverseCode(null, 5)).toBeNull();
  });
});

describe('shares', () => {
  it('computes the top-2-box share (4 or 5 of 5)', () => {
    const result = ok(topBoxShare([5, 4, 3, 2, 4, null], { points: 5 }));
    expect([result.n, result.count, result.share]).toEqual([5, 3, 0.6]);
  });

  it('weights the top-box share', () => {
    // weights: 5 → 2, 4 → 1, 3 → 1, 2 → 4: top box Σw = 3 of 8
    const result = ok(topBoxShare([5, 4, 3, 2], { points: 5, weights: [2, 1, 1, 4] }));
    expect(result.share).toBe(3 / 8);
    expect(result.nWeighted).toBe(8);
  });

  it('counts 100-point scores of at least 90 as highly satisfied, floating-point noise included', () => {
    const converted = toHundred(4.6, 5, 'range'); // 89.99999999999999 in floating point
    const result = ok(highSatisfactionShare([converted, 95, 80, 100]));
    expect(result.count).toBe(3);
    expect(ok(highSatisfactionShare([85, 95], { threshold: 80 })).share).toBe(1);
  });

  it('returns no_data for an empty column', () => {
    expect(topBoxShare([null], { points: 5 })).toMatchObject({ ok: false, reason: 'no_data' });
  });
});
