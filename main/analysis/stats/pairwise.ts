/**
 * Which segments differ, after an overall test: every pair of groups, with the multiplicity
 * of comparisons accounted for.
 *
 * - 'games-howell' (default): Welch standard errors and df per pair, p-values and simultaneous
 *   intervals from the studentized range with k = number of comparable groups. Does not assume
 *   equal variances or sizes.
 * - 'holm-welch': pairwise Welch t-tests with Holm's step-down adjusted p-values, and
 *   Bonferroni intervals (level 1 − α/m) as the simultaneous intervals.
 */
import { tQuantile, tTwoSidedP } from './distributions';
import type { GroupInput, GroupStats } from './groups';
import { prepareGroups } from './anova';
import { failure, type StatsResult, type StatsWarning } from './result';
import { studentizedRangeQuantile, studentizedRangeUpperP } from './studentized-range';

export type PairwiseMethod = 'games-howell' | 'holm-welch';

export interface PairwiseOptions {
  readonly method?: PairwiseMethod;
  /** Family-wise confidence level of the intervals; 0.95 by default. */
  readonly confidenceLevel?: number;
}

/** One pair's difference (A − B) and its multiplicity-adjusted p-value. */
export interface PairDifference {
  readonly meanDifference: number;
  readonly standardError: number;
  /** Games-Howell: q = |difference| / sqrt(se²/2); Holm-Welch: Welch's t. */
  readonly statistic: number;
  /** Welch-Satterthwaite degrees of freedom of the pair. */
  readonly df: number;
  /** Welch's two-sided p-value before adjustment. */
  readonly pUnadjusted: number;
  /** Family-wise p-value: Games-Howell's, or Holm-adjusted. */
  readonly p: number;
  readonly confidenceInterval: {
    readonly level: number;
    readonly lower: number;
    readonly upper: number;
  };
}

export interface PairComparison {
  /** Positions of the two groups in the input. */
  readonly indexA: number;
  readonly indexB: number;
  readonly labelA: string;
  readonly labelB: string;
  readonly result: StatsResult<PairDifference>;
}

export interface PairwiseComparisons {
  readonly method: PairwiseMethod;
  /** Number of groups in the family (groups with at least two respondents). */
  readonly familySize: number;
  readonly comparisons: readonly PairComparison[];
  readonly warnings: readonly StatsWarning[];
}

interface WelchPair {
  readonly difference: number;
  readonly standardError: number;
  readonly df: number;
}

function welchPair(a: GroupStats, b: GroupStats): StatsResult<WelchPair> {
  if (a.variance === null || b.variance === null) {
    const small = a.variance === null ? a : b;
    return failure('group_too_small', `${small.label} has ${small.n} respondent(s); need 2`);
  }
  const ua = a.variance / a.nInference;
  const ub = b.variance / b.nInference;
  if (ua + ub === 0) {
    return failure('zero_variance', `every answer in ${a.label} and ${b.label} is identical`);
  }
  const df =
    ((ua + ub) * (ua + ub)) / ((ua * ua) / (a.nInference - 1) + (ub * ub) / (b.nInference - 1));
  return { ok: true, difference: a.mean - b.mean, standardError: Math.sqrt(ua + ub), df };
}

/** Holm (1979) step-down adjustment of a family of p-values (order preserved). */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  for (const [rank, { p, i }] of order.entries()) {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  }
  return adjusted;
}

export function pairwiseComparisons(
  inputs: readonly GroupInput[],
  options: PairwiseOptions = {},
): StatsResult<PairwiseComparisons> {
  const prepared = prepareGroups(inputs);
  if (!prepared.ok) return prepared;
  const { groups, indices, warnings } = prepared;
  const method = options.method ?? 'games-howell';
  const level = options.confidenceLevel ?? 0.95;
  const familySize = groups.filter((group) => group.variance !== null).length;
  const pairs: { a: number; b: number; welch: StatsResult<WelchPair> }[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      pairs.push({ a, b, welch: welchPair(groups[a] as GroupStats, groups[b] as GroupStats) });
    }
  }
  const usable = pairs.filter((pair) => pair.welch.ok).length;
  const rawP = pairs.map(({ welch }) =>
    welch.ok ? tTwoSidedP(welch.difference / welch.standardError, welch.df) : NaN,
  );
  const holm = holmAdjust(rawP.filter((p) => !Number.isNaN(p)));
  let holmIndex = 0;
  // Critical values depend only on df (k and level are fixed): remember them within this call.
  const criticalByDf = new Map<number, number>();
  const comparisons = pairs.map(({ a, b, welch }, position): PairComparison => {
    const groupA = groups[a] as GroupStats;
    const groupB = groups[b] as GroupStats;
    const base = {
      indexA: indices[a] ?? a,
      indexB: indices[b] ?? b,
      labelA: groupA.label,
      labelB: groupB.label,
    };
    if (!welch.ok) return { ...base, result: welch };
    const pUnadjusted = rawP[position] ?? NaN;
    let statistic: number;
    let p: number;
    let margin: number;
    if (method === 'games-howell') {
      const standardErrorOfMeans = welch.standardError / Math.SQRT2;
      statistic = Math.abs(welch.difference) / standardErrorOfMeans;
      p = studentizedRangeUpperP(statistic, familySize, welch.df);
      let critical = criticalByDf.get(welch.df);
      if (critical === undefined) {
        critical = studentizedRangeQuantile(level, familySize, welch.df);
        criticalByDf.set(welch.df, critical);
      }
      margin = critical * standardErrorOfMeans;
    } else {
      statistic = welch.difference / welch.standardError;
      p = holm[holmIndex++] ?? NaN;
      margin = tQuantile(1 - (1 - level) / (2 * usable), welch.df) * welch.standardError;
    }
    return {
      ...base,
      result: {
        ok: true,
        meanDifference: welch.difference,
        standardError: welch.standardError,
        statistic,
        df: welch.df,
        pUnadjusted,
        p,
        confidenceInterval: {
          level,
          lower: welch.difference - margin,
          upper: welch.difference + margin,
        },
      },
    };
  });
  return { ok: true, method, familySize, comparisons, warnings };
}
