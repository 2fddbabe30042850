/**
 * An erasure travels: a field laptop anonymises a person after it already sent their response to
 * the manager; the next exchange package carries the new revision and the customer's tombstone,
 * and an older package that still holds the person, imported again, does not bring them back.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../main/privacy/erase';
import type { RunningServices } from '../../main/services/start';
import { exportPackage } from '../../main/sync/export';
import { importPackage } from '../../main/sync/import';
import { keyRing } from '../../main/sync/keys';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { buildWorld, ZHANG_PHONE_DIGITS, type PrivacyWorld } from './fixture';

describe('an erasure on a field laptop reaches the manager', () => {
  const temp = useTempDir('privacy-sync');
  let laptop: RunningServices;
  let manager: RunningServices;
  let world: PrivacyWorld;

  beforeEach(async () => {
    fs.mkdirSync(temp.join('laptop'));
    fs.mkdirSync(temp.join('manager'));
    laptop = await startTestServices(temp.join('laptop', 'db.sqlite'));
    manager = await startTestServices(temp.join('manager', 'db.sqlite'));
    world = buildWorld(laptop);
  });
  afterEach(async () => {
    await laptop.close();
    await manager.close();
  });

  async function send(name: string): Promise<Buffer> {
    const file = temp.join(`${name}.sdpkg`);
    await exportPackage(laptop.ctx.db, file, {
      surveyId: world.surveyA.id,
      scope: { kind: 'all' },
      encryption: { mode: 'none' },
      appVersion: '0.0.0-test',
    });
    return fs.readFileSync(file);
  }

  async function receive(bytes: Buffer, name: string): Promise<void> {
    await importPackage(manager.ctx.db, bytes, `${name}.sdpkg`, {
      keys: keyRing(manager.ctx.db),
      backupsDir: null,
    });
  }

  const phoneAnswers = () =>
    manager.ctx.db
      .prepare(`SELECT COUNT(*) AS n FROM answers WHERE response_id = ? AND variable = 'phone'`)
      .get(world.zhangA);
  const zhangOnManager = () =>
    manager.ctx.db.prepare('SELECT COUNT(*) AS n FROM customers WHERE id = ?').get(world.zhang);

  it('anonymises the response and deletes the customer there too, for good', async () => {
    const before = await send('before');
    await receive(before, 'before');
    expect(phoneAnswers()).toEqual({ n: 1 });
    expect(zhangOnManager()).toEqual({ n: 1 });

    await erasePerson(
      laptop.ctx.db,
      { customerIds: [world.zhang], responseIds: [] },
      { mode: 'anonymise', backupsDir: laptop.ctx.paths.backupsDir, now: new Date() },
    );
    await receive(await send('after'), 'after');
    expect(phoneAnswers()).toEqual({ n: 0 });
    expect(zhangOnManager()).toEqual({ n: 0 });
    const response = manager.ctx.db
      .prepare('SELECT revision, customer_id FROM responses WHERE id = ?')
      .get(world.zhangA);
    expect(response).toEqual({ revision: 2, customer_id: null });
    // The scores are still there for the analysis.
    expect(
      manager.ctx.db
        .prepare(`SELECT value_num FROM answers WHERE response_id = ? AND variable = 'overall'`)
        .get(world.zhangA),
    ).toEqual({ value_num: 4 });

    // The older package still holds Zhang: importing it again changes nothing.
    await receive(before, 'before-again');
    expect(phoneAnswers()).toEqual({ n: 0 });
    expect(zhangOnManager()).toEqual({ n: 0 });
    const values = manager.ctx.db
      .prepare(`SELECT COUNT(*) AS n FROM answers WHERE value_text = ?`)
      .get(ZHANG_PHONE_DIGITS);
    expect(values).toEqual({ n: 0 });
  });
});
