/** The privacy.* and database.* methods: personal-data rights and backups to chosen files. */
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import type { HandlersFor } from '../api/handlers';
import type { ServiceContext } from '../api/context';
import { listBackups } from '../db/backups';
import { getSettings } from '../services/settings';
import { backupToFile, restoreIntoRunning } from './backup-files';
import { erasePerson } from './erase';
import { writePersonExport } from './export';
import { collectPerson } from './person';
import { purgeExpired, retentionDays, retentionStatus, setRetentionDays } from './retention';
import { searchPerson } from './search';

const today = () => new Date().toISOString().slice(0, 10);

export const privacyHandlers: HandlersFor<'privacy.'> = {
  'privacy.search': (input, ctx) => searchPerson(ctx.db, input.query),
  'privacy.person': (input, ctx) =>
    collectPerson(ctx.db, input.subject, { locale: ctx.locale(), now: new Date() }),
  'privacy.export': async (input, ctx) => {
    const locale = ctx.locale();
    const record = collectPerson(ctx.db, input.subject, { locale, now: new Date() });
    const t = createI18n(locale).t;
    const path = await ctx.platform.saveFile({
      title: t('privacy.title'),
      defaultName: `personal-data-${today()}.${input.format}`,
      filters: [{ name: input.format === 'json' ? 'JSON' : 'Excel', extensions: [input.format] }],
    });
    if (!path) return { path: null };
    await writePersonExport(record, input.format, path, locale);
    // Who exported whose data, and where to: ids and counts only.
    ctx.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
         VALUES (?, ?, 'privacy.export', 'person', NULL, ?)`,
      )
      .run(
        new Date().toISOString(),
        getSettings(ctx.db).operatorName,
        JSON.stringify({
          format: input.format,
          customerIds: input.subject.customerIds,
          responseIds: record.responses.map((r) => r.id),
          path,
        }),
      );
    return { path };
  },
  'privacy.erase': (input, ctx) =>
    erasePerson(ctx.db, input.subject, {
      mode: input.mode,
      backupsDir: ctx.paths.backupsDir,
      now: new Date(),
    }),
  'privacy.retention': (_input, ctx) => retentionStatus(ctx.db, new Date()),
  'privacy.setRetention': (input, ctx) => {
    setRetentionDays(ctx.db, input.days);
    return retentionStatus(ctx.db, new Date());
  },
  'privacy.purge': (_input, ctx) => {
    const days = retentionDays(ctx.db);
    if (days === null) throw new AppError('RETENTION_OFF');
    return purgeExpired(ctx.db, days, new Date(), 'manual');
  },
};

function assertNoRunningJobs(ctx: ServiceContext): void {
  const running = ctx.jobs.list().filter((job) => job.status === 'running');
  if (running.length > 0) throw new AppError('JOBS_RUNNING', { count: running.length });
}

export const databaseHandlers: HandlersFor<'database.'> = {
  'database.backupToFile': async (_input, ctx) => {
    const path = await ctx.platform.saveFile({
      defaultName: `surveydesk-backup-${today()}.sqlite`,
      filters: [{ name: 'SQLite', extensions: ['sqlite', 'db'] }],
    });
    if (!path) return { saved: null };
    return { saved: await backupToFile(ctx.db, path) };
  },
  'database.restoreFile': async (input, ctx) => {
    let file: string | null;
    if (input.backupPath !== undefined) {
      // The renderer may name only a backup in the backups folder; other files go through the dialog.
      const known = listBackups(ctx.paths.backupsDir).find((b) => b.path === input.backupPath);
      if (!known) throw new AppError('BACKUP_NOT_FOUND', { path: input.backupPath });
      file = known.path;
    } else {
      file = await ctx.platform.openFile({
        filters: [{ name: 'SQLite', extensions: ['sqlite', 'db', 'bak'] }],
      });
    }
    if (!file) return { restored: null };
    assertNoRunningJobs(ctx);
    const restored = await restoreIntoRunning(ctx.db, file, {
      dbPath: ctx.paths.dbPath,
      now: new Date(),
      ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
    });
    return { restored };
  },
};
