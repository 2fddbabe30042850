/**
 * p-values and quantiles against closed forms (exact for small degrees of freedom) and
 * published table values. Closed forms used:
 *   t, df = 1 (Cauchy):  P(|T| > t) = 1 − 2·atan(t)/π = 2·atan(1/t)/π
 *   t, df = 2:           P(|T| > t) = 1 − t/sqrt(2 + t²)
 *   t, df = 3:           P(|T| > t) = 1 − (2/π)·(atan(t/√3) + (t/√3)/(1 + t²/3))
 *   F, df1 = 2:          P(F > f)   = (ν / (ν + 2f))^(ν/2)
 *   χ², df = 2:          P(X > x)   = exp(−x/2);  df = 4: exp(−x/2)·(1 + x/2)
 */
import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  chiSquareUpperP,
  fUpperP,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
  tTwoSidedP,
} from '../../../main/analysis/stats/distributions';
import { expectClose } from './expect-close';

describe('Student t', () => {
  it('matches the Cauchy closed form for df = 1, including the far tail', () => {
    for (const t of [0.1, 0.5, 1, 2.5, 12.706, 100, 1e6]) {
      expectClose(tTwoSidedP(t, 1), (2 * Math.atan(1 / t)) / Math.PI, 13);
      expectClose(tCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 14);
      expectClose(tCdf(-t, 1), Math.atan(1 / t) / Math.PI, 13);
    }
  });

  it('matches the closed form for df = 2 (tail written without cancellation)', () => {
    for (const t of [0.2, 1, 4.303, 30, 1e4]) {
      const root = Math.sqrt(2 + t * t);
      // 1 − t/√(2+t²) = 2 / (√(2+t²)·(√(2+t²) + t))
      expectClose(tTwoSidedP(t, 2), 2 / (root * (root + t)), 13);
      expectClose(tCdf(t, 2), 0.5 + t / (2 * root), 14);
    }
  });

  it('matches the closed form for df = 3', () => {
    for (const t of [0.5, 1.5, 3.182, 6]) {
      const u = t / Math.sqrt(3);
      const expected = 1 - (2 / Math.PI) * (Math.atan(u) + u / (1 + u * u));
      expectClose(tTwoSidedP(t, 3), expected, 12);
    }
  });

  it('gives p = 0.05 at the published critical values', () => {
    // t(10) two-sided 5% critical value 2.228138851986274 (tables print 2.228)
    expectClose(tTwoSidedP(2.228138851986274, 10), 0.05, 13);
    expectClose(tQuantile(0.975, 10), 2.228138851986274, 13);
    expectClose(tQuantile(0.975, 1), 12.706204736174705, 13); // tan(0.475π)
    expectClose(tQuantile(0.975, 1), Math.tan(0.475 * Math.PI), 13);
    expect(tTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 4);
  });

  it('uses the normal distribution for infinite df', () => {
    expectClose(tTwoSidedP(1.959963984540054, Infinity), 0.05, 13);
    expectClose(tQuantile(0.975, Infinity), 1.959963984540054, 14);
  });

  it('is symmetric and exactly 1 at t = 0', () => {
    expect(tTwoSidedP(0, 7.3)).toBe(1);
    expect(tTwoSidedP(-2.5, 7.3)).toBe(tTwoSidedP(2.5, 7.3));
    expect(tTwoSidedP(Infinity, 4)).toBe(0);
  });
});

describe('normal', () => {
  it('matches the published quantiles', () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 15);
    expectClose(normalQuantile(0.995), 2.5758293035489004, 15);
    expectClose(normalCdf(0), 0.5, 15);
    expectClose(normalCdf(-1.959963984540054), 0.025, 14);
  });
});

describe('F', () => {
  it('matches (ν/(ν + 2f))^(ν/2) for df1 = 2, deep into the tail', () => {
    for (const [f, nu] of [
      [0.5, 5],
      [3.885293834652392, 12],
      [9.264705882352942, 15],
      [250, 40],
    ] as const) {
      expectClose(fUpperP(f, 2, nu), (nu / (nu + 2 * f)) ** (nu / 2), 12);
    }
  });

  it('gives p = 0.05 at the tabled F(2, 12) critical value 3.885', () => {
    // Closed form: f = (ν/2)·(0.05^(−2/ν) − 1) = 6·(0.05^(−1/6) − 1) = 3.885293834652392
    expectClose(fUpperP(6 * (0.05 ** (-1 / 6) - 1), 2, 12), 0.05, 13);
    expect(fUpperP(3.885, 2, 12)).toBeCloseTo(0.05, 4);
  });

  it('equals the squared t for df1 = 1', () => {
    expectClose(fUpperP(2.5 ** 2, 1, 2), tTwoSidedP(2.5, 2), 13);
  });
});

describe('chi-square', () => {
  it('matches exp(−x/2) for df = 2 and exp(−x/2)(1 + x/2) for df = 4, tails included', () => {
    for (const x of [0.1, 1, 5.991464547107979, 30, 200]) {
      expectClose(chiSquareUpperP(x, 2), Math.exp(-x / 2), 13);
      expectClose(chiSquareUpperP(x, 4), Math.exp(-x / 2) * (1 + x / 2), 12);
    }
  });

  it('gives p = 0.05 at the published χ²(1) critical value 3.841', () => {
    // 3.841458820694124 = 1.959963984540054²
    expectClose(chiSquareUpperP(1.959963984540054 ** 2, 1), 0.05, 13);
    expect(chiSquareUpperP(3.841, 1)).toBeCloseTo(0.05, 4);
    expectClose(chiSquareQuantile(0.95, 2), -2 * Math.log(0.05), 12);
  });
});
