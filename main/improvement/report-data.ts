/**
 * What the reports show of the improvement loop for one survey: its actions with status and
 * verification results, and the service-quality standards; plus how a target metric reads.
 */
import type { TFunction } from 'i18next';
import type { Action, Metric, Standard } from '../../shared/improvement';
import {
  textIn,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../shared/questionnaire/model';
import type { Db } from '../db/connection';
import { improvementService } from './service';

export interface ImprovementReportData {
  actions: Action[];
  standards: Standard[];
}

export function improvementReportData(
  db: Db,
  surveyId: string,
  now?: () => Date,
): ImprovementReportData {
  const service = improvementService(db, now ? { now } : {});
  return { actions: service.actions(surveyId), standards: service.standards() };
}

/** "Responsiveness score", "NPS", an item's wording: a target metric in the report's language. */
export function metricName(
  t: TFunction,
  metric: Metric,
  definition: SurveyDefinition,
  lang: SurveyLanguage,
): string {
  const dimension = definition.dimensions.find((d) => d.id === metric.ref);
  const item = definition.pages
    .flatMap((p) => p.questions)
    .flatMap((q) =>
      q.type === 'matrix'
        ? q.items.map((i) => ({ name: i.name, label: i.label }))
        : [{ name: q.name, label: q.label }],
    )
    .find((q) => q.name === metric.ref);
  const name = dimension
    ? textIn(dimension.name, lang, definition.defaultLanguage)
    : item
      ? textIn(item.label, lang, definition.defaultLanguage)
      : (metric.ref ?? '');
  switch (metric.kind) {
    case 'index':
      return t('improvement.metric.index');
    case 'nps':
      return t('improvement.metric.nps');
    case 'top2':
      return metric.ref === null
        ? t('improvement.metric.top2Overall')
        : t('improvement.metric.top2', { name });
    default:
      return t(`improvement.metric.${metric.kind}`, { name });
  }
}

const SYMBOL: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };
export const operatorSymbol = (operator: string): string => SYMBOL[operator] ?? operator;
