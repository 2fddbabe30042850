/**
 * The statistics layer of the analysis engine: pure functions, data in, result out. Data
 * conditions (too few respondents, no variance, collinearity...) come back as
 * `{ ok: false, reason }` values, never as NaN or exceptions.
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
