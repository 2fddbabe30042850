/**
 * Two-group comparison of means (e.g. new vs existing customers on one dimension): Welch's
 * t-test by default, Student's pooled test for textbook comparability, with effect sizes.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { tQuantile, tTwoSidedP } from './distributions';
import { summarizeGroup, type GroupInput, type GroupStats } from './groups';
import { failure, type StatsResult } from './result';

export interface TwoGroupOptions {
  /** Two-sided confidence level of the interval for the difference; 0.95 by default. */
  readonly confidenceLevel?: number;
}

/** Result of a two-group t-test; the difference is A − B. */
export interface TwoGroupTest {
  readonly method: 'welch' | 'student';
  readonly groupA: GroupStats;
  readonly groupB: GroupStats;
  readonly meanDifference: number;
  readonly standardError: number;
  readonly t: number;
  /** Welch-Satterthwaite df (fractional) or n1 + n2 − 2. */
  readonly df: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly confidenceInterval: {
    readonly level: number;
    readonly lower: number;
    readonly upper: number;
  };
  /** Difference over the pooled standard deviation sqrt(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)). */
  readonly cohensD: number;
  /** Cohen's d × J(n1+n2−2), with the exact J(m) = Γ(m/2) / (sqrt(m/2) Γ((m−1)/2)). */
  readonly hedgesG: number;
}

type Prepared = { a: GroupStats; b: GroupStats; va: number; vb: number };

function prepare(a: GroupInput, b: GroupInput): StatsResult<Prepared> {
  const groups: GroupStats[] = [];
  for (const [index, input] of [a, b].entries()) {
    const stats = summarizeGroup(input, index);
    if (!stats.ok) {
      return stats.reason === 'no_data'
        ? failure('group_too_small', `group ${index + 1} has no answers`)
        : stats;
    }
    if (stats.variance === null) {
      return failure('group_too_small', `${stats.label} has ${stats.n} respondent(s); need 2`);
    }
    groups.push(stats);
  }
  const [ga, gb] = groups as [GroupStats, GroupStats];
  const va = ga.variance ?? 0;
  const vb = gb.variance ?? 0;
  if (va === 0 && vb === 0) {
    return failure('zero_variance', 'every answer within each group is identical');
  }
  return { ok: true, a: ga, b: gb, va, vb };
}

/** Hedges' small-sample correction factor J(m), exact (via log-gamma). */
export function hedgesCorrection(df: number): number {
  return Math.exp(gammaln(df / 2) - 0.5 * Math.log(df / 2) - gammaln((df - 1) / 2));
}

function finish(
  method: 'welch' | 'student',
  { a, b, va, vb }: Prepared,
  standardError: number,
  df: number,
  options: TwoGroupOptions,
): StatsResult<TwoGroupTest> {
  const meanDifference = a.mean - b.mean;
  const t = meanDifference / standardError;
  const level = options.confidenceLevel ?? 0.95;
  const margin = tQuantile((1 + level) / 2, df) * standardError;
  const pooledDf = a.nInference + b.nInference - 2;
  const pooledSd = Math.sqrt(((a.nInference - 1) * va + (b.nInference - 1) * vb) / pooledDf);
  const cohensD = meanDifference / pooledSd;
  return {
    ok: true,
    method,
    groupA: a,
    groupB: b,
    meanDifference,
    standardError,
    t,
    df,
    p: tTwoSidedP(t, df),
    confidenceInterval: { level, lower: meanDifference - margin, upper: meanDifference + margin },
    cohensD,
    hedgesG: cohensD * hedgesCorrection(pooledDf),
  };
}

/**
 * Welch's unequal-variance t-test: t = (x̄a − x̄b) / sqrt(sa²/na + sb²/nb), with
 * Welch-Satterthwaite df = (sa²/na + sb²/nb)² / ((sa²/na)²/(na−1) + (sb²/nb)²/(nb−1)).
 */
export function welchTest(
  a: GroupInput,
  b: GroupInput,
  options: TwoGroupOptions = {},
): StatsResult<TwoGroupTest> {
  const prepared = prepare(a, b);
  if (!prepared.ok) return prepared;
  const ua = prepared.va / prepared.a.nInference;
  const ub = prepared.vb / prepared.b.nInference;
  const df =
    ((ua + ub) * (ua + ub)) /
    ((ua * ua) / (prepared.a.nInference - 1) + (ub * ub) / (prepared.b.nInference - 1));
  return finish('welch', prepared, Math.sqrt(ua + ub), df, options);
}

/** Student's t-test with pooled variance (assumes equal variances; Welch is the default). */
export function studentTTest(
  a: GroupInput,
  b: GroupInput,
  options: TwoGroupOptions = {},
): StatsResult<TwoGroupTest> {
  const prepared = prepare(a, b);
  if (!prepared.ok) return prepared;
  const { a: ga, b: gb, va, vb } = prepared;
  const df = ga.nInference + gb.nInference - 2;
  const pooled = ((ga.nInference - 1) * va + (gb.nInference - 1) * vb) / df;
  const standardError = Math.sqrt(pooled * (1 / ga.nInference + 1 / gb.nInference));
  return finish('student', prepared, standardError, df, options);
}
