/**
 * Varimax rotation (Kaiser 1958) with Kaiser normalisation, by Kaiser's pairwise algorithm:
 * every pair of factors is rotated in its plane by the angle φ that maximises the criterion
 * for that pair, tan 4φ = (D − 2AB/p) / (C − (A² − B²)/p) with u = x² − y², v = 2xy,
 * A = Σu, B = Σv, C = Σ(u² − v²), D = 2Σuv; sweeps repeat until no angle exceeds 1e-13.
 *
 * Unlike the SVD iteration of R's stats::varimax, the closed-form angle cannot stall on a
 * stationary point of the criterion (e.g. the unrotated solution of a symmetric two-block
 * structure, where the criterion is at its minimum and the optimum is exactly 45° away).
 */

export interface VarimaxResult {
  /** p × m rotated loadings (= loadings · rotation). */
  readonly loadings: number[][];
  /** m × m orthogonal rotation matrix. */
  readonly rotation: number[][];
  /** Varimax criterion of the Kaiser-normalised loadings before and after rotation. */
  readonly criterionBefore: number;
  readonly criterionAfter: number;
  /** Sweeps over all pairs of factors. */
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_SWEEPS = 1000;
const ANGLE_TOLERANCE = 1e-13;

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

/** The angle that maximises the varimax criterion of columns j and k. */
function optimalAngle(columns: readonly Float64Array[], j: number, k: number, p: number): number {
  const x = columns[j] as Float64Array;
  const y = columns[k] as Float64Array;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < p; i++) {
    const xi = x[i] ?? 0;
    const yi = y[i] ?? 0;
    const u = xi * xi - yi * yi;
    const v = 2 * xi * yi;
    a += u;
    b += v;
    c += u * u - v * v;
    d += 2 * u * v;
  }
  return Math.atan2(d - (2 * a * b) / p, c - (a * a - b * b) / p) / 4;
}

/** Rotates columns j and k of a column-major matrix by φ. */
function rotatePlane(columns: Float64Array[], j: number, k: number, angle: number): void {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const x = columns[j] as Float64Array;
  const y = columns[k] as Float64Array;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    const yi = y[i] ?? 0;
    x[i] = xi * cos + yi * sin;
    y[i] = -xi * sin + yi * cos;
  }
}

export function varimax(loadings: readonly (readonly number[])[]): VarimaxResult {
  const p = loadings.length;
  const m = loadings[0]?.length ?? 0;
  // Kaiser normalisation: rows scaled to unit length so every item weighs the same.
  const norms = loadings.map((row) =>
    Math.sqrt(row.reduce((sum, value) => sum + value * value, 0)),
  );
  const columns = Array.from({ length: m }, (_, j) =>
    Float64Array.from(loadings, (row, i) =>
      (norms[i] ?? 0) > 0 ? (row[j] ?? 0) / (norms[i] ?? 1) : 0,
    ),
  );
  // The rotation matrix, column-major, rotated by the same plane rotations.
  const rotation = Array.from({ length: m }, (_, j) =>
    Float64Array.from({ length: m }, (__, i) => (i === j ? 1 : 0)),
  );
  const rowsOf = (matrix: readonly Float64Array[], rows: number): number[][] =>
    Array.from({ length: rows }, (_, i) => matrix.map((column) => column[i] ?? 0));
  const criterionBefore = varimaxCriterion(rowsOf(columns, p));
  let iterations = 0;
  let converged = m < 2;
  while (!converged && iterations < MAX_SWEEPS) {
    iterations++;
    let largest = 0;
    for (let j = 0; j < m - 1; j++) {
      for (let k = j + 1; k < m; k++) {
        const angle = optimalAngle(columns, j, k, p);
        if (Math.abs(angle) < ANGLE_TOLERANCE) continue;
        largest = Math.max(largest, Math.abs(angle));
        rotatePlane(columns, j, k, angle);
        rotatePlane(rotation, j, k, angle);
      }
    }
    converged = largest < ANGLE_TOLERANCE;
  }
  const normalised = rowsOf(columns, p);
  return {
    loadings: normalised.map((row, i) => row.map((value) => value * (norms[i] ?? 0))),
    rotation: rowsOf(rotation, m),
    criterionBefore,
    criterionAfter: varimaxCriterion(normalised),
    iterations,
    converged,
  };
}
