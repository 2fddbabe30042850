/** Erasing a person: delete or anonymise, tombstones, audit, backup first, and no bytes left behind. */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../main/db/backups';
import { clearWriteAheadLogSoon } from '../../main/privacy/erase';
import type { RunningServices } from '../../main/services/start';
import type { EraseResult } from '../../shared/privacy';
import { inspect } from '../helpers/db';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import {
  buildWorld,
  LI_SAMPLE_NOTE,
  seedActivity,
  ZHANG_CONTACT_NOTE,
  ZHANG_FOLLOW_UP_DETAIL,
  ZHANG_FOLLOW_UP_PLAN,
  ZHANG_QUOTE,
  ZHANG_SAMPLE_NOTE,
  ZHANG_EMAIL,
  ZHANG_NAME,
  ZHANG_PHONE,
  ZHANG_PHONE_DIGITS,
  type PrivacyWorld,
} from './fixture';

describe('erasing a person', () => {
  const temp = useTempDir('privacy-erase');
  let services: RunningServices;
  let world: PrivacyWorld;
  const dbPath = () => temp.join('db.sqlite');

  beforeEach(async () => {
    services = await startTestServices(dbPath());
    world = buildWorld(services);
  });
  afterEach(async () => {
    if (services.ctx.db.open) await services.close();
  });

  const erase = async (mode: 'delete' | 'anonymise'): Promise<EraseResult> => {
    const result = await services.dispatch('privacy.erase', {
      subject: { customerIds: [world.zhang], responseIds: [world.typedB] },
      mode,
      confirm: true,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as EraseResult;
  };
  const db = () => services.ctx.db;
  const count = (sql: string, ...params: unknown[]) =>
    (
      db()
        .prepare(sql)
        .get(...params) as { n: number }
    ).n;

  it('refuses without the confirmation flag', async () => {
    const result = await services.dispatch('privacy.erase', {
      subject: { customerIds: [world.zhang], responseIds: [] },
      mode: 'delete',
    });
    expect(result.ok).toBe(false);
    expect(count('SELECT COUNT(*) AS n FROM customers WHERE id = ?', world.zhang)).toBe(1);
  });

  it('deletes the responses and the customer, with a tombstone for each, after a backup', async () => {
    const result = await erase('delete');
    expect(result).toMatchObject({
      mode: 'delete',
      customersDeleted: 1,
      responsesDeleted: 2,
      responsesAnonymised: 0,
      tombstones: 3,
      logCleared: true,
    });
    // Zhang's response had 7 answers, the typed one 4.
    expect(result.answersRemoved).toBe(11);
    expect(
      count('SELECT COUNT(*) AS n FROM responses WHERE id IN (?, ?)', world.zhangA, world.typedB),
    ).toBe(0);
    expect(
      count(
        'SELECT COUNT(*) AS n FROM answers WHERE response_id IN (?, ?)',
        world.zhangA,
        world.typedB,
      ),
    ).toBe(0);
    expect(
      count('SELECT COUNT(*) AS n FROM response_history WHERE response_id = ?', world.zhangA),
    ).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM customers WHERE id = ?', world.zhang)).toBe(0);
    const tombstones = db()
      .prepare('SELECT entity, entity_id, reason FROM tombstones ORDER BY entity, entity_id')
      .all();
    expect(tombstones).toEqual(
      [
        { entity: 'customer', entity_id: world.zhang, reason: 'erasure request' },
        { entity: 'response', entity_id: world.typedB, reason: 'erasure request' },
        { entity: 'response', entity_id: world.zhangA, reason: 'erasure request' },
      ].sort((a, b) => (a.entity + a.entity_id).localeCompare(b.entity + b.entity_id)),
    );
    // Li is untouched.
    expect(count('SELECT COUNT(*) AS n FROM responses WHERE id = ?', world.liA)).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM customers WHERE id = ?', world.li)).toBe(1);
    // The backup made first still holds Zhang (that is what it is for).
    const backup = listBackups(services.ctx.paths.backupsDir).find(
      (b) => b.path === result.backupPath,
    );
    expect(backup).toBeDefined();
    expect(
      inspect(
        result.backupPath,
        (b) =>
          (
            b.prepare('SELECT COUNT(*) AS n FROM customers WHERE id = ?').get(world.zhang) as {
              n: number;
            }
          ).n,
      ),
    ).toBe(1);
  });

  it('anonymises: keeps the scores, removes personal answers, the link and notes, and bumps the revision', async () => {
    const result = await erase('anonymise');
    expect(result).toMatchObject({
      mode: 'anonymise',
      customersDeleted: 1,
      responsesDeleted: 0,
      responsesAnonymised: 2,
      tombstones: 1,
    });
    // contact_name + phone in each of the two responses.
    expect(result.answersRemoved).toBe(4);
    const kept = db()
      .prepare('SELECT variable FROM answers WHERE response_id = ? ORDER BY variable')
      .all(world.zhangA)
      .map((r) => (r as { variable: string }).variable);
    expect(kept).toEqual(['callback', 'improve', 'nps', 'overall', 'service_type']);
    const response = db()
      .prepare(
        'SELECT customer_id, notes, attributes, revision, replaces_revision FROM responses WHERE id = ?',
      )
      .get(world.zhangA);
    expect(response).toEqual({
      customer_id: null,
      notes: '',
      attributes: '{}',
      revision: 2,
      replaces_revision: 1,
    });
    const history = db()
      .prepare(
        'SELECT revision, action, variable, old_value, new_value FROM response_history WHERE response_id = ? ORDER BY id',
      )
      .all(world.zhangA);
    expect(history).toEqual([
      { revision: 2, action: 'edit', variable: 'phone', old_value: null, new_value: null },
      { revision: 2, action: 'anonymise', variable: null, old_value: null, new_value: null },
    ]);
    expect(count(`SELECT COUNT(*) AS n FROM tombstones WHERE entity = 'response'`)).toBe(0);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM tombstones WHERE entity = 'customer' AND entity_id = ?`,
        world.zhang,
      ),
    ).toBe(1);
  });

  it('writes one audit entry with counts and ids, never the erased values', async () => {
    await erase('anonymise');
    const rows = db()
      .prepare(`SELECT action, entity, detail FROM audit_log WHERE action = 'privacy.erase'`)
      .all() as { detail: string }[];
    expect(rows).toHaveLength(1);
    const detail = JSON.parse(rows[0]!.detail) as Record<string, unknown>;
    expect(detail).toMatchObject({
      mode: 'anonymise',
      customerIds: [world.zhang],
      customersDeleted: 1,
      responsesAnonymised: 2,
    });
    for (const secret of [ZHANG_PHONE_DIGITS, ZHANG_NAME, ZHANG_EMAIL, 'C2026-0001', '华东精密']) {
      expect(rows[0]!.detail).not.toContain(secret);
    }
  });

  /**
   * SQLite keeps deleted rows in free pages and old page images in the WAL. The service turns on
   * secure_delete (deleted content is overwritten with zeros) and empties the WAL with a TRUNCATE
   * checkpoint, so neither file holds the phone number afterwards, with no VACUUM. The same holds
   * for the notes of the sample and its contacts and the follow-up's text; after a deletion also
   * for the open answer a problem's description quoted (anonymised responses keep that answer).
   */
  it.each(['anonymise', 'delete'] as const)(
    'leaves no trace of the phone number, name, e-mail or notes in the database file or its WAL (%s)',
    async (mode) => {
      seedActivity(db(), world);
      const needles = [
        ZHANG_PHONE_DIGITS,
        ZHANG_PHONE,
        '+86 138-0013-8000',
        ZHANG_EMAIL,
        ZHANG_NAME,
        '华东精密机械',
        ZHANG_SAMPLE_NOTE,
        ZHANG_CONTACT_NOTE,
        ZHANG_FOLLOW_UP_DETAIL,
        ZHANG_FOLLOW_UP_PLAN,
        ...(mode === 'delete' ? [ZHANG_QUOTE] : []),
      ];
      const files = () => [dbPath(), `${dbPath()}-wal`].filter((f) => fs.existsSync(f));
      const found = () =>
        needles.filter((needle) =>
          files().some((f) => fs.readFileSync(f).includes(Buffer.from(needle, 'utf8'))),
        );
      // The data is really there before: the check can fail.
      expect(found()).toEqual(needles);
      await erase(mode);
      expect(found()).toEqual([]);
      await services.close();
      expect(found()).toEqual([]);
      // Li's phone and sample note are still there: the check reads the right files.
      expect(fs.readFileSync(dbPath()).includes(Buffer.from('13912345678'))).toBe(true);
      expect(fs.readFileSync(dbPath()).includes(Buffer.from(LI_SAMPLE_NOTE))).toBe(true);
    },
  );

  it('empties the WAL later when a reader held it during the erasure', async () => {
    const reader = new Database(dbPath(), { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM customers').get();
    const result = await erase('anonymise');
    expect(result.logCleared).toBe(false);
    // While the reader's snapshot lives, the log still holds old pages with the phone number.
    expect(fs.readFileSync(`${dbPath()}-wal`).includes(Buffer.from(ZHANG_PHONE_DIGITS))).toBe(true);
    reader.exec('COMMIT');
    reader.close();
    clearWriteAheadLogSoon(db(), 5, 20);
    await expect.poll(() => fs.statSync(`${dbPath()}-wal`).size, { timeout: 2000 }).toBe(0);
  });

  it('changes nothing when the transaction fails half-way', async () => {
    // Deleting the customer fails after the responses were deleted and tombstoned.
    db().exec(
      `CREATE TEMP TRIGGER refuse BEFORE DELETE ON customers BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    const result = await services.dispatch('privacy.erase', {
      subject: { customerIds: [world.zhang], responseIds: [] },
      mode: 'delete',
      confirm: true,
    });
    expect(result.ok).toBe(false);
    db().exec('DROP TRIGGER temp.refuse');
    expect(count('SELECT COUNT(*) AS n FROM responses WHERE id = ?', world.zhangA)).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM customers WHERE id = ?', world.zhang)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'privacy.erase'`)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM tombstones')).toBe(0);
  });
});
