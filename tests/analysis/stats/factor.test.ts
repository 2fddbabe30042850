/**
 * Exploratory factor analysis against hand-derived and published solutions.
 *
 * Hand: two blocks of three items, r = a = 0.6 within a block and b = 0.2 between blocks.
 *   Eigenvalues of R: 1 + 2a + 3b = 2.8, 1 + 2a − 3b = 1.6, and 1 − a = 0.4 (four times), with
 *   eigenvectors (1,1,1,1,1,1)/√6 and (1,1,1,−1,−1,−1)/√6, so the unrotated component loadings
 *   are c = √(2.8/6) on factor 1 and ±d = ±√(1.6/6) on factor 2. Rotating rows (c, ±d) by θ
 *   gives a varimax criterion proportional to sin²2θ, maximal at 45°: own-block loading
 *   (c + d)/√2, cross loading (c − d)/√2. Normalised criterion: 0 before, 2·2.8·1.6/4.4² after.
 *   Principal axis: by symmetry all communalities are equal; the fixed point of
 *   h² = (λ1 + λ2 − 2(1 − h²))/6 is h² = a = 0.6, the reduced eigenvalues are 3a ± 3b = 2.4, 1.2,
 *   so c = √0.4, d = √0.2 and the same 45° rotation applies.
 * Published: Harman (1976), eight physical variables (R's datasets::Harman23.cor), principal
 *   factors with Harman's prior communalities, as printed by SAS PROC FACTOR (Friendly, York
 *   University course notes, "phys8"): eigenvalues of the reduced matrix 4.4558, 1.5127, 0.1305,
 *   0.0587, 0.0335, −0.0314, −0.0440, −0.0917; variance explained 4.455751 and 1.512747; factor
 *   pattern ×100 (86, 85, 81, 83, 75, 64, 56, 62) and (−33, −41, −41, −34, 56, 51, 49, 37).
 *   Eigenvalues of R itself from LAPACK (numpy.linalg.eigvalsh): 4.6728796, 1.77098284, ...
 */
import { describe, expect, it } from 'vitest';
import { correlationMatrix } from '../../../main/analysis/stats/correlation';
import {
  exploratoryFactorAnalysis,
  factorAnalysisOfCorrelations,
  type FactorAnalysis,
} from '../../../main/analysis/stats/factor';
import { expectClose, ok } from './expect-close';
import { seededRandom } from '../../../main/analysis/random';

function blockMatrix(within: number, between: number): number[][] {
  return Array.from({ length: 6 }, (_, i) =>
    Array.from({ length: 6 }, (__, j) =>
      i === j ? 1 : Math.floor(i / 3) === Math.floor(j / 3) ? within : between,
    ),
  );
}

const harman = [
  [1.0, 0.846, 0.805, 0.859, 0.473, 0.398, 0.301, 0.382],
  [0.846, 1.0, 0.881, 0.826, 0.376, 0.326, 0.277, 0.415],
  [0.805, 0.881, 1.0, 0.801, 0.38, 0.319, 0.237, 0.345],
  [0.859, 0.826, 0.801, 1.0, 0.436, 0.329, 0.327, 0.365],
  [0.473, 0.376, 0.38, 0.436, 1.0, 0.762, 0.73, 0.629],
  [0.398, 0.326, 0.319, 0.329, 0.762, 1.0, 0.583, 0.577],
  [0.301, 0.277, 0.237, 0.327, 0.73, 0.583, 1.0, 0.539],
  [0.382, 0.415, 0.345, 0.365, 0.629, 0.577, 0.539, 1.0],
];
const harmanPriors = [0.854, 0.897, 0.833, 0.783, 0.87, 0.687, 0.521, 0.579];

