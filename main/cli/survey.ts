/**
 * `surveydesk survey list | import FILE | export ID --format xlsform|json --out FILE | check FILE`.
 * ID is the survey's code (SV2026-001) or its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import { checkDefinition, hasErrors, problemMessage } from '../../shared/questionnaire/check';
import type { ImportIssue, SurveyImportResult, SurveySummary } from '../../shared/surveys';
import { importSurveyFile } from '../surveys/files';
import { call, withServices, type Command, type CommandContext } from './support';

function issueLine(issue: ImportIssue, ctx: CommandContext): string {
  const where = [issue.sheet, issue.row ? (ctx.locale === 'zh-CN' ? `第 ${issue.row} 行` : `row ${issue.row}`) : '', issue.column ?? '']
    .filter(Boolean)
    .join(' · ');
  return `  ${where}: ${issue.message[ctx.locale]}`;
}

function readFile(file: string | undefined): { name: string; data: Buffer } {
  if (!file) throw new AppError('INVALID_INPUT', { details: 'FILE is missing' });
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { what: file });
  return { name: path.basename(file), data: fs.readFileSync(file) };
}

async function findSurvey(ctx: CommandContext, key: string | undefined): Promise<SurveySummary> {
  if (!key) throw new AppError('INVALID_INPUT', { details: 'ID (survey code or id) is missing' });
  return withServices(ctx, false, async (services) => {
    const list = await call<SurveySummary[]>(services, 'surveys.list', {});
    const found = list.find((s) => s.code === key || s.id === key);
    if (!found) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
    return found;
  });
}

const SUBCOMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  list: (ctx) =>
    withServices(ctx, false, async (services) => {
      const list = await call<SurveySummary[]>(services, 'surveys.list', {});
      if (ctx.json) ctx.io.out(`${JSON.stringify(list, null, 2)}\n`);
      else for (const s of list) ctx.io.out(`${s.code}  v${s.publishedVersion ?? '-'}${s.hasDraft ? '+draft' : ''}  ${s.title}\n`);
      return 0;
    }),
  import: (ctx) => {
    const file = readFile(ctx.args[1]);
    return withServices(ctx, false, async (services) => {
      const result = await services.dispatch('surveys.importData', { fileName: file.name, dataBase64: file.data.toString('base64') });
      if (!result.ok) {
        ctx.io.err(`surveydesk: ${result.error.message}\n`);
        for (const issue of result.error.issues ?? []) ctx.io.err(`  ${issue.path}: ${issue.message}\n`);
        return 1;
      }
      const { survey, warnings } = result.value as SurveyImportResult;
      ctx.io.out(ctx.json ? `${JSON.stringify({ id: survey.id, code: survey.code, warnings }, null, 2)}\n` : `${survey.code}  ${survey.title}\n`);
      if (!ctx.json) for (const w of warnings) ctx.io.err(`${issueLine(w, ctx)}\n`);
      return 0;
    });
  },
  export: async (ctx) => {
    const survey = await findSurvey(ctx, ctx.args[1]);
    const format = ctx.format ?? 'xlsform';
    if (format !== 'xlsform' && format !== 'json') throw new AppError('INVALID_INPUT', { details: '--format must be xlsform or json' });
    if (!ctx.out) throw new AppError('INVALID_INPUT', { details: '--out FILE is missing' });
    const out = path.resolve(ctx.out);
    return withServices(ctx, false, async (services) => {
      await call(services, 'surveys.exportFile', { id: survey.id, format, path: out });
      ctx.io.out(`${out}\n`);
      return 0;
    });
  },
  check: async (ctx) => {
    const file = readFile(ctx.args[1]);
    const t = createI18n(ctx.locale).t;
    let imported;
    try {
      imported = await importSurveyFile(file.name, file.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.io.err(`surveydesk: ${t(`errors.${error.code}`, error.params)}\n`);
      for (const issue of error.issues ?? []) ctx.io.err(`  ${issue.path}: ${issue.message}\n`);
      return 1;
    }
    for (const w of imported.warnings) ctx.io.out(`${issueLine(w, ctx)}\n`);
    const problems = checkDefinition(imported.definition);
    for (const p of problems) ctx.io.out(`${t(`designer.severity.${p.severity}`)}: ${problemMessage(p, t)}\n`);
    if (problems.length === 0) ctx.io.out(`${t('designer.noProblems')}\n`);
    return hasErrors(problems) ? 1 : 0;
  },
};

export const surveyCommand: Command = {
  summary: {
    en: 'questionnaires: list | import FILE | export ID --format xlsform|json --out FILE | check FILE',
    'zh-CN': '问卷：list | import 文件 | export 编号 --format xlsform|json --out 文件 | check 文件',
  },
  run: (ctx) => {
    const sub = SUBCOMMANDS[ctx.args[0] ?? ''];
    if (!sub) throw new AppError('INVALID_INPUT', { details: `survey ${ctx.args[0] ?? ''}: use list, import, export or check` });
    return sub(ctx);
  },
};
