/**
 * Segment comparison: the overall index (on 100 points) by any respondent attribute, with
 * Welch's t-test for two groups, one-way and Welch ANOVA with Holm-adjusted Welch pairs for more.
 * Small groups are shown and named, never hidden.
 */
import type { SegmentAttribute, SegmentGroup, SegmentResult } from '../../shared/analysis';
import { oneWayAnova, welchAnova } from './stats/anova';
import { SMALL_GROUP, type GroupSample } from './stats/groups';
import { pairwiseComparisons } from './stats/pairwise';
import { toHundred, type HundredPointMethod } from './stats/scores';
import { welchTest } from './stats/two-groups';

const MAX_GROUPS = 30;

interface Group {
  label: string;
  rows: Int32Array;
}

/** Respondents per attribute value, largest groups first (computed once per attribute). */
function groupsOf(labels: (string | null)[]): Group[] {
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    if (label === null) return;
    let list = byLabel.get(label);
    if (!list) byLabel.set(label, (list = []));
    list.push(i);
  });
  return [...byLabel.entries()]
    .map(([label, rows]) => ({ label, rows: Int32Array.from(rows) }))
    .sort((a, b) => b.rows.length - a.rows.length)
    .slice(0, MAX_GROUPS);
}

/** One group's answered values and weights (NaN = no answer is left out). */
function sampleOf(values: Float64Array, weights: Float64Array, group: Group): GroupSample {
  const v = new Float64Array(group.rows.length);
  const w = new Float64Array(group.rows.length);
  let k = 0;
  for (let j = 0; j < group.rows.length; j++) {
    const i = group.rows[j]!;
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    v[k] = x;
    w[k] = weights[i]!;
    k++;
  }
  return { label: group.label, values: v.subarray(0, k), weights: w.subarray(0, k) };
}

function testP(values: Float64Array, weights: Float64Array, groups: Group[]): number | null {
  const samples = groups
    .map((g) => sampleOf(values, weights, g))
    .filter((g) => g.values.length > 0);
  if (samples.length < 2) return null;
  if (samples.length === 2) {
    const t = welchTest(samples[0]!, samples[1]!);
    return t.ok ? t.p : null;
  }
  const f = welchAnova(samples);
  return f.ok ? f.p : null;
}

export function compareSegments(
  attribute: SegmentAttribute,
  labels: (string | null)[],
  index: Float64Array,
  dimensions: Map<string, Float64Array>,
  weights: Float64Array,
  points: number,
  conversion: HundredPointMethod,
): SegmentResult | null {
  // Scores on 100 points per respondent, so differences read in the report's unit.
  const hundred = index.map((v) =>
    Number.isNaN(v) ? Number.NaN : toHundred(v, points, conversion),
  );
  const groups = groupsOf(labels).filter((g) => g.rows.some((i) => !Number.isNaN(hundred[i]!)));
  if (groups.length < 2) return null;
  const samples = groups.map((g) => sampleOf(hundred, weights, g));
  const mean = (values: Float64Array, rows: Int32Array) => {
    let sum = 0;
    let w = 0;
    for (const i of rows) {
      const v = values[i]!;
      if (!Number.isNaN(v)) {
        sum += v * weights[i]!;
        w += weights[i]!;
      }
    }
    return w > 0 ? sum / w : null;
  };
  const resultGroups: SegmentGroup[] = groups.map((g, k) => {
    const m = mean(hundred, g.rows);
    return {
      value: g.label,
      n: samples[k]!.values.length,
      mean: m,
      score100: m,
      dimensions: Object.fromEntries(
        [...dimensions].map(([id, values]) => {
          const dm = mean(values, g.rows);
          return [id, dm === null ? null : toHundred(dm, points, conversion)];
        }),
      ),
    };
  });
  let test: SegmentResult['test'];
  let pairwise: SegmentResult['pairwise'] = [];
  if (samples.length === 2) {
    const t = welchTest(samples[0]!, samples[1]!);
    test = t.ok
      ? { kind: 'welch', t: t.t, df: t.df, p: t.p, effect: t.hedgesG, effectName: 'hedges_g' }
      : { kind: 'none', reason: t.reason };
  } else {
    const f = oneWayAnova(samples);
    const w = welchAnova(samples);
    test = f.ok
      ? {
          kind: 'anova',
          F: f.F,
          df1: f.df1,
          df2: f.df2,
          p: f.p,
          welchF: w.ok ? w.F : null,
          welchP: w.ok ? w.p : null,
          effect: f.etaSquared,
          effectName: 'eta_squared',
        }
      : { kind: 'none', reason: f.reason };
    // Holm-adjusted Welch pairs: Games-Howell's studentized-range integral costs ~30 ms a pair,
    // too slow for an overview of eight attributes with up to dozens of groups each.
    const pairs = pairwiseComparisons(samples, { method: 'holm-welch' });
    if (pairs.ok) {
      pairwise = pairs.comparisons.flatMap((c) =>
        c.result.ok
          ? [{ a: c.labelA, b: c.labelB, difference: c.result.meanDifference, p: c.result.p }]
          : [],
      );
    }
  }
  const dimensionP: Record<string, number | null> = {};
  for (const [id, values] of dimensions) dimensionP[id] = testP(values, weights, groups);
  return {
    attribute,
    groups: resultGroups,
    test,
    pairwise,
    smallGroups: samples.filter((g) => g.values.length < SMALL_GROUP).map((g) => g.label ?? ''),
    dimensionP,
  };
}
