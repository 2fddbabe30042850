/**
 * Varimax rotation (Kaiser 1958) with Kaiser normalisation, by the SVD iteration R's
 * stats::varimax also uses: with A the row-normalised loadings and T the current rotation,
 * B = Aᵀ·(Z³ − Z·diag(ΣZ²)/p) for Z = A·T, and the next T is the polar factor U·Vᵀ of B; the
 * sum of B's singular values never decreases and the loop stops when it no longer grows.
 */
import { multiply, polarFactor } from './linear-algebra';

export interface VarimaxResult {
  /** p × m rotated loadings (= loadings · rotation). */
  readonly loadings: number[][];
  /** m × m orthogonal rotation matrix. */
  readonly rotation: number[][];
  /** Varimax criterion of the Kaiser-normalised loadings before and after rotation. */
  readonly criterionBefore: number;
  readonly criterionAfter: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_ITERATIONS = 1000;
const RELATIVE_TOLERANCE = 1e-12;

/**
 * Σ_j [ (1/p)·Σ_i a_ij⁴ − ((1/p)·Σ_i a_ij²)² ]: the spread of squared (normalised) loadings
 * in each column, which varimax maximises.
 */
export function varimaxCriterion(loadings: readonly (readonly number[])[]): number {
  const p = loadings.length;
  const m = loadings[0]?.length ?? 0;
  let total = 0;
  for (let j = 0; j < m; j++) {
    let squares = 0;
    let fourths = 0;
    for (const row of loadings) {
      const square = (row[j] ?? 0) ** 2;
      squares += square;
      fourths += square * square;
    }
    total += fourths / p - (squares / p) ** 2;
  }
  return total;
}

function identity(size: number): number[][] {
  return Array.from({ length: size }, (_, a) =>
    Array.from({ length: size }, (__, b) => (a === b ? 1 : 0)),
  );
}

export function varimax(loadings: readonly (readonly number[])[]): VarimaxResult {
  const p = loadings.length;
  const m = loadings[0]?.length ?? 0;
  // Kaiser normalisation: rows scaled to unit length so every item weighs the same.
  const norms = loadings.map((row) =>
    Math.sqrt(row.reduce((sum, value) => sum + value * value, 0)),
  );
  const normalised = loadings.map((row, i) =>
    row.map((value) => ((norms[i] ?? 0) > 0 ? value / (norms[i] ?? 1) : 0)),
  );
  const criterionBefore = varimaxCriterion(normalised);
  if (m < 2) {
    return {
      loadings: loadings.map((row) => [...row]),
      rotation: identity(m),
      criterionBefore,
      criterionAfter: criterionBefore,
      iterations: 0,
      converged: true,
    };
  }
  const transposed = Array.from({ length: m }, (_, j) => normalised.map((row) => row[j] ?? 0));
  let rotation = identity(m);
  let previous = 0;
  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const z = multiply(normalised, rotation);
    const columnSquares = Array.from({ length: m }, (_, j) =>
      z.reduce((sum, row) => sum + (row[j] ?? 0) ** 2, 0),
    );
    const target = z.map((row) =>
      row.map((value, j) => value ** 3 - (value * (columnSquares[j] ?? 0)) / p),
    );
    const polar = polarFactor(multiply(transposed, target));
    rotation = polar.orthogonal;
    if (polar.traceNorm < previous * (1 + RELATIVE_TOLERANCE)) {
      converged = true;
      break;
    }
    previous = polar.traceNorm;
  }
  const rotatedNormalised = multiply(normalised, rotation);
  return {
    loadings: rotatedNormalised.map((row, i) => row.map((value) => value * (norms[i] ?? 0))),
    rotation,
    criterionBefore,
    criterionAfter: varimaxCriterion(rotatedNormalised),
    iterations: iterations + 1,
    converged,
  };
}
