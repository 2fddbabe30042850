/**
 * Net Promoter Score from 0-10 "how likely are you to recommend us" answers, with a confidence
 * interval so a change between waves can be judged against its noise.
 */
import { normalQuantile } from './distributions';
import { failure, type StatsResult } from './result';
import {
  checkWeights,
  inferenceScale,
  isMissing,
  type Observations,
  type Weighting,
} from './sample';

export interface NpsOptions extends Weighting {
  /** Two-sided confidence level of the interval; 0.95 by default. */
  readonly confidenceLevel?: number;
}

/** Wald interval of the NPS, in NPS points. */
export interface NpsInterval {
  readonly level: number;
  /** Standard error in NPS points. */
  readonly standardError: number;
  /** Clamped to [−100, 100]. */
  readonly lower: number;
  readonly upper: number;
}

/** Promoters (9-10), passives (7-8), detractors (0-6) and the NPS. */
export interface NetPromoterScore {
  readonly n: number;
  readonly nWeighted: number;
  /** The n behind the interval: n, Σw (frequency weights) or Kish n_eff (sampling weights). */
  readonly nInference: number;
  readonly missing: number;
  /** Unweighted counts. */
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Weighted shares between 0 and 1. */
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  /** 100 × (promoterShare − detractorShare), between −100 and 100. */
  readonly nps: number;
  /**
   * Var(p̂P − p̂D) = (pP + pD − (pP − pD)²)/n, the variance of a difference of two proportions
   * of one multinomial sample; unavailable below two respondents.
   */
  readonly interval: StatsResult<NpsInterval>;
}

export function netPromoterScore(
  scores: Observations,
  options: NpsOptions = {},
): StatsResult<NetPromoterScore> {
  const invalid = checkWeights(scores.length, options);
  if (invalid) return invalid;
  const weights = options.weights;
  let n = 0;
  let missing = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  const counts = [0, 0, 0];
  const weighted = [0, 0, 0];
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i];
    if (isMissing(x)) {
      missing++;
      continue;
    }
    if (!Number.isInteger(x) || x < 0 || x > 10) {
      return failure('invalid_value', `recommendation answer ${x} at respondent ${i + 1}`);
    }
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    const group = x >= 9 ? 0 : x >= 7 ? 1 : 2;
    n++;
    sumWeights += w;
    sumSquaredWeights += w * w;
    counts[group] = (counts[group] ?? 0) + 1;
    weighted[group] = (weighted[group] ?? 0) + w;
  }
  if (n === 0) return failure('no_data', 'no recommendation answers');
  const promoterShare = (weighted[0] ?? 0) / sumWeights;
  const passiveShare = (weighted[1] ?? 0) / sumWeights;
  const detractorShare = (weighted[2] ?? 0) / sumWeights;
  const nInference = weights
    ? sumWeights * inferenceScale(sumWeights, sumSquaredWeights, options)
    : n;
  const difference = promoterShare - detractorShare;
  const level = options.confidenceLevel ?? 0.95;
  let interval: StatsResult<NpsInterval>;
  if (nInference < 2) {
    interval = failure('not_enough_data', `an interval needs two respondents, got ${n}`);
  } else {
    const variance = Math.max(
      0,
      (promoterShare + detractorShare - difference * difference) / nInference,
    );
    const standardError = 100 * Math.sqrt(variance);
    const z = normalQuantile((1 + level) / 2);
    interval = {
      ok: true,
      level,
      standardError,
      lower: Math.max(-100, 100 * difference - z * standardError),
      upper: Math.min(100, 100 * difference + z * standardError),
    };
  }
  return {
    ok: true,
    n,
    nWeighted: sumWeights,
    nInference,
    missing,
    promoters: counts[0] ?? 0,
    passives: counts[1] ?? 0,
    detractors: counts[2] ?? 0,
    promoterShare,
    passiveShare,
    detractorShare,
    nps: 100 * difference,
    interval,
  };
}
