/**
 * Erasing a person ("right to be forgotten"). After a backup, in one transaction:
 * - delete mode: the responses are deleted (answers and history go with them);
 * - anonymise mode: each response loses its personal-data answers, customer link, notes and
 *   imported attributes, and gets a new revision so this version wins over older copies;
 * - the customer records are deleted, with their sample memberships and contact history;
 * - follow-ups are deleted (or lose their free text), and problems lose the lines quoting the
 *   person's open answers (./activity.ts);
 * - a tombstone for every deleted record, which exchange packages carry to other computers;
 * - one audit entry with counts and ids, never the erased values.
 *
 * Deleted bytes must really go: SQLite leaves deleted rows in free pages and old page images in
 * the write-ahead log. `secure_delete` makes SQLite overwrite deleted content with zeros, and a
 * TRUNCATE checkpoint afterwards copies the log into the file and empties it. VACUUM is not
 * needed then (and would rewrite the whole file on every erasure).
 */
import type { EraseMode, EraseResult, PersonSubject } from '../../shared/privacy';
import { createBackup } from '../db/backups';
import type { Db } from '../db/connection';
import { getDeviceId, getSettings } from '../services/settings';
import { eraseActivity, openTextsOf } from './activity';
import { assertSubjectExists, responseIdsOf } from './person';
import { responseStripper } from './strip';
import { versionCatalog } from './versions';

export const ERASURE_REASON = 'erasure request';

export interface EraseOptions {
  mode: EraseMode;
  backupsDir: string;
  now: Date;
}

/** Zeroes deleted content on this connection from now on; see the file comment. */
export function enableSecureDelete(db: Db): void {
  db.pragma('secure_delete = ON');
}

/** Empties the write-ahead log; false when a reader kept part of it (it empties later). */
export function clearWriteAheadLog(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

/**
 * Retries emptying the log while a reader (a job's worker connection) holds it: until then the
 * log still holds old page images of the erased rows. Timers never keep the process alive.
 */
export function clearWriteAheadLogSoon(db: Db, attempts = 12, intervalMs = 5000): void {
  let left = attempts;
  const retry = () => {
    if (!db.open || left-- <= 0) return;
    try {
      if (clearWriteAheadLog(db)) return;
    } catch {
      // A busy or closing database: the next attempt (or the next erasure) tries again.
    }
    setTimeout(retry, intervalMs).unref();
  };
  setTimeout(retry, intervalMs).unref();
}

export async function erasePerson(
  db: Db,
  subject: PersonSubject,
  options: EraseOptions,
): Promise<EraseResult> {
  assertSubjectExists(db, subject);
  const backup = await createBackup(db, options.backupsDir, { reason: 'manual', now: options.now });
  enableSecureDelete(db);
  const at = options.now.toISOString();
  const actor = getSettings(db).operatorName;
  const deviceId = getDeviceId(db);
  const catalog = versionCatalog(db);
  const stripper = responseStripper(db);
  const st = {
    versionOf: db.prepare<
      [string],
      { survey_version_id: string; batch_id: string | null; card_no: string | null }
    >('SELECT survey_version_id, batch_id, card_no FROM responses WHERE id = ?'),
    answerCount: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM answers WHERE response_id = ?',
    ),
    deleteSecondPass: db.prepare<[string, string]>(
      'DELETE FROM paper_second_pass WHERE batch_id = ? AND card_no = ?',
    ),
    deleteResponse: db.prepare<[string]>('DELETE FROM responses WHERE id = ?'),
    deleteCustomer: db.prepare<[string]>('DELETE FROM customers WHERE id = ?'),
    tombstone: db.prepare<[string, string, string, string, string]>(
      `INSERT INTO tombstones (entity, entity_id, erased_at, device_id, reason) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (entity, entity_id) DO NOTHING`,
    ),
    audit: db.prepare<[string, string | null, string]>(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, 'privacy.erase', 'person', NULL, ?)`,
    ),
  };

  const result = db.transaction((): Omit<EraseResult, 'backupPath' | 'logCleared'> => {
    const responseIds = responseIdsOf(db, subject);
    // Read before the responses change: problem descriptions may quote these answers.
    const texts = openTextsOf(db, responseIds);
    const linked = eraseActivity(db, options.mode, subject.customerIds, responseIds, texts);
    let answersRemoved = 0;
    let tombstones = 0;
    let responsesDeleted = 0;
    let responsesAnonymised = 0;
    for (const id of responseIds) {
      const row = st.versionOf.get(id);
      if (!row) continue;
      if (options.mode === 'delete') {
        answersRemoved += st.answerCount.get(id)?.n ?? 0;
        if (row.batch_id !== null && row.card_no !== null)
          st.deleteSecondPass.run(row.batch_id, row.card_no);
        st.deleteResponse.run(id);
        tombstones += st.tombstone.run('response', id, at, deviceId, ERASURE_REASON).changes;
        responsesDeleted++;
      } else {
        answersRemoved += stripper.strip(id, catalog(row.survey_version_id), {
          unlink: true,
          at,
          actor,
          action: 'anonymise',
        });
        responsesAnonymised++;
      }
    }
    let customersDeleted = 0;
    for (const id of subject.customerIds) {
      customersDeleted += st.deleteCustomer.run(id).changes;
      tombstones += st.tombstone.run('customer', id, at, deviceId, ERASURE_REASON).changes;
    }
    // Ids are random UUIDs, not personal data; names, codes and phone numbers never go here.
    st.audit.run(
      at,
      actor,
      JSON.stringify({
        mode: options.mode,
        customerIds: subject.customerIds,
        responseIds,
        customersDeleted,
        responsesDeleted,
        responsesAnonymised,
        answersRemoved,
        ...linked,
        backup: backup.fileName,
      }),
    );
    return {
      mode: options.mode,
      customersDeleted,
      responsesDeleted,
      responsesAnonymised,
      answersRemoved,
      tombstones,
      linked,
    };
  })();
  const logCleared = clearWriteAheadLog(db);
  if (!logCleared) clearWriteAheadLogSoon(db);
  return { ...result, backupPath: backup.path, logCleared };
}
