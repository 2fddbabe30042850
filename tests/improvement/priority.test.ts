/** The priority rule on crafted problems: score = frequency (%) x (churn risk + word of mouth). */
import { describe, expect, it } from 'vitest';
import { priorityOf } from '../../main/improvement/priority';
import { DEFAULT_IMPROVEMENT_SETTINGS } from '../../shared/improvement';

const rule = DEFAULT_IMPROVEMENT_SETTINGS.priority; // urgent >= 60, important >= 30

describe('the priority rule of a problem', () => {
  it('makes a problem urgent when frequency x impact reaches the urgent threshold', () => {
    // 10 % of respondents, high churn risk (3) and high word of mouth (3): 10 x 6 = 60 >= 60.
    expect(priorityOf(10, 3, 3, rule)).toEqual({
      frequency: 10,
      impact: 6,
      score: 60,
      urgentAt: 60,
      importantAt: 30,
      priority: 'urgent',
    });
  });

  it('makes it important between the two thresholds and normal below', () => {
    // 12 % x (2 + 2) = 48: >= 30 and < 60.
    expect(priorityOf(12, 2, 2, rule).priority).toBe('important');
    // 7.5 % x (2 + 2) = 30: exactly the important threshold.
    expect(priorityOf(7.5, 2, 2, rule).priority).toBe('important');
    // 5 % x (1 + 3) = 20 < 30.
    const normal = priorityOf(5, 1, 3, rule);
    expect(normal.score).toBe(20);
    expect(normal.priority).toBe('normal');
  });

  it('follows thresholds the user changed', () => {
    // 12 % x 4 = 48: important by default, urgent when urgent starts at 45.
    expect(priorityOf(12, 2, 2, { urgentAt: 45, importantAt: 15 }).priority).toBe('urgent');
    // 5 % x 4 = 20: normal by default, important when important starts at 15.
    expect(priorityOf(5, 2, 2, { urgentAt: 45, importantAt: 15 }).priority).toBe('important');
  });

  it('ranks the same frequency higher when the impact is higher', () => {
    // 8 % x 2 = 16 (normal) against 8 % x 6 = 48 (important).
    expect(priorityOf(8, 1, 1, rule).priority).toBe('normal');
    expect(priorityOf(8, 3, 3, rule).priority).toBe('important');
  });

  it('keeps the figures exact when the frequency comes from a share', () => {
    // 0.1 x 100 = 10.000000000000002 in floating point; 10 x 6 must still reach 60.
    expect(priorityOf(0.1 * 100, 3, 3, rule).score).toBe(60);
  });
});
