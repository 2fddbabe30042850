/** The priority rule on crafted problems: score = frequency (%) x (churn risk + word of mouth). */
import { describe, expect, it } from 'vitest';
import { priorityOf } from '../../main/improvement/priority';
import { DEFAULT_IMPROVEMENT_SETTINGS } from '../../shared/improvement';

const rule = DEFAULT_IMPROVEMENT_SETTINGS.priority; // urgent >= 120, important >= 50

describe('the priority rule of a problem', () => {
  it('makes a problem urgent when frequency x impact reaches the urgent threshold', () => {
    // 20 % of respondents, high churn risk (3) and high word of mouth (3): 20 x 6 = 120 >= 120.
    expect(priorityOf(20, 3, 3, rule)).toEqual({
      frequency: 20,
      impact: 6,
      score: 120,
      urgentAt: 120,
      importantAt: 50,
      priority: 'urgent',
    });
  });

  it('makes it important between the two thresholds and normal below', () => {
    // 25 % x (2 + 2) = 100: >= 50 and < 120.
    expect(priorityOf(25, 2, 2, rule).priority).toBe('important');
    // 12.5 % x (2 + 2) = 50: exactly the important threshold.
    expect(priorityOf(12.5, 2, 2, rule).priority).toBe('important');
    // 10 % x (1 + 3) = 40 < 50.
    const normal = priorityOf(10, 1, 3, rule);
    expect(normal.score).toBe(40);
    expect(normal.priority).toBe('normal');
  });

  it('follows thresholds the user changed', () => {
    // 25 % x 4 = 100: important by default, urgent when urgent starts at 90.
    expect(priorityOf(25, 2, 2, { urgentAt: 90, importantAt: 30 }).priority).toBe('urgent');
    // 10 % x 4 = 40: normal by default, important when important starts at 30.
    expect(priorityOf(10, 2, 2, { urgentAt: 90, importantAt: 30 }).priority).toBe('important');
  });

  it('ranks the same frequency higher when the impact is higher', () => {
    // 15 % x 2 = 30 (normal) against 15 % x 6 = 90 (important).
    expect(priorityOf(15, 1, 1, rule).priority).toBe('normal');
    expect(priorityOf(15, 3, 3, rule).priority).toBe('important');
  });
});
