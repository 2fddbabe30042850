/** The retention period: off by default, a preview, purges at start and daily on a fake clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  purgePreview,
  retentionStatus,
  setRetentionDays,
  startRetentionSchedule,
  type RetentionClock,
} from '../../main/privacy/retention';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import {
  buildWorld,
  LI_FOLLOW_UP_DETAIL,
  LI_PHONE,
  LI_SAMPLE_NOTE,
  seedActivity,
  ZHANG_CONTACT_NOTE,
  ZHANG_FOLLOW_UP_DETAIL,
  ZHANG_FOLLOW_UP_PLAN,
  ZHANG_PHONE_DIGITS,
  ZHANG_SAMPLE_NOTE,
  type ActivityWorld,
  type PrivacyWorld,
} from './fixture';

/** The fixture has no sampling or improvement records: no free texts there to purge. */
const NO_TEXTS = { sampleNotes: 0, contactNotes: 0, followUps: 0 };

/** A clock the test moves by hand; `tick` fires what `every` registered. */
function fakeClock(start: string) {
  let now = new Date(start);
  const ticks: { ms: number; tick: () => void }[] = [];
  const clock: RetentionClock = {
    now: () => now,
    every: (ms, tick) => {
      const entry = { ms, tick };
      ticks.push(entry);
      return () => ticks.splice(ticks.indexOf(entry), 1);
    },
  };
  return {
    clock,
    ticks,
    advanceTo: (iso: string) => {
      now = new Date(iso);
      for (const entry of [...ticks]) entry.tick();
    },
  };
}

