/**
 * Exploratory factor analysis of satisfaction items: which items move together, and how many
 * underlying factors they reflect (eigenvalues, loadings after varimax, communalities).
 *
 * Extraction, chosen by `extraction`:
 * - 'principal-components' (default): loadings = eigenvectors of the correlation matrix R
 *   scaled by sqrt(eigenvalue); deterministic and what most survey reports call factor analysis.
 * - 'principal-axis': common-factor extraction; the diagonal of R is replaced by communality
 *   estimates (squared multiple correlations to start, or given ones) and the eigen
 *   decomposition repeated until the communalities stop changing (maxIterations 0 = one step
 *   with the initial estimates, the classic "principal factors" solution).
 * Loadings are sign-normalised (each factor's loadings sum to a positive number) and factors
 * ordered by variance explained, so results are stable across runs and platforms.
 */
import { chiSquareUpperP } from './distributions';
import { correlationMatrix } from './correlation';
import { inverseFromEigen, symmetricEigen, type SquareMatrix } from './linear-algebra';
import { failure, type StatsResult, type StatsWarning } from './result';
import { varimax } from './rotation';
import type { Observations, Weighting } from './sample';

export type Extraction = 'principal-components' | 'principal-axis';

export interface FactorOptions {
  /** Number of factors; by default Kaiser's rule (eigenvalues of R above 1). */
  readonly nFactors?: number;
  readonly extraction?: Extraction;
  readonly rotation?: 'varimax' | 'none';
  /** Principal-axis only: starting communalities; squared multiple correlations by default. */
  readonly initialCommunalities?: readonly number[];
  /** Principal-axis only: iteration limit (default 1000; 0 = one step, no iteration). */
  readonly maxIterations?: number;
  /** Item names for results; "item 1"... otherwise. */
  readonly names?: readonly string[];
}

export interface DataFactorOptions extends FactorOptions, Weighting {
  /** 'listwise' (default) keeps one consistent sample; 'pairwise' uses all answers per pair. */
  readonly missing?: 'listwise' | 'pairwise';
}

export interface FactorSummary {
  /** Sum of squared loadings on this factor. */
  readonly ssLoadings: number;
  /** ssLoadings / number of items. */
  readonly proportion: number;
  readonly cumulative: number;
}

export interface FactorAnalysis {
  readonly extraction: Extraction;
  readonly rotation: 'varimax' | 'none';
  readonly names: readonly string[];
  /** Eigenvalues of the correlation matrix, descending. */
  readonly eigenvalues: readonly number[];
  /** Principal-axis: eigenvalues of the final reduced matrix (R with communalities on the diagonal). */
  readonly reducedEigenvalues: readonly number[] | null;
  /** Factors by Kaiser's rule, whether or not nFactors was given. */
  readonly kaiserFactors: number;
  readonly nFactors: number;
  /** p × m loadings before rotation (sign-normalised). */
  readonly unrotatedLoadings: readonly (readonly number[])[];
  /** p × m loadings after rotation = unrotatedLoadings · rotationMatrix. */
  readonly loadings: readonly (readonly number[])[];
  /** m × m orthogonal matrix. */
  readonly rotationMatrix: readonly (readonly number[])[];
  /** Row sums of squared loadings (unchanged by an orthogonal rotation). */
  readonly communalities: readonly number[];
  readonly uniquenesses: readonly number[];
  /** Per factor after rotation. */
  readonly factors: readonly FactorSummary[];
  /** Varimax criterion of the Kaiser-normalised loadings before and after rotation. */
  readonly varimaxCriterion: { readonly unrotated: number; readonly rotated: number };
  /** Principal-axis iterations (0 for components). */
  readonly iterations: number;
  /** Bartlett's test that R is an identity matrix; null without n or when det R <= 0. */
  readonly bartlett: { readonly chiSquare: number; readonly df: number; readonly p: number } | null;
  readonly warnings: readonly StatsWarning[];
}

const MAX_ITERATIONS = 1000;
const COMMUNALITY_TOLERANCE = 1e-10;
/** Smallest eigenvalue of R below which it is taken as not positive semi-definite. */
const NEGATIVE_EIGENVALUE = -1e-10;

/** Factor analysis of items given as columns of answers (one array per item). */
export function exploratoryFactorAnalysis(
  items: readonly Observations[],
  options: DataFactorOptions = {},
): StatsResult<FactorAnalysis> {
  const matrix = correlationMatrix(items, { ...options, missing: options.missing ?? 'listwise' });
  if (!matrix.ok) return matrix;
  const names = items.map((_, i) => options.names?.[i] ?? `item ${i + 1}`);
  if (matrix.zeroVariance.length > 0) {
    const constant = matrix.zeroVariance.map((i) => names[i]).join(', ');
    return failure('zero_variance', `item(s) that never vary: ${constant}`);
  }
  const r = matrix.r.map((row) => row.map((value) => value ?? 0));
  const n = Math.min(...matrix.n.flat());
  return factorAnalysisOfCorrelations(r, n, { ...options, names });
}

