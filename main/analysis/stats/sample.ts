/**
 * One pass over a column of answers with optional weights: the moments every other statistic
 * builds on, and the single place where missing values and weights are interpreted.
 *
 * Weights:
 * - none: every respondent counts once; n for inference = number of answers.
 * - 'frequency' (default when weights are given): a weight of 3 means three identical
 *   respondents, so results equal those of the data with each row repeated w times; n for
 *   inference = Σw, variance = Σw(x − x̄)² / (Σw − 1).
 * - 'sampling' (design weights that correct representation): weights are rescaled to sum to the
 *   Kish effective sample size n_eff = (Σw)² / Σw² and then treated as frequency weights, so
 *   the mean is the weighted mean, the variance is Σw(x − x̄)²/Σw · n_eff/(n_eff − 1), and tests
 *   use n_eff (never the inflated Σw of weights that were not scaled to the sample).
 */
import { failure, type StatsFailure, type StatsResult } from './result';

/** Answers in respondent order; null, undefined or NaN marks a missing answer. */
export type Observations = ArrayLike<number | null | undefined>;

export type WeightKind = 'frequency' | 'sampling';

/** Optional respondent weights, parallel to the observations. */
export interface Weighting {
  readonly weights?: ArrayLike<number>;
  /** How weights are read; 'frequency' unless said otherwise. */
  readonly weightKind?: WeightKind;
}

/** Moments of one column of answers. */
export interface SampleSummary {
  /** Respondents with an answer and a positive weight (unweighted count). */
  readonly n: number;
  /** Respondents without an answer. */
  readonly missing: number;
  /** Respondents with an answer but weight 0: left out, reported so they are not lost. */
  readonly zeroWeight: number;
  /** Σw over the n respondents (equals n without weights). */
  readonly sumWeights: number;
  /** Kish effective sample size (Σw)²/Σw² (equals n without weights). */
  readonly nEffective: number;
  /** The n behind standard errors and tests: n, Σw (frequency) or n_eff (sampling). */
  readonly nInference: number;
  readonly mean: number;
  /** Σw(x − x̄)² with the raw weights. */
  readonly sumSquares: number;
  /** Sample variance with nInference − 1 in the denominator; null when nInference <= 1. */
  readonly variance: number | null;
  readonly min: number;
  readonly max: number;
}

export function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Validates weights; returns a failure, or null when they can be used. */
export function checkWeights(
  length: number,
  weighting: Weighting | undefined,
): StatsFailure | null {
  const weights = weighting?.weights;
  if (!weights) return null;
  if (weights.length !== length) {
    return failure('length_mismatch', `${weights.length} weights for ${length} respondents`);
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? NaN;
    if (!(w >= 0) || w === Infinity) {
      return failure('invalid_weight', `weight ${String(w)} at respondent ${i + 1}`);
    }
  }
  return null;
}

/** Scale that turns Σw into the n used for inference (1 for frequency weights). */
export function inferenceScale(
  sumWeights: number,
  sumSquaredWeights: number,
  weighting: Weighting | undefined,
): number {
  if (!weighting?.weights || weighting.weightKind !== 'sampling') return 1;
  return sumWeights / sumSquaredWeights; // n_eff / Σw
}

export function summarizeSample(
  values: Observations,
  weighting?: Weighting,
): StatsResult<SampleSummary> {
  const invalid = checkWeights(values.length, weighting);
  if (invalid) return invalid;
  const weights = weighting?.weights;
  let n = 0;
  let missing = 0;
  let zeroWeight = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  let weightedSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (isMissing(x)) {
      missing++;
      continue;
    }
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) {
      zeroWeight++;
      continue;
    }
    n++;
    sumWeights += w;
    sumSquaredWeights += w * w;
    weightedSum += w * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) return failure('no_data', 'no answers');
  const mean = weightedSum / sumWeights;
  // Second pass about the mean: no cancellation, unlike Σx² − n·x̄².
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (isMissing(x)) continue;
    const w = weights ? (weights[i] ?? 0) : 1;
    const d = x - mean;
    sumSquares += w * d * d;
  }
  const nEffective = (sumWeights * sumWeights) / sumSquaredWeights;
  const scale = inferenceScale(sumWeights, sumSquaredWeights, weighting);
  const nInference = weights ? sumWeights * scale : n;
  const variance = nInference > 1 ? (scale * sumSquares) / (nInference - 1) : null;
  return {
    ok: true,
    n,
    missing,
    zeroWeight,
    sumWeights,
    nEffective,
    nInference,
    mean,
    sumSquares,
    variance,
    min,
    max,
  };
}
