/**
 * `surveydesk import-responses FILE --survey CODE [--map col=field,...] [--wave NAME] [--dry-run] [--json]`:
 * loads a CSV/XLSX of responses collected elsewhere. Every problem is printed with its row and
 * column and the command exits 1 with nothing stored; --dry-run checks without storing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/api/imports';
import { AppError } from '../../shared/errors';
import type { SurveySummary } from '../../shared/surveys';
import { parseMapOption } from '../imports/columns';
import { issueLine } from '../imports/issues';
import { importResponses } from '../imports/responses';
import { getSettings } from '../services/settings';
import { call, withServices, type Command, type CommandContext } from './support';

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function report(
  ctx: CommandContext,
  result: ImportResult,
  dryRun: boolean,
  survey: string,
): number {
  const zh = ctx.locale === 'zh-CN';
  const { io } = ctx;
  io.out(zh ? '各列的用途：\n' : 'Columns read as:\n');
  // A column named after its variable needs no arrow; the rest say what they were taken for.
  const same = result.columns.filter((c) => c.column === c.field).map((c) => c.column);
  if (same.length) io.out(`  ${zh ? '变量' : 'variables'}: ${same.join(', ')}\n`);
  for (const c of result.columns) if (c.column !== c.field) io.out(`  ${c.column} -> ${c.field}\n`);
  if (result.warnings.length) {
    io.out(zh ? '提示：\n' : 'Warnings:\n');
    for (const w of result.warnings) io.out(`  ${issueLine(w, ctx.locale)}\n`);
  }
  if (result.problems.length) {
    io.err(
      zh
        ? `有 ${result.problems.length} 个问题，未导入任何答卷：\n`
        : `${result.problems.length} problems; nothing was imported:\n`,
    );
    for (const p of result.problems) io.err(`  ${issueLine(p, ctx.locale)}\n`);
    return 1;
  }
  if (dryRun) {
    io.out(
      zh
        ? `试运行：可以导入 ${result.imported} 份答卷到 ${survey}；未保存任何内容。\n`
        : `Dry run: ${result.imported} responses can be imported into ${survey}; nothing was stored.\n`,
    );
  } else {
    io.out(
      zh
        ? `已导入 ${result.imported} 份答卷到 ${survey}。\n`
        : `Imported ${result.imported} responses into ${survey}.\n`,
    );
  }
  return 0;
}

export const importResponsesCommand: Command = {
  summary: {
    en: 'import responses from CSV/XLSX: FILE --survey CODE [--map col=field,...] [--wave NAME] [--dry-run]',
    'zh-CN':
      '从 CSV/XLSX 导入答卷：文件 --survey 编号 [--map 列=字段,...] [--wave 批次] [--dry-run]',
  },
  run: (ctx) => {
    const file = ctx.args[0];
    if (!file) throw new AppError('INVALID_INPUT', { details: 'FILE is missing' });
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { what: file });
    const key = text(ctx, 'survey');
    if (!key) throw new AppError('INVALID_INPUT', { details: '--survey CODE is missing' });
    const map = text(ctx, 'map');
    const dryRun = ctx.options['dry-run'] === true;
    return withServices(ctx, false, async (services) => {
      const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
      const survey = surveys.find((s) => s.code === key || s.id === key);
      if (!survey) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
      const result = await importResponses(
        { db: services.ctx.db, fieldwork: services.ctx.fieldwork, locale: ctx.locale },
        {
          surveyId: survey.id,
          fileName: path.basename(file),
          data: fs.readFileSync(file),
          map: map ? parseMapOption(map) : undefined,
          waveName: text(ctx, 'wave'),
          dryRun,
          actor: getSettings(services.ctx.db).operatorName,
        },
      );
      if (ctx.json) {
        ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
        return result.problems.length ? 1 : 0;
      }
      return report(ctx, result, dryRun, survey.code);
    });
  },
};
