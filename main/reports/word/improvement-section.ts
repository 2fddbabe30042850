/**
 * The improvement section of the Word report (改进措施与闭环管理): the actions with owner, due
 * date and status, their verification by later waves (baseline, target, result), and the
 * service-quality standards with their latest result. Its data comes from the improvement loop,
 * not from the analysis: see main/improvement/report-data.ts.
 */
import type { Paragraph, Table } from 'docx';
import { createI18n } from '../../../shared/i18n';
import {
  metricName,
  operatorSymbol,
  type ImprovementReportData,
} from '../../improvement/report-data';
import type { ReportContext } from './context';
import { COLOUR } from './style';
import { statusCell, type Cell } from './tables';

type Block = Paragraph | Table;

export function improvementSection(
  ctx: ReportContext,
  data: ImprovementReportData | null,
): Block[] {
  const t = createI18n(ctx.lang).t;
  const r = (key: string, values?: Record<string, string | number>) =>
    t(`improvement.report.${key}`, values);
  const col = (key: string) => r(`col.${key}`);
  const score = (v: number | null) => (v === null ? ctx.words.none : ctx.fmt.score(v));
  const metric = (m: Parameters<typeof metricName>[1]) =>
    metricName(t, m, ctx.definition, ctx.lang);
  const paren = (text: string) => (ctx.lang === 'en' ? ` (${text})` : `（${text}）`);
  const blocks: Block[] = [ctx.h1(r('title'))];
  const actions = data?.actions ?? [];
  if (actions.length === 0) {
    blocks.push(ctx.body(r('none')));
  } else {
    blocks.push(
      ctx.intro(
        r('lead', {
          count: actions.length,
          verified: actions.filter((a) => a.status === 'verified').length,
          missed: actions.filter((a) => a.status === 'missed').length,
          overdue: actions.filter((a) => a.overdue).length,
        }),
      ),
    );
    blocks.push(ctx.h2(r('actions')));
    const rows: Cell[][] = actions.map((a) => [
      a.measures ? { text: a.title, lines: [a.title, a.measures] } : a.title,
      a.department ? `${a.owner}${paren(a.department)}` : a.owner,
      a.overdue ? { text: a.dueOn, color: COLOUR.bad, bold: true } : a.dueOn,
      `${metric(a.metric)} ${operatorSymbol(a.operator)} ${ctx.fmt.score(a.target)}`,
      score(a.baseline),
      statusCell(
        t(`improvement.status.${a.status}`),
        a.status === 'verified' ? true : a.status === 'missed' ? false : null,
      ),
    ]);
    blocks.push(
      ...ctx.table(
        r('actionsTable'),
        [
          { header: col('action'), width: 5 },
          { header: col('owner'), width: 3 },
          { header: col('due'), width: 2.2, align: 'center' },
          { header: col('target'), width: 4 },
          { header: col('baseline'), width: 2.1, align: 'right' },
          { header: col('status'), width: 2.2, align: 'center' },
        ],
        rows,
      ),
    );

    blocks.push(ctx.h2(r('verifications')));
    const verifications = actions.flatMap((a) => a.verifications.map((v) => ({ action: a, v })));
    if (verifications.length === 0) blocks.push(ctx.body(r('noVerifications')));
    else {
      blocks.push(
        ctx.intro(
          r('verificationsLead', {
            count: verifications.length,
            met: verifications.filter((x) => x.v.met).length,
          }),
        ),
      );
      blocks.push(
        ...ctx.table(
          r('verificationsTable'),
          [
            { header: col('action'), width: 4 },
            { header: col('wave'), width: 2.5 },
            { header: col('metric'), width: 3.5 },
            { header: col('baseline'), width: 2.1, align: 'right' },
            { header: col('target'), width: 1.8, align: 'right' },
            { header: col('value'), width: 1.6, align: 'right' },
            { header: col('met'), width: 1.5, align: 'center' },
          ],
          verifications.map(({ action, v }) => [
            action.title,
            v.waveName,
            metric(action.metric),
            score(v.baseline),
            `${operatorSymbol(v.operator)} ${ctx.fmt.score(v.target)}`,
            score(v.value),
            statusCell(v.met ? r('yes') : r('no'), v.met),
          ]),
        ),
      );
    }
  }

  blocks.push(ctx.h2(r('standards')));
  const standards = data?.standards ?? [];
  if (standards.length === 0) blocks.push(ctx.body(r('noStandards')));
  else
    blocks.push(
      ...ctx.table(
        r('standardsTable'),
        [
          { header: col('indicator'), width: 4 },
          { header: col('dimension'), width: 2.5 },
          { header: col('target'), width: 2 },
          { header: col('segment'), width: 2.5 },
          { header: col('value'), width: 2.5 },
          { header: col('met'), width: 1.5, align: 'center' },
        ],
        standards.map((s) => {
          const latest =
            s.dataSource === 'manual'
              ? { value: s.manualValue, wave: '' }
              : { value: s.results.at(-1)?.value ?? null, wave: s.results.at(-1)?.waveName ?? '' };
          const met =
            s.dataSource === 'manual'
              ? s.manualValue === null
                ? null
                : compare(s.manualValue, s.operator, s.target)
              : (s.results.at(-1)?.met ?? null);
          return [
            s.formula ? { text: s.indicator, lines: [s.indicator, s.formula] } : s.indicator,
            s.dimension || (s.metric ? metric(s.metric) : ctx.words.none),
            `${operatorSymbol(s.operator)} ${s.target}`,
            s.segment
              ? `${t(`improvement.standards.attribute.${s.segment.attribute}`)} = ${s.segment.value}`
              : t('improvement.standards.allCustomers'),
            latest.value === null
              ? ctx.words.none
              : `${ctx.fmt.score(latest.value)}${latest.wave ? paren(latest.wave) : ''}`,
            statusCell(met === null ? ctx.words.none : met ? r('yes') : r('no'), met),
          ];
        }),
      ),
    );
  return blocks;
}

function compare(value: number, operator: string, target: number): boolean {
  return operator === '>='
    ? value >= target
    : operator === '>'
      ? value > target
      : operator === '<='
        ? value <= target
        : value < target;
}

/**
 * The improvement chapter as the report lays it out after the conclusions: only for a survey with
 * an improvement loop (an action or a standard), so other surveys' reports stay as they were.
 */
export function improvementChapter(
  ctx: ReportContext,
  data: ImprovementReportData | null | undefined,
): Block[] {
  if (!data || (data.actions.length === 0 && data.standards.length === 0)) return [];
  return improvementSection(ctx, data);
}
