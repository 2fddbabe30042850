/**
 * Items as typed columns: the layout the multivariate statistics (correlations, regression,
 * reliability, factor analysis) run over, so 100,000 respondents × 20 items stay fast.
 */
import { failure, type StatsResult } from './result';
import {
  checkWeights,
  inferenceScale,
  isMissing,
  type Observations,
  type Weighting,
} from './sample';

/** Copies answers into a Float64Array with NaN for missing ones. */
export function toColumn(values: Observations): Float64Array {
  if (values instanceof Float64Array) return values;
  const column = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    column[i] = isMissing(x) ? NaN : x;
  }
  return column;
}

/** Checks that every column (and the weights) covers the same respondents. */
export function checkColumns(
  columns: readonly Observations[],
  weighting: Weighting | undefined,
): StatsResult<{ length: number }> {
  const length = columns[0]?.length ?? 0;
  for (const [i, column] of columns.entries()) {
    if (column.length !== length) {
      return failure(
        'length_mismatch',
        `item ${i + 1} has ${column.length} answers, item 1 has ${length}`,
      );
    }
  }
  const invalid = checkWeights(length, weighting);
  return invalid ?? { ok: true, length };
}

/** Respondents who answered every item (listwise deletion), centred, with their covariances. */
export interface CompleteCases {
  /** Respondents kept (unweighted). */
  readonly n: number;
  /** Respondents left out because they missed at least one item (or had weight 0). */
  readonly excluded: number;
  readonly sumWeights: number;
  /** n for inference: n, Σw (frequency) or Kish n_eff (sampling weights). */
  readonly nInference: number;
  readonly means: Float64Array;
  /** k × k sample covariance matrix (nInference − 1 denominator). */
  readonly covariance: Float64Array[];
  /** Centred answers of the kept respondents, one Float64Array per item. */
  readonly centred: Float64Array[];
  /** Weights of the kept respondents; null without weights. */
  readonly weights: Float64Array | null;
}

export function completeCases(
  columns: readonly Observations[],
  weighting: Weighting = {},
): StatsResult<CompleteCases> {
  const checked = checkColumns(columns, weighting);
  if (!checked.ok) return checked;
  const typed = columns.map(toColumn);
  const k = typed.length;
  const length = checked.length;
  // Column by column (contiguous memory), mark respondents missing any item or weighted 0.
  const excludedRows = new Uint8Array(length);
  for (const column of typed) {
    for (let row = 0; row < length; row++)
      if (Number.isNaN(column[row] ?? NaN)) excludedRows[row] = 1;
  }
  const source = weighting.weights;
  if (source)
    for (let row = 0; row < length; row++) if ((source[row] ?? 0) === 0) excludedRows[row] = 1;
  let n = 0;
  for (let row = 0; row < length; row++) n += 1 - (excludedRows[row] ?? 0);
  if (n === 0) return failure('no_data', 'no respondent answered every item');
  const keep = new Int32Array(n);
  for (let row = 0, next = 0; row < length; row++) if (!excludedRows[row]) keep[next++] = row;
  // Copies of the kept rows: a plain slice when nobody is left out, else a gather.
  const gather = (values: ArrayLike<number>): Float64Array => {
    if (n === length) return new Float64Array(values);
    const kept = new Float64Array(n);
    for (let i = 0; i < n; i++) kept[i] = values[keep[i] ?? 0] ?? 0;
    return kept;
  };
  const weights = source ? gather(source) : null;
  let sumWeights = n;
  let sumSquaredWeights = n;
  if (weights) {
    sumWeights = 0;
    sumSquaredWeights = 0;
    for (const w of weights) {
      sumWeights += w;
      sumSquaredWeights += w * w;
    }
  }
  const scale = inferenceScale(sumWeights, sumSquaredWeights, weighting);
  const nInference = sumWeights * scale;
  const means = new Float64Array(k);
  const centred = typed.map((column, j) => {
    const kept = gather(column);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (weights ? (weights[i] ?? 0) : 1) * (kept[i] ?? 0);
    const mean = sum / sumWeights;
    means[j] = mean;
    for (let i = 0; i < n; i++) kept[i] = (kept[i] ?? 0) - mean;
    return kept;
  });
  const covariance = crossProducts(centred, weights).map((row) =>
    row.map((value) => (nInference > 1 ? (scale * value) / (nInference - 1) : NaN)),
  );
  return {
    ok: true,
    n,
    excluded: length - n,
    sumWeights,
    nInference,
    means,
    covariance,
    centred,
    weights,
  };
}

/** Σw·x_i·x_j for every pair of (already centred) columns. */
export function crossProducts(
  centred: readonly Float64Array[],
  weights: Float64Array | null,
): Float64Array[] {
  const k = centred.length;
  const result = Array.from({ length: k }, () => new Float64Array(k));
  for (let a = 0; a < k; a++) {
    const x = centred[a] ?? new Float64Array(0);
    // Pre-multiplying one side by the weights keeps the inner loop a plain dot product.
    let wx = x;
    if (weights) {
      wx = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) wx[i] = (weights[i] ?? 0) * (x[i] ?? 0);
    }
    for (let b = a; b < k; b++) {
      const y = centred[b] ?? new Float64Array(0);
      let sum = 0;
      for (let i = 0; i < y.length; i++) sum += (wx[i] ?? 0) * (y[i] ?? 0);
      (result[a] as Float64Array)[b] = sum;
      (result[b] as Float64Array)[a] = sum;
    }
  }
  return result;
}
