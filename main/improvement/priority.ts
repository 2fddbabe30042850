/**
 * The priority rule of a problem (紧急/重要/一般): score = frequency (% of respondents affected) x
 * impact (churn risk + word of mouth, each 1-3). Thresholds are settings; the figures are kept so
 * the screen can show why a problem got its priority.
 */
import type { ImpactLevel, ImprovementSettings, PriorityReason } from '../../shared/improvement';

export function priorityOf(
  frequency: number,
  churnRisk: ImpactLevel,
  wordOfMouth: ImpactLevel,
  rule: ImprovementSettings['priority'],
): PriorityReason {
  const impact = churnRisk + wordOfMouth;
  // Rounded so that 20 % x 6 is exactly 120, not 119.99999 from a share computed upstream.
  const score = Math.round(frequency * impact * 100) / 100;
  const priority =
    score >= rule.urgentAt ? 'urgent' : score >= rule.importantAt ? 'important' : 'normal';
  return {
    frequency,
    impact,
    score,
    urgentAt: rule.urgentAt,
    importantAt: rule.importantAt,
    priority,
  };
}
