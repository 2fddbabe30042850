/** Small fixtures for tests that run on real SQLite files. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/errors';

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Awaits `promise`, expects it to reject with an AppError of `code`, and returns that error. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error(`expected ${code}, but the call succeeded`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Reads a file with a plain connection, outside the code under test. */
export function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function userVersionOf(file: string): number {
  return inspect(file, (db) => db.pragma('user_version', { simple: true }) as number);
}

export function tableNamesOf(db: Database.Database): string[] {
  return (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

/** Adds audit rows with a bulky detail until the file holds roughly `megabytes` of data. */
export function fillWithAuditRows(db: Database.Database, megabytes: number): number {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, action, entity, detail) VALUES (?, 'test.fill', 'test', ?)`,
  );
  const rows = Math.ceil((megabytes * 1024 * 1024) / 4000);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      // Varied text so the pages are not trivially alike.
      insert.run(new Date(0).toISOString(), JSON.stringify({ i, pad: `${i}`.padEnd(3900, 'x') }));
    }
  })();
  return rows;
}
