/**
 * `surveydesk backup [--out FILE]`, `surveydesk backups` and `surveydesk restore [FILE]`.
 * A restore checks the file first (full integrity check, a SurveyDesk database, not newer than
 * this version); the current file is kept beside the database, never deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import { listBackups, restoreBackup } from '../db/backups';
import { backupToFile, checkedCopy } from '../privacy/backup-files';
import { call, withServices, type Command } from './support';

export const backupCommand: Command = {
  summary: {
    en: 'make a backup now (into the backups folder, or --out FILE)',
    'zh-CN': '立即备份（存入备份文件夹，或 --out 指定文件）',
  },
  run: (ctx) =>
    withServices(ctx, false, async (services) => {
      const t = createI18n(ctx.locale).t;
      if (ctx.out) {
        const saved = await backupToFile(services.ctx.db, path.resolve(ctx.out));
        ctx.io.out(
          ctx.json
            ? `${JSON.stringify(saved, null, 2)}\n`
            : `${t('jobs.backupDone', { path: saved.path })}\n`,
        );
        return 0;
      }
      const started = await call<{ id: string }>(services, 'jobs.start', { kind: 'db.backup' });
      const job = await services.ctx.jobs.waitFor(started.id);
      if (job.status !== 'done') throw new Error(job.error?.message ?? job.status);
      const result = job.result as { path: string };
      ctx.io.out(`${t('jobs.backupDone', { path: result.path })}\n`);
      return 0;
    }),
};

export const backupsCommand: Command = {
  summary: { en: 'list backups, newest first', 'zh-CN': '列出备份（最新的在前）' },
  run: (ctx) => {
    const backups = listBackups(ctx.paths.backupsDir);
    ctx.io.out(
      ctx.json
        ? `${JSON.stringify(backups, null, 2)}\n`
        : backups
            .map((b) => `${b.createdAt}  ${b.reason}  v${b.schemaVersion ?? '?'}  ${b.path}`)
            .join('\n') + '\n',
    );
    return Promise.resolve(0);
  },
};

export const restoreCommand: Command = {
  summary: {
    en: 'replace the database with a backup (restore FILE, or the newest backup); the old file is kept aside',
    'zh-CN': '用备份替换数据库（restore 文件，缺省为最新备份）；原文件会另存保留',
  },
  run: (ctx) => {
    const named = ctx.args[0] ?? ctx.from;
    const from = named ? path.resolve(named) : listBackups(ctx.paths.backupsDir)[0]?.path;
    if (!from || !fs.existsSync(from)) {
      throw new AppError('BACKUP_NOT_FOUND', { path: from ?? ctx.paths.backupsDir });
    }
    // A copy is checked before anything moves: a damaged or foreign file leaves the database
    // untouched, and the user's file is never opened in place.
    const work = fs.mkdtempSync(path.join(path.dirname(ctx.paths.dbPath), '.restore-'));
    let result: { damagedCopy: string | null };
    try {
      const { copy } = checkedCopy(from, work);
      result = restoreBackup(ctx.paths.dbPath, copy);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    ctx.io.out(
      ctx.locale === 'zh-CN'
        ? `已从 ${from} 恢复。${result.damagedCopy ? `原文件保存在 ${result.damagedCopy}。` : ''}\n`
        : `Restored from ${from}.${result.damagedCopy ? ` The previous file is kept as ${result.damagedCopy}.` : ''}\n`,
    );
    return Promise.resolve(0);
  },
};
