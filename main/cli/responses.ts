/**
 * `surveydesk responses list [--survey CODE] [--wave NAME|ID] [--status S] [--flag F] [--json]`
 * prints the response register; `surveydesk responses flag --wave NAME|ID` recomputes the
 * cleaning flags of a wave with the current settings and prints the counts per rule.
 */
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import { FLAG_RULES, type ResponseSummary, type Wave } from '../../shared/responses';
import type { SurveySummary } from '../../shared/surveys';
import type { RunningServices } from '../services/start';
import { call, withServices, type Command, type CommandContext } from './support';
import { displayWidth, table } from './table';

const PAGE = 1000;

function option(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

async function findSurvey(services: RunningServices, key: string): Promise<SurveySummary> {
  const list = await call<SurveySummary[]>(services, 'surveys.list', {});
  const found = list.find((s) => s.code === key || s.id === key);
  if (!found) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
  return found;
}

/** A wave by id, or by name (within --survey when given); a name used twice must be narrowed. */
async function findWave(
  ctx: CommandContext,
  services: RunningServices,
  key: string,
  surveyId: string | undefined,
): Promise<Wave> {
  const t = createI18n(ctx.locale).t;
  const waves = await call<Wave[]>(services, 'waves.list', surveyId ? { surveyId } : {});
  const byId = waves.find((w) => w.id === key);
  if (byId) return byId;
  const named = waves.filter((w) => w.name === key);
  if (named.length > 1)
    throw new AppError('INVALID_INPUT', {
      details: t('register.cli.waveAmbiguous', { wave: key }),
    });
  if (!named[0])
    throw new AppError('NOT_FOUND', { what: t('register.cli.waveNotFound', { wave: key }) });
  return named[0];
}

/** Local date and time to the minute, the same on every machine's locale settings. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function registerTable(ctx: CommandContext, items: ResponseSummary[]): string {
  const t = createI18n(ctx.locale).t;
  const c = (key: string) => t(`register.columns.${key}`);
  const header = [
    'id',
    c('started'),
    c('customer'),
    c('survey'),
    c('wave'),
    c('channel'),
    c('status'),
    c('flags'),
    c('interviewer'),
    c('answers'),
    c('revision'),
  ];
  const rows = items.map((r) => [
    r.id.slice(0, 8),
    localTime(r.startedAt),
    r.customerName ?? '-',
    `${r.surveyTitle} v${r.versionNo}`,
    r.waveName ?? '-',
    t(`register.channel.${r.channel}`),
    t(`register.status.${r.status}`),
    r.flags
      .map(
        (f) =>
          `${t(`register.rule.${f.rule}`)}${f.override ? `(${t(f.override.keep ? 'register.kept' : 'register.excluded')})` : ''}`,
      )
      .join(', ') || '-',
    r.interviewer ?? '-',
    String(r.answerCount),
    String(r.revision),
  ]);
  return table(header, rows);
}

const SUBCOMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  list: (ctx) =>
    withServices(ctx, false, async (services) => {
      const surveyKey = option(ctx, 'survey');
      const waveKey = option(ctx, 'wave');
      const survey = surveyKey ? await findSurvey(services, surveyKey) : undefined;
      const wave = waveKey ? await findWave(ctx, services, waveKey, survey?.id) : undefined;
      const filter = {
        ...(survey ? { surveyId: survey.id } : {}),
        ...(wave ? { waveId: wave.id } : {}),
        ...(option(ctx, 'status') ? { status: option(ctx, 'status') } : {}),
        ...(option(ctx, 'flag') ? { flag: option(ctx, 'flag') } : {}),
      };
      const items: ResponseSummary[] = [];
      let total = 0;
      do {
        const page = await call<{ total: number; items: ResponseSummary[] }>(
          services,
          'responses.list',
          { ...filter, limit: PAGE, offset: items.length },
        );
        total = page.total;
        items.push(...page.items);
        if (page.items.length === 0) break;
      } while (items.length < total);
      if (ctx.json) {
        ctx.io.out(`${JSON.stringify({ total, items }, null, 2)}\n`);
        return 0;
      }
      const t = createI18n(ctx.locale).t;
      ctx.io.out(
        items.length
          ? `${registerTable(ctx, items)}\n${t('register.cli.total', { n: total })}\n`
          : `${t('register.cli.none')}\n`,
      );
      return 0;
    }),
  flag: (ctx) =>
    withServices(ctx, false, async (services) => {
      const t = createI18n(ctx.locale).t;
      const waveKey = option(ctx, 'wave');
      if (!waveKey) throw new AppError('INVALID_INPUT', { details: t('register.cli.needWave') });
      const surveyKey = option(ctx, 'survey');
      const survey = surveyKey ? await findSurvey(services, surveyKey) : undefined;
      const wave = await findWave(ctx, services, waveKey, survey?.id);
      const found = await call<Record<string, number>>(services, 'responses.recomputeFlags', {
        waveId: wave.id,
      });
      const counts = Object.fromEntries(FLAG_RULES.map((rule) => [rule, found[rule] ?? 0]));
      if (ctx.json) {
        ctx.io.out(
          `${JSON.stringify({ wave: { id: wave.id, name: wave.name }, counts }, null, 2)}\n`,
        );
        return 0;
      }
      const rows = FLAG_RULES.map((rule) => [
        `  ${t(`register.rule.${rule}`)} (${rule})`,
        String(counts[rule]),
      ]);
      const width = Math.max(...rows.map(([label]) => displayWidth(label ?? '')));
      ctx.io.out(`${t('register.cli.counts', { wave: wave.name })}\n`);
      for (const [label = '', n = ''] of rows)
        ctx.io.out(`${label}${' '.repeat(width - displayWidth(label))}  ${n.padStart(5)}\n`);
      return 0;
    }),
};

export const responsesCommand: Command = {
  summary: {
    en: 'the response register: list [--survey CODE] [--wave NAME|ID] [--status S] [--flag F]; flag --wave NAME|ID',
    'zh-CN':
      '答卷登记：list [--survey 问卷编号] [--wave 批次] [--status 状态] [--flag 标记]；flag --wave 批次（重新计算标记）',
  },
  run: (ctx) => {
    const sub = SUBCOMMANDS[ctx.args[0] ?? ''];
    if (!sub) {
      ctx.io.err(`${createI18n(ctx.locale).t('register.cli.usage')}\n`);
      return Promise.resolve(2);
    }
    return sub(ctx);
  },
};
