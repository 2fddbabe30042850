/**
 * Comparison of several segments' means: classic one-way ANOVA with effect sizes, and Welch's
 * ANOVA, which does not assume equal variances (the safer default for survey segments of very
 * different sizes).
 */
import { fUpperP } from './distributions';
import {
  SMALL_GROUP,
  groupLabel,
  summarizeGroup,
  type GroupInput,
  type GroupStats,
} from './groups';
import { failure, type StatsResult, type StatsWarning } from './result';

/** Groups that take part, with warnings about the ones that are small or were left out. */
export interface PreparedGroups {
  readonly groups: readonly GroupStats[];
  /** Position of each kept group in the input. */
  readonly indices: readonly number[];
  readonly warnings: readonly StatsWarning[];
}

/**
 * Summarises every group. Groups without answers are left out with an 'empty_group' warning;
 * groups of one respondent are kept with 'group_too_small' (tests that need a variance reject
 * them), groups under 5 with 'small_group'.
 */
export function prepareGroups(inputs: readonly GroupInput[]): StatsResult<PreparedGroups> {
  const groups: GroupStats[] = [];
  const indices: number[] = [];
  const warnings: StatsWarning[] = [];
  for (const [index, input] of inputs.entries()) {
    const stats = summarizeGroup(input, index);
    if (!stats.ok) {
      if (stats.reason !== 'no_data') return stats;
      warnings.push({ code: 'empty_group', detail: `${groupLabel(input, index)} has no answers` });
      continue;
    }
    if (stats.nInference < 2) {
      warnings.push({ code: 'group_too_small', detail: `${stats.label}: n = ${stats.n}` });
    } else if (stats.n < SMALL_GROUP) {
      warnings.push({ code: 'small_group', detail: `${stats.label}: n = ${stats.n}` });
    }
    groups.push(stats);
    indices.push(index);
  }
  if (groups.length < 2) {
    return failure('not_enough_groups', `${groups.length} group(s) with answers; need 2`);
  }
  return { ok: true, groups, indices, warnings };
}

/** Classic one-way ANOVA table with effect sizes. */
export interface OneWayAnova {
  readonly groups: readonly GroupStats[];
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly ssTotal: number;
  readonly df1: number;
  readonly df2: number;
  readonly msBetween: number;
  readonly msWithin: number;
  readonly F: number;
  readonly p: number;
  /** SSB / SST: share of variance explained by the grouping (biased upwards). */
  readonly etaSquared: number;
  /** (SSB − df1·MSW) / (SST + MSW): less biased; may be slightly negative when F < 1. */
  readonly omegaSquared: number;
  readonly warnings: readonly StatsWarning[];
}

export function oneWayAnova(inputs: readonly GroupInput[]): StatsResult<OneWayAnova> {
  const prepared = prepareGroups(inputs);
  if (!prepared.ok) return prepared;
  const { groups, warnings } = prepared;
  let total = 0;
  let weightedMeans = 0;
  let ssWithin = 0;
  for (const group of groups) {
    total += group.nInference;
    weightedMeans += group.nInference * group.mean;
    ssWithin += group.variance === null ? 0 : group.variance * (group.nInference - 1);
  }
  const grandMean = weightedMeans / total;
  let ssBetween = 0;
  for (const group of groups) ssBetween += group.nInference * (group.mean - grandMean) ** 2;
  const df1 = groups.length - 1;
  const df2 = total - groups.length;
  if (!(df2 > 0)) {
    return failure('not_enough_data', `${total} respondents in ${groups.length} groups`);
  }
  if (ssWithin === 0) {
    return failure('zero_variance', 'every answer within each group is identical');
  }
  const msBetween = ssBetween / df1;
  const msWithin = ssWithin / df2;
  const F = msBetween / msWithin;
  const ssTotal = ssBetween + ssWithin;
  return {
    ok: true,
    groups,
    ssBetween,
    ssWithin,
    ssTotal,
    df1,
    df2,
    msBetween,
    msWithin,
    F,
    p: fUpperP(F, df1, df2),
    etaSquared: ssBetween / ssTotal,
    omegaSquared: (ssBetween - df1 * msWithin) / (ssTotal + msWithin),
    warnings,
  };
}

/** Welch's heteroscedastic one-way ANOVA (Welch 1951). */
export interface WelchAnova {
  readonly groups: readonly GroupStats[];
  readonly F: number;
  readonly df1: number;
  /** (k² − 1) / (3Λ), fractional. */
  readonly df2: number;
  readonly p: number;
  readonly warnings: readonly StatsWarning[];
}

/**
 * With w_i = n_i/s_i², W = Σw_i, x̃ = Σw_i x̄_i / W and Λ = Σ(1 − w_i/W)²/(n_i − 1):
 * F = [Σw_i(x̄_i − x̃)²/(k − 1)] / [1 + 2(k − 2)Λ/(k² − 1)], df = (k − 1, (k² − 1)/(3Λ)).
 * Every group needs two respondents and some variance (its weight n/s² must be finite).
 */
export function welchAnova(inputs: readonly GroupInput[]): StatsResult<WelchAnova> {
  const prepared = prepareGroups(inputs);
  if (!prepared.ok) return prepared;
  const { groups, warnings } = prepared;
  for (const group of groups) {
    if (group.variance === null) {
      return failure('group_too_small', `${group.label} has ${group.n} respondent(s); need 2`);
    }
    if (group.variance === 0) {
      return failure('zero_variance', `every answer in ${group.label} is identical`);
    }
  }
  const k = groups.length;
  const weights = groups.map((group) => group.nInference / (group.variance ?? 1));
  const sumWeights = weights.reduce((sum, w) => sum + w, 0);
  const weightedMean =
    groups.reduce((sum, group, i) => sum + (weights[i] ?? 0) * group.mean, 0) / sumWeights;
  let between = 0;
  let lambda = 0;
  for (const [i, group] of groups.entries()) {
    const w = weights[i] ?? 0;
    between += w * (group.mean - weightedMean) ** 2;
    lambda += (1 - w / sumWeights) ** 2 / (group.nInference - 1);
  }
  const F = between / (k - 1) / (1 + (2 * (k - 2) * lambda) / (k * k - 1));
  const df1 = k - 1;
  const df2 = (k * k - 1) / (3 * lambda);
  return { ok: true, groups, F, df1, df2, p: fUpperP(F, df1, df2), warnings };
}
