/**
 * Probability distributions behind every p-value and confidence interval.
 *
 * Upper tails are computed directly from the regularised incomplete beta and gamma functions
 * (stdlib ports of Boost's ibeta / gamma_q), never as `1 - cdf`, so small p-values keep their
 * relative precision instead of collapsing to 0 below ~1e-16.
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import chiSquareQuantileImpl from '@stdlib/stats-base-dists-chisquare-quantile';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normalCdfImpl(x, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/** Quantile of Student's t with `df` degrees of freedom (normal when df is infinite). */
export function tQuantile(p: number, df: number): number {
  return df === Infinity ? normalQuantile(p) : tQuantileImpl(p, df);
}

/** Quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return chiSquareQuantileImpl(p, df);
}

/**
 * Two-sided p-value P(|T| >= |t|) for Student's t with `df` degrees of freedom (df may be
 * fractional, as with Welch-Satterthwaite). P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2); the
 * complementary form is used when t² is small so neither branch subtracts nearly equal numbers.
 */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return 2 * normalCdf(-Math.abs(t));
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  const x = df / (df + t2);
  if (x < 0.5) return betainc(x, df / 2, 0.5);
  return betainc(t2 / (df + t2), 0.5, df / 2, true, true);
}

/** Cumulative distribution P(T <= t) of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const half = tTwoSidedP(t, df) / 2;
  return t < 0 ? half : 1 - half;
}

/** Upper tail P(F >= f) of the F distribution with (df1, df2) degrees of freedom. */
export function fUpperP(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  if (df2 === Infinity) return chiSquareUpperP(f * df1, df1);
  const denominator = df2 + df1 * f;
  const x = df2 / denominator;
  if (x < 0.5) return betainc(x, df2 / 2, df1 / 2);
  return betainc((df1 * f) / denominator, df1 / 2, df2 / 2, true, true);
}

/** Upper tail P(X >= x) of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareUpperP(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
