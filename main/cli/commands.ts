/** The CLI's verbs. Each opens the database through the same services as the app. */
import type { AppInfo } from '../../shared/contract';
import { createI18n } from '../../shared/i18n';
import type { Locale } from '../../shared/locale';
import type { VerifyResult } from '../jobs/kinds';
import type { RunningServices } from '../services/start';
import { call, withServices, type Command } from './support';
import { actionsCommand } from './actions';
import { analyzeCommand } from './analyze';
import { backupCommand, backupsCommand, restoreCommand } from './backup';
import { demoCommand } from './demo';
import { reportCommand } from './report';
import { keysCommand, packageCommand } from './package';
import { importResponsesCommand } from './import-responses';
import { customersCommand } from '../customers/cli';
import { responsesCommand } from './responses';
import { sampleCommand } from './sample';
import { surveyCommand } from './survey';

export type { CliIO } from './support';

function printInfo(info: AppInfo, locale: Locale): string {
  const t = createI18n(locale).t;
  const lines = [
    `${t('settings.dbPath')}: ${info.dbPath}`,
    `${t('settings.schemaVersion')}: ${info.schemaVersion} / ${info.latestSchemaVersion}`,
    `${t('settings.appVersion')}: ${info.appVersion}`,
    `${t('settings.deviceId')}: ${info.deviceId}`,
    `${t('settings.counts')}:`,
    ...Object.entries(info.counts).map(([key, n]) => `  ${t(`counts.${key}`)}: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function runJob(
  services: RunningServices,
  kind: 'db.backup' | 'db.verify',
): Promise<unknown> {
  const started = await call<{ id: string }>(services, 'jobs.start', { kind });
  const job = await services.ctx.jobs.waitFor(started.id);
  if (job.status !== 'done') throw new Error(job.error?.message ?? job.status);
  return job.result;
}

export const COMMANDS: Record<string, Command> = {
  info: {
    summary: {
      en: 'schema version, device and record counts',
      'zh-CN': '数据结构版本、设备与记录数',
    },
    run: (ctx) =>
      withServices(ctx, false, async (services) => {
        const info = await call<AppInfo>(services, 'app.info', {});
        ctx.io.out(ctx.json ? `${JSON.stringify(info, null, 2)}\n` : printInfo(info, ctx.locale));
        return 0;
      }),
  },
  init: {
    summary: { en: 'create a new, empty database', 'zh-CN': '新建一个空数据库' },
    run: (ctx) =>
      withServices(ctx, true, async (services) => {
        const info = await call<AppInfo>(services, 'app.info', {});
        ctx.io.out(ctx.json ? `${JSON.stringify(info, null, 2)}\n` : printInfo(info, ctx.locale));
        return 0;
      }),
  },
  backup: backupCommand,
  check: {
    summary: { en: 'full integrity check', 'zh-CN': '完整性检查' },
    run: (ctx) =>
      withServices(ctx, false, async (services) => {
        const result = (await runJob(services, 'db.verify')) as VerifyResult;
        if (result.ok) ctx.io.out(`${createI18n(ctx.locale).t('jobs.verifyOk')}\n`);
        else ctx.io.err(`${result.problems.join('\n')}\n`);
        return result.ok ? 0 : 1;
      }),
  },
  backups: backupsCommand,
  survey: surveyCommand,
  responses: responsesCommand,
  demo: demoCommand,
  analyze: analyzeCommand,
  report: reportCommand,
  package: packageCommand,
  keys: keysCommand,
  actions: actionsCommand,
  'import-responses': importResponsesCommand,
  customers: customersCommand,
  sample: sampleCommand,
  restore: restoreCommand,
};

export function helpText(locale: Locale): string {
  const zh = locale === 'zh-CN';
  const verbs = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary[locale]}`)
    .join('\n');
  return zh
    ? `用法：surveydesk <命令> [--db 路径] [--json] [--lang zh-CN|en]\n\n命令：\n${verbs}\n\n--db 缺省为软件自己的数据库（用户数据文件夹中的 surveydesk.sqlite）。\n`
    : `Usage: surveydesk <command> [--db PATH] [--json] [--lang zh-CN|en]\n\nCommands:\n${verbs}\n\n--db defaults to the app's own database (surveydesk.sqlite in the user-data folder).\n`;
}
