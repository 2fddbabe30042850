/**
 * The retention period: personal fields are kept N days (off by default), then purged from older
 * responses: their personal-data answers, and the contact person, phone and e-mail of customers
 * whose responses are all older; and the free texts of sampling and the improvement loop last
 * touched before the cutoff (sample notes, contact notes, follow-ups' detail and plan). Scores,
 * statuses and dates stay. Purges run at start, daily while the app runs, and on demand; each is
 * one transaction with an audit entry holding counts, never values.
 */
import type { PurgeCounts, PurgeResult, PurgeTrigger, RetentionStatus } from '../../shared/privacy';
import type { Db } from '../db/connection';
import { getSettings } from '../services/settings';
import { clearWriteAheadLog, clearWriteAheadLogSoon, enableSecureDelete } from './erase';
import { responseStripper } from './strip';
import { personalVariablesByVersion, versionCatalog } from './versions';

const SETTING = 'privacyRetention';
const LAST_PURGE = 'privacyLastPurge';
const DAY_MS = 24 * 3600 * 1000;

function readSetting(db: Db, key: string): unknown {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function retentionDays(db: Db): number | null {
  const value = readSetting(db, SETTING) as { days?: unknown } | undefined;
  return typeof value?.days === 'number' && value.days > 0 ? value.days : null;
}

/** Changes the period; the change itself is audited (who, from, to). */
export function setRetentionDays(db: Db, days: number | null, now = new Date()): void {
  const before = retentionDays(db);
  db.transaction(() => {
    writeSetting(db, SETTING, { days });
    if (before === days) return;
    db.prepare<[string, string | null, string]>(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
       VALUES (?, ?, 'privacy.retention_set', 'settings', NULL, ?)`,
    ).run(
      now.toISOString(),
      getSettings(db).operatorName,
      JSON.stringify({ from: before, to: days }),
    );
  })();
}

export function cutoffFor(days: number, now: Date): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Responses finished (or started, if never finished) before the cutoff that hold personal answers. */
function expiredResponses(
  db: Db,
  cutoff: string,
): { id: string; version: string; answers: number }[] {
  const query = db.prepare<
    { version: string; variables: string; cutoff: string },
    { id: string; answers: number }
  >(
    `SELECT r.id, COUNT(*) AS answers
       FROM responses r JOIN answers a ON a.response_id = r.id
      WHERE r.survey_version_id = @version
        AND COALESCE(r.completed_at, r.started_at) < @cutoff
        AND a.variable IN (SELECT value FROM json_each(@variables))
      GROUP BY r.id ORDER BY r.id`,
  );
  const out: { id: string; version: string; answers: number }[] = [];
  for (const [version, variables] of personalVariablesByVersion(db)) {
    for (const row of query.all({ version, variables: JSON.stringify(variables), cutoff })) {
      out.push({ ...row, version });
    }
  }
  return out;
}

/** Customers with contact details whose every response is older than the cutoff. */
function expiredCustomers(db: Db, cutoff: string): string[] {
  return db
    .prepare<{ cutoff: string }, { id: string }>(
      `SELECT c.id FROM customers c
        WHERE (c.contact IS NOT NULL OR c.phone IS NOT NULL OR c.email IS NOT NULL)
          AND c.updated_at < @cutoff
          AND EXISTS (SELECT 1 FROM responses r WHERE r.customer_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.customer_id = c.id
                           AND COALESCE(r.completed_at, r.started_at) >= @cutoff)
        ORDER BY c.id`,
    )
    .all({ cutoff })
    .map((row) => row.id);
}

/** A follow-up's last step: the latest of its timestamps (the ones not reached yet are null). */
const FOLLOW_UP_LAST_STEP = `max(raised_at, COALESCE(acknowledged_at, raised_at), COALESCE(planned_at, raised_at),
  COALESCE(fixed_at, raised_at), COALESCE(revisited_at, raised_at), COALESCE(closed_at, raised_at))`;

/**
 * Free texts of sampling and the improvement loop, each aged by its own record: a sample
 * membership by its last change, a contact by when it happened, a follow-up by its last step.
 * Empty texts are not counted, so a purged record is never counted again.
 */
const EXPIRED_TEXTS = {
  sampleNotes: {
    table: 'sample_members',
    expired: `notes <> '' AND updated_at < @cutoff`,
    clear: `notes = ''`,
  },
  contactNotes: {
    table: 'sample_contacts',
    expired: `note <> '' AND at < @cutoff`,
    clear: `note = ''`,
  },
  followUps: {
    table: 'improvement_follow_ups',
    expired: `(detail <> '' OR plan <> '') AND ${FOLLOW_UP_LAST_STEP} < @cutoff`,
    clear: `detail = '', plan = ''`,
  },
} as const;

type TextKind = keyof typeof EXPIRED_TEXTS;
type TextCounts = Pick<PurgeCounts, TextKind>;

function eachText(run: (text: (typeof EXPIRED_TEXTS)[TextKind]) => number): TextCounts {
  return {
    sampleNotes: run(EXPIRED_TEXTS.sampleNotes),
    contactNotes: run(EXPIRED_TEXTS.contactNotes),
    followUps: run(EXPIRED_TEXTS.followUps),
  };
}

function countExpiredTexts(db: Db, cutoff: string): TextCounts {
  return eachText(
    ({ table, expired }) =>
      db
        .prepare<{ cutoff: string }, { n: number }>(
          `SELECT COUNT(*) AS n FROM ${table} WHERE ${expired}`,
        )
        .get({ cutoff })?.n ?? 0,
  );
}

function clearExpiredTexts(db: Db, cutoff: string): TextCounts {
  return eachText(
    ({ table, expired, clear }) =>
      db
        .prepare<{ cutoff: string }>(`UPDATE ${table} SET ${clear} WHERE ${expired}`)
        .run({ cutoff }).changes,
  );
}

export function purgePreview(db: Db, days: number, now: Date): PurgeCounts {
  const cutoff = cutoffFor(days, now);
  const responses = expiredResponses(db, cutoff);
  return {
    responses: responses.length,
    answers: responses.reduce((sum, r) => sum + r.answers, 0),
    customers: expiredCustomers(db, cutoff).length,
    ...countExpiredTexts(db, cutoff),
  };
}

export function retentionStatus(db: Db, now: Date): RetentionStatus {
  const days = retentionDays(db);
  const last = readSetting(db, LAST_PURGE) as RetentionStatus['lastPurge'] | undefined;
  return {
    days,
    cutoff: days === null ? null : cutoffFor(days, now),
    preview: days === null ? null : purgePreview(db, days, now),
    lastPurge: last ?? null,
  };
}

/** Purges everything older than `days` in one transaction; audited with counts only. */
export function purgeExpired(db: Db, days: number, now: Date, trigger: PurgeTrigger): PurgeResult {
  enableSecureDelete(db);
  const at = now.toISOString();
  const cutoff = cutoffFor(days, now);
  const actor = trigger === 'manual' ? getSettings(db).operatorName : null;
  const counts = db.transaction((): PurgeCounts => {
    const catalog = versionCatalog(db);
    const stripper = responseStripper(db);
    const responses = expiredResponses(db, cutoff);
    let answers = 0;
    for (const response of responses) {
      answers += stripper.strip(response.id, catalog(response.version), {
        unlink: false,
        at,
        actor,
        action: 'retention_purge',
      });
    }
    const clear = db.prepare<[string, string]>(
      'UPDATE customers SET contact = NULL, phone = NULL, email = NULL, updated_at = ? WHERE id = ?',
    );
    const customers = expiredCustomers(db, cutoff);
    for (const id of customers) clear.run(at, id);
    const result: PurgeCounts = {
      responses: responses.length,
      answers,
      customers: customers.length,
      ...clearExpiredTexts(db, cutoff),
    };
    db.prepare<[string, string | null, string]>(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
       VALUES (?, ?, 'privacy.retention_purge', 'retention', NULL, ?)`,
    ).run(at, actor, JSON.stringify({ ...result, days, cutoff, trigger }));
    writeSetting(db, LAST_PURGE, { at, counts: result, trigger });
    return result;
  })();
  const touched =
    counts.responses +
    counts.customers +
    counts.sampleNotes +
    counts.contactNotes +
    counts.followUps;
  if (touched > 0 && !clearWriteAheadLog(db)) clearWriteAheadLogSoon(db);
  return { ...counts, cutoff, at };
}

/** Time for the schedule; tests pass a fake one and fire the ticks themselves. */
export interface RetentionClock {
  now: () => Date;
  /** Calls `tick` every `ms`; returns the function that stops it. */
  every: (ms: number, tick: () => void) => () => void;
}

export const systemClock: RetentionClock = {
  now: () => new Date(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Runs the purge now and once a day while the app runs (when a period is set); returns stop. */
export function startRetentionSchedule(
  db: Db,
  options: { clock?: RetentionClock; onError: (error: unknown) => void },
): () => void {
  const clock = options.clock ?? systemClock;
  const run = (trigger: PurgeTrigger) => {
    try {
      const days = retentionDays(db);
      if (days !== null && db.open) purgeExpired(db, days, clock.now(), trigger);
    } catch (error) {
      options.onError(error);
    }
  };
  run('start');
  return clock.every(DAY_MS, () => run('daily'));
}
