/**
 * Internal consistency of a dimension's items: Cronbach's alpha, alpha if an item is deleted,
 * and corrected item-total correlations (is an item measuring the same thing as the others?).
 */
import { completeCases } from './columns';
import { failure, type StatsResult } from './result';
import type { Observations, Weighting } from './sample';

export interface ReliabilityOptions extends Weighting {
  /** Item names for results; "item 1", "item 2"... otherwise. */
  readonly names?: readonly string[];
}

export interface ItemReliability {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  /** Correlation of the item with the sum of the other items; null when the item never varies. */
  readonly correctedItemTotal: number | null;
  /** Alpha of the remaining items; null when fewer than two would remain. */
  readonly alphaIfDeleted: number | null;
}

export interface CronbachAlpha {
  /** k/(k − 1) · (1 − Σ item variances / variance of the total). */
  readonly alpha: number;
  /** From the mean inter-item correlation r̄: k·r̄ / (1 + (k − 1)·r̄). */
  readonly standardizedAlpha: number;
  readonly k: number;
  /** Respondents who answered every item (listwise). */
  readonly n: number;
  readonly excluded: number;
  readonly items: readonly ItemReliability[];
}

function alphaOf(k: number, sumItemVariances: number, totalVariance: number): number {
  return (k / (k - 1)) * (1 - sumItemVariances / totalVariance);
}

/**
 * Everything follows from the items' covariance matrix C (respondents with every item):
 * var(total) = ΣΣC, var(total − item i) = ΣΣC − 2·Σ_j C_ij + C_ii and
 * cov(item i, total − item i) = Σ_j C_ij − C_ii.
 */
export function cronbachAlpha(
  items: readonly Observations[],
  options: ReliabilityOptions = {},
): StatsResult<CronbachAlpha> {
  const k = items.length;
  if (k < 2) return failure('not_enough_data', `alpha needs two items, got ${k}`);
  const complete = completeCases(items, options);
  if (!complete.ok) return complete;
  if (complete.nInference < 2) {
    return failure('not_enough_data', `${complete.n} respondent(s) answered every item`);
  }
  const c = complete.covariance;
  const rowSums = c.map((row) => row.reduce((sum, value) => sum + value, 0));
  const total = rowSums.reduce((sum, value) => sum + value, 0);
  const variances = c.map((row, i) => row[i] ?? 0);
  const sumVariances = variances.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) return failure('zero_variance', 'the total score never varies');
  let correlationSum = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const scale = Math.sqrt((variances[a] ?? 0) * (variances[b] ?? 0));
      if (scale > 0) {
        correlationSum += (c[a]?.[b] ?? 0) / scale;
        pairs++;
      }
    }
  }
  const meanCorrelation = pairs > 0 ? correlationSum / pairs : NaN;
  const itemResults = variances.map((variance, i): ItemReliability => {
    const restVariance = total - 2 * (rowSums[i] ?? 0) + variance;
    const covarianceWithRest = (rowSums[i] ?? 0) - variance;
    const scale = Math.sqrt(variance * restVariance);
    return {
      name: options.names?.[i] ?? `item ${i + 1}`,
      mean: complete.means[i] ?? NaN,
      sd: Math.sqrt(variance),
      correctedItemTotal: scale > 0 ? covarianceWithRest / scale : null,
      alphaIfDeleted:
        k > 2 && restVariance > 0 ? alphaOf(k - 1, sumVariances - variance, restVariance) : null,
    };
  });
  return {
    ok: true,
    alpha: alphaOf(k, sumVariances, total),
    standardizedAlpha: (k * meanCorrelation) / (1 + (k - 1) * meanCorrelation),
    k,
    n: complete.n,
    excluded: complete.excluded,
    items: itemResults,
  };
}
