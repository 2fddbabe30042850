/**
 * The improvement sheets of the Excel report: the survey's improvement actions (owner, due date,
 * target, baseline, status, latest verification) and the service-quality standards with their
 * latest result. Read from the improvement loop's tables (main/improvement/report-data.ts).
 */
import { createI18n } from '../../../shared/i18n';
import type { Action, Standard } from '../../../shared/improvement';
import type { Db } from '../../db/connection';
import {
  improvementReportData,
  metricName,
  operatorSymbol,
  type ImprovementReportData,
} from '../../improvement/report-data';
import type { ReportContext } from './report-context';
import { writeTableSheet, type Workbook } from './sheet-kit';

function meets(value: number, operator: string, target: number): boolean {
  return operator === '>='
    ? value >= target
    : operator === '>'
      ? value > target
      : operator === '<='
        ? value <= target
        : value < target;
}

/** Writes the two sheets from data already read (the report's own connection reads it in writeImprovementSheets). */
export function writeImprovementSheetsFrom(
  workbook: Workbook,
  ctx: ReportContext,
  data: ImprovementReportData,
): void {
  const t = createI18n(ctx.lang).t;
  const col = (key: string) => t(`improvement.report.col.${key}`);
  const yesNo = (met: boolean | null) =>
    met === null ? null : met ? t('improvement.report.yes') : t('improvement.report.no');
  const metric = (a: { metric: Action['metric'] }) =>
    metricName(t, a.metric, ctx.definition, ctx.lang);
  writeTableSheet<Action>(
    workbook,
    t('improvement.report.sheetActions'),
    [
      { header: col('action'), value: (a) => a.title, maxWidth: 36, wrap: true },
      { header: col('problem'), value: (a) => a.problemTitle, maxWidth: 30, wrap: true },
      { header: col('owner'), value: (a) => a.owner },
      { header: col('department'), value: (a) => a.department || null },
      { header: col('due'), value: (a) => a.dueOn },
      { header: col('metric'), value: (a) => metric(a), maxWidth: 30, wrap: true },
      { header: col('target'), value: (a) => `${operatorSymbol(a.operator)} ${a.target}` },
      { header: col('baseline'), value: (a) => a.baseline, format: 'score' },
      {
        header: col('status'),
        value: (a) =>
          t(`improvement.status.${a.status}`) +
          (a.overdue ? ` · ${t('improvement.dashboard.overdue')}` : ''),
      },
      { header: col('latest'), value: (a) => a.verifications.at(-1)?.waveName ?? null },
      {
        header: col('value'),
        value: (a) => a.verifications.at(-1)?.value ?? null,
        format: 'score',
      },
      { header: col('met'), value: (a) => yesNo(a.verifications.at(-1)?.met ?? null) },
      { header: col('measures'), value: (a) => a.measures || null, maxWidth: 44, wrap: true },
    ],
    data.actions,
  );
  const latest = (s: Standard) => {
    if (s.dataSource === 'manual')
      return {
        value: s.manualValue,
        wave: null,
        met: s.manualValue === null ? null : meets(s.manualValue, s.operator, s.target),
      };
    const last = s.results.at(-1);
    return { value: last?.value ?? null, wave: last?.waveName ?? null, met: last?.met ?? null };
  };
  writeTableSheet<Standard>(
    workbook,
    t('improvement.report.sheetStandards'),
    [
      { header: col('indicator'), value: (s) => s.indicator, maxWidth: 30, wrap: true },
      { header: col('dimension'), value: (s) => s.dimension || null },
      { header: col('target'), value: (s) => `${operatorSymbol(s.operator)} ${s.target}` },
      { header: col('formula'), value: (s) => s.formula || null, maxWidth: 36, wrap: true },
      { header: col('source'), value: (s) => t(`improvement.standards.source.${s.dataSource}`) },
      { header: col('metric'), value: (s) => (s.metric ? metric({ metric: s.metric }) : null) },
      { header: col('period'), value: (s) => s.period || null },
      {
        header: col('segment'),
        value: (s) =>
          s.segment
            ? `${t(`improvement.standards.attribute.${s.segment.attribute}`)} = ${s.segment.value}`
            : t('improvement.standards.allCustomers'),
      },
      { header: col('wave'), value: (s) => latest(s).wave },
      { header: col('value'), value: (s) => latest(s).value, format: 'score' },
      { header: col('met'), value: (s) => yesNo(latest(s).met) },
    ],
    data.standards,
  );
}

/**
 * The improvement actions and standards sheets of the survey the report is about; none for a
 * survey without an improvement loop (no action and no standard), so its report is unchanged.
 * Answers the names of the sheets written.
 */
export function writeImprovementSheets(
  workbook: Workbook,
  ctx: ReportContext,
  db: Db,
  surveyId: string,
): string[] {
  const data = improvementReportData(db, surveyId);
  if (data.actions.length === 0 && data.standards.length === 0) return [];
  writeImprovementSheetsFrom(workbook, ctx, data);
  const t = createI18n(ctx.lang).t;
  return [t('improvement.report.sheetActions'), t('improvement.report.sheetStandards')];
}
