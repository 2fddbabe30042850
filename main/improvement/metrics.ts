/**
 * Figures of one wave's analysis that targets and standards are measured on, and the problems the
 * analysis suggests: low performance x high importance from the priority list, and complaint
 * themes of the open answers with their frequency. Pure: an AnalysisResult in, figures out.
 */
import type { AnalysisResult, Score } from '../../shared/analysis';
import type {
  ImpactLevel,
  ImprovementSettings,
  Metric,
  Operator,
  ProblemSuggestion,
} from '../../shared/improvement';
import { priorityOf } from './priority';

const round1 = (v: number) => Math.round(v * 10) / 10;

function score100(score: Score | undefined): number | null {
  return score?.ok ? score.score100 : null;
}

/** % of respondents in the top two boxes of an item, or the mean of that share over a dimension's items. */
function top2Of(result: AnalysisResult, ref: string | null): number | null {
  if (ref === null) {
    const overall = result.satisfaction?.score;
    return overall?.ok && overall.top2 !== null ? overall.top2 * 100 : null;
  }
  const names = result.dimensions.find((d) => d.id === ref)?.items ?? [ref];
  const shares = names
    .map((name) => result.items.find((i) => i.name === name)?.score)
    .map((s) => (s?.ok && s.top2 !== null ? s.top2 : null))
    .filter((s): s is number => s !== null);
  return shares.length === 0 ? null : (shares.reduce((a, b) => a + b, 0) / shares.length) * 100;
}

/** The metric's value in this analysis (100-point scores, NPS -100..100, top-2-box in %); null when not computable. */
export function metricValue(result: AnalysisResult, metric: Metric): number | null {
  switch (metric.kind) {
    case 'index':
      return score100(result.index);
    case 'dimension':
      return score100(result.dimensions.find((d) => d.id === metric.ref)?.score);
    case 'item':
      return score100(result.items.find((i) => i.name === metric.ref)?.score);
    case 'nps':
      return result.nps?.ok ? result.nps.nps : null;
    case 'top2':
      return top2Of(result, metric.ref);
  }
}

export function meetsTarget(value: number, operator: Operator, target: number): boolean {
  switch (operator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}

/** % of respondents in the bottom two boxes (1-2 of 5 or 7; 1 of 3) of an item, or its mean over a dimension's items. */
function dissatisfiedOf(result: AnalysisResult, ref: string): number | null {
  const names = result.dimensions.find((d) => d.id === ref)?.items ?? [ref];
  const shares = names
    .map((name) => result.items.find((i) => i.name === name))
    .map((item) => {
      if (!item?.score.ok || item.score.distribution.length === 0) return null;
      const bottom = item.points >= 5 ? 2 : 1;
      return item.score.distribution
        .filter((d) => d.value <= bottom)
        .reduce((sum, d) => sum + d.share, 0);
    })
    .filter((s): s is number => s !== null);
  return shares.length === 0 ? null : (shares.reduce((a, b) => a + b, 0) / shares.length) * 100;
}

/**
 * Problems suggested by one wave's analysis. Frequency of a priority entry = % of respondents
 * dissatisfied (bottom two boxes); of a theme = % of open answers mentioning it. Churn risk follows the
 * driver's importance (above the list's median: high), word of mouth the performance (< 70: high,
 * < 80: medium) or, for themes, the share of dissatisfied respondents among those mentioning it.
 */
export function suggestProblems(
  result: AnalysisResult,
  rule: ImprovementSettings['priority'],
): Omit<ProblemSuggestion, 'problemId'>[] {
  const out: Omit<ProblemSuggestion, 'problemId'>[] = [];
  const importances = result.priorities.map((p) => p.importance).sort((a, b) => a - b);
  const median = importances.length ? importances[Math.floor((importances.length - 1) / 2)]! : 0;
  for (const p of result.priorities) {
    const metric: Metric = { kind: p.kind, ref: p.id };
    const frequency = round1(dissatisfiedOf(result, p.id) ?? 0);
    const churnRisk: ImpactLevel = p.importance > median ? 3 : 2;
    const wordOfMouth: ImpactLevel = p.performance < 70 ? 3 : p.performance < 80 ? 2 : 1;
    out.push({
      source: 'priority',
      sourceRef: `${p.kind}:${p.id}`,
      title: p.label,
      frequency,
      churnRisk,
      wordOfMouth,
      reason: priorityOf(frequency, churnRisk, wordOfMouth, rule),
      metric,
      baseline: metricValue(result, metric),
      detail: { performance: p.performance, importance: p.importance },
    });
  }
  for (const text of result.texts) {
    for (const theme of text.themes) {
      const complaint = theme.dimension !== null || (theme.dissatisfiedShare ?? 0) >= 0.3;
      if (!complaint || theme.count === 0) continue;
      const frequency = round1(theme.share * 100);
      const wordOfMouth: ImpactLevel = (theme.dissatisfiedShare ?? 0) >= 0.5 ? 3 : 2;
      const metric: Metric | null = theme.dimension
        ? { kind: 'dimension', ref: theme.dimension }
        : null;
      out.push({
        source: 'theme',
        sourceRef: `${text.question}:${theme.id}`,
        title: theme.label,
        frequency,
        churnRisk: 2,
        wordOfMouth,
        reason: priorityOf(frequency, 2, wordOfMouth, rule),
        metric,
        baseline: metric ? metricValue(result, metric) : null,
        detail: { quotes: theme.quotes.slice(0, 3), responseIds: theme.responseIds.slice(0, 200) },
      });
    }
  }
  return out.sort((a, b) => b.reason.score - a.reason.score);
}
