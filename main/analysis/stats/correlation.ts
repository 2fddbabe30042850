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
 * Centred sums over respondents with both answers, in one pass. `x` and `y` come already
 * shifted by a provisional centre (the column mean; NaN = missing) and the sums are corrected
 * with Σw·dx·Σw·dy/Σw, which stays exact to rounding when the shift is close to the pair's
 * mean. Monomorphic on Float64Arrays (weights of 1 when unweighted) because this loop runs
 * k(k+1)/2 times over every respondent.
 */
function pairSums(x: Float64Array, y: Float64Array, weights: Float64Array): PairSums {
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  const length = x.length;
  for (let i = 0; i < length; i++) {
    const dx = x[i] ?? NaN;
    const dy = y[i] ?? NaN;
    const w = weights[i] ?? 0;
    // NaN !== NaN: skips respondents missing either answer; weight 0 leaves them out too.
    if (dx !== dx || dy !== dy || w === 0) continue;
    const wx = w * dx;
    const wy = w * dy;
    n++;
    sw += w;
    sw2 += w * w;
    sx += wx;
    sy += wy;
    sxx += wx * dx;
    syy += wy * dy;
    sxy += wx * dy;
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

/** The column minus `shift` (NaN stays NaN). */
function shifted(x: Float64Array, shift: number): Float64Array {
  const result = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) result[i] = (x[i] ?? NaN) - shift;
  return result;
}

/** Weights as a Float64Array: the given ones, or all 1. */
function weightColumn(length: number, weights: ArrayLike<number> | undefined): Float64Array {
  return weights ? new Float64Array(weights) : new Float64Array(length).fill(1);
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
  const weights = weightColumn(x.length, options.weights);
  const sums = pairSums(shifted(x, meanX), shifted(y, meanY), weights);
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

/**
 * One item prepared for pairwise sums when answers are missing here and there: values shifted
 * by the item's mean and zero-filled where missing (so Σw·x·y over the respondents who answered
 * both items is a plain dot product over everyone), the item's own totals, and the rows it is
 * missing. The sums of one item over a pair's respondents are then its totals minus the few
 * rows where the other item is missing: k(k+1)/2 tight dot products plus sparse corrections,
 * instead of k(k+1)/2 passes with eight accumulators and a branch per respondent.
 */
interface SparseColumn {
  /** x − mean where answered (and weight > 0), 0 elsewhere. */
  readonly filled: Float64Array;
  /** w·filled */
  readonly weighted: Float64Array;
  /** true where answered with weight > 0 */
  readonly present: Uint8Array;
  /** Rows not present, ascending. */
  readonly absentRows: Int32Array;
  readonly weights: Float64Array;
  readonly n: number;
  readonly sw: number;
  readonly sw2: number;
  readonly sx: number;
  readonly sxx: number;
}

function sparseColumn(column: Float64Array, weights: Float64Array): SparseColumn {
  const length = column.length;
  const present = new Uint8Array(length);
  let count = 0;
  let total = 0;
  for (let i = 0; i < length; i++) {
    const value = column[i] ?? NaN;
    if (value === value && (weights[i] ?? 0) !== 0) {
      present[i] = 1;
      count++;
      total += value;
    }
  }
  const shift = count > 0 ? total / count : 0;
  const filled = new Float64Array(length);
  const weighted = new Float64Array(length);
  const absentRows = new Int32Array(length - count);
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  let sxx = 0;
  for (let i = 0, absent = 0; i < length; i++) {
    if (!present[i]) {
      absentRows[absent++] = i;
      continue;
    }
    const w = weights[i] ?? 0;
    const d = (column[i] ?? 0) - shift;
    filled[i] = d;
    weighted[i] = w * d;
    sw += w;
    sw2 += w * w;
    sx += w * d;
    sxx += w * d * d;
  }
  return { filled, weighted, present, absentRows, weights, n: count, sw, sw2, sx, sxx };
}

/** Sums of x over the rows where y is absent (and x present): what the pair must leave out. */
function leftOut(x: SparseColumn, y: SparseColumn) {
  let n = 0;
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  let sxx = 0;
  for (const row of y.absentRows) {
    if (!x.present[row]) continue;
    const w = x.weights[row] ?? 0;
    const d = x.filled[row] ?? 0;
    n++;
    sw += w;
    sw2 += w * w;
    sx += w * d;
    sxx += w * d * d;
  }
  return { n, sw, sw2, sx, sxx };
}

function pairFromSparse(x: SparseColumn, y: SparseColumn): PairSums {
  const xOut = leftOut(x, y);
  const yOut = leftOut(y, x);
  const weighted = x.weighted;
  const other = y.filled;
  let sxy = 0;
  for (let i = 0; i < weighted.length; i++) sxy += (weighted[i] ?? 0) * (other[i] ?? 0);
  const sw = x.sw - xOut.sw;
  const sx = x.sx - xOut.sx;
  const sy = y.sx - yOut.sx;
  return {
    n: x.n - xOut.n,
    sumWeights: sw,
    sumSquaredWeights: x.sw2 - xOut.sw2,
    sxx: x.sxx - xOut.sxx - (sx * sx) / sw,
    syy: y.sxx - yOut.sxx - (sy * sy) / sw,
    sxy: sxy - (sx * sy) / sw,
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
  const anyMissing = columns.some((column) => {
    for (let i = 0; i < column.length; i++) if (Number.isNaN(column[i] ?? NaN)) return true;
    return false;
  });
  if (options.missing === 'listwise' || !anyMissing) return listwiseMatrix(items, options);
  const r = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const weights = weightColumn(checked.length, options.weights);
  const sparse = columns.map((column) => sparseColumn(column, weights));
  const zeroVariance = new Set<number>();
  for (let a = 0; a < k; a++) {
    const x = sparse[a] as SparseColumn;
    const own = pairFromSparse(x, x);
    (n[a] as number[])[a] = own.n;
    if (!(own.sxx > 0)) zeroVariance.add(a);
    else (r[a] as (number | null)[])[a] = 1;
    for (let b = a + 1; b < k; b++) {
      const sums = pairFromSparse(x, sparse[b] as SparseColumn);
      (n[a] as number[])[b] = sums.n;
      (n[b] as number[])[a] = sums.n;
      const value =
        sums.sxx > 0 && sums.syy > 0
          ? Math.max(-1, Math.min(1, sums.sxy / Math.sqrt(sums.sxx * sums.syy)))
          : null;
      (r[a] as (number | null)[])[b] = value;
      (r[b] as (number | null)[])[a] = value;
    }
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
