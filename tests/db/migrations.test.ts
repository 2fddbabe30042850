import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../main/db/backups';
import { openDatabase, type OpenedDatabase, type OpenOptions } from '../../main/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations';
import type { Migration } from '../../main/db/migrations/types';
import { expectAppError, inspect, sha256OfFile, tableNamesOf, userVersionOf } from '../helpers/db';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('migrations');
const opened: OpenedDatabase[] = [];

afterEach(() => {
  for (const o of opened.splice(0)) if (o.db.open) o.db.close();
});

function options(extra: Partial<OpenOptions> = {}): OpenOptions {
  return { path: tmp.join('app.sqlite'), backupsDir: tmp.join('backups'), create: true, ...extra };
}

async function open(extra: Partial<OpenOptions> = {}): Promise<OpenedDatabase> {
  const o = await openDatabase(options(extra));
  opened.push(o);
  return o;
}

/** Opens, runs `work`, closes: the file is left at the version `migrations` lead to. */
async function buildAt(migrations: readonly Migration[], work?: (db: Database.Database) => void) {
  const o = await open({ migrations });
  work?.(o.db);
  o.db.close();
}

/** The same migrations, counting how often each `up` runs. */
function counted(migrations: readonly Migration[]): { migrations: Migration[]; runs: number[] } {
  const runs = migrations.map(() => 0);
  return {
    runs,
    migrations: migrations.map((m, i) => ({
      ...m,
      up: (db) => {
        runs[i]! += 1;
        m.up(db);
      },
    })),
  };
}

/** The tables migrations 1 and 2 create; later migrations may add more. */
const EXPECTED_TABLES = [
  'answers',
  'audit_log',
  'customers',
  'responses',
  'settings',
  'survey_versions',
  'surveys',
  'waves',
];

const EARLIER_VERSIONS = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1);

