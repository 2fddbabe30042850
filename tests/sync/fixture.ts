/**
 * Machines for sync tests: each is a real SQLite file with the schema up to migration 5 (sync),
 * its own device id, and small helpers that change data the way the app does (a finished
 * response, an edit as a new revision, an erasure leaving a tombstone).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase, type Db } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { getDeviceId } from '../../main/services/settings';
import { exportPackage, type ExportEncryption, type ExportScope } from '../../main/sync/export';
import { importPackage } from '../../main/sync/import';
import { keyRing } from '../../main/sync/keys';
import type { PackageImportResult } from '../../shared/sync';

export const SURVEY_ID = '11111111-1111-4111-8111-111111111111';
export const VERSION_ID = '22222222-2222-4222-8222-222222222222';
export const WAVE_ID = '33333333-3333-4333-8333-333333333333';
/** Cheap scrypt for tests of the passphrase mode (the default costs ~100 ms per package). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface Machine {
  name: string;
  db: Db;
  file: string;
  dir: string;
  deviceId: string;
}

/** `allMigrations`: the app's whole schema (for tests that then run the CLI on the file). */
export async function openMachine(
  dir: string,
  name: string,
  allMigrations = false,
): Promise<Machine> {
  const file = path.join(dir, `${name}.sqlite`);
  const opened = await openDatabase({
    path: file,
    backupsDir: path.join(dir, `${name}-backups`),
    create: true,
    migrations: allMigrations ? MIGRATIONS : MIGRATIONS.filter((m) => m.version <= 5),
  });
  return { name, db: opened.db, file, dir, deviceId: getDeviceId(opened.db) };
}

const DEFINITION = JSON.stringify({ title: { en: 'Service survey' }, pages: [] });

/** The manager's questionnaire: a survey with a published version and a wave. */
export function seedSurvey(db: Db, code = 'CS-2026'): void {
  const at = '2026-01-05T08:00:00.000Z';
  db.prepare(
    'INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(SURVEY_ID, code, '客户满意度调查', at, at);
  db.prepare(
    `INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at, published_at) VALUES (?, ?, 1, 'published', ?, ?, ?)`,
  ).run(VERSION_ID, SURVEY_ID, DEFINITION, at, at);
  db.prepare('INSERT INTO waves (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)').run(
    WAVE_ID,
    SURVEY_ID,
    '2026 Q1',
    at,
  );
}

export type Answers = Record<string, number | string | string[]>;

export function addCustomer(
  db: Db,
  customer: {
    id?: string;
    code?: string | null;
    name: string;
    phone?: string | null;
    updatedAt?: string;
  },
): string {
  const id = customer.id ?? randomUUID();
  const at = customer.updatedAt ?? '2026-01-06T08:00:00.000Z';
  db.prepare(
    'INSERT INTO customers (id, code, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, customer.code ?? null, customer.name, customer.phone ?? null, at, at);
  return id;
}

function writeAnswers(db: Db, id: string, answers: Answers, at: string): void {
  const insert = db.prepare(
    `INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (response_id, variable) DO UPDATE SET value_num = excluded.value_num, value_text = excluded.value_text,
       value_json = excluded.value_json, answered_at = excluded.answered_at`,
  );
  for (const [variable, value] of Object.entries(answers)) {
    if (typeof value === 'number') insert.run(id, variable, value, null, null, at);
    else if (typeof value === 'string') insert.run(id, variable, null, value, null, at);
    else insert.run(id, variable, null, null, JSON.stringify(value), at);
  }
}

/** A finished interview collected on this machine. */
export function addResponse(
  m: Machine,
  answers: Answers,
  options: { id?: string; customerId?: string | null; at?: string } = {},
): string {
  const id = options.id ?? randomUUID();
  const at = options.at ?? new Date().toISOString();
  m.db.transaction(() => {
    m.db
      .prepare(
        `INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status, revision,
           consent, started_at, completed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'interview', 'complete', 1, ?, ?, ?, ?)`,
      )
      .run(
        id,
        VERSION_ID,
        WAVE_ID,
        options.customerId ?? null,
        m.deviceId,
        `访员-${m.name}`,
        '{"given":true}',
        at,
        at,
        at,
      );
    writeAnswers(m.db, id, answers, at);
  })();
  return id;
}

/** An edit as the Responses screen makes it: a new revision replacing the one held. */
export function editResponse(
  m: Machine,
  id: string,
  answers: Answers,
  at = new Date().toISOString(),
): void {
  m.db.transaction(() => {
    m.db
      .prepare(
        'UPDATE responses SET revision = revision + 1, replaces_revision = revision, updated_at = ? WHERE id = ?',
      )
      .run(at, id);
    writeAnswers(m.db, id, answers, at);
  })();
}

/** Erasure as the privacy service does it: the response goes, a tombstone stays. */
export function eraseResponse(m: Machine, id: string, at = new Date().toISOString()): void {
  m.db.transaction(() => {
    m.db.prepare('DELETE FROM responses WHERE id = ?').run(id);
    m.db
      .prepare(
        `INSERT OR IGNORE INTO tombstones (entity, entity_id, erased_at, device_id, reason) VALUES ('response', ?, ?, ?, 'request')`,
      )
      .run(id, at, m.deviceId);
  })();
}

export async function exportFrom(
  m: Machine,
  file: string,
  options: { scope?: ExportScope; encryption?: ExportEncryption; now?: () => Date } = {},
) {
  return exportPackage(m.db, file, {
    surveyId: SURVEY_ID,
    scope: options.scope ?? { kind: 'all' },
    encryption: options.encryption ?? { mode: 'none' },
    appVersion: '0.0.0-test',
    scrypt: TEST_SCRYPT,
    now: options.now,
  });
}

export async function importInto(
  m: Machine,
  bytes: Buffer,
  options: { passphrase?: string; dryRun?: boolean; backups?: boolean } = {},
): Promise<PackageImportResult> {
  return importPackage(m.db, bytes, 'test.sdpkg', {
    keys: keyRing(m.db),
    passphrase: options.passphrase,
    dryRun: options.dryRun,
    backupsDir: options.backups ? path.join(m.dir, `${m.name}-backups`) : null,
  });
}

/** Everything sync must make equal, in a canonical order; quality flags and local-only columns left out. */
export function snapshot(db: Db) {
  return {
    responses: db
      .prepare(
        `SELECT id, survey_version_id, wave_id, customer_id, device_id, status, revision, replaces_revision, started_at, completed_at
         FROM responses ORDER BY id`,
      )
      .all(),
    answers: db
      .prepare(
        'SELECT response_id, variable, value_num, value_text, value_json FROM answers ORDER BY response_id, variable',
      )
      .all(),
    tombstones: db
      .prepare(
        'SELECT entity, entity_id, erased_at, device_id FROM tombstones ORDER BY entity, entity_id',
      )
      .all(),
    customers: db
      .prepare('SELECT id, code, name, phone, updated_at FROM customers ORDER BY id')
      .all(),
    surveys: db.prepare('SELECT id, code, title FROM surveys ORDER BY id').all(),
    versions: db
      .prepare('SELECT id, survey_id, version_no, status FROM survey_versions ORDER BY id')
      .all(),
    waves: db.prepare('SELECT id, survey_id, name FROM waves ORDER BY id').all(),
  };
}
