/**
 * `surveydesk customers list [TEXT] [--json]` and
 * `surveydesk customers import FILE [--map 列=字段,...] [--dry-run] [--json]`: the register from a
 * terminal. An import prints every failing row with its column, value and reason and exits 1 with
 * nothing stored; otherwise it backs the database up, then adds and updates by customer code.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CUSTOMER_IMPORT_TARGETS,
  type CustomerImportResult,
  type CustomerImportTarget,
} from '../../shared/api/customers';
import type { CustomerPage } from '../../shared/customers';
import { AppError } from '../../shared/errors';
import { call, withServices, type Command, type CommandContext } from '../cli/support';
import { createBackup } from '../db/backups';
import { parseMapOption } from '../imports/columns';
import { issueLine } from '../imports/issues';
import { getSettings } from '../services/settings';
import { importCustomerList } from './list-import';

const isTarget = (word: string): word is CustomerImportTarget =>
  (CUSTOMER_IMPORT_TARGETS as readonly string[]).includes(word);

/** `--map "客户状态=stage,阶段=ignore"`; exit 2 (INVALID_INPUT) on a field the register lacks. */
function mapOption(text: string | undefined): Record<string, CustomerImportTarget> | undefined {
  if (!text) return undefined;
  const map: Record<string, CustomerImportTarget> = {};
  for (const [column, target] of Object.entries(parseMapOption(text))) {
    if (!isTarget(target))
      throw new AppError('INVALID_INPUT', {
        details: `--map ${column}=${target}: the field is one of ${CUSTOMER_IMPORT_TARGETS.join(', ')}`,
      });
    map[column] = target;
  }
  return map;
}

function report(ctx: CommandContext, result: CustomerImportResult, dryRun: boolean): number {
  const zh = ctx.locale === 'zh-CN';
  const { io } = ctx;
  io.out(zh ? '各列的用途：\n' : 'Columns read as:\n');
  for (const c of result.columns) io.out(`  ${c.column} -> ${c.target}\n`);
  for (const w of result.warnings) io.out(`  ${issueLine(w, ctx.locale)}\n`);
  if (result.problems.length) {
    io.err(
      zh
        ? `有 ${result.problems.length} 个问题，未导入任何客户：\n`
        : `${result.problems.length} problems; no customer was imported:\n`,
    );
    for (const p of result.problems) io.err(`  ${issueLine(p, ctx.locale)}\n`);
    return 1;
  }
  const counts = zh
    ? `新增 ${result.created} 位，更新 ${result.updated} 位，无变化 ${result.unchanged} 位`
    : `${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged`;
  if (dryRun)
    io.out(
      zh ? `试运行：${counts}；未保存任何内容。\n` : `Dry run: ${counts}; nothing was stored.\n`,
    );
  else {
    io.out(zh ? `已导入：${counts}。\n` : `Imported: ${counts}.\n`);
    if (result.backup)
      io.out(
        zh ? `导入前的备份：${result.backup}\n` : `Backup before the import: ${result.backup}\n`,
      );
  }
  return 0;
}

async function importList(ctx: CommandContext): Promise<number> {
  const file = ctx.args[1];
  if (!file) throw new AppError('INVALID_INPUT', { details: 'FILE is missing' });
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { what: file });
  const map = mapOption(typeof ctx.options.map === 'string' ? ctx.options.map : undefined);
  const dryRun = ctx.options['dry-run'] === true;
  return withServices(ctx, false, async (services) => {
    const { db, paths } = services.ctx;
    const result = await importCustomerList(
      {
        db,
        locale: ctx.locale,
        actor: getSettings(db).operatorName,
        backup: async () => (await createBackup(db, paths.backupsDir, { reason: 'import' })).path,
      },
      { fileName: path.basename(file), data: fs.readFileSync(file), map, dryRun },
    );
    if (ctx.json) {
      ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
      return result.problems.length ? 1 : 0;
    }
    return report(ctx, result, dryRun);
  });
}

async function list(ctx: CommandContext): Promise<number> {
  return withServices(ctx, false, async (services) => {
    const page = await call<CustomerPage>(services, 'customerRegister.list', {
      search: ctx.args.slice(1).join(' '),
      limit: 500,
    });
    if (ctx.json) {
      ctx.io.out(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    }
    for (const c of page.items) {
      ctx.io.out(
        [
          c.code ?? '-',
          c.name,
          c.type ?? '-',
          c.stage ?? '-',
          c.region ?? '-',
          c.accountManager ?? '-',
        ].join('\t') + '\n',
      );
    }
    const zh = ctx.locale === 'zh-CN';
    ctx.io.out(
      zh
        ? `共 ${page.total} 位客户（显示 ${page.items.length} 位）\n`
        : `${page.total} customers (${page.items.length} shown)\n`,
    );
    return 0;
  });
}

export const customersCommand: Command = {
  summary: {
    en: 'the customer register: list [TEXT] | import FILE [--map col=field,...] [--dry-run]',
    'zh-CN': '客户档案：list [关键词] | import 文件 [--map 列=字段,...] [--dry-run]',
  },
  run: (ctx) => {
    const action = ctx.args[0];
    if (action === 'import') return importList(ctx);
    if (action === 'list') return list(ctx);
    throw new AppError('INVALID_INPUT', {
      details: 'customers list [TEXT] | customers import FILE',
    });
  },
};
