/**
 * Groups (segments such as new vs existing customers, regions, channels) as the comparison
 * tests receive them, and their per-group moments.
 */
import type { StatsResult } from './result';
import { summarizeSample, type Observations, type Weighting } from './sample';

/** One segment's answers with optional weights and a label for reports. */
export interface GroupSample extends Weighting {
  readonly label?: string;
  readonly values: Observations;
}

/** A group given either as plain answers or with weights and a label. */
export type GroupInput = Observations | GroupSample;

/** Moments of one group as reported next to a comparison. */
export interface GroupStats {
  readonly label: string;
  /** Respondents with an answer (unweighted). */
  readonly n: number;
  /** Σw of those respondents. */
  readonly nWeighted: number;
  /** n used by the test: n, Σw (frequency) or Kish n_eff (sampling weights). */
  readonly nInference: number;
  readonly mean: number;
  /** Sample variance; null below two respondents. */
  readonly variance: number | null;
}

function isGroupSample(input: GroupInput): input is GroupSample {
  return !Array.isArray(input) && !ArrayBuffer.isView(input) && !('length' in input);
}

export function toGroupSample(input: GroupInput): GroupSample {
  return isGroupSample(input) ? input : { values: input };
}

export function groupLabel(input: GroupInput, index: number): string {
  return toGroupSample(input).label ?? `group ${index + 1}`;
}

/** Moments of one group, or why it has none (no answers, bad weights). */
export function summarizeGroup(input: GroupInput, index: number): StatsResult<GroupStats> {
  const group = toGroupSample(input);
  const summary = summarizeSample(group.values, group);
  if (!summary.ok) return summary;
  return {
    ok: true,
    label: groupLabel(input, index),
    n: summary.n,
    nWeighted: summary.sumWeights,
    nInference: summary.nInference,
    mean: summary.mean,
    variance: summary.variance,
  };
}

/** Groups below this size are compared but carry a 'small_group' warning. */
export const SMALL_GROUP = 5;
