/**
 * `surveydesk actions list [--overdue] [--survey CODE] [--json]`: the improvement actions with
 * their status, owner, due date, target, baseline and latest verification; overdue ones marked.
 */
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import type { Action, Metric } from '../../shared/improvement';
import type { SurveySummary } from '../../shared/surveys';
import { call, withServices, type Command, type CommandContext } from './support';
import { table } from './table';

type T = ReturnType<typeof createI18n>['t'];

function metricText(t: T, metric: Metric): string {
  if (metric.kind === 'index') return t('improvement.metric.index');
  if (metric.kind === 'nps') return t('improvement.metric.nps');
  if (metric.kind === 'top2' && metric.ref === null) return t('improvement.metric.top2Overall');
  return t(`improvement.metric.${metric.kind}`, { name: metric.ref ?? '' });
}

const one = (v: number | null) => (v === null ? '-' : v.toFixed(1));

export function actionsTable(t: T, actions: Action[]): string {
  const c = (key: string) => t(`improvement.cli.columns.${key}`);
  const rows = actions.map((a) => {
    const last = a.verifications.at(-1);
    return [
      t(`improvement.status.${a.status}`),
      a.dueOn +
        (a.overdue
          ? ` ${t('improvement.cli.overdueMark')}`
          : a.atRisk
            ? ` ${t('improvement.cli.atRiskMark')}`
            : ''),
      a.owner + (a.department ? ` / ${a.department}` : ''),
      `${metricText(t, a.metric)} ${a.operator} ${a.target}`,
      one(a.baseline),
      last
        ? `${last.waveName}: ${one(last.value)} ${last.met ? t('improvement.actions.met') : t('improvement.actions.notMet')}`
        : '-',
      a.title,
    ];
  });
  return table(
    [c('status'), c('due'), c('owner'), c('target'), c('baseline'), c('verification'), c('title')],
    rows,
  );
}

async function list(ctx: CommandContext): Promise<number> {
  return withServices(ctx, false, async (services) => {
    const t = createI18n(ctx.locale).t;
    const surveyKey = typeof ctx.options.survey === 'string' ? ctx.options.survey.trim() : '';
    let surveyId: string | undefined;
    if (surveyKey) {
      const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
      const found = surveys.find((s) => s.code === surveyKey || s.id === surveyKey);
      if (!found)
        throw new AppError('NOT_FOUND', {
          what: t('improvement.cli.surveyNotFound', { survey: surveyKey }),
        });
      surveyId = found.id;
    }
    const overdue = ctx.options.overdue === true;
    const actions = await call<Action[]>(services, 'improvement.actions', {
      ...(surveyId ? { surveyId } : {}),
      overdue,
    });
    if (ctx.json) {
      ctx.io.out(`${JSON.stringify(actions, null, 2)}\n`);
      return 0;
    }
    if (actions.length === 0) {
      ctx.io.out(`${t(overdue ? 'improvement.cli.noneOverdue' : 'improvement.cli.none')}\n`);
      return 0;
    }
    const late = actions.filter((a) => a.overdue).length;
    ctx.io.out(
      `${actionsTable(t, actions)}\n${t('improvement.cli.total', { n: actions.length, overdue: late })}\n`,
    );
    return 0;
  });
}

export const actionsCommand: Command = {
  summary: {
    en: 'improvement actions: list [--overdue] [--survey CODE]',
    'zh-CN': '改进措施：list [--overdue 仅逾期] [--survey 问卷编号]',
  },
  run: (ctx) => {
    if (ctx.args[0] !== 'list') {
      ctx.io.err(`${createI18n(ctx.locale).t('improvement.cli.usage')}\n`);
      return Promise.resolve(2);
    }
    return list(ctx);
  },
};
