/**
 * Writing a package: a survey's published versions and waves, its finished responses (all, since
 * the last export to the same destination, or a date range) with answers and revision lineage,
 * the customers they name, and every tombstone. Responses still being filled in stay until done.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';
import {
  PACKAGE_FORMAT_VERSION,
  type LastExport,
  type PackageExportResult,
} from '../../shared/sync';
import type { Db } from '../db/connection';
import { getDeviceId } from '../services/settings';
import { deriveKey, randomKey, SCRYPT_PARAMS, seal, sha256Hex, wrapKey } from './crypto';
import {
  CHECK_ENTRY,
  CHECK_TEXT,
  countsOf,
  DATA_ENTRIES,
  entryFileName,
  FORMAT_NAME,
  MANIFEST,
  responseHash,
  toJsonLines,
  type AnswerTuple,
  type CustomerRecord,
  type Manifest,
  type PackageData,
  type ResponseRecord,
  type ResponseRow,
  type SurveyRecord,
  type TombstoneRecord,
  type VersionRecord,
  type WaveRecord,
} from './format';
import { writeZip } from './zip';

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'since-last' }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'questionnaire' };

export type ExportEncryption =
  | { mode: 'key'; recipientId: string }
  | { mode: 'passphrase'; passphrase: string }
  | { mode: 'none' };

export interface ExportOptions {
  surveyId: string;
  scope: ExportScope;
  encryption: ExportEncryption;
  appVersion: string;
  now?: () => Date;
  /** For tests of the passphrase mode: a cheaper scrypt. */
  scrypt?: { N: number; r: number; p: number };
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const RESPONSE_COLUMNS = `r.id, r.survey_version_id, r.wave_id, r.customer_id, r.device_id, r.interviewer, r.channel,
  r.status, r.revision, r.replaces_revision, r.consent, r.quality_flags, r.started_at, r.completed_at, r.updated_at,
  r.notes, r.card_no, r.entry_stats, r.lead, r.attributes`;

/** Where "since the last export" is counted from: the recipient's key, else the encryption mode. */
export function destinationOf(encryption: ExportEncryption, db: Db): string {
  if (encryption.mode === 'key') {
    const row = db
      .prepare<[string], { fingerprint: string }>(
        'SELECT fingerprint FROM sync_recipients WHERE id = ?',
      )
      .get(encryption.recipientId);
    if (row) return `key:${row.fingerprint}`;
  }
  return encryption.mode;
}

/** The last export of a survey to each destination, for the screen's "since <date>". */
export function lastExports(db: Db, surveyId: string): LastExport[] {
  const rows = db
    .prepare<[string], { destination: string; exported_at: string; package_id: string }>(
      'SELECT destination, exported_at, package_id FROM sync_exports WHERE survey_id = ? ORDER BY exported_at DESC',
    )
    .all(surveyId);
  const recipients = db
    .prepare<[], { id: string; fingerprint: string }>('SELECT id, fingerprint FROM sync_recipients')
    .all();
  return rows.map((row) => {
    const fingerprint = row.destination.startsWith('key:') ? row.destination.slice(4) : null;
    return {
      destination: row.destination,
      mode: fingerprint ? 'key' : (row.destination as 'passphrase' | 'none'),
      recipientId: fingerprint
        ? (recipients.find((r) => r.fingerprint === fingerprint)?.id ?? null)
        : null,
      exportedAt: row.exported_at,
      packageId: row.package_id,
    };
  });
}

