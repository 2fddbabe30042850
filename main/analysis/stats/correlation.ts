/**
 * Pearson correlations: one pair with its test and interval, or a whole matrix of items (the
 * input of driver analysis, regression and factor analysis).
 */
import { normalQuantile, tTwoSidedP } from './distributions';
import { checkColumns, completeCases, toColumn } from './columns';
import { failure, type StatsResult } from './result';
import { inferenceScale, type Observations, type Weighting } from './sample';

export interface PearsonOptions extends Weighting {
  /** Two-sided level of the Fisher-z interval; 0.95 by default. */
  readonly confidenceLevel?: number;
}

export interface PearsonCorrelation {
  readonly r: number;
  /** Respondents with both answers (and a positive weight). */
  readonly n: number;
  /** n, Σw (frequency weights) or Kish n_eff (sampling weights). */
  readonly nInference: number;
  /** t = r·sqrt(df / (1 − r²)) with df = nInference − 2. */
  readonly t: number;
  readonly df: number;
  /** Two-sided p-value of H0: ρ = 0. */
  readonly p: number;
  /** tanh(atanh(r) ± z/sqrt(nInference − 3)); needs more than three respondents. */
  readonly interval: StatsResult<{
    readonly level: number;
    readonly lower: number;
    readonly upper: number;
  }>;
}

interface PairSums {
  n: number;
  sumWeights: number;
  sumSquaredWeights: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/**
 * Centred sums over respondents with both answers, in one pass: values are shifted by a
 * provisional centre (the column mean) and corrected with Σw·dx·Σw·dy/Σw, which stays exact
 * to rounding when the shift is close to the pair's mean.
 */
function pairSums(
  x: Float64Array,
  y: Float64Array,
  weights: ArrayLike<number> | undefined,
  shiftX: number,
  shiftY: number,
): PairSums {
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] ?? NaN) - shiftX;
    const dy = (y[i] ?? NaN) - shiftY;
    if (Number.isNaN(dx) || Number.isNaN(dy)) continue;
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    n++;
    sw += w;
    sw2 += w * w;
    sx += w * dx;
    sy += w * dy;
    sxx += w * dx * dx;
    syy += w * dy * dy;
    sxy += w * dx * dy;
  }
  return {
    n,
    sumWeights: sw,
    sumSquaredWeights: sw2,
    sxx: sxx - (sx * sx) / sw,
    syy: syy - (sy * sy) / sw,
    sxy: sxy - (sx * sy) / sw,
  };
}

function columnMean(x: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] ?? NaN;
    if (Number.isNaN(value)) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/** Pearson's r between two answers, with its t-test and Fisher-z confidence interval. */
export function pearson(
  xValues: Observations,
  yValues: Observations,
  options: PearsonOptions = {},
): StatsResult<PearsonCorrelation> {
  const checked = checkColumns([xValues, yValues], options);
  if (!checked.ok) return checked;
  const x = toColumn(xValues);
  const y = toColumn(yValues);
  // Exact pair means first, so the centred sums of the second pass carry no cancellation.
  let meanX = 0;
  let meanY = 0;
  let sumWeights = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? NaN;
    const yi = y[i] ?? NaN;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    const w = options.weights ? (options.weights[i] ?? 0) : 1;
    sumWeights += w;
    meanX += w * xi;
    meanY += w * yi;
  }
  if (sumWeights === 0) return failure('no_data', 'no respondent answered both questions');
  meanX /= sumWeights;
  meanY /= sumWeights;
  const sums = pairSums(x, y, options.weights, meanX, meanY);
  return correlationTest(sums, options);
}

