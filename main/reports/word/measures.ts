/**
 * Figures several sections quote: each target against its current value, dimension targets on
 * 100 points, the improvement priorities with their urgency level, the weakest items of a
 * dimension. Pure: analysis in, figures out.
 */
import type {
  AnalysisResult,
  ItemResult,
  PriorityItem,
  ScoreStat,
  SegmentResult,
} from '../../../shared/analysis';
import type { SurveyDefinition, Target } from '../../../shared/questionnaire/model';
import { toHundred } from '../../analysis/stats/scores';
import type { Quadrant } from '../charts/driver-chart';
import type { Priority } from './texts';

/** A target of the questionnaire and where the survey stands against it. */
export interface TargetStatus {
  target: Target;
  /** 'mean': on the answer scale; 'score': on 100 points; 'nps': −100..100. */
  unit: 'mean' | 'score' | 'nps';
  current: number | null;
  met: boolean | null;
  /** How far above (positive) or below the target the current value is. */
  gap: number | null;
}

function scoreFor(
  result: AnalysisResult,
  metric: string,
): { score: ScoreStat; points: number } | null {
  if (metric === 'overall' || metric === 'index') {
    return result.index.ok ? { score: result.index, points: pointsOf(result) } : null;
  }
  const dimension = result.dimensions.find((d) => d.id === metric);
  if (dimension)
    return dimension.score.ok ? { score: dimension.score, points: pointsOf(result) } : null;
  const item = result.items.find((i) => i.name === metric);
  if (item) return item.score.ok ? { score: item.score, points: item.points } : null;
  if (result.satisfaction?.question === metric && result.satisfaction.score.ok) {
    return { score: result.satisfaction.score, points: 5 };
  }
  return null;
}

/** The scale of the scored items (they share one in practice; 5 if there are none). */
export function pointsOf(result: AnalysisResult): number {
  return result.items[0]?.points ?? 5;
}

export function targetStatuses(
  result: AnalysisResult,
  definition: SurveyDefinition,
): TargetStatus[] {
  return definition.targets.map((target) => {
    if (target.metric === 'nps') {
      const current = result.nps?.ok ? result.nps.nps : null;
      return status(target, 'nps', current);
    }
    const found = scoreFor(result, target.metric);
    // A target within the answer scale (e.g. 4.2 of 5) is a mean; above it, a 100-point score.
    const unit = target.target <= (found?.points ?? 5) ? 'mean' : 'score';
    const current = found ? (unit === 'mean' ? found.score.mean : found.score.score100) : null;
    return status(target, unit, current);
  });
}

function status(target: Target, unit: TargetStatus['unit'], current: number | null): TargetStatus {
  if (current === null) return { target, unit, current, met: null, gap: null };
  return { target, unit, current, met: current >= target.target, gap: current - target.target };
}

/** A dimension's target on the 100-point scale of the charts. */
export function targetOnHundred(
  target: number,
  points: number,
  conversion: AnalysisResult['request']['conversion'],
): number {
  return target <= points ? toHundred(target, points, conversion) : target;
}

/** A dimension's target on 100 points (converted as the analysis converts), or null. */
export function dimensionTarget(result: AnalysisResult, id: string): number | null {
  const dimension = result.dimensions.find((d) => d.id === id);
  if (!dimension?.target) return null;
  return targetOnHundred(dimension.target.target, pointsOf(result), result.request.conversion);
}

/** The improvement priorities of one level, the overall-satisfaction target itself left out. */
export function priorities(result: AnalysisResult, kind: 'dimension' | 'item'): PriorityItem[] {
  return result.priorities.filter((p) => p.kind === kind && p.id !== result.drivers.target);
}

/** The priority table: every dimension, then the items (at most 20), most urgent first in each. */
export function priorityList(result: AnalysisResult): PriorityItem[] {
  return [...priorities(result, 'dimension'), ...priorities(result, 'item').slice(0, 20)];
}

/**
 * The importance x performance quadrant of a dimension or item, with the means of its own level
 * as the cross lines, the overall-satisfaction item itself left out: the analysis counts it
 * among the item drivers (importance 1), which lifts the item mean above most items and puts
 * items of the "fix first" corner into "lower priority".
 */
export function quadrantOf(
  result: AnalysisResult,
  kind: 'dimension' | 'item',
  id: string,
): Quadrant | null {
  const set = result.drivers.list.filter(
    (d) =>
      d.kind === kind &&
      d.id !== result.drivers.target &&
      d.importance !== null &&
      d.performance !== null,
  );
  const driver = set.find((d) => d.id === id);
  if (!driver || set.length < 2) return null;
  const importance = set.reduce((s, d) => s + d.importance!, 0) / set.length;
  const performance = set.reduce((s, d) => s + d.performance!, 0) / set.length;
  const important = driver.importance! >= importance;
  const good = driver.performance! >= performance;
  return important ? (good ? 'strength' : 'priority') : good ? 'maintain' : 'secondary';
}

/**
 * 紧急 urgent: important and scoring below average (the "fix first" quadrant); 重要 important:
 * more urgent than average; 一般 normal: the rest.
 */
export function priorityLevel(result: AnalysisResult, item: PriorityItem): Priority {
  if (quadrantOf(result, item.kind, item.id) === 'priority') return 'urgent';
  return item.urgency > 0 ? 'important' : 'normal';
}

/** A dimension's items, lowest score first. */
export function weakestItems(result: AnalysisResult, dimension: string): ItemResult[] {
  return result.items
    .filter((i) => i.dimension === dimension && i.score.ok)
    .sort((a, b) => (a.score as ScoreStat).score100 - (b.score as ScoreStat).score100);
}

/** The p that decides significance: Welch's where there is one (unequal variances allowed). */
export function segmentP(test: SegmentResult['test']): number | null {
  if (test.kind === 'welch') return test.p;
  if (test.kind === 'anova') return test.welchP ?? test.p;
  return null;
}

/** Customer attributes (not waves: the trend compares those) that the survey splits by. */
export function customerSegments(result: AnalysisResult): SegmentResult[] {
  return result.segments.filter((s) => s.attribute !== 'wave');
}

/** Customer attributes whose groups differ at p < 0.05, most significant first. */
export function significantSegments(result: AnalysisResult): SegmentResult[] {
  return customerSegments(result)
    .filter((s) => (segmentP(s.test) ?? 1) < SIGNIFICANCE)
    .sort((a, b) => segmentP(a.test)! - segmentP(b.test)!);
}

export const SIGNIFICANCE = 0.05;
