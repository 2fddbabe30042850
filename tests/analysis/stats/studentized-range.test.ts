/**
 * The studentized range distribution behind Games-Howell. References, none produced by this
 * code:
 * - k = 2 identity: Q = √2·|T_ν|, so P(Q > q) = P(|T| > q/√2), with the closed t forms.
 * - Published tables of upper 5% / 1% points (Harter 1960; reproduced in most textbooks, e.g.
 *   q(0.95; 3, 10) = 3.877, q(0.95; 5, 20) = 4.232, q(0.99; 3, 10) = 5.270,
 *   q(0.95; 3, ∞) = 3.314, q(0.95; 4, 60) = 3.737, q(0.95; 10, 30) = 4.824), to 3 decimals.
 * - "quad": the same double integral evaluated independently with adaptive QUADPACK (SciPy
 *   integrate.quad, epsrel 2e-14, chi density normalised analytically via lgamma); the two
 *   values at df = 10 marked "mp" agree with a 25-digit mpmath evaluation to 1e-16.
 */
import { describe, expect, it } from 'vitest';
import {
  normalRangeUpperP,
  studentizedRangeCdf,
  studentizedRangeQuantile,
  studentizedRangeUpperP,
} from '../../../main/analysis/stats/studentized-range';
import { expectClose } from './expect-close';

describe('studentized range', () => {
  it('reduces to √2·|t| for two means (closed forms for df = 1 and 2)', () => {
    for (const q of [0.5, 2, 6, 40]) {
      const t = q / Math.SQRT2;
      expectClose(studentizedRangeUpperP(q, 2, 1), (2 * Math.atan(1 / t)) / Math.PI, 13);
      const root = Math.sqrt(2 + t * t);
      expectClose(studentizedRangeUpperP(q, 2, 2), 2 / (root * (root + t)), 13);
    }
  });

  it('matches independent quadrature to 1e-12 (relative) over k = 3..10 and df = 1..1000', () => {
    const references: [q: number, k: number, df: number, upper: number][] = [
      [3.5, 3, 10, 0.07710331083841182], // mp
      [3.877, 3, 10, 0.04998708875325441], // mp
      [5, 3, 10, 0.013615680916648321],
      [7, 3, 10, 0.001520611988068751],
      [6, 4, 30, 0.0010655911903077377],
      [6.5, 6, 100, 0.0001795699140668224],
      [7, 10, 20, 0.002438106136856535],
      [6, 5, 5.5, 0.03434545404446423],
      [4.5, 3, 1000, 0.004298988427372989],
      [6, 20, 3.5, 0.2185216902867463],
      [3, 3, 1, 0.4103329554776185],
      [20, 3, 1, 0.06736951522413814],
      [12, 4, 3, 0.01041205854280542],
    ];
    for (const [q, k, df, upper] of references) {
      expectClose(studentizedRangeUpperP(q, k, df), upper, df < 4 || k > 10 ? 9 : 11);
    }
  });

  it('keeps relative precision for small p-values (no 1 − cdf cancellation)', () => {
    const tails: [q: number, k: number, df: number, upper: number][] = [
      [12, 3, 10, 1.897570965023034e-5],
      [10, 4, 30, 4.2677127919486415e-7],
      [9, 6, 100, 8.912513396855371e-8],
      [7, 3, 1000, 2.6055778857499014e-6],
      [6, 3, 100000, 6.563189158195332e-5],
      [11, 3, 50, 1.0973801950812603e-9],
    ];
    for (const [q, k, df, upper] of tails) expectClose(studentizedRangeUpperP(q, k, df), upper, 8);
  });

  it('reproduces the published table of upper percentage points', () => {
    const table: [p: number, k: number, df: number, q: number][] = [
      [0.95, 3, 10, 3.877],
      [0.95, 5, 20, 4.232],
      [0.99, 3, 10, 5.27],
      [0.95, 4, 60, 3.737],
      [0.95, 10, 30, 4.824],
      [0.95, 2, Infinity, 2.772],
    ];
    for (const [p, k, df, q] of table) {
      expect(studentizedRangeQuantile(p, k, df)).toBeCloseTo(q, 3);
    }
    expect(normalRangeUpperP(3.314, 3)).toBeCloseTo(0.05, 4);
  });

  it('inverts its own distribution function', () => {
    for (const [p, k, df] of [
      [0.95, 3, 9.6],
      [0.99, 6, 2.5],
      [0.9, 12, 200],
    ] as const) {
      const q = studentizedRangeQuantile(p, k, df);
      expectClose(studentizedRangeCdf(q, k, df), p, 10);
    }
  });

  it('handles the edges of its domain', () => {
    expect(studentizedRangeUpperP(0, 3, 10)).toBe(1);
    expect(studentizedRangeUpperP(Infinity, 3, 10)).toBe(0);
    expect(studentizedRangeUpperP(2, 1, 10)).toBeNaN();
    expect(studentizedRangeUpperP(2, 3, 0)).toBeNaN();
  });

  it('takes about a millisecond a call', () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) studentizedRangeUpperP(3 + i / 25, 4, 12 + i);
    expect((performance.now() - start) / 50).toBeLessThan(20);
  });
});
