/**
 * Opening the local store: pragmas for durability, an integrity check, refusal of files made by a
 * newer app, and numbered migrations on `user_version`, each in one transaction, after a backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { createBackup, listBackups } from './backups';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  path: string;
  backupsDir: string;
  /** Create the file when it does not exist (the app); the CLI's `info` refuses instead. */
  create?: boolean;
  /** Path to a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string;
  /** For tests: a different list of migrations. */
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
  /** The schema version before this open, when migrations ran. */
  migratedFrom: number | null;
  /** The backup made before migrating, when one was made. */
  migrationBackup: string | null;
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function latestBackupLabel(backupsDir: string): string {
  return listBackups(backupsDir)[0]?.path ?? '-';
}

/** Applies the connection pragmas; `synchronous=FULL` because WAL's NORMAL can lose commits on power loss. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten, not left in free pages: an erased person (erased here or by an
  // imported package) must not be recoverable from the file.
  db.pragma('secure_delete = ON');
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const exists = fs.existsSync(options.path);
  if (!exists && !options.create) throw new AppError('DB_MISSING', { path: options.path });
  if (!exists) fs.mkdirSync(path.dirname(options.path), { recursive: true });

  const corrupt = (detail: string) =>
    new AppError('DB_CORRUPT', {
      path: options.path,
      detail,
      backup: latestBackupLabel(options.backupsDir),
    });

  let db: Db;
  try {
    db = new Database(options.path, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if (isNotADatabase(error)) throw corrupt((error as Error).message);
    throw error;
  }

  // Only reads until the file is known to be ours: `journal_mode = WAL` rewrites the header, and a
  // file we refuse (damaged, or made by a newer app) must be left exactly as it was.
  let current: number;
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(String(check));
    current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new AppError('DB_TOO_NEW', { path: options.path, found: current, known: latest });
    }
    applyPragmas(db);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isNotADatabase(error)) throw corrupt((error as Error).message);
    throw error;
  }

  const pending = migrations.filter((m) => m.version > current);
  let migrationBackup: string | null = null;
  if (pending.length > 0 && current > 0) {
    const backup = await createBackup(db, options.backupsDir, {
      reason: 'migration',
      ...(options.now ? { now: options.now() } : {}),
    });
    migrationBackup = backup.path;
  }
  // Each migration runs in its own savepoint inside one transaction for the whole upgrade, so a
  // failure at any step leaves the file exactly at the version it had before this open.
  let failing: Migration | null = null;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        failing = migration;
        db.transaction(() => {
          migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        })();
      }
    })();
  } catch (error) {
    db.close();
    throw new AppError('DB_MIGRATION_FAILED', {
      version: (failing as Migration | null)?.version ?? latest,
      detail: (error as Error).message,
      backup: migrationBackup ?? '-',
    });
  }

  return {
    db,
    path: options.path,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    migratedFrom: pending.length > 0 ? current : null,
    migrationBackup,
  };
}

/** A second connection to an already-migrated database, for worker threads. */
export function openWorkerConnection(dbPath: string, nativeBinding?: string): Db {
  const db = new Database(dbPath, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  applyPragmas(db);
  return db;
}
