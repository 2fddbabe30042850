/**
 * The statistics layer of the analysis engine: pure functions, data in, result out (no I/O, no
 * clock, no randomness). Data conditions (too few respondents, no variance, collinearity...)
 * come back as `{ ok: false, reason, detail }` values, never as NaN or exceptions; answers are
 * arrays or Float64Arrays with null/undefined/NaN for missing; weights follow sample.ts.
 *
 * Where each capability lives:
 *   distributions.ts, studentized-range.ts  p-values and quantiles (t, F, χ², normal, Tukey q)
 *   sample.ts, columns.ts                   missing values, weights, complete cases
 *   descriptive.ts, scores.ts, nps.ts       item description, 100-point scores, shares, NPS
 *   two-groups.ts, anova.ts, pairwise.ts    segment comparisons (Welch, ANOVA, Games-Howell)
 *   chi-square.ts                           contingency tables
 *   correlation.ts, regression.ts           correlations and driver betas
 *   reliability.ts, factor.ts, rotation.ts  Cronbach's alpha, factor analysis, varimax
 *   priority.ts                             importance × performance
 */
export * from './result';
export type { Observations, WeightKind, Weighting, SampleSummary } from './sample';
export { summarizeSample } from './sample';
export * from './distributions';
export {
  studentizedRangeCdf,
  studentizedRangeQuantile,
  studentizedRangeUpperP,
} from './studentized-range';
export * from './descriptive';
export * from './scores';
export * from './nps';
export type { GroupInput, GroupSample, GroupStats } from './groups';
export * from './two-groups';
export { oneWayAnova, welchAnova } from './anova';
export type { OneWayAnova, WelchAnova } from './anova';
export * from './pairwise';
export * from './chi-square';
export * from './correlation';
export * from './regression';
export * from './reliability';
export * from './factor';
export { varimax, varimaxCriterion } from './rotation';
export type { VarimaxResult } from './rotation';
export * from './priority';