describe('retention of personal data', () => {
  const temp = useTempDir('privacy-retention');
  let services: RunningServices;
  let world: PrivacyWorld;
  const db = () => services.ctx.db;
  const answerOf = (id: string, variable: string) =>
    db()
      .prepare('SELECT value_text, value_num FROM answers WHERE response_id = ? AND variable = ?')
      .get(id, variable);
  const audits = () =>
    db()
      .prepare(
        `SELECT actor, detail FROM audit_log WHERE action = 'privacy.retention_purge' ORDER BY id`,
      )
      .all() as { actor: string | null; detail: string }[];

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'));
    // Zhang and Li answered on 10 May; the typed-in response came on 1 June.
    world = buildWorld(services);
  });
  afterEach(async () => {
    await services.close();
  });

  it('is off by default and then purges nothing', () => {
    const status = retentionStatus(db(), new Date('2030-01-01T00:00:00Z'));
    expect(status).toEqual({ days: null, cutoff: null, preview: null, lastPurge: null });
    const { clock } = fakeClock('2030-01-01T00:00:00Z');
    const stop = startRetentionSchedule(db(), {
      clock,
      onError: (e) => {
        throw e;
      },
    });
    stop();
    expect(answerOf(world.zhangA, 'phone')).toEqual({
      value_text: ZHANG_PHONE_DIGITS,
      value_num: null,
    });
    expect(audits()).toEqual([]);
  });

  it('previews what 30 days would remove on 20 June: the two May responses and both customers', () => {
    // Cutoff 20 June - 30 days = 21 May: the 10 May responses are older, the 1 June one is not.
    expect(purgePreview(db(), 30, new Date('2026-06-20T00:00:00Z'))).toEqual({
      responses: 2,
      answers: 4,
      customers: 2,
      ...NO_TEXTS,
    });
    // On 15 May nothing is older than 15 April.
    expect(purgePreview(db(), 30, new Date('2026-05-15T00:00:00Z'))).toEqual({
      responses: 0,
      answers: 0,
      customers: 0,
      ...NO_TEXTS,
    });
  });

  it('purges at start and again when a day has passed, keeping scores, audited with counts only', () => {
    setRetentionDays(db(), 30);
    const time = fakeClock('2026-06-20T00:00:00Z');
    const stop = startRetentionSchedule(db(), {
      clock: time.clock,
      onError: (e) => {
        throw e;
      },
    });
    expect(time.ticks.map((t) => t.ms)).toEqual([24 * 3600 * 1000]);

    expect(answerOf(world.zhangA, 'phone')).toBeUndefined();
    expect(answerOf(world.zhangA, 'contact_name')).toBeUndefined();
    expect(answerOf(world.liA, 'phone')).toBeUndefined();
    expect(answerOf(world.zhangA, 'overall')).toEqual({ value_text: null, value_num: 4 });
    expect(answerOf(world.typedB, 'phone')).toEqual({
      value_text: '+86 138-0013-8000',
      value_num: null,
    });
    const customer = db()
      .prepare('SELECT name, contact, phone, email FROM customers WHERE id = ?')
      .get(world.zhang);
    expect(customer).toEqual({
      name: '华东精密机械有限公司',
      contact: null,
      phone: null,
      email: null,
    });
    // A purged response gets a new revision, so the purged version wins over older copies.
    expect(
      db()
        .prepare('SELECT revision, replaces_revision FROM responses WHERE id = ?')
        .get(world.zhangA),
    ).toEqual({ revision: 2, replaces_revision: 1 });
    // The history keeps that a value was edited, not the value.
    expect(
      db()
        .prepare(
          `SELECT old_value, new_value FROM response_history WHERE response_id = ? AND variable = 'phone'`,
        )
        .get(world.zhangA),
    ).toEqual({ old_value: null, new_value: null });

    let log = audits();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.detail)).toEqual({
      responses: 2,
      answers: 4,
      customers: 2,
      ...NO_TEXTS,
      days: 30,
      cutoff: '2026-05-21T00:00:00.000Z',
      trigger: 'start',
    });
    for (const secret of [ZHANG_PHONE_DIGITS, LI_PHONE, '张伟', '李娜'])
      expect(log[0]!.detail).not.toContain(secret);

    // A day later nothing new has expired: nothing is touched, but the run is still audited.
    time.advanceTo('2026-06-21T00:00:00Z');
    expect(JSON.parse(audits()[1]!.detail)).toMatchObject({
      responses: 0,
      answers: 0,
      customers: 0,
      trigger: 'daily',
    });
    // By 5 July the 1 June response is older than 30 days too.
    time.advanceTo('2026-07-05T00:00:00Z');
    expect(answerOf(world.typedB, 'phone')).toBeUndefined();
    log = audits();
    expect(JSON.parse(log[2]!.detail)).toMatchObject({
      responses: 1,
      answers: 2,
      customers: 0,
      trigger: 'daily',
    });
    expect(retentionStatus(db(), new Date('2026-07-05T00:00:00Z')).lastPurge).toEqual({
      at: '2026-07-05T00:00:00.000Z',
      counts: { responses: 1, answers: 2, customers: 0, ...NO_TEXTS },
      trigger: 'daily',
    });
    stop();
    expect(time.ticks).toEqual([]);
  });

  it('keeps the contact details of a customer who also answered recently', () => {
    setRetentionDays(db(), 30);
    db()
      .prepare('UPDATE responses SET customer_id = ? WHERE id = ?')
      .run(world.zhang, world.typedB);
    // On 20 June Zhang's 1 June response is recent: his phone is still needed.
    expect(purgePreview(db(), 30, new Date('2026-06-20T00:00:00Z'))).toEqual({
      responses: 2,
      answers: 4,
      customers: 1,
      ...NO_TEXTS,
    });
  });

  it('purges on demand through the API and refuses when no period is set', async () => {
    const off = await services.dispatch('privacy.purge', {});
    expect(off.ok).toBe(false);
    if (!off.ok) expect(off.error.code).toBe('RETENTION_OFF');
    const set = await services.dispatch('privacy.setRetention', { days: 30 });
    expect(set.ok).toBe(true);
    expect(
      db().prepare(`SELECT detail FROM audit_log WHERE action = 'privacy.retention_set'`).all(),
    ).toEqual([{ detail: JSON.stringify({ from: null, to: 30 }) }]);
    const bad = await services.dispatch('privacy.setRetention', { days: 3 });
    expect(bad.ok).toBe(false);
    // The real clock is months after the fixture's dates: everything personal has expired.
    const purged = await services.dispatch('privacy.purge', {});
    expect(purged.ok && purged.value).toMatchObject({ responses: 3, answers: 6, customers: 2 });
    const status = await services.dispatch('privacy.retention', {});
    expect(status.ok && status.value).toMatchObject({
      days: 30,
      preview: { responses: 0, answers: 0, customers: 0 },
    });
  });
});

