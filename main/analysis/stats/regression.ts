/**
 * Driver analysis: how strongly each dimension drives overall satisfaction, as standardised
 * OLS coefficients (betas) of overall satisfaction on the dimension scores.
 */
import { fUpperP, tTwoSidedP } from './distributions';
import { completeCases } from './columns';
import { inverseFromEigen, symmetricEigen } from './linear-algebra';
import { failure, type StatsResult, type StatsWarning } from './result';
import type { Observations, Weighting } from './sample';

export interface RegressionOptions extends Weighting {
  /** Predictor names for results and messages; "x1", "x2"... otherwise. */
  readonly names?: readonly string[];
}

export interface StandardizedCoefficient {
  readonly name: string;
  /** Change in y, in y's standard deviations, per standard deviation of this predictor. */
  readonly beta: number;
  /** sqrt((1 − R²)/(n − p − 1) · [R⁻¹]_jj). */
  readonly standardError: number;
  readonly t: number;
  /** Two-sided p-value with n − p − 1 df. */
  readonly p: number;
  /** Variance inflation factor [R⁻¹]_jj; above 10 the beta is unstable. */
  readonly vif: number;
}

export interface StandardizedRegression {
  /** Respondents with every answer (listwise). */
  readonly n: number;
  readonly excluded: number;
  /** n, Σw (frequency weights) or Kish n_eff (sampling weights). */
  readonly nInference: number;
  readonly coefficients: readonly StandardizedCoefficient[];
  readonly rSquared: number;
  /** 1 − (1 − R²)(n − 1)/(n − p − 1). */
  readonly adjustedRSquared: number;
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
  readonly warnings: readonly StatsWarning[];
}

/** Smallest eigenvalue of the predictors' correlation matrix below which they are collinear. */
const COLLINEAR_EIGENVALUE = 1e-10;
const HIGH_VIF = 10;

/**
 * Regresses y on the predictors after standardising all of them: β = Rxx⁻¹·rxy with R the
 * correlation matrix of the respondents who answered everything, R² = β·rxy. Identical to OLS
 * on z-scores. Collinear predictors (an eigenvalue of Rxx below 1e-10) give a 'collinear'
 * result naming the predictors involved, instead of arbitrary coefficients.
 */
export function standardizedRegression(
  y: Observations,
  predictors: readonly Observations[],
  options: RegressionOptions = {},
): StatsResult<StandardizedRegression> {
  const p = predictors.length;
  const names = predictors.map((_, j) => options.names?.[j] ?? `x${j + 1}`);
  if (p === 0) return failure('not_enough_data', 'no predictors');
  const complete = completeCases([y, ...predictors], options);
  if (!complete.ok) return complete;
  const n = complete.nInference;
  if (!(n - p - 1 > 0)) {
    return failure('not_enough_data', `${complete.n} respondents for ${p} predictors`);
  }
  const covariance = complete.covariance;
  const sd = covariance.map((row, j) => Math.sqrt(row[j] ?? 0));
  if (!((sd[0] ?? 0) > 0)) return failure('zero_variance', 'the outcome never varies');
  const constant = names.filter((_, j) => !((sd[j + 1] ?? 0) > 0));
  if (constant.length > 0) {
    return failure('zero_variance', `predictor(s) that never vary: ${constant.join(', ')}`);
  }
  const correlation = (a: number, b: number): number =>
    (covariance[a]?.[b] ?? 0) / ((sd[a] ?? 1) * (sd[b] ?? 1));
  const rxx = names.map((_, a) => names.map((__, b) => (a === b ? 1 : correlation(a + 1, b + 1))));
  const rxy = names.map((_, j) => correlation(j + 1, 0));
  const eigen = symmetricEigen(rxx);
  const smallest = eigen.values[p - 1] ?? 0;
  if (smallest < COLLINEAR_EIGENVALUE) {
    // The eigenvector of the vanishing eigenvalue is the linear dependency among predictors.
    const involved = names.filter((_, j) => Math.abs(eigen.vectors[j]?.[p - 1] ?? 0) > 0.1);
    return failure('collinear', `linearly dependent predictors: ${involved.join(', ')}`);
  }
  const inverse = inverseFromEigen(eigen);
  const betas = names.map((_, a) => rxy.reduce((sum, r, b) => sum + (inverse[a]?.[b] ?? 0) * r, 0));
  const rSquared = Math.min(
    1,
    betas.reduce((sum, beta, j) => sum + beta * (rxy[j] ?? 0), 0),
  );
  const df2 = n - p - 1;
  const residualShare = Math.max(0, 1 - rSquared);
  const warnings: StatsWarning[] = [];
  const coefficients = names.map((name, j): StandardizedCoefficient => {
    const vif = inverse[j]?.[j] ?? NaN;
    if (vif > HIGH_VIF) {
      warnings.push({ code: 'high_collinearity', detail: `${name}: VIF ${vif.toFixed(1)}` });
    }
    const beta = betas[j] ?? NaN;
    const standardError = Math.sqrt((residualShare / df2) * vif);
    const t = beta / standardError;
    return { name, beta, standardError, t, p: tTwoSidedP(t, df2), vif };
  });
  const F = rSquared / p / (residualShare / df2);
  return {
    ok: true,
    n: complete.n,
    excluded: complete.excluded,
    nInference: n,
    coefficients,
    rSquared,
    adjustedRSquared: 1 - (residualShare * (n - 1)) / df2,
    F,
    df1: p,
    df2,
    p: fUpperP(F, p, df2),
    warnings,
  };
}
