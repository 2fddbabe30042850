/** Searching finds a person through the free texts of sampling and the improvement loop. */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchPerson } from '../../main/privacy/search';
import type { RunningServices } from '../../main/services/start';
import type { PersonSearchResult } from '../../shared/privacy';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { buildWorld, seedActivity, type PrivacyWorld } from './fixture';

describe('searching the texts of sampling and the improvement loop', () => {
  const temp = useTempDir('privacy-search-activity');
  let services: RunningServices;
  let world: PrivacyWorld;
  const db = () => services.ctx.db;

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'));
    world = buildWorld(services);
    seedActivity(db(), world);
  });
  afterEach(async () => {
    await services.close();
  });

  const search = async (query: string) => {
    const result = await services.dispatch('privacy.search', { query });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as PersonSearchResult;
  };

  it('finds the customer whose contact note holds a new phone number, written differently', async () => {
    // Li's number in the register is 139...; the new one exists only in a contact note.
    db()
      .prepare(
        `INSERT INTO sample_contacts (wave_id, customer_id, at, on_date, status, actor, note)
         VALUES (?, ?, '2026-06-01T02:00:00.000Z', '2026-06-01', 'reminded', '王芳', ?)`,
      )
      .run(world.surveyA.waveId, world.li, '李娜换了手机：186-2233-4455，下午再打');
    const result = await search('+86 186 2233 4455');
    expect(result.customers.map((c) => [c.id, c.matched])).toEqual([[world.li, ['contactNote']]]);
    // Her response is listed with the customer, saying why.
    expect(result.responses.map((r) => [r.id, r.matched])).toEqual([[world.liA, ['contactNote']]]);
  });

  it('finds a name in a sample note and a follow-up, saying where for each', async () => {
    // "秘书小周" is only in Zhang's sample note; "经理回电" only in his follow-up's detail.
    const note = await search('秘书小周');
    expect(note.customers.map((c) => [c.id, c.matched])).toEqual([[world.zhang, ['sampleNote']]]);
    const followUp = await search('经理回电');
    expect(followUp.customers.map((c) => [c.id, c.matched])).toEqual([[world.zhang, ['followUp']]]);
    expect(followUp.responses.map((r) => [r.id, r.matched])).toEqual([
      [world.zhangA, ['followUp']],
    ]);
    // "张总" is in both his sample note and his contact note.
    const both = await search('张总');
    expect(both.customers.map((c) => [c.id, c.matched])).toEqual([
      [world.zhang, ['contactNote', 'sampleNote']],
    ]);
  });

  it('finds the response of a follow-up that has no customer, by the text of its plan', () => {
    const id = randomUUID();
    db()
      .prepare(
        `INSERT INTO improvement_follow_ups (id, survey_id, response_id, customer_id, reason, detail, urgent, status, plan, raised_at)
         VALUES (?, ?, ?, NULL, 'low_score', '', 0, 'planned', '致电张先生 138 0013 8000 道歉', ?)`,
      )
      .run(id, world.surveyB.id, world.typedB, '2026-06-02T00:00:00.000Z');
    const result = searchPerson(db(), '13800138000');
    const typed = result.responses.find((r) => r.id === world.typedB);
    expect(typed?.matched).toEqual(['answer', 'followUp']);
    // Nothing of this follow-up points at a customer: no new customer hit.
    expect(result.customers.map((c) => c.id)).toEqual([world.zhang]);
  });

  it('does not find texts that were cleared, nor anything for an unrelated word', async () => {
    db().prepare(`UPDATE sample_members SET notes = ''`).run();
    expect((await search('秘书小周')).customers).toEqual([]);
    const none = await search('完全无关的词');
    expect(none.customers).toEqual([]);
    expect(none.responses).toEqual([]);
  });
});
