/**
 * Backups to a chosen file and restores from one, in the running app (through the API) and on the
 * command line: a round trip brings the data back, and a damaged or foreign file is refused with
 * the current database left as it was.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../main/api/context';
import { runCli } from '../../main/cli';
import { openDatabase } from '../../main/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations';
import type { RunningServices } from '../../main/services/start';
import type { BackupFileResult, RestoreFileResult } from '../../shared/privacy';
import { inspect, sha256OfFile } from '../helpers/db';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { buildWorld, type PrivacyWorld } from './fixture';

/** Overwrites bytes inside the file's third page (a table page), leaving the header readable. */
function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let i = 0; i < 64; i++) bytes[pageSize * 2 + 8 + i] = 0xa5;
  fs.writeFileSync(file, bytes);
}

function cli(...args: string[]) {
  let out = '';
  let err = '';
  return runCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env: { LANG: 'en_US.UTF-8' },
  }).then((code) => ({ code, out, err }));
}

describe('backups to and from files in the running app', () => {
  const temp = useTempDir('privacy-backup');
  let services: RunningServices;
  let world: PrivacyWorld;
  let chosen: string | null = null;
  const platform: Platform = {
    openFile: () => Promise.resolve(chosen),
    saveFile: () => Promise.resolve(chosen),
  };
  const db = () => services.ctx.db;
  const customers = () =>
    (db().prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  const snapshot = () => ({
    customers: customers(),
    responses: db().prepare('SELECT id, revision FROM responses ORDER BY id').all(),
    answers: (db().prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n,
    settings: db().prepare('SELECT key, value FROM settings ORDER BY key').all(),
  });
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await services.dispatch(method, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'), { platform });
    world = buildWorld(services);
  });
  afterEach(async () => {
    await services.close();
  });

  it('writes a complete, checked backup to the chosen file', async () => {
    chosen = temp.join('out', 'copy.sqlite');
    const { saved } = await call<{ saved: BackupFileResult }>('database.backupToFile');
    expect(saved.path).toBe(chosen);
    expect(saved.sizeBytes).toBe(fs.statSync(chosen).size);
    expect(fs.existsSync(`${chosen}.partial`)).toBe(false);
    inspect(chosen, (copy) => {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect((copy.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n).toBe(
        2,
      );
    });
    // One self-contained file: opening it created no -wal or -shm beside it.
    expect(fs.readdirSync(temp.join('out'))).toEqual(['copy.sqlite']);
  });

  it('restores a backup file in the running app and keeps the replaced data aside', async () => {
    chosen = temp.join('before.sqlite');
    await call('database.backupToFile');
    const before = snapshot();
    // Changes after the backup: a customer renamed, another added.
    db().prepare(`UPDATE customers SET name = '南方电子（已改名）' WHERE id = ?`).run(world.li);
    db()
      .prepare(
        `INSERT INTO customers (id, code, name, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'NEW', '新客户', 'x', 'x')`,
      )
      .run();
    const changed = snapshot();
    expect(changed.customers).toEqual(['华东精密机械有限公司', '南方电子（已改名）', '新客户']);

    const { restored } = await call<{ restored: RestoreFileResult }>('database.restoreFile');
    expect(restored).toMatchObject({
      restoredFrom: chosen,
      schemaVersion: LATEST_SCHEMA_VERSION,
      migratedFrom: null,
    });
    const after = snapshot();
    expect(after.customers).toEqual(before.customers);
    expect(after.responses).toEqual(before.responses);
    expect(after.answers).toBe(before.answers);
    expect(after.settings).toEqual(before.settings);
    // The running services keep working on the restored data.
    const search = await call<{ customers: { id: string }[] }>('privacy.search', {
      query: '南方电子',
    });
    expect(search.customers.map((c) => c.id)).toEqual([world.li]);
    // The replaced data is kept in a file beside the database, and the restore is in the audit log.
    expect(restored.keptAs.startsWith(`${temp.join('db.sqlite')}.before-restore-`)).toBe(true);
    inspect(restored.keptAs, (kept) => {
      expect(
        (kept.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]).map(
          (r) => r.name,
        ),
      ).toEqual(changed.customers);
    });
    const audit = db()
      .prepare(`SELECT detail FROM audit_log WHERE action = 'database.restore'`)
      .all();
    expect(audit).toHaveLength(1);
    expect(fs.readdirSync(temp.path).filter((name) => name.startsWith('.restore-'))).toEqual([]);
  });

  it('keeps a person erased after the backup erased when the backup is restored', async () => {
    chosen = temp.join('before-erasure.sqlite');
    await call('database.backupToFile');
    await call('privacy.erase', {
      subject: { customerIds: [world.li], responseIds: [] },
      mode: 'delete',
      confirm: true,
    });
    await call('database.restoreFile');
    expect(customers()).toEqual(['华东精密机械有限公司']);
    expect(db().prepare('SELECT COUNT(*) AS n FROM responses WHERE id = ?').get(world.liA)).toEqual(
      { n: 0 },
    );
    expect(
      db().prepare('SELECT COUNT(*) AS n FROM answers WHERE response_id = ?').get(world.liA),
    ).toEqual({ n: 0 });
    expect(db().prepare('SELECT entity FROM tombstones ORDER BY entity').all()).toEqual([
      { entity: 'customer' },
      { entity: 'response' },
    ]);
    // Everything else came back from the backup.
    expect(db().prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 2 });
  });

  it('brings a backup made by an older version up to date before restoring it', async () => {
    const older = temp.join('older.sqlite');
    const opened = await openDatabase({
      path: older,
      backupsDir: temp.join('older-backups'),
      create: true,
      migrations: MIGRATIONS.slice(0, 3),
    });
    opened.db
      .prepare(
        `INSERT INTO customers (id, code, name, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000002', 'OLD', '老客户', 'x', 'x')`,
      )
      .run();
    opened.db.close();
    chosen = older;
    const { restored } = await call<{ restored: RestoreFileResult }>('database.restoreFile');
    expect(restored).toMatchObject({ migratedFrom: 3, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(customers()).toEqual(['老客户']);
    expect(db().pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The user's file is left as it was: still schema 3.
    expect(inspect(older, (o) => o.pragma('user_version', { simple: true }))).toBe(3);
  });

  it('keeps this computer’s device id when restoring another computer’s backup', async () => {
    chosen = temp.join('other.sqlite');
    await call('database.backupToFile');
    inspect(chosen, () => undefined);
    const other = new Database(chosen);
    other.prepare(`UPDATE settings SET value = '"another-laptop"' WHERE key = 'deviceId'`).run();
    other.close();
    const own = db().prepare(`SELECT value FROM settings WHERE key = 'deviceId'`).get();
    await call('database.restoreFile');
    expect(db().prepare(`SELECT value FROM settings WHERE key = 'deviceId'`).get()).toEqual(own);
  });

  it.each([
    ['a damaged backup', 'BACKUP_INVALID', (file: string) => damage(file)],
    [
      'a file that is not a database',
      'BACKUP_INVALID',
      (file: string) => fs.writeFileSync(file, 'not a database '.repeat(500)),
    ],
    [
      'an SQLite file that is not SurveyDesk’s',
      'BACKUP_INVALID',
      (file: string) => {
        fs.rmSync(file);
        const foreign = new Database(file);
        foreign.exec('CREATE TABLE notes (text TEXT)');
        foreign.close();
      },
    ],
    [
      'a backup from a newer SurveyDesk',
      'DB_TOO_NEW',
      (file: string) => {
        const newer = new Database(file);
        newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
        newer.close();
      },
    ],
  ] as const)('refuses %s and leaves the current data untouched', async (_name, code, spoil) => {
    chosen = temp.join('spoilt.sqlite');
    await call('database.backupToFile');
    spoil(chosen);
    const before = snapshot();
    const backupsBefore = fs.readdirSync(temp.path).sort();
    await expect(call('database.restoreFile')).rejects.toMatchObject({ code });
    expect(snapshot()).toEqual(before);
    expect(fs.readdirSync(temp.path).sort()).toEqual(backupsBefore);
  });

  it('restores from the backups folder by path, but no other path from the window', async () => {
    await expect(
      call('database.restoreFile', { backupPath: temp.join('db.sqlite') }),
    ).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
    await call('jobs.start', { kind: 'db.backup' });
    const job = (await call<{ id: string }[]>('jobs.list'))[0]!;
    await services.ctx.jobs.waitFor(job.id);
    const backup = (await call<{ path: string }[]>('backups.list'))[0]!;
    const { restored } = await call<{ restored: RestoreFileResult }>('database.restoreFile', {
      backupPath: backup.path,
    });
    expect(restored.restoredFrom).toBe(backup.path);
  });
});

describe('surveydesk backup --out and surveydesk restore FILE', () => {
  const temp = useTempDir('privacy-cli');

  it('round-trips through a file and refuses a damaged one, leaving the database byte for byte', async () => {
    const dbPath = temp.join('app.sqlite');
    const services = await startTestServices(dbPath);
    buildWorld(services);
    await services.close();

    const copy = temp.join('copy.sqlite');
    const backup = await cli('backup', '--db', dbPath, '--out', copy);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(copy);

    // The data changes after the backup; restoring the file brings the backup's state back.
    const live = new Database(dbPath);
    live.prepare('DELETE FROM customers').run();
    live.close();
    const restore = await cli('restore', copy, '--db', dbPath);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`Restored from ${copy}`);
    expect(
      inspect(
        dbPath,
        (d) => (d.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n,
      ),
    ).toBe(2);

    const damaged = temp.join('damaged.sqlite');
    fs.copyFileSync(copy, damaged);
    damage(damaged);
    const hash = sha256OfFile(dbPath);
    const files = fs.readdirSync(temp.path).sort();
    const refused = await cli('restore', damaged, '--db', dbPath);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('cannot be restored');
    expect(sha256OfFile(dbPath)).toBe(hash);
    expect(fs.readdirSync(temp.path).sort()).toEqual(files);
  });
});
