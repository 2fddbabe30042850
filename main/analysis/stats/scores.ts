/**
 * Score conversions the reports quote: 100-point scores, top-box and high-satisfaction shares,
 * and reverse coding of negatively worded items.
 */
import { failure, type StatsResult } from './result';
import { checkWeights, isMissing, type Observations, type Weighting } from './sample';

/**
 * 'ratio': mean / points × 100 (the source documents' intent; a 5-point scale's floor is 20).
 * 'range': (mean − 1) / (points − 1) × 100 (floor 0, ceiling 100).
 */
export type HundredPointMethod = 'ratio' | 'range';

function checkPoints(points: number): void {
  // A scale with fewer than two points is a programming error, not a data condition.
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`invalid scale: ${points}`);
}

/** Converts a mean on a 1..points scale to a 100-point score. */
export function toHundred(mean: number, points: number, method: HundredPointMethod): number {
  checkPoints(points);
  return method === 'ratio' ? (mean / points) * 100 : ((mean - 1) / (points - 1)) * 100;
}

/** Reverse-codes one answer on a 1..points scale: points + 1 − x (missing stays missing). */
export function reverseCode(value: number, points: number): number;
export function reverseCode(value: number | null | undefined, points: number): number | null;
export function reverseCode(value: number | null | undefined, points: number): number | null {
  checkPoints(points);
  return isMissing(value) ? null : points + 1 - value;
}

/** Share of respondents meeting a condition. */
export interface Share {
  /** Respondents with an answer (and a positive weight). */
  readonly n: number;
  /** Σw of those respondents. */
  readonly nWeighted: number;
  /** Respondents meeting the condition (unweighted). */
  readonly count: number;
  /** Σw of those respondents. */
  readonly weightedCount: number;
  /** weightedCount / nWeighted, between 0 and 1. */
  readonly share: number;
}

/**
 * Weighted share of answers that are >= threshold. Answers within 1e-9 (relative) below the
 * threshold count as reaching it: a converted score such as (4.6 − 1)/4 × 100 is
 * 89.99999999999999 in floating point and must still count as 90.
 */
export function shareAtLeast(
  values: Observations,
  threshold: number,
  weighting: Weighting = {},
): StatsResult<Share> {
  const invalid = checkWeights(values.length, weighting);
  if (invalid) return invalid;
  const weights = weighting.weights;
  const reach = threshold - 1e-9 * Math.max(1, Math.abs(threshold));
  let n = 0;
  let nWeighted = 0;
  let count = 0;
  let weightedCount = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (isMissing(x)) continue;
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    n++;
    nWeighted += w;
    if (x >= reach) {
      count++;
      weightedCount += w;
    }
  }
  if (n === 0) return failure('no_data', 'no answers');
  return { ok: true, n, nWeighted, count, weightedCount, share: weightedCount / nWeighted };
}

export interface TopBoxOptions extends Weighting {
  /** Scale length, e.g. 5 for a 1..5 Likert item. */
  readonly points: number;
  /** How many top categories count; 2 gives the top-2-box share (4 or 5 of 5). */
  readonly boxes?: number;
}

/** Share of answers in the top `boxes` categories of a 1..points scale. */
export function topBoxShare(values: Observations, options: TopBoxOptions): StatsResult<Share> {
  checkPoints(options.points);
  return shareAtLeast(values, options.points - (options.boxes ?? 2) + 1, options);
}

export interface HighSatisfactionOptions extends Weighting {
  /** 100-point score from which a respondent counts as highly satisfied; 90 by default. */
  readonly threshold?: number;
}

/** Share of respondents whose 100-point score is at least the threshold (default 90). */
export function highSatisfactionShare(
  scoresOutOfHundred: Observations,
  options: HighSatisfactionOptions = {},
): StatsResult<Share> {
  return shareAtLeast(scoresOutOfHundred, options.threshold ?? 90, options);
}
