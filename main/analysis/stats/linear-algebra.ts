/**
 * The few matrix operations the multivariate statistics need, on top of ml-matrix (JAMA's
 * symmetric eigensolver).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export type SquareMatrix = readonly (readonly number[])[];

/** Eigenvalues in descending order, with unit eigenvectors as columns in the same order. */
export interface SymmetricEigen {
  readonly values: number[];
  /** vectors[i][j]: component i of the eigenvector for values[j]. */
  readonly vectors: number[][];
}

export function symmetricEigen(matrix: SquareMatrix): SymmetricEigen {
  const decomposition = new EigenvalueDecomposition(new Matrix(matrix.map((row) => [...row])), {
    assumeSymmetric: true,
  });
  const values = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix.to2DArray();
  const order = values.map((_, j) => j).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
  return {
    values: order.map((j) => values[j] ?? 0),
    vectors: vectors.map((row) => order.map((j) => row[j] ?? 0)),
  };
}

/** Inverse of a symmetric positive-definite matrix from its eigen decomposition. */
export function inverseFromEigen(eigen: SymmetricEigen): number[][] {
  const size = eigen.values.length;
  return Array.from({ length: size }, (_, a) =>
    Array.from({ length: size }, (_, b) => {
      let sum = 0;
      for (let j = 0; j < size; j++) {
        sum +=
          ((eigen.vectors[a]?.[j] ?? 0) * (eigen.vectors[b]?.[j] ?? 0)) / (eigen.values[j] ?? 1);
      }
      return sum;
    }),
  );
}
