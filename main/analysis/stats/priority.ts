/**
 * Importance × performance (Martilla & James 1977): where each item stands, and which items to
 * improve first: important to customers but scored low.
 */
import { pearson } from './correlation';
import type { StatsResult } from './result';
import type { Observations, Weighting } from './sample';

/** One item's importance (e.g. its correlation with overall satisfaction) and performance. */
export interface ImportancePerformanceItem {
  readonly name: string;
  readonly importance: number;
  /** Mean score (any scale, the same for every item). */
  readonly performance: number;
}

/**
 * - concentrate_here: importance >= mean, performance < mean (fix first)
 * - keep_up_the_good_work: importance >= mean, performance >= mean
 * - low_priority: importance < mean, performance < mean
 * - possible_overkill: importance < mean, performance >= mean
 */
export type Quadrant =
  'concentrate_here' | 'keep_up_the_good_work' | 'low_priority' | 'possible_overkill';

export interface PrioritizedItem extends ImportancePerformanceItem {
  readonly quadrant: Quadrant;
  /** z(importance) − z(performance) across the items: higher = more urgent. */
  readonly priorityIndex: number;
  /** 1 = improve first. */
  readonly rank: number;
}

export interface ImportancePerformance {
  /** The cross lines: means of importance and of performance over the items. */
  readonly importanceLine: number;
  readonly performanceLine: number;
  /** Items in priority order. */
  readonly items: readonly PrioritizedItem[];
}

const QUADRANT_ORDER: readonly Quadrant[] = [
  'concentrate_here',
  'low_priority',
  'keep_up_the_good_work',
  'possible_overkill',
];

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[], centre: number): number {
  if (values.length < 2) return 0;
  return Math.sqrt(
    values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1),
  );
}

/**
 * Places items in quadrants split at the mean importance and mean performance (a value equal
 * to the mean counts as high), then ranks them: quadrant first (concentrate here, low
 * priority, keep up the good work, possible overkill: low performers before high ones), then
 * by priority index, then by lower performance, then by name.
 */
export function importancePerformance(
  items: readonly ImportancePerformanceItem[],
): ImportancePerformance {
  if (items.length === 0) return { importanceLine: NaN, performanceLine: NaN, items: [] };
  const importanceLine = mean(items.map((item) => item.importance));
  const performanceLine = mean(items.map((item) => item.performance));
  const importanceSd = standardDeviation(
    items.map((item) => item.importance),
    importanceLine,
  );
  const performanceSd = standardDeviation(
    items.map((item) => item.performance),
    performanceLine,
  );
  const standardised = (value: number, centre: number, sd: number): number =>
    sd > 0 ? (value - centre) / sd : 0;
  const placed = items.map((item) => {
    const important = item.importance >= importanceLine;
    const performing = item.performance >= performanceLine;
    const quadrant: Quadrant = important
      ? performing
        ? 'keep_up_the_good_work'
        : 'concentrate_here'
      : performing
        ? 'possible_overkill'
        : 'low_priority';
    const priorityIndex =
      standardised(item.importance, importanceLine, importanceSd) -
      standardised(item.performance, performanceLine, performanceSd);
    return { ...item, quadrant, priorityIndex };
  });
  placed.sort(
    (a, b) =>
      QUADRANT_ORDER.indexOf(a.quadrant) - QUADRANT_ORDER.indexOf(b.quadrant) ||
      b.priorityIndex - a.priorityIndex ||
      a.performance - b.performance ||
      a.name.localeCompare(b.name),
  );
  return {
    importanceLine,
    performanceLine,
    items: placed.map((item, index) => ({ ...item, rank: index + 1 })),
  };
}

/** Importance of each item as its Pearson correlation with overall satisfaction. */
export function driverImportance(
  overall: Observations,
  items: readonly { readonly name: string; readonly values: Observations }[],
  weighting: Weighting = {},
): {
  readonly name: string;
  readonly correlation: StatsResult<{ r: number; p: number; n: number }>;
}[] {
  return items.map((item) => {
    const result = pearson(item.values, overall, weighting);
    return {
      name: item.name,
      correlation: result.ok ? { ok: true, r: result.r, p: result.p, n: result.n } : result,
    };
  });
}
