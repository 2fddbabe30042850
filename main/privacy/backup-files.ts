/**
 * Backups to and from files the user chooses (Settings, `surveydesk backup --out`,
 * `surveydesk restore FILE`).
 *
 * Restoring while the app runs cannot swap the file under the open connection (the services,
 * job workers and prepared statements all hold it). Instead the backup is copied, checked and
 * brought to the current schema on its own, the current data is saved aside with the online
 * backup API, and then every table is replaced from the backup inside one transaction on the
 * live connection: either all of the backup's data is in, or nothing changed. The window then
 * reloads to show it. This machine keeps its own device id (two computers must never share one).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { BackupFileResult, RestoreFileResult } from '../../shared/privacy';
import { openDatabase, type Db } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';

const LATEST = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Marks a finished copy as a rollback-journal database (header bytes 18-19: 1 = legacy, 2 = WAL;
 * see the SQLite file format). The online backup copies the WAL mark of the live file, and a WAL
 * database grows -wal and -shm files beside it as soon as anyone opens it, even to read: a backup
 * must stay one self-contained file.
 */
function markSingleFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const header = Buffer.alloc(2);
    fs.readSync(fd, header, 0, 2, 18);
    if (header[0] === 2 && header[1] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    fs.closeSync(fd);
  }
}

