/**
 * `surveydesk sample draw --wave W --seed N [--strata type,region] [--include C1,C2] [--dry-run]`
 * prints the plan per stratum and (unless --dry-run) draws and stores the sample;
 * `surveydesk sample status --wave W` prints contact progress and response rates against the
 * targets. Same services and rules as the Customers screen's sampling tab.
 */
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import type { Wave } from '../../shared/responses';
import {
  CONTACT_STATUSES,
  isReminderDue,
  STRATUM_ATTRIBUTES,
  type PlanStratum,
  type RateRow,
  type SamplePlan,
  type SampleRule,
  type SampleView,
  type SamplingDefaults,
  type StratumAttribute,
} from '../../shared/sampling';
import type { SurveySummary } from '../../shared/surveys';
import type { RunningServices } from '../services/start';
import { call, withServices, type Command, type CommandContext } from './support';

function option(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function usage(ctx: CommandContext): AppError {
  return new AppError('INVALID_INPUT', { details: createI18n(ctx.locale).t('sampling.cli.usage') });
}

/** A wave by id, or by name (within --survey CODE when given). */
async function findWave(ctx: CommandContext, services: RunningServices): Promise<Wave> {
  const key = option(ctx, 'wave');
  if (!key) throw usage(ctx);
  const t = createI18n(ctx.locale).t;
  let surveyId: string | undefined;
  const surveyKey = option(ctx, 'survey');
  if (surveyKey) {
    const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
    surveyId = surveys.find((s) => s.code === surveyKey || s.id === surveyKey)?.id;
    if (!surveyId) throw new AppError('NOT_FOUND', { what: `survey ${surveyKey}` });
  }
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

function list(ctx: CommandContext, name: string): string[] {
  return (option(ctx, name) ?? '')
    .split(/[,，\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function strataOption(ctx: CommandContext): StratumAttribute[] {
  const t = createI18n(ctx.locale).t;
  return list(ctx, 'strata').map((name) => {
    if (!(STRATUM_ATTRIBUTES as readonly string[]).includes(name)) {
      throw new AppError('INVALID_INPUT', {
        details: t('sampling.cli.badStrata', { name, allowed: STRATUM_ATTRIBUTES.join(', ') }),
      });
    }
    return name as StratumAttribute;
  });
}

/**
 * --rule standard (DOMAIN.md's rule, small strata in full) | standard-min (small strata: at
 * least the minimum) | size:N (N per stratum) | fraction:P (P % per stratum).
 */
function ruleOption(ctx: CommandContext): SampleRule {
  const text = option(ctx, 'rule') ?? 'standard';
  if (text === 'standard') return { kind: 'domain', smallStratum: 'all' };
  if (text === 'standard-min') return { kind: 'domain', smallStratum: 'atLeast' };
  const size = /^size:(\d{1,7})$/.exec(text);
  if (size && Number(size[1]) >= 1) return { kind: 'fixedSize', size: Number(size[1]) };
  const fraction = /^fraction:(\d{1,3}(?:\.\d+)?)$/.exec(text);
  const percent = fraction ? Number(fraction[1]) : NaN;
  if (percent > 0 && percent <= 100) return { kind: 'fixedFraction', fraction: percent / 100 };
  throw new AppError('INVALID_INPUT', {
    details: createI18n(ctx.locale).t('sampling.cli.badRule', { rule: text }),
  });
}

function seedOption(ctx: CommandContext): number {
  const text = option(ctx, 'seed');
  const seed = text && /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(seed) || seed > 0xffffffff) {
    throw new AppError('INVALID_INPUT', {
      details: createI18n(ctx.locale).t('sampling.cli.badSeed'),
    });
  }
  return seed;
}

/** Local date and time to the minute (the stored time is UTC). */
function localMinute(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function planTable(ctx: CommandContext, plan: SamplePlan, defaults: SamplingDefaults): string {
  const t = createI18n(ctx.locale).t;
  const basis = (s: PlanStratum) =>
    t(`sampling.basis.${s.basis}`, {
      percent: Math.round(defaults.minFraction * 100),
      minBase: defaults.minBase,
      n: defaults.smallMin,
    });
  const header = [
    'stratum',
    'population',
    'certain',
    'sampleSize',
    'fraction',
    'weight',
    'basis',
  ].map((c) => t(`sampling.columns.${c}`));
  const rows = plan.strata.map((s) => [
    s.key,
    String(s.population),
    String(s.certain),
    String(s.sampleSize),
    percent(s.fraction),
    s.weight === null ? '-' : s.weight.toFixed(4),
    basis(s),
  ]);
  const lines = [header, ...rows].map((cells) => cells.join('\t'));
  lines.push(
    t('sampling.design.planTotal', { size: plan.sampleSize, population: plan.population }),
  );
  if (plan.unknownIncludes.length > 0) {
    lines.push(t('sampling.design.unknownIncludes', { codes: plan.unknownIncludes.join(', ') }));
  }
  return `${lines.join('\n')}\n`;
}

function rateLines(
  ctx: CommandContext,
  title: string,
  rows: RateRow[],
  label: (key: string) => string,
): string[] {
  const t = createI18n(ctx.locale).t;
  return [
    `${title}:`,
    ...rows.map(
      (r) =>
        `  ${label(r.key)}\t${r.responded}/${r.sampled}\t${percent(r.rate)}\t${t('sampling.cli.target')} ${percent(r.target)}${
          r.rate < r.target ? `\t${t('sampling.cli.below')}` : ''
        }`,
    ),
  ];
}

function statusText(ctx: CommandContext, view: SampleView, wave: Wave): string {
  const t = createI18n(ctx.locale).t;
  const sample = view.sample!;
  const rates = view.rates!;
  const counts = CONTACT_STATUSES.map(
    (status) =>
      `  ${t(`sampling.status.${status}`)}\t${view.members.filter((m) => m.status === status).length}`,
  );
  const lines = [
    t('sampling.cli.sample', {
      wave: wave.name,
      size: sample.size,
      population: sample.population,
      seed: sample.seed,
      at: localMinute(sample.drawnAt),
    }),
    `${t('sampling.cli.statuses')}:`,
    ...counts,
    t('sampling.cli.due', { n: view.members.filter((m) => isReminderDue(m, view.today)).length }),
    t('sampling.rates.overall', {
      responded: rates.overall.responded,
      sampled: rates.overall.sampled,
      rate: percent(rates.overall.rate),
      target: percent(rates.overall.target),
    }),
    ...rateLines(ctx, t('sampling.rates.byStratum'), rates.byStratum, (key) => key),
    ...rateLines(ctx, t('sampling.rates.byChannel'), rates.byChannel, (key) =>
      t(`sampling.channel.${key}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export const sampleCommand: Command = {
  summary: {
    en: 'draw a stratified sample for a wave (draw) or show contacts and response rates (status)',
    'zh-CN': '为调查批次分层抽样（draw），或查看联系进度与回收率（status）',
  },
  run: (ctx) => {
    const action = ctx.args[0];
    if (action !== 'draw' && action !== 'status') throw usage(ctx);
    const t = createI18n(ctx.locale).t;
    return withServices(ctx, false, async (services) => {
      const wave = await findWave(ctx, services);
      if (action === 'status') {
        const view = await call<SampleView>(services, 'sample.get', { waveId: wave.id });
        if (!view.sample) {
          ctx.io.err(`${t('sampling.cli.noSample', { wave: wave.name })}\n`);
          return 1;
        }
        ctx.io.out(
          ctx.json
            ? `${JSON.stringify({ sample: view.sample, rates: view.rates }, null, 2)}\n`
            : statusText(ctx, view, wave),
        );
        return 0;
      }
      const seed = seedOption(ctx);
      const design = {
        strata: strataOption(ctx),
        rule: ruleOption(ctx),
        alwaysInclude: list(ctx, 'include'),
      };
      const defaults = await call<SamplingDefaults>(services, 'sample.defaults', {});
      const plan = await call<SamplePlan>(services, 'sample.plan', { waveId: wave.id, design });
      if (ctx.options['dry-run']) {
        ctx.io.out(
          ctx.json
            ? `${JSON.stringify(plan, null, 2)}\n`
            : `${planTable(ctx, plan, defaults)}${t('sampling.cli.dryRun')}\n`,
        );
        return 0;
      }
      const view = await call<SampleView>(services, 'sample.draw', {
        waveId: wave.id,
        design,
        seed,
      });
      if (ctx.json) {
        ctx.io.out(`${JSON.stringify({ plan, sample: view.sample }, null, 2)}\n`);
      } else {
        ctx.io.out(planTable(ctx, plan, defaults));
        ctx.io.out(
          `${t('sampling.cli.drawn', { seed, size: view.sample!.size, population: view.sample!.population, wave: wave.name })}\n`,
        );
      }
      return 0;
    });
  },
};