/** Reads what the package will hold and records the lineage of every response version leaving. */
export function collectPackageData(
  db: Db,
  surveyId: string,
  scope: ExportScope,
  since: string | null,
  signal?: AbortSignal,
): PackageData {
  const survey = db
    .prepare<[string], SurveyRecord>(
      'SELECT id, code, title, created_at, updated_at, archived_at FROM surveys WHERE id = ?',
    )
    .get(surveyId);
  if (!survey) throw new AppError('NOT_FOUND', { what: `survey ${surveyId}` });
  const versions = db
    .prepare<[string], VersionRecord>(
      `SELECT id, survey_id, version_no, definition, created_at, published_at FROM survey_versions
       WHERE survey_id = ? AND status = 'published' ORDER BY version_no`,
    )
    .all(surveyId);
  if (versions.length === 0) throw new AppError('NOT_PUBLISHED');
  const waves = db
    .prepare<[string], WaveRecord>(
      'SELECT id, survey_id, name, starts_on, ends_on, config, created_at FROM waves WHERE survey_id = ? ORDER BY created_at, id',
    )
    .all(surveyId);
  const tombstones = db
    .prepare<[], TombstoneRecord>(
      'SELECT entity, entity_id, erased_at, device_id, reason FROM tombstones ORDER BY entity, entity_id',
    )
    .all();
  if (scope.kind === 'questionnaire')
    return { surveys: [survey], versions, waves, customers: [], responses: [], tombstones };

  let where = `v.survey_id = ? AND r.status <> 'in_progress'`;
  const params: string[] = [surveyId];
  if (scope.kind === 'since-last' && since) {
    // Changed here since, or arrived here since (relayed from another machine with an older time).
    // Inclusive: a change in the export's own millisecond is sent again rather than missed.
    where +=
      ' AND (r.updated_at >= ? OR EXISTS (SELECT 1 FROM sync_arrivals a WHERE a.response_id = r.id AND a.arrived_at >= ?))';
    params.push(since, since);
  } else if (scope.kind === 'range') {
    where += ' AND substr(r.started_at, 1, 10) BETWEEN ? AND ?';
    params.push(scope.from, scope.to);
  }
  const rows = db
    .prepare<string[], ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS} FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id WHERE ${where} ORDER BY r.started_at, r.id`,
    )
    .all(...params);
  const answersOf = db.prepare<
    [string],
    {
      variable: string;
      value_num: number | null;
      value_text: string | null;
      value_json: string | null;
      answered_at: string;
    }
  >(
    'SELECT variable, value_num, value_text, value_json, answered_at FROM answers WHERE response_id = ? ORDER BY variable',
  );
  const lineageOf = db.prepare<[string], { revision: number; hash: string }>(
    'SELECT revision, hash FROM sync_revisions WHERE response_id = ? ORDER BY revision, hash',
  );
  const record = db.prepare(
    'INSERT OR IGNORE INTO sync_revisions (response_id, revision, hash) VALUES (?, ?, ?)',
  );
  const responses: ResponseRecord[] = [];
  const customerIds = new Set<string>();
  db.transaction(() => {
    for (const row of rows) {
      if (signal?.aborted) throw new AppError('JOB_CANCELLED');
      const answers: AnswerTuple[] = answersOf
        .all(row.id)
        .map((a) => [a.variable, a.value_num, a.value_text, a.value_json, a.answered_at]);
      const hash = responseHash(row, answers);
      // This revision leaves the machine: it becomes part of the lineage of later local edits.
      record.run(row.id, row.revision, hash);
      const lineage = lineageOf
        .all(row.id)
        .filter((l) => !(l.revision === row.revision && l.hash === hash))
        .map((l): [number, string] => [l.revision, l.hash]);
      responses.push({ response: row, answers, lineage });
      if (row.customer_id) customerIds.add(row.customer_id);
    }
  })();
  const customerStatement = db.prepare<[string], CustomerRecord>(
    `SELECT id, code, name, type, stage, region, industry, size, contact, phone, email, account_manager, staff_id, tags,
       created_at, updated_at FROM customers WHERE id = ?`,
  );
  const customers = [...customerIds]
    .sort()
    .map((cid) => customerStatement.get(cid))
    .filter((c): c is CustomerRecord => c !== undefined);
  return { surveys: [survey], versions, waves, customers, responses, tombstones };
}

/** Builds the package bytes from its data; `packageId` and time are given so tests can fix them. */
export async function buildPackage(
  data: PackageData,
  meta: { packageId: string; deviceId: string; appVersion: string; createdAt: Date },
  encryption:
    | { mode: 'none' }
    | { mode: 'key'; publicKey: string; fingerprint: string }
    | { mode: 'passphrase'; passphrase: string; scrypt: { N: number; r: number; p: number } },
): Promise<Buffer> {
  let key: Buffer | null = null;
  let manifestEncryption: Manifest['encryption'];
  if (encryption.mode === 'key') {
    key = randomKey();
    manifestEncryption = {
      mode: 'key',
      recipientFingerprint: encryption.fingerprint,
      wrappedKey: wrapKey(key, encryption.publicKey).toString('base64'),
    };
  } else if (encryption.mode === 'passphrase') {
    const salt = randomKey();
    key = deriveKey(encryption.passphrase, salt, encryption.scrypt);
    manifestEncryption = {
      mode: 'passphrase',
      salt: salt.toString('base64'),
      ...encryption.scrypt,
    };
  } else {
    manifestEncryption = { mode: 'none' };
  }
  const entries: { name: string; data: Buffer; compress: boolean }[] = [];
  if (key)
    entries.push({
      name: CHECK_ENTRY,
      data: seal(key, Buffer.from(CHECK_TEXT), `${meta.packageId}/${CHECK_ENTRY}`),
      compress: false,
    });
  for (const entry of DATA_ENTRIES) {
    const plain = toJsonLines(data[entry]);
    const name = entryFileName(entry, key !== null);
    // Compress before sealing: ciphertext does not compress, and the zip layer then stores it as is.
    const body = key ? seal(key, deflate(plain), `${meta.packageId}/${name}`) : plain;
    entries.push({ name, data: body, compress: key === null });
  }
  const manifest: Manifest = {
    format: FORMAT_NAME,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: meta.packageId,
    appVersion: meta.appVersion,
    deviceId: meta.deviceId,
    createdAt: meta.createdAt.toISOString(),
    encryption: manifestEncryption,
    counts: countsOf(data),
    entries: entries.map((e) => ({
      name: e.name,
      bytes: e.data.length,
      sha256: sha256Hex(e.data),
    })),
  };
  entries.unshift({
    name: MANIFEST,
    data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'),
    compress: true,
  });
  return writeZip(entries, meta.createdAt);
}

function deflate(data: Buffer): Buffer {
  return zlib.deflateRawSync(data, { level: 6 });
}

/** Exports a survey to `filePath` (written as `.partial`, renamed when complete). */
export async function exportPackage(
  db: Db,
  filePath: string,
  options: ExportOptions,
): Promise<PackageExportResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const destination = destinationOf(options.encryption, db);
  const mark = db
    .prepare<[string, string], { exported_at: string }>(
      'SELECT exported_at FROM sync_exports WHERE survey_id = ? AND destination = ?',
    )
    .get(options.surveyId, destination);
  let encryption: Parameters<typeof buildPackage>[2];
  if (options.encryption.mode === 'key') {
    const recipient = db
      .prepare<[string], { public_key: string; fingerprint: string }>(
        'SELECT public_key, fingerprint FROM sync_recipients WHERE id = ?',
      )
      .get(options.encryption.recipientId);
    if (!recipient)
      throw new AppError('NOT_FOUND', { what: `recipient key ${options.encryption.recipientId}` });
    encryption = {
      mode: 'key',
      publicKey: recipient.public_key,
      fingerprint: recipient.fingerprint,
    };
  } else if (options.encryption.mode === 'passphrase') {
    encryption = {
      mode: 'passphrase',
      passphrase: options.encryption.passphrase,
      scrypt: options.scrypt ?? SCRYPT_PARAMS,
    };
  } else {
    encryption = { mode: 'none' };
  }
  options.onProgress?.(0, 3);
  const data = collectPackageData(
    db,
    options.surveyId,
    options.scope,
    mark?.exported_at ?? null,
    options.signal,
  );
  options.onProgress?.(1, 3);
  const packageId = randomUUID();
  const bytes = await buildPackage(
    data,
    { packageId, deviceId: getDeviceId(db), appVersion: options.appVersion, createdAt: startedAt },
    encryption,
  );
  if (options.signal?.aborted) throw new AppError('JOB_CANCELLED');
  options.onProgress?.(2, 3);
  const partial = `${filePath}.partial`;
  try {
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, filePath);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  if (options.scope.kind !== 'questionnaire') {
    db.prepare(
      `INSERT INTO sync_exports (survey_id, destination, exported_at, package_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (survey_id, destination) DO UPDATE SET exported_at = excluded.exported_at, package_id = excluded.package_id`,
    ).run(options.surveyId, destination, startedAt.toISOString(), packageId);
  }
  options.onProgress?.(3, 3);
  return {
    path: filePath,
    packageId,
    encryption: options.encryption.mode,
    counts: countsOf(data),
    sizeBytes: bytes.length,
  };
}