describe('opening the local database', () => {
  it('numbers the migrations 1..n so user_version names the last one applied', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('creates a fresh database at the latest schema with WAL, synchronous=FULL and foreign keys', async () => {
    const o = await open();
    expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(o.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNamesOf(o.db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    expect(o.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(o.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // A fresh file has nothing to lose: no backup.
    expect(o.migrationBackup).toBeNull();
    expect(listBackups(tmp.join('backups'))).toEqual([]);
  });

  it('enforces foreign keys on the connection it returns', async () => {
    const o = await open();
    expect(() =>
      o.db
        .prepare(
          `INSERT INTO waves (id, survey_id, name, created_at) VALUES ('w1', 'no-such-survey', 'W', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it.each(EARLIER_VERSIONS)(
    'upgrades a database at version %i to the latest, keeps its data and backs it up first',
    async (k) => {
      await buildAt(MIGRATIONS.slice(0, k), (db) => {
        db.prepare(
          `INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES ('s1', 'CSAT', 'Kept', 'a', 'a')`,
        ).run();
      });
      expect(userVersionOf(tmp.join('app.sqlite'))).toBe(k);

      const o = await open();
      expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(o.migratedFrom).toBe(k);
      expect(tableNamesOf(o.db)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
      expect(o.db.prepare(`SELECT title FROM surveys WHERE id = 's1'`).pluck().get()).toBe('Kept');

      const backups = listBackups(tmp.join('backups'));
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatchObject({
        reason: 'migration',
        schemaVersion: k,
        path: o.migrationBackup,
      });
      expect(userVersionOf(backups[0]!.path)).toBe(k);
      expect(
        inspect(backups[0]!.path, (db) => db.prepare(`SELECT title FROM surveys`).pluck().all()),
      ).toEqual(['Kept']);
    },
  );

  it('initialises an existing empty file (version 0) without making a backup', async () => {
    fs.writeFileSync(tmp.join('app.sqlite'), '');
    const o = await open({ create: false });
    expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(o.migratedFrom).toBe(0);
    expect(o.migrationBackup).toBeNull();
  });

  it('gives the device an identity when migration 2 runs, and keeps it on later opens', async () => {
    const first = await open();
    const id = first.db.prepare(`SELECT value FROM settings WHERE key = 'deviceId'`).pluck().get();
    expect(JSON.parse(String(id))).toMatch(/^[0-9a-f-]{36}$/);
    first.db.close();
    const again = await open();
    expect(
      again.db.prepare(`SELECT value FROM settings WHERE key = 'deviceId'`).pluck().get(),
    ).toBe(id);
  });

  it('rolls a failing migration back completely: no new table, same user_version, DB_MIGRATION_FAILED', async () => {
    await buildAt(MIGRATIONS);
    const tablesBefore = inspect(tmp.join('app.sqlite'), tableNamesOf);
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'fails half way',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom in the middle');
      },
    };
    const error = await expectAppError(
      openDatabase(options({ migrations: [...MIGRATIONS, failing] })),
      'DB_MIGRATION_FAILED',
    );
    expect(error.params.version).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(String(error.params.detail)).toContain('boom in the middle');
    // The backup made before the attempt is named so the user can find it.
    const backups = listBackups(tmp.join('backups'));
    expect(backups).toHaveLength(1);
    expect(error.params.backup).toBe(backups[0]!.path);

    expect(userVersionOf(tmp.join('app.sqlite'))).toBe(LATEST_SCHEMA_VERSION);
    expect(inspect(tmp.join('app.sqlite'), tableNamesOf)).toEqual(tablesBefore);
    // And the file still opens normally afterwards.
    const o = await open();
    expect(o.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('undoes every step of a multi-step upgrade when a later step fails', async () => {
    await buildAt(MIGRATIONS.slice(0, 1));
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'fails',
      up: () => {
        throw new Error('late failure');
      },
    };
    await expectAppError(
      openDatabase(options({ migrations: [...MIGRATIONS, failing] })),
      'DB_MIGRATION_FAILED',
    );
    expect(userVersionOf(tmp.join('app.sqlite'))).toBe(1);
    // audit_log comes from migration 2, which succeeded before the failure and must be undone too.
    expect(inspect(tmp.join('app.sqlite'), tableNamesOf)).not.toContain('audit_log');
  });

  it('refuses a database made by a newer version and leaves it untouched', async () => {
    const file = tmp.join('app.sqlite');
    // A newer SurveyDesk might use any journal mode; this one uses the default rollback journal.
    const newer = new Database(file);
    newer.exec('CREATE TABLE from_the_future (x INTEGER); INSERT INTO from_the_future VALUES (1);');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = sha256OfFile(file);
    const filesBefore = fs.readdirSync(tmp.path).sort();

    const error = await expectAppError(openDatabase(options()), 'DB_TOO_NEW');
    expect(error.params).toMatchObject({
      found: LATEST_SCHEMA_VERSION + 1,
      known: LATEST_SCHEMA_VERSION,
    });

    expect(sha256OfFile(file)).toBe(before);
    expect(fs.readdirSync(tmp.path).sort()).toEqual(filesBefore);
  });

  it('refuses a database made by a newer version that is already in WAL mode, unchanged', async () => {
    const file = tmp.join('app.sqlite');
    await buildAt(MIGRATIONS, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    const before = sha256OfFile(file);
    await expectAppError(openDatabase(options()), 'DB_TOO_NEW');
    expect(sha256OfFile(file)).toBe(before);
  });

  it('reports a file of garbage bytes as DB_CORRUPT and does not change it', async () => {
    const file = tmp.join('app.sqlite');
    const garbage = Buffer.alloc(64 * 1024, 'not a database; ');
    fs.writeFileSync(file, garbage);
    const error = await expectAppError(openDatabase(options()), 'DB_CORRUPT');
    expect(error.params.path).toBe(file);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('reports a database cut off in the middle as DB_CORRUPT and does not change it', async () => {
    await buildAt(MIGRATIONS, (db) => {
      const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, JSON.stringify('v'.repeat(200)));
    });
    const file = tmp.join('app.sqlite');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const before = sha256OfFile(file);
    await expectAppError(openDatabase(options()), 'DB_CORRUPT');
    expect(sha256OfFile(file)).toBe(before);
  });

  it('reports a missing file as DB_MISSING when not asked to create it, and creates nothing', async () => {
    const error = await expectAppError(openDatabase(options({ create: false })), 'DB_MISSING');
    expect(error.params.path).toBe(tmp.join('app.sqlite'));
    expect(fs.readdirSync(tmp.path)).toEqual([]);
  });

  it('runs nothing and makes no backup when re-opening a current database', async () => {
    await buildAt(MIGRATIONS);
    const spy = counted(MIGRATIONS);
    const o = await open({ migrations: spy.migrations });
    expect(spy.runs.every((n) => n === 0)).toBe(true);
    expect(o.migratedFrom).toBeNull();
    expect(o.migrationBackup).toBeNull();
    expect(fs.existsSync(tmp.join('backups')) ? fs.readdirSync(tmp.join('backups')) : []).toEqual(
      [],
    );
  });

  it.each(EARLIER_VERSIONS)(
    'runs only the migrations after version %i, each exactly once',
    async (k) => {
      await buildAt(MIGRATIONS.slice(0, k));
      const spy = counted(MIGRATIONS);
      await open({ migrations: spy.migrations });
      expect(spy.runs).toEqual(MIGRATIONS.map((m) => (m.version > k ? 1 : 0)));
    },
  );
});
