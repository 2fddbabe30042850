/**
 * Importance × performance by hand. Items (importance, performance):
 *   A (0.8, 3.2), B (0.6, 4.5), C (0.3, 3.0), D (0.5, 4.1), E (0.7, 3.6)
 *   cross lines: mean importance 2.9/5 = 0.58, mean performance 18.4/5 = 3.68;
 *   A, E: important and below par → concentrate here; B: keep up the good work;
 *   C: low priority; D: possible overkill.
 *   Priority index z(importance) − z(performance), with sample SDs over the five items.
 */
import { describe, expect, it } from 'vitest';
import { pearson } from '../../../main/analysis/stats/correlation';
import { driverImportance, importancePerformance } from '../../../main/analysis/stats/priority';
import { expectClose, ok } from './expect-close';

const items = [
  { name: 'A', importance: 0.8, performance: 3.2 },
  { name: 'B', importance: 0.6, performance: 4.5 },
  { name: 'C', importance: 0.3, performance: 3.0 },
  { name: 'D', importance: 0.5, performance: 4.1 },
  { name: 'E', importance: 0.7, performance: 3.6 },
];

describe('importance × performance', () => {
  it('places items in quadrants at the mean lines and ranks important low performers first', () => {
    const result = importancePerformance(items);
    expectClose(result.importanceLine, 0.58, 14);
    expectClose(result.performanceLine, 3.68, 14);
    expect(result.items.map((item) => [item.rank, item.name, item.quadrant])).toEqual([
      [1, 'A', 'concentrate_here'],
      [2, 'E', 'concentrate_here'],
      [3, 'C', 'low_priority'],
      [4, 'B', 'keep_up_the_good_work'],
      [5, 'D', 'possible_overkill'],
    ]);
  });

  it('computes the priority index from standardised importance and performance', () => {
    // importance deviations .22 .02 −.28 −.08 .12: Σd² = .148, sd = √(.148/4)
    // performance deviations −.48 .82 −.68 .42 −.08: Σd² = 1.548, sd = √(1.548/4)
    const sdImportance = Math.sqrt(0.148 / 4);
    const sdPerformance = Math.sqrt(1.548 / 4);
    const a = importancePerformance(items).items[0]!;
    expectClose(a.priorityIndex, 0.22 / sdImportance + 0.48 / sdPerformance, 12);
  });

  it('counts a value on the line as high and survives identical items', () => {
    const result = importancePerformance([
      { name: 'x', importance: 0.5, performance: 4 },
      { name: 'y', importance: 0.5, performance: 4 },
    ]);
    expect(result.items.map((item) => item.quadrant)).toEqual([
      'keep_up_the_good_work',
      'keep_up_the_good_work',
    ]);
    expect(result.items.map((item) => item.priorityIndex)).toEqual([0, 0]);
    expect(importancePerformance([]).items).toEqual([]);
  });
});

describe('driver importance', () => {
  it('is the correlation of each item with overall satisfaction', () => {
    const overall = [3, 4, 5, 2, 4, 5];
    const speed = [2, 4, 5, 1, 3, 5];
    const [result] = driverImportance(overall, [{ name: 'speed', values: speed }]);
    expect(result?.name).toBe('speed');
    expect(ok(result!.correlation).r).toBe(ok(pearson(speed, overall)).r);
  });
});