function expectRotationInvariants(result: FactorAnalysis): void {
  const m = result.nFactors;
  // loadings = unrotated · T
  for (const [i, row] of result.loadings.entries()) {
    for (let j = 0; j < m; j++) {
      let product = 0;
      for (let l = 0; l < m; l++) {
        product += (result.unrotatedLoadings[i]?.[l] ?? 0) * (result.rotationMatrix[l]?.[j] ?? 0);
      }
      expect(Math.abs((row[j] ?? 0) - product)).toBeLessThan(1e-12);
    }
  }
  // Tᵀ·T = I
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let dot = 0;
      for (let l = 0; l < m; l++) {
        dot += (result.rotationMatrix[l]?.[a] ?? 0) * (result.rotationMatrix[l]?.[b] ?? 0);
      }
      expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-10);
    }
  }
  // communalities are row sums of squared loadings, before and after rotation
  for (const [i, h2] of result.communalities.entries()) {
    const rotated = (result.loadings[i] ?? []).reduce((sum, value) => sum + value * value, 0);
    const unrotated = (result.unrotatedLoadings[i] ?? []).reduce((sum, v) => sum + v * v, 0);
    expectClose(h2, rotated, 14);
    expectClose(h2, unrotated, 12);
    expectClose(result.uniquenesses[i]!, 1 - h2, 14);
  }
  expect(result.varimaxCriterion.rotated).toBeGreaterThanOrEqual(result.varimaxCriterion.unrotated);
}

describe('principal components with varimax', () => {
  it('recovers the hand-derived loadings of a two-block correlation matrix', () => {
    const result = ok(factorAnalysisOfCorrelations(blockMatrix(0.6, 0.2), null));
    expect(result.eigenvalues.map((value) => Number(value.toFixed(12)))).toEqual([
      2.8, 1.6, 0.4, 0.4, 0.4, 0.4,
    ]);
    expect([result.kaiserFactors, result.nFactors]).toEqual([2, 2]);
    const c = Math.sqrt(2.8 / 6);
    const d = Math.sqrt(1.6 / 6);
    for (let i = 0; i < 6; i++) {
      expectClose(result.unrotatedLoadings[i]![0]!, c, 12);
      expectClose(result.unrotatedLoadings[i]![1]!, i < 3 ? d : -d, 12);
      const own = (c + d) / Math.SQRT2;
      const cross = (c - d) / Math.SQRT2;
      expectClose(result.loadings[i]![0]!, i < 3 ? own : cross, 12);
      expectClose(result.loadings[i]![1]!, i < 3 ? cross : own, 12);
      expectClose(result.communalities[i]!, 4.4 / 6, 13);
    }
    expect(result.varimaxCriterion.unrotated).toBeLessThan(1e-15);
    expectClose(result.varimaxCriterion.rotated, (2 * 2.8 * 1.6) / 4.4 ** 2, 12);
    expectClose(result.factors[1]!.cumulative, 4.4 / 6, 13);
    expectRotationInvariants(result);
  });

  it('matches LAPACK eigenvalues and simple structure on Harman’s eight physical variables', () => {
    const result = ok(factorAnalysisOfCorrelations(harman, 305));
    const lapack = [4.6728796, 1.77098284, 0.48103549, 0.42144078, 0.23322126, 0.18667352];
    lapack.forEach((value, j) => expectClose(result.eigenvalues[j]!, value, 7));
    expect(result.nFactors).toBe(2);
    // Lengths (height, arm span, forearm, lower leg) on factor 1; girths and weight on factor 2.
    for (const [i, row] of result.loadings.entries()) {
      const [first, second] = row as [number, number];
      expect(i < 4 ? first > 0.85 && second < 0.3 : second > 0.7 && first < 0.3).toBe(true);
    }
    expectRotationInvariants(result);
    // Components: communalities = Σ of the first two eigenvalues
    expectClose(
      result.communalities.reduce((sum, value) => sum + value, 0),
      4.6728796 + 1.77098284,
      7,
    );
  });
});

