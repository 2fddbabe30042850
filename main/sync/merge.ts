/**
 * Applying a verified package. The rules, chosen so that packages may arrive in any order, any
 * number of times, from any number of machines, and every machine ends with the same data:
 * - questionnaires: surveys, published versions and waves are added when missing (published
 *   versions never change); a survey's title follows the later `updated_at`;
 * - tombstones are added and win: the erased response or customer is removed and never comes back;
 * - customers: added when missing, else the later `updated_at` wins (ties: the larger record);
 * - responses, compared by id: a version whose lineage holds the version we have replaces it
 *   (a newer revision); one in our lineage is older and ignored; the same content is unchanged;
 *   anything else is a fork: both versions are kept — the higher revision (then the smaller
 *   content hash) in `responses`, the other in `sync_conflicts` for a decision.
 * `planPackage` computes the same outcome without writing (the preview); `applyPackage` writes it
 * in one transaction.
 */
import { AppError } from '../../shared/errors';
import type { MergeCounts, PackagePreview, PreviewGroup, PreviewSurvey } from '../../shared/sync';
import type { Db } from '../db/connection';
import {
  responseHash,
  type AnswerTuple,
  type CustomerRecord,
  type PackageData,
  type ResponseRecord,
  type ResponseRow,
} from './format';
import type { Manifest } from './format';

export type ResponseOutcome = keyof MergeCounts;

