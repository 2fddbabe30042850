/** How the improvement screen writes metrics, targets, priorities and dates in the UI language. */
import type { TFunction } from 'i18next';
import {
  OPERATORS,
  type ImprovementSettings,
  type Metric,
  type Operator,
  type PriorityReason,
} from '../../../../shared/improvement';
import { textIn } from '../../../../shared/questionnaire/model';
import type { Locale } from '../../../../shared/locale';
import type { MetricOption } from '../../stores/improvement';

/** The comparison operators as select options (shown as the symbols themselves). */
export const OPERATOR_OPTIONS = OPERATORS.map((o) => ({ value: o, label: o }));

/** The metrics the analysis offers, as select options in the UI language. */
export function metricOptions(t: TFunction, metrics: MetricOption[], locale: Locale) {
  return metrics.map((m) => ({
    value: m.key,
    label: metricLabel(t, { kind: m.kind, ref: m.ref }, metrics, locale),
  }));
}

export function one(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1);
}

export function metricLabel(
  t: TFunction,
  metric: Metric,
  options: MetricOption[],
  locale: Locale,
): string {
  const found = options.find((o) => o.kind === metric.kind && o.ref === metric.ref);
  const name = found?.label ? textIn(found.label, locale, 'zh-CN') : (metric.ref ?? '');
  switch (metric.kind) {
    case 'index':
      return t('improvement.metric.index');
    case 'nps':
      return t('improvement.metric.nps');
    case 'dimension':
      return t('improvement.metric.dimension', { name });
    case 'item':
      return t('improvement.metric.item', { name });
    case 'top2':
      return metric.ref === null
        ? t('improvement.metric.top2Overall')
        : t('improvement.metric.top2', { name });
  }
}

/** "20% × 6 = 120 · ≥ 120: urgent": the figures of the rule that gave the priority. */
export function priorityReason(t: TFunction, reason: PriorityReason): string {
  const figures = t('improvement.problems.reason', {
    frequency: one(reason.frequency),
    impact: reason.impact,
    score: one(reason.score),
  });
  const verdict =
    reason.priority === 'urgent'
      ? t('improvement.problems.reasonUrgent', { at: reason.urgentAt })
      : reason.priority === 'important'
        ? t('improvement.problems.reasonImportant', { at: reason.importantAt })
        : t('improvement.problems.reasonNormal', { at: reason.importantAt });
  return `${figures} · ${verdict}`;
}

/** A timestamp as local date and time, minutes only. */
export function when(iso: string | null): string {
  if (!iso) return '–';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const SYMBOLS: Record<Operator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
export function operatorSymbol(operator: Operator): string {
  return SYMBOLS[operator];
}

/**
 * A follow-up's detail ("responsiveness 40 · callback=phone") in words: dimension and question
 * names instead of their ids, the complaint and call-back answers as their reasons.
 */
export function followUpDetail(
  t: TFunction,
  detail: string,
  options: MetricOption[],
  locale: Locale,
  rules: ImprovementSettings['followUp'] | undefined,
): string {
  return detail
    .split(' · ')
    .map((part) => {
      const answer = /^([^=\s]+)=(.*)$/.exec(part);
      if (answer && rules) {
        if (answer[1] === rules.complaintQuestion)
          return t('improvement.followUps.reason.complaint');
        if (answer[1] === rules.callbackQuestion) return t('improvement.followUps.reason.callback');
        return part;
      }
      const score = /^(\S+) ([\d.]+)$/.exec(part);
      if (!score) return part;
      const found = options.find(
        (o) => (o.kind === 'dimension' || o.kind === 'item') && o.ref === score[1],
      );
      return found?.label ? `${textIn(found.label, locale, 'zh-CN')} ${score[2]}` : part;
    })
    .join(' · ');
}