describe('principal axis factoring', () => {
  it('converges to the hand-derived communalities a = 0.6 of the block matrix', () => {
    const result = ok(
      factorAnalysisOfCorrelations(blockMatrix(0.6, 0.2), null, { extraction: 'principal-axis' }),
    );
    const c = Math.sqrt(0.4);
    const d = Math.sqrt(0.2);
    for (let i = 0; i < 6; i++) {
      expectClose(result.communalities[i]!, 0.6, 9);
      expectClose(result.loadings[i]![0]!, i < 3 ? (c + d) / Math.SQRT2 : (c - d) / Math.SQRT2, 9);
    }
    expectClose(result.reducedEigenvalues![0]!, 2.4, 9);
    expectClose(result.reducedEigenvalues![1]!, 1.2, 9);
    expectRotationInvariants(result);
  });

  it('reproduces the published principal-factor solution for Harman’s data', () => {
    const result = ok(
      factorAnalysisOfCorrelations(harman, 305, {
        extraction: 'principal-axis',
        initialCommunalities: harmanPriors,
        maxIterations: 0,
        nFactors: 2,
        rotation: 'none',
      }),
    );
    const published = [4.4558, 1.5127, 0.1305, 0.0587, 0.0335, -0.0314, -0.044, -0.0917];
    published.forEach((value, j) => expect(result.reducedEigenvalues![j]).toBeCloseTo(value, 4));
    const explained = result.factors.map((factor) => factor.ssLoadings);
    expect(explained[0]).toBeCloseTo(4.455751, 6);
    expect(explained[1]).toBeCloseTo(1.512747, 6);
    const pattern = result.unrotatedLoadings.map((row) =>
      row.map((value) => Math.round(value * 100)),
    );
    expect(pattern.map((row) => row[0])).toEqual([86, 85, 81, 83, 75, 64, 56, 62]);
    expect(pattern.map((row) => row[1])).toEqual([-33, -41, -41, -34, 56, 51, 49, 37]);
  });

  it('iterates Harman’s data to a fixed point of the communalities', () => {
    const result = ok(
      factorAnalysisOfCorrelations(harman, 305, { extraction: 'principal-axis', nFactors: 2 }),
    );
    expect(result.iterations).toBeGreaterThan(1);
    // At the fixed point, the reduced matrix with these communalities gives them back.
    const again = ok(
      factorAnalysisOfCorrelations(harman, 305, {
        extraction: 'principal-axis',
        nFactors: 2,
        initialCommunalities: result.communalities,
        maxIterations: 0,
      }),
    );
    again.communalities.forEach((value, i) => expectClose(value, result.communalities[i]!, 8));
    expectRotationInvariants(result);
  });
});

describe('factor analysis of answers', () => {
  // Deterministic two-factor data: items 1-3 = 0.8·f1 + 0.6·noise, items 4-6 likewise on f2.
  function seededNormal(seed: number): () => number {
    const uniform = seededRandom(seed).next;
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  }

  const normal = seededNormal(20240501);
  const respondents = 2000;
  const f1 = Array.from({ length: respondents }, normal);
  const f2 = Array.from({ length: respondents }, normal);
  const items = Array.from({ length: 6 }, (_, item) =>
    (item < 3 ? f1 : f2).map((factor) => 0.8 * factor + 0.6 * normal()),
  );

  it('equals the analysis of the answers’ correlation matrix', () => {
    const fromData = ok(exploratoryFactorAnalysis(items));
    const matrix = ok(correlationMatrix(items, { missing: 'listwise' }));
    const fromMatrix = ok(
      factorAnalysisOfCorrelations(
        matrix.r.map((row) => row.map((value) => value ?? 0)),
        respondents,
      ),
    );
    expect(fromData.loadings).toEqual(fromMatrix.loadings);
    expect(fromData.bartlett?.df).toBe(15);
    expect(fromData.bartlett?.p).toBeLessThan(1e-100);
  });

  it('puts each item on its own factor', () => {
    const result = ok(
      exploratoryFactorAnalysis(items, { names: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'] }),
    );
    expect(result.nFactors).toBe(2);
    for (const [i, row] of result.loadings.entries()) {
      const own = row[i < 3 ? 0 : 1] ?? 0;
      const other = row[i < 3 ? 1 : 0] ?? 0;
      expect(own).toBeGreaterThan(0.7);
      expect(Math.abs(other)).toBeLessThan(0.15);
    }
  });

  it('reports an item that never varies by name', () => {
    const result = exploratoryFactorAnalysis([...items, items[0]!.map(() => 3)], {
      names: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'constant'],
    });
    expect(result).toMatchObject({ ok: false, reason: 'zero_variance' });
  });
});

describe("Bartlett's test of sphericity", () => {
  it('matches the hand formula for two items: χ² = −(n − 1 − 9/6)·ln(1 − r²), df 1', () => {
    const result = ok(
      factorAnalysisOfCorrelations(
        [
          [1, 0.5],
          [0.5, 1],
        ],
        100,
        { nFactors: 1 },
      ),
    );
    expectClose(result.bartlett!.chiSquare, -(100 - 1 - 9 / 6) * Math.log(0.75), 13);
    expect(result.bartlett!.df).toBe(1);
  });

  it('refuses a correlation matrix that is not positive semi-definite', () => {
    const impossible = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(factorAnalysisOfCorrelations(impossible, null)).toMatchObject({
      ok: false,
      reason: 'not_positive_definite',
    });
  });
});
