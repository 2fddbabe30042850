/**
 * Database backups with SQLite's online backup API: before every migration, daily, on demand.
 * A backup is a complete SQLite file; restoring one moves the damaged file aside (never deletes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason, JobProgress } from '../../shared/contract';
import { AppError } from '../../shared/errors';

const FILE_PATTERN =
  /^surveydesk-(manual|migration|daily|import)-v(\d+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;
const KEEP_BACKUPS = 20;
const PAGES_PER_STEP = 256;

export interface BackupOptions {
  reason: BackupReason;
  now?: Date;
  onProgress?: (progress: JobProgress) => void;
  signal?: AbortSignal;
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** "2026-11-23T12-14-26-476Z" back to "2026-11-23T12:14:26.476Z". */
function dateOfStamp(stamp: string): string {
  const s = stamp;
  return `${s.slice(0, 10)}T${s.slice(11, 13)}:${s.slice(14, 16)}:${s.slice(17, 19)}.${s.slice(20, 23)}Z`;
}

export function listBackups(backupsDir: string): BackupInfo[] {
  if (!fs.existsSync(backupsDir)) return [];
  const backups: BackupInfo[] = [];
  for (const fileName of fs.readdirSync(backupsDir)) {
    const match = FILE_PATTERN.exec(fileName);
    if (!match) continue;
    const full = path.join(backupsDir, fileName);
    backups.push({
      path: full,
      fileName,
      reason: match[1] as BackupReason,
      schemaVersion: Number(match[2]),
      createdAt: dateOfStamp(match[3] ?? ''),
      sizeBytes: fs.statSync(full).size,
    });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Copies the live database page by page; cancellable through `signal`; prunes old backups. */
export async function createBackup(
  db: Database.Database,
  backupsDir: string,
  options: BackupOptions,
): Promise<BackupInfo> {
  fs.mkdirSync(backupsDir, { recursive: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  const now = options.now ?? new Date();
  // Two backups in the same millisecond would share a name; step the stamp forward instead.
  let stampTime = now.getTime();
  while (fs.existsSync(path.join(backupsDir, `surveydesk-${options.reason}-v${version}-${stampOf(new Date(stampTime))}.sqlite`))) stampTime += 1;
  const fileName = `surveydesk-${options.reason}-v${version}-${stampOf(new Date(stampTime))}.sqlite`;
  const target = path.join(backupsDir, fileName);
  const partial = `${target}.partial`;
  let total = 0;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        if (options.signal?.aborted) throw new AppError('JOB_CANCELLED');
        total = totalPages;
        options.onProgress?.({ done: totalPages - remainingPages, total: totalPages });
        return PAGES_PER_STEP;
      },
    });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  // Renamed only when complete, so a crash never leaves a half backup that looks whole.
  fs.renameSync(partial, target);
  options.onProgress?.({ done: total, total });
  pruneBackups(backupsDir);
  const info = listBackups(backupsDir).find((b) => b.fileName === fileName);
  if (!info) throw new Error(`backup ${target} vanished after writing`);
  return info;
}

function pruneBackups(backupsDir: string): void {
  for (const old of listBackups(backupsDir).slice(KEEP_BACKUPS))
    fs.rmSync(old.path, { force: true });
}

/** Makes a daily backup when the newest one is older than a day; returns it, or null. */
export async function ensureDailyBackup(
  db: Database.Database,
  backupsDir: string,
  now = new Date(),
): Promise<BackupInfo | null> {
  const newest = listBackups(backupsDir)[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < 24 * 3600 * 1000) return null;
  return createBackup(db, backupsDir, { reason: 'daily', now });
}

export interface RestoreResult {
  restoredFrom: string;
  damagedCopy: string | null;
}

/**
 * Replaces the database file with a backup. The current file (and its WAL) is kept beside it as
 * `<name>.damaged-<time>` so nothing is destroyed. The database must not be open.
 */
export function restoreBackup(
  dbPath: string,
  backupPath: string,
  options: { nativeBinding?: string; now?: Date } = {},
): RestoreResult {
  if (!fs.existsSync(backupPath)) throw new AppError('BACKUP_NOT_FOUND', { path: backupPath });
  const check = new Database(backupPath, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    const result = check.pragma('quick_check', { simple: true });
    if (result !== 'ok') {
      throw new AppError('DB_CORRUPT', { path: backupPath, detail: String(result), backup: '-' });
    }
  } catch (error) {
    // A backup that is not an SQLite file at all is damaged too: say so instead of a raw SqliteError.
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('DB_CORRUPT', {
        path: backupPath,
        detail: (error as Error).message,
        backup: '-',
      });
    }
    throw error;
  } finally {
    check.close();
  }
  let damagedCopy: string | null = null;
  if (fs.existsSync(dbPath)) {
    damagedCopy = `${dbPath}.damaged-${stampOf(options.now ?? new Date())}`;
    fs.renameSync(dbPath, damagedCopy);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, damagedCopy + suffix);
    }
  }
  fs.copyFileSync(backupPath, dbPath);
  return { restoredFrom: backupPath, damagedCopy };
}