describe('retention of the free texts of sampling and the improvement loop', () => {
  const temp = useTempDir('privacy-retention-texts');
  let services: RunningServices;
  let world: PrivacyWorld;
  let activity: ActivityWorld;
  const db = () => services.ctx.db;
  const rows = (sql: string, ...params: unknown[]) =>
    db()
      .prepare(sql)
      .all(...params);
  const RECENT_CONTACT_NOTE = '李娜换了手机 186 2233 4455';

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'));
    world = buildWorld(services);
    // Both memberships, both contacts and both follow-ups date from 12 May (seedActivity).
    activity = seedActivity(db(), world);
    // Li was contacted again on 1 June, which changed her membership that day; her follow-up
    // was revisited on 10 June.
    db()
      .prepare(
        `INSERT INTO sample_contacts (wave_id, customer_id, at, on_date, status, actor, note)
         VALUES (?, ?, '2026-06-01T02:00:00.000Z', '2026-06-01', 'reminded', '王芳', ?)`,
      )
      .run(world.surveyA.waveId, world.li, RECENT_CONTACT_NOTE);
    db()
      .prepare(`UPDATE sample_members SET updated_at = ? WHERE customer_id = ?`)
      .run('2026-06-01T02:00:00.000Z', world.li);
    db()
      .prepare(
        `UPDATE improvement_follow_ups SET revisited_at = ?, revisit_score = 80 WHERE id = ?`,
      )
      .run('2026-06-10T02:00:00.000Z', activity.liFollowUp);
  });
  afterEach(async () => {
    await services.close();
  });

  it('previews and clears each text by the age of its own record, audited with counts only', () => {
    // 20 June - 30 days = 21 May: everything of 12 May is older; Li's membership (1 June), her
    // second contact (1 June) and her follow-up (last step 10 June) are not.
    expect(purgePreview(db(), 30, new Date('2026-06-20T00:00:00Z'))).toMatchObject({
      sampleNotes: 1,
      contactNotes: 2,
      followUps: 1,
    });

    setRetentionDays(db(), 30);
    const time = fakeClock('2026-06-20T00:00:00Z');
    const stop = startRetentionSchedule(db(), {
      clock: time.clock,
      onError: (e) => {
        throw e;
      },
    });
    expect(
      rows('SELECT customer_id, notes FROM sample_members ORDER BY customer_id = ?', world.li),
    ).toEqual([
      { customer_id: world.zhang, notes: '' },
      { customer_id: world.li, notes: LI_SAMPLE_NOTE },
    ]);
    expect(rows('SELECT customer_id, note FROM sample_contacts ORDER BY id')).toEqual([
      { customer_id: world.zhang, note: '' },
      { customer_id: world.li, note: '' },
      { customer_id: world.li, note: RECENT_CONTACT_NOTE },
    ]);
    // The follow-up keeps its reason, score, status, owner, dates and links; only the texts go.
    expect(
      rows(
        `SELECT detail, plan, reason, score, status, owner, customer_id, response_id, planned_at
           FROM improvement_follow_ups WHERE id = ?`,
        activity.zhangFollowUp,
      ),
    ).toEqual([
      {
        detail: '',
        plan: '',
        reason: 'complaint',
        score: 55,
        status: 'planned',
        owner: '陈经理',
        customer_id: world.zhang,
        response_id: world.zhangA,
        planned_at: '2026-05-12T02:00:00.000Z',
      },
    ]);
    expect(
      rows('SELECT detail FROM improvement_follow_ups WHERE id = ?', activity.liFollowUp),
    ).toEqual([{ detail: LI_FOLLOW_UP_DETAIL }]);

    const detail = () =>
      (
        rows(
          `SELECT detail FROM audit_log WHERE action = 'privacy.retention_purge' ORDER BY id`,
        ) as { detail: string }[]
      ).map((row) => JSON.parse(row.detail) as Record<string, unknown>);
    expect(detail()[0]).toMatchObject({ sampleNotes: 1, contactNotes: 2, followUps: 1 });
    const logged = JSON.stringify(rows('SELECT detail FROM audit_log'));
    for (const secret of [
      ZHANG_SAMPLE_NOTE,
      ZHANG_CONTACT_NOTE,
      ZHANG_FOLLOW_UP_DETAIL,
      ZHANG_FOLLOW_UP_PLAN,
    ])
      expect(logged).not.toContain(secret);
    // Cleared texts are not counted again.
    expect(purgePreview(db(), 30, new Date('2026-06-20T00:00:00Z'))).toMatchObject({
      sampleNotes: 0,
      contactNotes: 0,
      followUps: 0,
    });

    // 5 July - 30 days = 5 June: Li's membership and 1 June contact expire, her follow-up not yet.
    time.advanceTo('2026-07-05T00:00:00Z');
    expect(detail()[1]).toMatchObject({ sampleNotes: 1, contactNotes: 1, followUps: 0 });
    expect(rows('SELECT note FROM sample_contacts WHERE note <> ?', '')).toEqual([]);
    // 15 July - 30 days = 15 June: the follow-up revisited on 10 June expires.
    time.advanceTo('2026-07-15T00:00:00Z');
    expect(detail()[2]).toMatchObject({ sampleNotes: 0, contactNotes: 0, followUps: 1 });
    expect(
      rows(
        'SELECT detail, revisit_score FROM improvement_follow_ups WHERE id = ?',
        activity.liFollowUp,
      ),
    ).toEqual([{ detail: '', revisit_score: 80 }]);
    stop();
  });
});