export interface MergeOptions {
  write: boolean;
  now: () => Date;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const RESPONSE_COLUMNS = `id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status, revision,
  replaces_revision, consent, quality_flags, started_at, completed_at, updated_at, notes, card_no, entry_stats, lead, attributes`;

export function emptyCounts(): MergeCounts {
  return { new: 0, updated: 0, unchanged: 0, older: 0, conflicts: 0, erased: 0 };
}

export function mergeStatements(db: Db) {
  return {
    survey: db.prepare<
      [string],
      { id: string; code: string; title: string; updated_at: string; archived_at: string | null }
    >('SELECT id, code, title, updated_at, archived_at FROM surveys WHERE id = ?'),
    surveyByCode: db.prepare<[string], { id: string }>('SELECT id FROM surveys WHERE code = ?'),
    insertSurvey: db.prepare(
      'INSERT INTO surveys (id, code, title, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    updateSurvey: db.prepare(
      'UPDATE surveys SET title = ?, archived_at = ?, updated_at = ? WHERE id = ?',
    ),
    version: db.prepare<[string], { id: string; survey_id: string }>(
      'SELECT id, survey_id FROM survey_versions WHERE id = ?',
    ),
    versionByNo: db.prepare<[string, number], { id: string; status: string }>(
      'SELECT id, status FROM survey_versions WHERE survey_id = ? AND version_no = ?',
    ),
    insertVersion: db.prepare(
      `INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at, published_at) VALUES (?, ?, ?, 'published', ?, ?, ?)`,
    ),
    wave: db.prepare<[string], { id: string }>('SELECT id FROM waves WHERE id = ?'),
    insertWave: db.prepare(
      'INSERT INTO waves (id, survey_id, name, starts_on, ends_on, config, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    tombstone: db.prepare<[string, string], { erased_at: string; device_id: string }>(
      'SELECT erased_at, device_id FROM tombstones WHERE entity = ? AND entity_id = ?',
    ),
    /** The same record erased on two machines: the earlier erasure is kept everywhere. */
    earlierTombstone: db.prepare(
      'UPDATE tombstones SET erased_at = ?, device_id = ?, reason = ? WHERE entity = ? AND entity_id = ?',
    ),
    insertTombstone: db.prepare(
      'INSERT INTO tombstones (entity, entity_id, erased_at, device_id, reason) VALUES (?, ?, ?, ?, ?)',
    ),
    customer: db.prepare<[string], CustomerRecord>(
      `SELECT id, code, name, type, stage, region, industry, size, contact, phone, email, account_manager, staff_id, tags,
         created_at, updated_at FROM customers WHERE id = ?`,
    ),
    customerByCode: db.prepare<[string], { id: string }>('SELECT id FROM customers WHERE code = ?'),
    upsertCustomer: db.prepare(
      `INSERT INTO customers (id, code, name, type, stage, region, industry, size, contact, phone, email, account_manager, staff_id,
         tags, created_at, updated_at) VALUES (@id, @code, @name, @type, @stage, @region, @industry, @size, @contact, @phone, @email,
         @account_manager, @staff_id, @tags, @created_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, type = excluded.type, stage = excluded.stage,
         region = excluded.region, industry = excluded.industry, size = excluded.size, contact = excluded.contact,
         phone = excluded.phone, email = excluded.email, account_manager = excluded.account_manager, staff_id = excluded.staff_id,
         tags = excluded.tags, created_at = excluded.created_at, updated_at = excluded.updated_at`,
    ),
    deleteCustomer: db.prepare('DELETE FROM customers WHERE id = ?'),
    response: db.prepare<[string], ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS} FROM responses WHERE id = ?`,
    ),
    responseSurvey: db.prepare<[string], { survey_id: string }>(
      'SELECT v.survey_id FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id WHERE r.id = ?',
    ),
    answers: db.prepare<
      [string],
      {
        variable: string;
        value_num: number | null;
        value_text: string | null;
        value_json: string | null;
        answered_at: string;
      }
    >(
      'SELECT variable, value_num, value_text, value_json, answered_at FROM answers WHERE response_id = ?',
    ),
    insertResponse: db.prepare(
      `INSERT INTO responses (${RESPONSE_COLUMNS}) VALUES (@id, @survey_version_id, @wave_id, @customer_id, @device_id, @interviewer,
         @channel, @status, @revision, @replaces_revision, @consent, @quality_flags, @started_at, @completed_at, @updated_at, @notes,
         @card_no, @entry_stats, @lead, @attributes)`,
    ),
    updateResponse: db.prepare(
      `UPDATE responses SET survey_version_id = @survey_version_id, wave_id = @wave_id, customer_id = @customer_id,
         device_id = @device_id, interviewer = @interviewer, channel = @channel, status = @status, revision = @revision,
         replaces_revision = @replaces_revision, consent = @consent, quality_flags = @quality_flags, started_at = @started_at,
         completed_at = @completed_at, updated_at = @updated_at, notes = @notes, card_no = @card_no, entry_stats = @entry_stats,
         lead = @lead, attributes = @attributes WHERE id = @id`,
    ),
    deleteResponse: db.prepare('DELETE FROM responses WHERE id = ?'),
    deleteAnswers: db.prepare('DELETE FROM answers WHERE response_id = ?'),
    insertAnswer: db.prepare(
      'INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    lineage: db.prepare<[string], { revision: number; hash: string }>(
      'SELECT revision, hash FROM sync_revisions WHERE response_id = ?',
    ),
    addLineage: db.prepare(
      'INSERT OR IGNORE INTO sync_revisions (response_id, revision, hash) VALUES (?, ?, ?)',
    ),
    clearLineage: db.prepare('DELETE FROM sync_revisions WHERE response_id = ?'),
    arrived: db.prepare(
      'INSERT INTO sync_arrivals (response_id, arrived_at) VALUES (?, ?) ON CONFLICT (response_id) DO UPDATE SET arrived_at = excluded.arrived_at',
    ),
    clearArrival: db.prepare('DELETE FROM sync_arrivals WHERE response_id = ?'),
    clearConflicts: db.prepare('DELETE FROM sync_conflicts WHERE response_id = ?'),
    conflict: db.prepare<[string, string], { id: number }>(
      'SELECT id FROM sync_conflicts WHERE response_id = ? AND other_hash = ?',
    ),
    insertConflict: db.prepare(
      `INSERT INTO sync_conflicts (response_id, held_hash, other_hash, other, package_id, detected_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (response_id, other_hash) DO NOTHING`,
    ),
  };
}

type Statements = ReturnType<typeof mergeStatements>;

export function localAnswers(st: Statements, id: string): AnswerTuple[] {
  return st.answers
    .all(id)
    .map((a) => [a.variable, a.value_num, a.value_text, a.value_json, a.answered_at]);
}

function writeAnswers(st: Statements, id: string, answers: AnswerTuple[]): void {
  for (const a of answers) st.insertAnswer.run(id, a[0], a[1], a[2], a[3], a[4]);
}

/** Customers: the later `updated_at` wins; equal times are decided by the records' text, the same way everywhere. */
function customerWins(incoming: CustomerRecord, local: CustomerRecord): boolean {
  if (incoming.updated_at !== local.updated_at) return incoming.updated_at > local.updated_at;
  return JSON.stringify(incoming) > JSON.stringify(local);
}

/** Which of two forked versions is held in `responses`: the higher revision, then the smaller hash. */
function incomingHeld(
  incoming: ResponseRow,
  incomingHash: string,
  local: ResponseRow,
  localHash: string,
): boolean {
  if (incoming.revision !== local.revision) return incoming.revision > local.revision;
  return incomingHash < localHash;
}

/** Applies (write: true) or previews (write: false) a verified package. Call inside a transaction when writing. */
export function mergePackage(
  db: Db,
  manifest: Manifest,
  data: PackageData,
  options: MergeOptions,
): Omit<PackagePreview, 'manifest' | 'alreadyApplied'> {
  const st = mergeStatements(db);
  const write = options.write;
  const at = options.now().toISOString();
  // What a preview would have added so far (a preview writes nothing, so later lookups ask here).
  const added = {
    surveys: new Set<string>(),
    versions: new Map<string, string>(),
    waves: new Set<string>(),
    customers: new Set<string>(),
    tombstones: new Set<string>(),
  };
  const duplicates = new Set<string>();
  for (const r of data.responses) {
    if (duplicates.has(r.response.id))
      throw new AppError('PACKAGE_CONTENT', { detail: `response ${r.response.id} appears twice` });
    duplicates.add(r.response.id);
  }

  // Questionnaires.
  const surveys: PreviewSurvey[] = [];
  const surveyInfo = new Map<string, { code: string; title: string }>();
  for (const s of data.surveys) {
    const local = st.survey.get(s.id);
    surveyInfo.set(s.id, { code: s.code, title: s.title });
    if (!local) {
      const clash = st.surveyByCode.get(s.code);
      if (clash)
        throw new AppError('CONFLICT', {
          reason: `the survey code ${s.code} belongs to another survey on this machine`,
        });
      if (write)
        st.insertSurvey.run(s.id, s.code, s.title, s.created_at, s.updated_at, s.archived_at);
      else added.surveys.add(s.id);
    } else if (s.updated_at > local.updated_at && write) {
      st.updateSurvey.run(s.title, s.archived_at, s.updated_at, s.id);
    }
    const updated = local !== undefined && s.updated_at > local.updated_at;
    surveys.push({
      surveyId: s.id,
      code: s.code,
      title: s.title,
      isNew: !local,
      updated,
      newVersions: 0,
      newWaves: 0,
    });
  }
  const surveyKnown = (id: string) => added.surveys.has(id) || st.survey.get(id) !== undefined;
  for (const v of data.versions) {
    if (st.version.get(v.id)) continue;
    if (!surveyKnown(v.survey_id))
      throw new AppError('PACKAGE_CONTENT', { detail: `version ${v.id} of an unknown survey` });
    const sameNo = st.versionByNo.get(v.survey_id, v.version_no);
    if (sameNo) {
      throw new AppError('CONFLICT', {
        reason: `version ${v.version_no} of this questionnaire already exists here as a different ${sameNo.status === 'draft' ? 'draft' : 'version'}`,
      });
    }
    if (write)
      st.insertVersion.run(
        v.id,
        v.survey_id,
        v.version_no,
        v.definition,
        v.created_at,
        v.published_at,
      );
    else added.versions.set(v.id, v.survey_id);
    const preview = surveys.find((s) => s.surveyId === v.survey_id);
    if (preview) preview.newVersions += 1;
  }
  for (const w of data.waves) {
    if (st.wave.get(w.id)) continue;
    if (!surveyKnown(w.survey_id))
      throw new AppError('PACKAGE_CONTENT', { detail: `wave ${w.id} of an unknown survey` });
    if (write)
      st.insertWave.run(w.id, w.survey_id, w.name, w.starts_on, w.ends_on, w.config, w.created_at);
    else added.waves.add(w.id);
    const preview = surveys.find((s) => s.surveyId === w.survey_id);
    if (preview) preview.newWaves += 1;
  }

  // Tombstones first: they decide what may come in.
  const groups = new Map<string, PreviewGroup>();
  const totals = emptyCounts();
  const surveyOfVersion = (versionId: string): string | null =>
    added.versions.get(versionId) ?? st.version.get(versionId)?.survey_id ?? null;
  const group = (surveyId: string, deviceId: string): PreviewGroup => {
    const key = `${surveyId}\u0000${deviceId}`;
    let g = groups.get(key);
    if (!g) {
      const info = surveyInfo.get(surveyId) ?? st.survey.get(surveyId);
      g = {
        surveyId,
        surveyCode: info?.code ?? '',
        surveyTitle: info?.title ?? '',
        deviceId,
        counts: emptyCounts(),
      };
      groups.set(key, g);
    }
    return g;
  };
  const count = (surveyId: string, deviceId: string, outcome: ResponseOutcome) => {
    group(surveyId, deviceId).counts[outcome] += 1;
    totals[outcome] += 1;
  };
  const tombstones = { new: 0, known: 0, earlier: 0 };
  const customers = { new: 0, updated: 0, unchanged: 0, erased: 0 };
  const erased = (entity: 'response' | 'customer', id: string) =>
    added.tombstones.has(`${entity}:${id}`) || st.tombstone.get(entity, id) !== undefined;
  for (const t of data.tombstones) {
    if (erased(t.entity, t.entity_id)) {
      const known = st.tombstone.get(t.entity, t.entity_id);
      if (
        known &&
        (t.erased_at < known.erased_at ||
          (t.erased_at === known.erased_at && t.device_id < known.device_id))
      ) {
        tombstones.earlier += 1;
        if (write)
          st.earlierTombstone.run(t.erased_at, t.device_id, t.reason, t.entity, t.entity_id);
      } else {
        tombstones.known += 1;
      }
      continue;
    }
    tombstones.new += 1;
    if (t.entity === 'response') {
      const local = st.response.get(t.entity_id);
      if (local) {
        const surveyId = st.responseSurvey.get(t.entity_id)?.survey_id ?? '';
        count(surveyId, local.device_id, 'erased');
        if (write) {
          st.deleteResponse.run(t.entity_id);
          st.clearLineage.run(t.entity_id);
          st.clearArrival.run(t.entity_id);
          st.clearConflicts.run(t.entity_id);
        }
      }
    } else if (st.customer.get(t.entity_id)) {
      customers.erased += 1;
      if (write) st.deleteCustomer.run(t.entity_id);
    }
    if (write) st.insertTombstone.run(t.entity, t.entity_id, t.erased_at, t.device_id, t.reason);
    else added.tombstones.add(`${t.entity}:${t.entity_id}`);
  }

  // Customers.
  for (const c of data.customers) {
    if (erased('customer', c.id)) {
      customers.erased += 1;
      continue;
    }
    const local = st.customer.get(c.id);
    if (!local) {
      customers.new += 1;
      // A code used here by another customer stays with that one; the newcomer keeps no code.
      const clash = c.code !== null ? st.customerByCode.get(c.code) : undefined;
      if (write) st.upsertCustomer.run({ ...c, code: clash ? null : c.code });
      else added.customers.add(c.id);
    } else if (customerWins(c, local)) {
      customers.updated += 1;
      const clash = c.code !== null ? st.customerByCode.get(c.code) : undefined;
      if (write)
        st.upsertCustomer.run({ ...c, code: clash && clash.id !== c.id ? local.code : c.code });
    } else {
      customers.unchanged += 1;
    }
  }
  const customerKnown = (id: string) =>
    added.customers.has(id) || st.customer.get(id) !== undefined;

  // Responses.
  const total = data.responses.length;
  for (const [index, record] of data.responses.entries()) {
    if (index % 200 === 0) {
      if (options.signal?.aborted) throw new AppError('JOB_CANCELLED');
      options.onProgress?.(index, total);
    }
    const row = record.response;
    const surveyId = surveyOfVersion(row.survey_version_id);
    if (!surveyId)
      throw new AppError('PACKAGE_CONTENT', {
        detail: `response ${row.id} of an unknown questionnaire version`,
      });
    if (row.wave_id && !added.waves.has(row.wave_id) && !st.wave.get(row.wave_id)) {
      throw new AppError('PACKAGE_CONTENT', { detail: `response ${row.id} of an unknown wave` });
    }
    const outcome = mergeResponse(st, record, {
      write,
      at,
      packageId: manifest.packageId,
      erased: erased('response', row.id),
      customerKnown,
    });
    count(surveyId, row.device_id, outcome);
  }
  options.onProgress?.(total, total);
  return {
    surveys,
    groups: [...groups.values()].sort(
      (a, b) => a.surveyCode.localeCompare(b.surveyCode) || a.deviceId.localeCompare(b.deviceId),
    ),
    totals,
    customers,
    tombstones,
  };
}

function mergeResponse(
  st: Statements,
  record: ResponseRecord,
  ctx: {
    write: boolean;
    at: string;
    packageId: string;
    erased: boolean;
    customerKnown: (id: string) => boolean;
  },
): ResponseOutcome {
  if (ctx.erased) return 'erased';
  const row = { ...record.response };
  if (row.customer_id && !ctx.customerKnown(row.customer_id)) row.customer_id = null;
  const hash = responseHash(row, record.answers);
  const incomingLineage = new Set(record.lineage.map(([rev, h]) => `${rev}:${h}`));
  incomingLineage.add(`${row.revision}:${hash}`);
  const local = st.response.get(row.id);
  if (!local) {
    if (ctx.write) {
      st.insertResponse.run(row);
      writeAnswers(st, row.id, record.answers);
      for (const entry of incomingLineage) addLineage(st, row.id, entry);
      st.arrived.run(row.id, ctx.at);
    }
    return 'new';
  }
  const localAnswerRows = localAnswers(st, row.id);
  const localHash = responseHash(local, localAnswerRows);
  if (localHash === hash) return 'unchanged';
  const localLineage = new Set(st.lineage.all(row.id).map((l) => `${l.revision}:${l.hash}`));
  if (localLineage.has(`${row.revision}:${hash}`)) return 'older';
  if (incomingLineage.has(`${local.revision}:${localHash}`)) {
    if (ctx.write) replaceHeld(st, row, record.answers, incomingLineage, ctx.at);
    return 'updated';
  }
  // A fork: keep both, one of them aside.
  const takeIncoming = incomingHeld(row, hash, local, localHash);
  if (ctx.write) {
    if (takeIncoming) {
      const aside = {
        response: local,
        answers: localAnswerRows,
        lineage: [...localLineage].map(parseLineage),
      };
      st.insertConflict.run(row.id, hash, localHash, JSON.stringify(aside), ctx.packageId, ctx.at);
      st.clearLineage.run(row.id);
      replaceHeld(st, row, record.answers, incomingLineage, ctx.at);
    } else {
      st.insertConflict.run(row.id, localHash, hash, JSON.stringify(record), ctx.packageId, ctx.at);
    }
  }
  return 'conflicts';
}

function parseLineage(entry: string): [number, string] {
  const [rev, hash] = entry.split(':');
  return [Number(rev), hash!];
}

function addLineage(st: Statements, id: string, entry: string): void {
  const [rev, hash] = parseLineage(entry);
  st.addLineage.run(id, rev, hash);
}

function replaceHeld(
  st: Statements,
  row: ResponseRow,
  answers: AnswerTuple[],
  lineage: Set<string>,
  at: string,
): void {
  st.updateResponse.run(row);
  st.arrived.run(row.id, at);
  st.deleteAnswers.run(row.id);
  writeAnswers(st, row.id, answers);
  for (const entry of lineage) addLineage(st, row.id, entry);
}