/** Factor analysis of a correlation matrix (e.g. a published one), with n for Bartlett's test. */
export function factorAnalysisOfCorrelations(
  correlations: SquareMatrix,
  n: number | null,
  options: FactorOptions = {},
): StatsResult<FactorAnalysis> {
  const p = correlations.length;
  const names = correlations.map((_, i) => options.names?.[i] ?? `item ${i + 1}`);
  if (p < 2) return failure('not_enough_data', `factor analysis needs two items, got ${p}`);
  const eigen = symmetricEigen(correlations);
  if ((eigen.values[p - 1] ?? 0) < NEGATIVE_EIGENVALUE) {
    return failure('not_positive_definite', 'the correlation matrix has a negative eigenvalue');
  }
  const kaiserFactors = eigen.values.filter((value) => value > 1).length;
  const nFactors = options.nFactors ?? Math.max(1, kaiserFactors);
  if (!Number.isInteger(nFactors) || nFactors < 1 || nFactors > p) {
    return failure('not_enough_data', `cannot extract ${nFactors} factors from ${p} items`);
  }
  const extraction = options.extraction ?? 'principal-components';
  const warnings: StatsWarning[] = [];
  let unrotated: number[][];
  let reducedEigenvalues: number[] | null = null;
  let iterations = 0;
  if (extraction === 'principal-components') {
    unrotated = loadingsFrom(eigen, nFactors);
  } else {
    const axis = principalAxis(correlations, eigen, nFactors, options);
    if (!axis.ok) return axis;
    unrotated = axis.loadings;
    reducedEigenvalues = axis.reducedEigenvalues;
    iterations = axis.iterations;
    if (!axis.converged) {
      warnings.push({
        code: 'not_converged',
        detail: `communalities still changing after ${iterations} iterations`,
      });
    }
  }
  unrotated = normaliseSigns(unrotated);
  const rotation = options.rotation ?? 'varimax';
  const rotated =
    rotation === 'varimax'
      ? varimax(unrotated)
      : {
          loadings: unrotated,
          rotation: identity(nFactors),
          criterionBefore: NaN,
          criterionAfter: NaN,
        };
  if ('converged' in rotated && !rotated.converged) {
    warnings.push({
      code: 'not_converged',
      detail: 'varimax still improving after 1000 iterations',
    });
  }
  const { loadings, rotationMatrix } = orderFactors(rotated.loadings, rotated.rotation);
  const communalities = loadings.map((row) => row.reduce((sum, value) => sum + value * value, 0));
  for (const [i, communality] of communalities.entries()) {
    if (communality >= 1 - 1e-9 && extraction === 'principal-axis') {
      warnings.push({
        code: 'heywood_case',
        detail: `${names[i]}: communality ${communality.toFixed(3)}`,
      });
    }
  }
  let cumulative = 0;
  const factors = Array.from({ length: nFactors }, (_, j): FactorSummary => {
    const ssLoadings = loadings.reduce((sum, row) => sum + (row[j] ?? 0) ** 2, 0);
    cumulative += ssLoadings / p;
    return { ssLoadings, proportion: ssLoadings / p, cumulative };
  });
  return {
    ok: true,
    extraction,
    rotation,
    names,
    eigenvalues: eigen.values,
    reducedEigenvalues,
    kaiserFactors,
    nFactors,
    unrotatedLoadings: unrotated,
    loadings,
    rotationMatrix,
    communalities,
    uniquenesses: communalities.map((h2) => 1 - h2),
    factors,
    varimaxCriterion: { unrotated: rotated.criterionBefore, rotated: rotated.criterionAfter },
    iterations,
    bartlett: bartlettSphericity(eigen.values, n),
    warnings,
  };
}

function identity(size: number): number[][] {
  return Array.from({ length: size }, (_, a) =>
    Array.from({ length: size }, (__, b) => (a === b ? 1 : 0)),
  );
}

function loadingsFrom(eigen: { values: number[]; vectors: number[][] }, m: number): number[][] {
  return eigen.vectors.map((row) =>
    Array.from(
      { length: m },
      (_, j) => (row[j] ?? 0) * Math.sqrt(Math.max(0, eigen.values[j] ?? 0)),
    ),
  );
}

interface AxisSolution {
  loadings: number[][];
  reducedEigenvalues: number[];
  iterations: number;
  converged: boolean;
}

