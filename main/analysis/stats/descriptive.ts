/**
 * Per-item and per-dimension description: n, mean, standard deviation, median, range and the
 * distribution of answers (the bar chart under every item in the report).
 */
import { failure, type StatsResult } from './result';
import { isMissing, summarizeSample, type Observations, type Weighting } from './sample';

/** How often one answer value was given. */
export interface DistributionCount {
  readonly value: number;
  /** Respondents who gave this value (unweighted). */
  readonly count: number;
  /** Σw of those respondents (equals count without weights). */
  readonly weightedCount: number;
  /** weightedCount / Σw over all answers. */
  readonly share: number;
}

/** Standard deviation and friends; unavailable with fewer than two respondents. */
export interface Spread {
  /** Sample standard deviation (n − 1 denominator; weights: see sample.ts). */
  readonly sd: number;
  readonly variance: number;
  /** sd / sqrt(n for inference). */
  readonly standardError: number;
}

/** Description of one item or dimension score. */
export interface Descriptive {
  /** Respondents with an answer (and a positive weight). */
  readonly n: number;
  /** Σw of those respondents (equals n without weights). */
  readonly nWeighted: number;
  /** Kish effective sample size (equals n without weights). */
  readonly nEffective: number;
  readonly missing: number;
  readonly zeroWeight: number;
  readonly mean: number;
  /** Weighted median; halfway between the two middle values when they split the weight evenly. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly spread: StatsResult<Spread>;
  /** Every observed value (plus any `categories` asked for), ascending. */
  readonly distribution: readonly DistributionCount[];
}

export interface DescriptiveOptions extends Weighting {
  /** Answer values to list even when nobody chose them, e.g. [1, 2, 3, 4, 5]. */
  readonly categories?: readonly number[];
}

export function descriptive(
  values: Observations,
  options: DescriptiveOptions = {},
): StatsResult<Descriptive> {
  const summary = summarizeSample(values, options);
  if (!summary.ok) return summary;
  const counts = new Map<number, { count: number; weight: number }>();
  for (const category of options.categories ?? []) counts.set(category, { count: 0, weight: 0 });
  const weights = options.weights;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (isMissing(x)) continue;
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    const entry = counts.get(x);
    if (entry) {
      entry.count++;
      entry.weight += w;
    } else counts.set(x, { count: 1, weight: w });
  }
  const ordered = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const distribution = ordered.map(([value, entry]) => ({
    value,
    count: entry.count,
    weightedCount: entry.weight,
    share: entry.weight / summary.sumWeights,
  }));
  const spread: StatsResult<Spread> =
    summary.variance === null
      ? failure('not_enough_data', `a standard deviation needs two respondents, got ${summary.n}`)
      : {
          ok: true,
          sd: Math.sqrt(summary.variance),
          variance: summary.variance,
          standardError: Math.sqrt(summary.variance / summary.nInference),
        };
  return {
    ok: true,
    n: summary.n,
    nWeighted: summary.sumWeights,
    nEffective: summary.nEffective,
    missing: summary.missing,
    zeroWeight: summary.zeroWeight,
    mean: summary.mean,
    median: weightedMedian(distribution, summary.sumWeights),
    min: summary.min,
    max: summary.max,
    spread,
    distribution,
  };
}

/**
 * The value where the cumulative weight reaches half the total; when it lands exactly on half,
 * the midpoint of that value and the next one. With integer frequency weights this is the
 * ordinary median of the data with rows repeated.
 */
function weightedMedian(distribution: readonly DistributionCount[], total: number): number {
  const half = total / 2;
  let cumulative = 0;
  const observed = distribution.filter((entry) => entry.count > 0);
  for (let i = 0; i < observed.length; i++) {
    const entry = observed[i];
    if (!entry) break;
    cumulative += entry.weightedCount;
    // Relative tolerance so fractional weights that sum to exactly half are recognised.
    if (Math.abs(cumulative - half) <= 1e-12 * total) {
      const next = observed[i + 1];
      return next ? (entry.value + next.value) / 2 : entry.value;
    }
    if (cumulative > half) return entry.value;
  }
  return observed[observed.length - 1]?.value ?? NaN;
}