function correlationTest(sums: PairSums, options: PearsonOptions): StatsResult<PearsonCorrelation> {
  const nInference =
    options.weights === undefined
      ? sums.n
      : sums.sumWeights * inferenceScale(sums.sumWeights, sums.sumSquaredWeights, options);
  if (nInference < 3) {
    return failure('not_enough_data', `a correlation test needs 3 respondents, got ${sums.n}`);
  }
  if (sums.sxx <= 0 || sums.syy <= 0) {
    return failure('zero_variance', 'one of the two answers never varies');
  }
  const r = Math.max(-1, Math.min(1, sums.sxy / Math.sqrt(sums.sxx * sums.syy)));
  const df = nInference - 2;
  const perfect = Math.abs(r) === 1;
  const t = perfect ? Math.sign(r) * Infinity : r * Math.sqrt(df / (1 - r * r));
  const level = options.confidenceLevel ?? 0.95;
  let interval: PearsonCorrelation['interval'];
  if (nInference <= 3) {
    interval = failure('not_enough_data', 'a Fisher-z interval needs more than 3 respondents');
  } else if (perfect) {
    interval = { ok: true, level, lower: r, upper: r };
  } else {
    const margin = normalQuantile((1 + level) / 2) / Math.sqrt(nInference - 3);
    const z = Math.atanh(r);
    interval = { ok: true, level, lower: Math.tanh(z - margin), upper: Math.tanh(z + margin) };
  }
  return {
    ok: true,
    r,
    n: sums.n,
    nInference,
    t,
    df,
    p: perfect ? 0 : tTwoSidedP(t, df),
    interval,
  };
}

export interface CorrelationMatrixOptions extends Weighting {
  /**
   * 'pairwise' (default): each pair uses everyone who answered both items.
   * 'listwise': only respondents who answered every item (one consistent sample).
   */
  readonly missing?: 'pairwise' | 'listwise';
}

export interface CorrelationMatrix {
  /** r[i][j]; null where an item never varies among the respondents of that pair. */
  readonly r: readonly (readonly (number | null)[])[];
  /** Respondents behind each entry (unweighted). */
  readonly n: readonly (readonly number[])[];
  /** Items with no variance (their row and column are null). */
  readonly zeroVariance: readonly number[];
}

/** Pearson correlations between every pair of items. */
export function correlationMatrix(
  items: readonly Observations[],
  options: CorrelationMatrixOptions = {},
): StatsResult<CorrelationMatrix> {
  const checked = checkColumns(items, options);
  if (!checked.ok) return checked;
  const k = items.length;
  const columns = items.map(toColumn);
  const anyMissing = columns.some((column) => column.some(Number.isNaN));
  if (options.missing === 'listwise' || !anyMissing) return listwiseMatrix(items, options);
  const r = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const shifts = columns.map(columnMean);
  const zeroVariance = new Set<number>();
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const sums = pairSums(
        columns[a] as Float64Array,
        columns[b] as Float64Array,
        options.weights,
        shifts[a] ?? 0,
        shifts[b] ?? 0,
      );
      (n[a] as number[])[b] = sums.n;
      (n[b] as number[])[a] = sums.n;
      if (a === b) {
        if (!(sums.sxx > 0)) zeroVariance.add(a);
        continue;
      }
      const value =
        sums.sxx > 0 && sums.syy > 0
          ? Math.max(-1, Math.min(1, sums.sxy / Math.sqrt(sums.sxx * sums.syy)))
          : null;
      (r[a] as (number | null)[])[b] = value;
      (r[b] as (number | null)[])[a] = value;
    }
    if (!zeroVariance.has(a)) (r[a] as (number | null)[])[a] = 1;
  }
  return { ok: true, r, n, zeroVariance: [...zeroVariance] };
}

function listwiseMatrix(
  items: readonly Observations[],
  options: CorrelationMatrixOptions,
): StatsResult<CorrelationMatrix> {
  const complete = completeCases(items, options);
  if (!complete.ok) return complete;
  if (complete.nInference < 2) {
    return failure('not_enough_data', `${complete.n} respondent(s) answered every item`);
  }
  const k = items.length;
  const covariance = complete.covariance;
  const sd = covariance.map((row, j) => Math.sqrt(row[j] ?? 0));
  const zeroVariance = sd.flatMap((value, j) => (value > 0 ? [] : [j]));
  const r = covariance.map((row, a) =>
    Array.from(row, (value, b) => {
      const scale = (sd[a] ?? 0) * (sd[b] ?? 0);
      if (!(scale > 0)) return null;
      return a === b ? 1 : Math.max(-1, Math.min(1, value / scale));
    }),
  );
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(complete.n));
  return { ok: true, r, n, zeroVariance };
}