function principalAxis(
  correlations: SquareMatrix,
  eigen: { values: number[]; vectors: number[][] },
  m: number,
  options: FactorOptions,
): StatsResult<AxisSolution> {
  const p = correlations.length;
  let communalities: number[];
  if (options.initialCommunalities) {
    if (options.initialCommunalities.length !== p) {
      return failure(
        'length_mismatch',
        `${options.initialCommunalities.length} communalities for ${p} items`,
      );
    }
    communalities = [...options.initialCommunalities];
  } else if ((eigen.values[p - 1] ?? 0) > 1e-12) {
    // Squared multiple correlation of each item with all others: 1 − 1/[R⁻¹]_ii.
    const inverse = inverseFromEigen(eigen);
    communalities = inverse.map((row, i) => 1 - 1 / (row[i] ?? 1));
  } else {
    // Singular R has no inverse: start from each item's largest absolute correlation instead.
    communalities = correlations.map((row, i) =>
      Math.max(...row.map((value, j) => (i === j ? 0 : Math.abs(value)))),
    );
  }
  const maxIterations = options.maxIterations ?? MAX_ITERATIONS;
  let iterations = 0;
  let converged = maxIterations === 0;
  for (;;) {
    const reduced = correlations.map((row, i) =>
      row.map((value, j) => (i === j ? (communalities[i] ?? 0) : value)),
    );
    const reducedEigen = symmetricEigen(reduced);
    const loadings = loadingsFrom(reducedEigen, m);
    if (iterations >= maxIterations || converged) {
      return { ok: true, loadings, reducedEigenvalues: reducedEigen.values, iterations, converged };
    }
    const next = loadings.map((row) => row.reduce((sum, value) => sum + value * value, 0));
    const change = Math.max(...next.map((value, i) => Math.abs(value - (communalities[i] ?? 0))));
    communalities = next;
    iterations++;
    converged = change < COMMUNALITY_TOLERANCE;
  }
}

/**
 * +1 or −1 so that a factor's loadings sum to a positive number; when they sum to zero (a
 * bipolar factor such as "block A versus block B"), so that its first non-negligible loading is
 * positive. Eigenvector signs are arbitrary, so without this results could flip between runs.
 */
function factorSign(loadings: readonly (readonly number[])[], j: number): number {
  const column = loadings.map((row) => row[j] ?? 0);
  const sum = column.reduce((total, value) => total + value, 0);
  const scale = column.reduce((total, value) => total + Math.abs(value), 0);
  if (Math.abs(sum) > 1e-9 * scale) return sum < 0 ? -1 : 1;
  const first = column.find((value) => Math.abs(value) > 1e-9 * scale) ?? 0;
  return first < 0 ? -1 : 1;
}

function normaliseSigns(loadings: number[][]): number[][] {
  const m = loadings[0]?.length ?? 0;
  const signs = Array.from({ length: m }, (_, j) => factorSign(loadings, j));
  return loadings.map((row) => row.map((value, j) => value * (signs[j] ?? 1)));
}

/**
 * Orders rotated factors by variance explained (ties: the factor that the earliest item loads
 * on most comes first) and applies the sign rule of factorSign; the rotation matrix's
 * columns follow so that loadings = unrotated · rotation still holds.
 */
function orderFactors(
  loadings: number[][],
  rotation: number[][],
): { loadings: number[][]; rotationMatrix: number[][] } {
  const m = loadings[0]?.length ?? 0;
  const ss = Array.from({ length: m }, (_, j) =>
    loadings.reduce((sum, row) => sum + (row[j] ?? 0) ** 2, 0),
  );
  const firstItem = Array.from({ length: m }, (_, j) => {
    const index = loadings.findIndex((row) => {
      const largest = Math.max(...row.map(Math.abs));
      return Math.abs(row[j] ?? 0) === largest;
    });
    return index < 0 ? Infinity : index;
  });
  const order = Array.from({ length: m }, (_, j) => j).sort((a, b) => {
    const difference = (ss[b] ?? 0) - (ss[a] ?? 0);
    if (Math.abs(difference) > 1e-9 * Math.max(ss[a] ?? 0, ss[b] ?? 0)) return difference;
    return (firstItem[a] ?? 0) - (firstItem[b] ?? 0);
  });
  const signs = order.map((j) => factorSign(loadings, j));
  return {
    loadings: loadings.map((row) =>
      order.map((j, position) => (row[j] ?? 0) * (signs[position] ?? 1)),
    ),
    rotationMatrix: rotation.map((row) =>
      order.map((j, position) => (row[j] ?? 0) * (signs[position] ?? 1)),
    ),
  };
}

/** χ² = −(n − 1 − (2p + 5)/6)·ln det R with p(p − 1)/2 df (Bartlett 1950). */
function bartlettSphericity(
  eigenvalues: readonly number[],
  n: number | null,
): FactorAnalysis['bartlett'] {
  const p = eigenvalues.length;
  if (n === null || eigenvalues.some((value) => !(value > 0))) return null;
  const logDeterminant = eigenvalues.reduce((sum, value) => sum + Math.log(value), 0);
  const chiSquare = -(n - 1 - (2 * p + 5) / 6) * logDeterminant;
  const df = (p * (p - 1)) / 2;
  return { chiSquare, df, p: chiSquareUpperP(chiSquare, df) };
}
