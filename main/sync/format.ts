/**
 * The exchange package format (version 1). A zip with:
 * - `manifest.json`, always readable: format and app version, package id, device, time, the
 *   encryption parameters, record counts and a SHA-256 per entry (of the bytes stored in the zip).
 *   It never holds personal data: only ids of machines and counts.
 * - data as JSON lines, one record per line: `surveys.jsonl`, `versions.jsonl` (published
 *   questionnaire versions), `waves.jsonl`, `customers.jsonl`, `responses.jsonl` (each response with
 *   its answers and its revision lineage), `tombstones.jsonl`.
 * - encrypted packages store each data entry sealed (`<name>.enc`, AES-256-GCM, see crypto.ts) and a
 *   `check.enc` entry whose opening proves the key or passphrase right before any data is read.
 */
import { z } from 'zod';
import { PACKAGE_FORMAT_VERSION, type PackageCounts } from '../../shared/sync';
import { sha256Hex } from './crypto';

export const FORMAT_NAME = 'surveydesk-package';
export const MANIFEST = 'manifest.json';
export const CHECK_ENTRY = 'check.enc';
export const CHECK_TEXT = 'surveydesk-package-key-check';
export const DATA_ENTRIES = [
  'surveys',
  'versions',
  'waves',
  'customers',
  'responses',
  'tombstones',
] as const;
export type DataEntry = (typeof DATA_ENTRIES)[number];

export function entryFileName(entry: DataEntry, encrypted: boolean): string {
  return `${entry}.jsonl${encrypted ? '.enc' : ''}`;
}

const iso = z.string().min(1).max(40);
const id = z.string().min(1).max(100);
const text = z.string().max(1_000_000);
const nullableText = text.nullable();

const encryptionSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({
    mode: z.literal('key'),
    recipientFingerprint: z.string().regex(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/),
    wrappedKey: z.base64().max(2048),
  }),
  z.strictObject({
    mode: z.literal('passphrase'),
    salt: z.base64().max(128),
    N: z
      .number()
      .int()
      .min(1024)
      .max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  }),
]);

const countsSchema = z.strictObject({
  surveys: z.number().int().min(0),
  versions: z.number().int().min(0),
  waves: z.number().int().min(0),
  customers: z.number().int().min(0),
  responses: z.number().int().min(0),
  answers: z.number().int().min(0),
  tombstones: z.number().int().min(0),
});

/** Only the format fields are read before the version check, so a newer manifest is recognised as newer. */
export const manifestHead = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().min(1),
});

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  packageId: z.uuid(),
  appVersion: z.string().min(1).max(50),
  deviceId: id,
  createdAt: iso,
  encryption: encryptionSchema,
  counts: countsSchema,
  entries: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(100),
        bytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(16),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const surveyRecord = z.strictObject({
  id,
  code: z.string().min(1).max(200),
  title: text,
  created_at: iso,
  updated_at: iso,
  archived_at: iso.nullable(),
});
export type SurveyRecord = z.infer<typeof surveyRecord>;

export const versionRecord = z.strictObject({
  id,
  survey_id: id,
  version_no: z.number().int().min(1),
  definition: z.string().max(20_000_000),
  created_at: iso,
  published_at: iso.nullable(),
});
export type VersionRecord = z.infer<typeof versionRecord>;

export const waveRecord = z.strictObject({
  id,
  survey_id: id,
  name: text,
  starts_on: iso.nullable(),
  ends_on: iso.nullable(),
  config: text,
  created_at: iso,
});
export type WaveRecord = z.infer<typeof waveRecord>;

export const customerRecord = z.strictObject({
  id,
  code: nullableText,
  name: text,
  type: nullableText,
  stage: nullableText,
  region: nullableText,
  industry: nullableText,
  size: nullableText,
  contact: nullableText,
  phone: nullableText,
  email: nullableText,
  account_manager: nullableText,
  staff_id: nullableText,
  tags: text,
  created_at: iso,
  updated_at: iso,
});
export type CustomerRecord = z.infer<typeof customerRecord>;

/** [variable, value_num, value_text, value_json, answered_at] */
export type AnswerTuple = [string, number | null, string | null, string | null, string];

const answerTuple = z.tuple([
  z.string().min(1).max(200),
  z.number().nullable(),
  nullableText,
  nullableText,
  iso,
]);

/** The response columns that travel (batch_id and position stay on the machine that has them). */
export const responseRow = z.strictObject({
  id,
  survey_version_id: id,
  wave_id: id.nullable(),
  customer_id: id.nullable(),
  device_id: id,
  interviewer: nullableText,
  channel: z.enum(['interview', 'kiosk', 'paper', 'import']),
  status: z.enum(['complete', 'abandoned', 'void']),
  revision: z.number().int().min(1),
  replaces_revision: z.number().int().min(1).nullable(),
  consent: nullableText,
  quality_flags: text,
  started_at: iso,
  completed_at: iso.nullable(),
  updated_at: iso,
  notes: text,
  card_no: nullableText,
  entry_stats: nullableText,
  lead: nullableText,
  attributes: text,
});
export type ResponseRow = z.infer<typeof responseRow>;

export const responseRecord = z.strictObject({
  response: responseRow,
  answers: z.array(answerTuple).max(5000),
  /** Earlier (revision, content hash) pairs this version descends from. */
  lineage: z
    .array(z.tuple([z.number().int().min(1), z.string().regex(/^[0-9a-f]{64}$/)]))
    .max(10_000),
});
export interface ResponseRecord {
  response: ResponseRow;
  answers: AnswerTuple[];
  lineage: [number, string][];
}

export const tombstoneRecord = z.strictObject({
  entity: z.enum(['response', 'customer']),
  entity_id: id,
  erased_at: iso,
  device_id: id,
  reason: z.string().max(1000),
});
export type TombstoneRecord = z.infer<typeof tombstoneRecord>;

export interface PackageData {
  surveys: SurveyRecord[];
  versions: VersionRecord[];
  waves: WaveRecord[];
  customers: CustomerRecord[];
  responses: ResponseRecord[];
  tombstones: TombstoneRecord[];
}

export const RECORD_SCHEMAS: Record<DataEntry, z.ZodType> = {
  surveys: surveyRecord,
  versions: versionRecord,
  waves: waveRecord,
  customers: customerRecord,
  responses: responseRecord,
  tombstones: tombstoneRecord,
};

export function countsOf(data: PackageData): PackageCounts {
  return {
    surveys: data.surveys.length,
    versions: data.versions.length,
    waves: data.waves.length,
    customers: data.customers.length,
    responses: data.responses.length,
    answers: data.responses.reduce((sum, r) => sum + r.answers.length, 0),
    tombstones: data.tombstones.length,
  };
}

/**
 * The content hash of a response version: what its revision means. Left out: what differs
 * between machines without an edit (the customer link, which erasure may cut; quality flags,
 * recomputed anywhere; updated_at; when each answer was typed; paper batch and resume position).
 */
export function responseHash(row: ResponseRow, answers: AnswerTuple[]): string {
  const sorted = answers
    .map((a) => [a[0], a[1], a[2], a[3]] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(
    JSON.stringify([
      row.id,
      row.survey_version_id,
      row.wave_id,
      row.device_id,
      row.interviewer,
      row.channel,
      row.status,
      row.revision,
      row.replaces_revision,
      row.consent,
      row.started_at,
      row.completed_at,
      row.notes,
      row.card_no,
      row.entry_stats,
      row.lead,
      row.attributes,
      sorted,
    ]),
  );
}

/** JSON lines of records. */
export function toJsonLines(records: unknown[]): Buffer {
  return Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
}