/** A complete copy of the live database at `target`, written as `.partial` then renamed. */
export async function backupToFile(db: Db, target: string): Promise<BackupFileResult> {
  const partial = `${target}.partial`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    await db.backup(partial);
    markSingleFile(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { path: target, sizeBytes: fs.statSync(target).size };
}

function invalid(file: string, detail: string): AppError {
  return new AppError('BACKUP_INVALID', { path: file, detail });
}

/**
 * Copies a backup into `workDir` and checks the copy, never the user's file (opening a WAL file
 * even to read creates files beside it): an SQLite file that passes the full integrity check,
 * made by SurveyDesk (schema 1 or later), not by a newer version. A -wal file beside the backup
 * is taken along and folded in. Returns the checked single-file copy and its schema version.
 */
export function checkedCopy(
  file: string,
  workDir: string,
  nativeBinding?: string,
): { copy: string; version: number } {
  if (!fs.existsSync(file)) throw new AppError('BACKUP_NOT_FOUND', { path: file });
  fs.mkdirSync(workDir, { recursive: true });
  const copy = path.join(workDir, 'checked.sqlite');
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  let db: Database.Database;
  try {
    db = new Database(copy, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw invalid(file, String(check));
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSettings = db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'`)
      .get();
    if (version < 1 || !hasSettings) throw invalid(file, 'not a SurveyDesk database');
    if (version > LATEST) {
      throw new AppError('DB_TOO_NEW', { path: file, found: version, known: LATEST });
    }
    db.pragma('journal_mode = DELETE');
    return { copy, version };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Not an SQLite file, or damaged beyond reading: say so rather than show an SQLite error.
    throw invalid(file, (error as Error).message);
  } finally {
    db.close();
  }
}

function tablesOf(db: Db, schema: 'main' | 'restored'): Map<string, string[]> {
  const names = db
    .prepare<[], { name: string }>(
      `SELECT name FROM ${schema}.sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
  const out = new Map<string, string[]>();
  for (const name of names) {
    const columns = db
      .prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?)')
      .all(name, schema)
      .map((c) => c.name);
    out.set(name, columns);
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Tombstone {
  entity: 'response' | 'customer';
  entity_id: string;
  erased_at: string;
  device_id: string;
  reason: string;
}

/**
 * People erased since the backup was made stay erased: the tombstones of the replaced data are
 * kept, and the records they name are deleted again from the restored data (with the foreign
 * keys on, so answers and history go with their response).
 */
function reapplyTombstones(db: Db, tombstones: Tombstone[]): void {
  const keep = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO tombstones (entity, entity_id, erased_at, device_id, reason) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id) DO NOTHING`,
  );
  const erase = {
    response: db.prepare<[string]>('DELETE FROM responses WHERE id = ?'),
    customer: db.prepare<[string]>('DELETE FROM customers WHERE id = ?'),
  };
  db.transaction(() => {
    for (const t of tombstones) {
      keep.run(t.entity, t.entity_id, t.erased_at, t.device_id, t.reason);
      erase[t.entity].run(t.entity_id);
    }
  })();
}

export interface RestoreOptions {
  dbPath: string;
  now: Date;
  nativeBinding?: string;
}

/** Replaces the running database's content with a backup file's; see the file comment. */
export async function restoreIntoRunning(
  db: Db,
  file: string,
  options: RestoreOptions,
): Promise<RestoreFileResult> {
  const stamp = stampOf(options.now);
  const work = path.join(path.dirname(options.dbPath), `.restore-${stamp}`);
  try {
    const { copy, version: foundVersion } = checkedCopy(file, work, options.nativeBinding);
    try {
      // Brings an older backup to this version's schema, with the same migrations as at start.
      const opened = await openDatabase({
        path: copy,
        backupsDir: path.join(work, 'backups'),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      opened.db.pragma('journal_mode = DELETE');
      opened.db.close();
    } catch (error) {
      if (error instanceof AppError && 'path' in error.params) {
        throw new AppError(error.code, { ...error.params, path: file, backup: '-' });
      }
      throw error;
    }

    const keptAs = `${options.dbPath}.before-restore-${stamp}.sqlite`;
    await db.backup(keptAs);
    markSingleFile(keptAs);

    db.prepare('ATTACH DATABASE ? AS restored').run(copy);
    try {
      const current = tablesOf(db, 'main');
      const restored = tablesOf(db, 'restored');
      for (const [table, columns] of current) {
        const theirs = restored.get(table);
        if (!theirs || columns.some((c) => !theirs.includes(c))) {
          throw invalid(file, `table ${table} differs from this version's`);
        }
      }
      const deviceId = db
        .prepare<[], { value: string }>(`SELECT value FROM main.settings WHERE key = 'deviceId'`)
        .get();
      const tombstones = db.prepare<[], Tombstone>('SELECT * FROM main.tombstones').all();
      // Foreign-key actions (cascades, RESTRICT) must not fire while tables are emptied and
      // refilled; the whole result is checked with foreign_key_check before the commit instead.
      // The pragma cannot change inside a transaction, and nothing else runs on this connection
      // until this synchronous block ends.
      db.pragma('foreign_keys = OFF');
      try {
        db.transaction(() => {
          for (const table of current.keys()) db.prepare(`DELETE FROM main.${quote(table)}`).run();
          for (const [table, columns] of current) {
            const list = columns.map(quote).join(', ');
            db.prepare(
              `INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM restored.${quote(table)}`,
            ).run();
          }
          if (deviceId) {
            db.prepare(`UPDATE main.settings SET value = ? WHERE key = 'deviceId'`).run(
              deviceId.value,
            );
          }
          const broken = db.pragma('main.foreign_key_check') as { table: string }[];
          if (broken.length > 0) {
            throw invalid(file, `${broken.length} broken reference(s) in ${broken[0]!.table}`);
          }
          db.prepare(
            `INSERT INTO main.audit_log (at, actor, action, entity, entity_id, detail)
             VALUES (?, NULL, 'database.restore', 'database', NULL, ?)`,
          ).run(
            options.now.toISOString(),
            JSON.stringify({ from: file, keptAs, schema: foundVersion }),
          );
        })();
      } finally {
        db.pragma('foreign_keys = ON');
      }
      reapplyTombstones(db, tombstones);
    } finally {
      db.prepare('DETACH DATABASE restored').run();
    }
    return {
      restoredFrom: file,
      keptAs,
      schemaVersion: LATEST,
      migratedFrom: foundVersion < LATEST ? foundVersion : null,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
