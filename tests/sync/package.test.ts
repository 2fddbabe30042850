/**
 * Exchange packages end to end on real database files: a questionnaire goes from the manager to a
 * laptop, responses come back in each encryption mode, revisions, forks, erasures and "since last".
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listConflicts, resolveConflict } from '../../main/sync/conflicts';
import { createKeyPair, importRecipientKey, publicKeyFile } from '../../main/sync/keys';
import { expectAppError } from '../helpers/db';
import { useTempDir } from '../helpers/temp-dir';
import {
  addCustomer,
  addResponse,
  editResponse,
  eraseResponse,
  exportFrom,
  importInto,
  openMachine,
  seedSurvey,
  snapshot,
  type Machine,
} from './fixture';

const tmp = useTempDir('sync');
const open: Machine[] = [];

async function machine(name: string): Promise<Machine> {
  const m = await openMachine(tmp.path, name);
  open.push(m);
  return m;
}

afterEach(() => {
  for (const m of open.splice(0)) m.db.close();
});

/** A manager with the survey and a laptop that received it as a questionnaire package. */
async function managerAndLaptop(): Promise<{ manager: Machine; laptop: Machine }> {
  const manager = await machine('manager');
  const laptop = await machine('laptop');
  seedSurvey(manager.db);
  await exportFrom(manager, tmp.join('questionnaire.sdpkg'), { scope: { kind: 'questionnaire' } });
  const result = await importInto(laptop, fs.readFileSync(tmp.join('questionnaire.sdpkg')));
  expect(result.preview.surveys).toEqual([
    expect.objectContaining({ code: 'CS-2026', isNew: true, newVersions: 1, newWaves: 1 }),
  ]);
  return { manager, laptop };
}

const file = (name: string) => fs.readFileSync(tmp.join(name));

describe('exchange packages', () => {
  it('carries a questionnaire to a laptop and the responses back, once', async () => {
    const { manager, laptop } = await managerAndLaptop();
    const customer = addCustomer(laptop.db, {
      code: 'C-001',
      name: '华东机电',
      phone: '13800138000',
    });
    const a = addResponse(laptop, { q1: 5, q2: 'good', q3: ['a', 'b'] }, { customerId: customer });
    addResponse(laptop, { q1: 3 });
    const exported = await exportFrom(laptop, tmp.join('back.sdpkg'));
    expect(exported.counts).toMatchObject({
      surveys: 1,
      versions: 1,
      waves: 1,
      customers: 1,
      responses: 2,
      answers: 4,
    });

    const dry = await importInto(manager, file('back.sdpkg'), { dryRun: true });
    expect(dry.preview.totals).toMatchObject({ new: 2, updated: 0, conflicts: 0 });
    expect(dry.preview.groups).toHaveLength(1);
    expect(dry.preview.groups[0]).toMatchObject({
      surveyCode: 'CS-2026',
      deviceId: laptop.deviceId,
      counts: { new: 2 },
    });
    expect(manager.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });

    const applied = await importInto(manager, file('back.sdpkg'), { backups: true });
    expect(applied.preview.totals.new).toBe(2);
    expect(applied.backupPath).toMatch(/surveydesk-import-/);
    expect(snapshot(manager.db).responses).toEqual(snapshot(laptop.db).responses);
    expect(snapshot(manager.db).answers).toEqual(snapshot(laptop.db).answers);
    expect(manager.db.prepare('SELECT phone FROM customers WHERE id = ?').get(customer)).toEqual({
      phone: '13800138000',
    });
    expect(
      manager.db
        .prepare('SELECT value_json FROM answers WHERE response_id = ? AND variable = ?')
        .get(a, 'q3'),
    ).toEqual({ value_json: '["a","b"]' });

    const before = snapshot(manager.db);
    const again = await importInto(manager, file('back.sdpkg'), { backups: true });
    expect(again.preview.alreadyApplied).toBe(true);
    expect(again.preview.totals).toMatchObject({ new: 0, unchanged: 2 });
    expect(again.backupPath).toBeNull();
    expect(snapshot(manager.db)).toEqual(before);
    const log = manager.db.prepare('SELECT outcome FROM sync_imports ORDER BY id').all();
    expect(log).toEqual([{ outcome: 'applied' }, { outcome: 'unchanged' }]);
  });

  it('opens a passphrase package only with its passphrase', async () => {
    const { manager, laptop } = await managerAndLaptop();
    addResponse(laptop, { q1: 4 });
    await exportFrom(laptop, tmp.join('p.sdpkg'), {
      encryption: { mode: 'passphrase', passphrase: '正确的口令 horse battery' },
    });
    await expectAppError(importInto(manager, file('p.sdpkg')), 'PACKAGE_PASSPHRASE_REQUIRED');
    await expectAppError(
      importInto(manager, file('p.sdpkg'), { passphrase: 'wrong passphrase' }),
      'PACKAGE_WRONG_PASSPHRASE',
    );
    const ok = await importInto(manager, file('p.sdpkg'), {
      passphrase: '正确的口令 horse battery',
    });
    expect(ok.preview.manifest.encryption).toBe('passphrase');
    expect(ok.preview.totals.new).toBe(1);
  });

  it("encrypts to the manager's public key: only the manager's private key with its passphrase opens it", async () => {
    const { manager, laptop } = await managerAndLaptop();
    const keys = createKeyPair(manager.db, {
      name: '总部',
      passphrase: 'manager secret 1',
      replace: false,
    });
    const keyFile = publicKeyFile(manager.db);
    expect(keyFile.fingerprint).toBe(keys.own?.fingerprint);
    const recipient = importRecipientKey(laptop.db, Buffer.from(keyFile.text), undefined);
    expect(recipient).toMatchObject({ name: '总部', fingerprint: keyFile.fingerprint });
    addResponse(laptop, { q1: 2 });
    const exported = await exportFrom(laptop, tmp.join('k.sdpkg'), {
      encryption: { mode: 'key', recipientId: recipient.id },
    });
    expect(exported.encryption).toBe('key');

    await expectAppError(importInto(manager, file('k.sdpkg')), 'KEY_PASSPHRASE_REQUIRED');
    await expectAppError(
      importInto(manager, file('k.sdpkg'), { passphrase: 'not it' }),
      'PRIVATE_KEY_PASSPHRASE',
    );
    const other = await machine('other');
    seedSurvey(other.db);
    createKeyPair(other.db, { name: 'other', passphrase: 'other secret 1', replace: false });
    const wrongKey = await expectAppError(
      importInto(other, file('k.sdpkg'), { passphrase: 'other secret 1' }),
      'PACKAGE_WRONG_KEY',
    );
    expect(wrongKey.params.fingerprint).toBe(keyFile.fingerprint);
    const ok = await importInto(manager, file('k.sdpkg'), { passphrase: 'manager secret 1' });
    expect(ok.preview.manifest).toMatchObject({
      encryption: 'key',
      recipientFingerprint: keyFile.fingerprint,
    });
    expect(ok.preview.totals.new).toBe(1);
    // The private key is stored encrypted, never as a clear PEM.
    const stored = manager.db.prepare('SELECT private_key FROM sync_keypair').get() as {
      private_key: string;
    };
    expect(stored.private_key).toContain('BEGIN ENCRYPTED PRIVATE KEY');
  });

  it('takes a newer revision, ignores an older one, and keeps a fork aside as a conflict', async () => {
    const { manager, laptop } = await managerAndLaptop();
    const id = addResponse(laptop, { q1: 1, q2: 'first' });
    await exportFrom(laptop, tmp.join('r1.sdpkg'));
    await importInto(manager, file('r1.sdpkg'));
    editResponse(laptop, id, { q1: 2 });
    await exportFrom(laptop, tmp.join('r2.sdpkg'));
    const newer = await importInto(manager, file('r2.sdpkg'));
    expect(newer.preview.totals).toMatchObject({ updated: 1, new: 0 });
    expect(
      manager.db.prepare('SELECT revision, replaces_revision FROM responses WHERE id = ?').get(id),
    ).toEqual({ revision: 2, replaces_revision: 1 });

    // r1 arrives late from somewhere: older, ignored.
    manager.db.prepare('DELETE FROM sync_imports').run();
    const older = await importInto(manager, file('r1.sdpkg'));
    expect(older.preview.totals).toMatchObject({ older: 1, updated: 0 });
    expect(
      manager.db
        .prepare('SELECT value_num FROM answers WHERE response_id = ? AND variable = ?')
        .get(id, 'q1'),
    ).toEqual({ value_num: 2 });

    // Both edit revision 2 independently: same id, same revision, different content.
    editResponse(laptop, id, { q2: 'laptop says' });
    editResponse(manager, id, { q2: 'manager says' });
    await exportFrom(laptop, tmp.join('fork.sdpkg'));
    const fork = await importInto(manager, file('fork.sdpkg'));
    expect(fork.preview.totals).toMatchObject({ conflicts: 1, updated: 0 });
    const [conflict] = listConflicts(manager.db, 'open');
    expect(conflict).toBeDefined();
    expect(conflict!.differing).toEqual(['q2']);
    expect([conflict!.ours.answers.q2, conflict!.theirs.answers.q2].sort()).toEqual([
      'laptop says',
      'manager says',
    ]);

    const resolved = resolveConflict(manager.db, conflict!.id, 'theirs', 'reviewer');
    expect(resolved.status).toBe('resolved');
    expect(resolved.ours.revision).toBe(4);
    expect(resolved.ours.answers.q2).toBe(conflict!.theirs.answers.q2);
    // The decision travels back: the laptop's version is an ancestor of it, so the laptop takes it.
    const decision = await exportFrom(manager, tmp.join('decision.sdpkg'));
    expect(decision.counts.responses).toBe(1);
    const back = await importInto(laptop, file('decision.sdpkg'));
    expect(back.preview.totals).toMatchObject({ updated: 1, conflicts: 0 });
    expect(snapshot(laptop.db).answers).toEqual(snapshot(manager.db).answers);
    // And the laptop's old version sent again is older on the manager, not a new conflict.
    const stale = await importInto(manager, file('fork.sdpkg'));
    expect(stale.preview.alreadyApplied).toBe(true);
    manager.db.prepare('DELETE FROM sync_imports').run();
    const staleAgain = await importInto(manager, file('fork.sdpkg'));
    expect(staleAgain.preview.totals).toMatchObject({ older: 1, conflicts: 0 });
  });

  it('keeps an erased response erased when an older package still holds it, and passes the tombstone on', async () => {
    const { manager, laptop } = await managerAndLaptop();
    const id = addResponse(laptop, { q1: 5 });
    const kept = addResponse(laptop, { q1: 4 });
    await exportFrom(laptop, tmp.join('old.sdpkg'));
    await importInto(manager, file('old.sdpkg'));
    eraseResponse(manager, id);
    manager.db.prepare('DELETE FROM sync_imports').run();
    const late = await importInto(manager, file('old.sdpkg'));
    expect(late.preview.totals).toMatchObject({ erased: 1, unchanged: 1, new: 0 });
    expect(manager.db.prepare('SELECT id FROM responses').all()).toEqual([{ id: kept }]);

    await exportFrom(manager, tmp.join('tomb.sdpkg'));
    const onLaptop = await importInto(laptop, file('tomb.sdpkg'));
    expect(onLaptop.preview.tombstones).toEqual({ new: 1, known: 0, earlier: 0 });
    expect(onLaptop.preview.totals.erased).toBe(1);
    expect(laptop.db.prepare('SELECT id FROM responses').all()).toEqual([{ id: kept }]);
    // An edit made on the laptop before the tombstone arrived cannot revive it either.
    expect(snapshot(laptop.db).tombstones).toEqual(snapshot(manager.db).tombstones);
  });

  it('exports only what changed since the last export to the same destination', async () => {
    const { laptop } = await managerAndLaptop();
    const first = addResponse(laptop, { q1: 1 }, { at: '2026-02-01T08:00:00.000Z' });
    addResponse(laptop, { q1: 2 }, { at: '2026-02-01T09:00:00.000Z' });
    const one = await exportFrom(laptop, tmp.join('s1.sdpkg'), {
      scope: { kind: 'since-last' },
      now: () => new Date('2026-02-02T00:00:00.000Z'),
    });
    expect(one.counts.responses).toBe(2);
    addResponse(laptop, { q1: 3 }, { at: '2026-02-03T09:00:00.000Z' });
    editResponse(laptop, first, { q1: 5 }, '2026-02-03T10:00:00.000Z');
    const two = await exportFrom(laptop, tmp.join('s2.sdpkg'), {
      scope: { kind: 'since-last' },
      now: () => new Date('2026-02-04T00:00:00.000Z'),
    });
    expect(two.counts.responses).toBe(2);
    const range = await exportFrom(laptop, tmp.join('range.sdpkg'), {
      scope: { kind: 'range', from: '2026-02-01', to: '2026-02-01' },
    });
    expect(range.counts.responses).toBe(2);
  });

  it('leaves no personal data in an encrypted package', async () => {
    const { laptop } = await managerAndLaptop();
    const phone = '13912345678';
    const customer = addCustomer(laptop.db, { code: 'C-9', name: '张伟', phone });
    addResponse(laptop, { q1: 5, contact_phone: phone, name: '张伟' }, { customerId: customer });
    await exportFrom(laptop, tmp.join('plain.sdpkg'));
    await exportFrom(laptop, tmp.join('secret.sdpkg'), {
      encryption: { mode: 'passphrase', passphrase: 'field laptop 7' },
    });
    // The unencrypted package stores JSON lines deflated: inflate them to find the phone number.
    const plainEntries = await import('../../main/sync/zip').then((z) =>
      z.readZip(file('plain.sdpkg'), 'plain'),
    );
    expect([...plainEntries.values()].some((b) => b.includes(phone))).toBe(true);
    const secret = file('secret.sdpkg');
    const secretEntries = await import('../../main/sync/zip').then((z) =>
      z.readZip(secret, 'secret'),
    );
    for (const needle of [phone, '张伟', 'C-9']) {
      expect(secret.includes(Buffer.from(needle))).toBe(false);
      for (const content of secretEntries.values())
        expect(content.includes(Buffer.from(needle))).toBe(false);
    }
  });

  it('follows the later change of a survey title and of a customer, and keeps a clashing customer code', async () => {
    const { manager, laptop } = await managerAndLaptop();
    manager.db
      .prepare('UPDATE surveys SET title = ?, updated_at = ?')
      .run('客户满意度调查（2026）', '2026-02-01T00:00:00.000Z');
    await exportFrom(manager, tmp.join('rename.sdpkg'), { scope: { kind: 'questionnaire' } });
    const renamed = await importInto(laptop, file('rename.sdpkg'));
    expect(renamed.preview.surveys[0]).toMatchObject({
      isNew: false,
      updated: true,
      newVersions: 0,
    });
    expect(laptop.db.prepare('SELECT title FROM surveys').get()).toEqual({
      title: '客户满意度调查（2026）',
    });

    const id = addCustomer(laptop.db, {
      code: 'C-1',
      name: '老客户',
      phone: '010-1',
      updatedAt: '2026-02-02T00:00:00.000Z',
    });
    addResponse(laptop, { q1: 1 }, { customerId: id });
    // The manager already has another customer with code C-1.
    addCustomer(manager.db, { code: 'C-1', name: '另一个客户', phone: '020-2' });
    await exportFrom(laptop, tmp.join('c1.sdpkg'));
    const first = await importInto(manager, file('c1.sdpkg'));
    expect(first.preview.customers).toMatchObject({ new: 1 });
    expect(manager.db.prepare('SELECT code, phone FROM customers WHERE id = ?').get(id)).toEqual({
      code: null,
      phone: '010-1',
    });
    expect(manager.db.prepare("SELECT name FROM customers WHERE code = 'C-1'").get()).toEqual({
      name: '另一个客户',
    });

    manager.db
      .prepare('UPDATE customers SET phone = ?, updated_at = ? WHERE id = ?')
      .run('010-9', '2026-02-05T00:00:00.000Z', id);
    laptop.db
      .prepare('UPDATE customers SET phone = ?, updated_at = ? WHERE id = ?')
      .run('010-5', '2026-02-03T00:00:00.000Z', id);
    await exportFrom(laptop, tmp.join('c2.sdpkg'));
    const older = await importInto(manager, file('c2.sdpkg'));
    expect(older.preview.customers).toMatchObject({ updated: 0, unchanged: 1 });
    expect(manager.db.prepare('SELECT phone FROM customers WHERE id = ?').get(id)).toEqual({
      phone: '010-9',
    });
    await exportFrom(manager, tmp.join('c3.sdpkg'));
    const newer = await importInto(laptop, file('c3.sdpkg'));
    expect(newer.preview.customers).toMatchObject({ updated: 1 });
    expect(laptop.db.prepare('SELECT phone FROM customers WHERE id = ?').get(id)).toEqual({
      phone: '010-9',
    });
  });

  it('removes an erased customer everywhere and keeps their answers unlinked', async () => {
    const { manager, laptop } = await managerAndLaptop();
    const id = addCustomer(laptop.db, { code: 'C-5', name: '要删除的客户', phone: '13011112222' });
    const response = addResponse(laptop, { q1: 4 }, { customerId: id });
    await exportFrom(laptop, tmp.join('with.sdpkg'));
    await importInto(manager, file('with.sdpkg'));
    manager.db.transaction(() => {
      manager.db.prepare('DELETE FROM customers WHERE id = ?').run(id);
      manager.db
        .prepare(
          `INSERT INTO tombstones (entity, entity_id, erased_at, device_id, reason) VALUES ('customer', ?, ?, ?, 'request')`,
        )
        .run(id, '2026-02-10T00:00:00.000Z', manager.deviceId);
    })();
    // The old package again: the customer does not come back.
    manager.db.prepare('DELETE FROM sync_imports').run();
    const again = await importInto(manager, file('with.sdpkg'));
    expect(again.preview.customers).toMatchObject({ new: 0, erased: 1 });
    expect(manager.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
    await exportFrom(manager, tmp.join('erasure.sdpkg'));
    const onLaptop = await importInto(laptop, file('erasure.sdpkg'));
    expect(onLaptop.preview.customers.erased).toBe(1);
    expect(laptop.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
    expect(
      laptop.db.prepare('SELECT customer_id FROM responses WHERE id = ?').get(response),
    ).toEqual({ customer_id: null });
  });

  it('keeps our version when the conflict is decided so, and the other machine follows', async () => {
    const { manager, laptop } = await managerAndLaptop();
    const id = addResponse(laptop, { q1: 1 });
    await exportFrom(laptop, tmp.join('a.sdpkg'));
    await importInto(manager, file('a.sdpkg'));
    editResponse(laptop, id, { q1: 2 });
    editResponse(manager, id, { q1: 3 });
    await exportFrom(laptop, tmp.join('b.sdpkg'));
    await importInto(manager, file('b.sdpkg'));
    const [conflict] = listConflicts(manager.db, 'open');
    const managerVersion = manager.db
      .prepare('SELECT value_num FROM answers WHERE response_id = ?')
      .get(id) as { value_num: number };
    const decided = resolveConflict(manager.db, conflict!.id, 'ours', null);
    expect(decided).toMatchObject({
      status: 'resolved',
      resolution: 'ours',
    });
    expect(decided.ours.answers.q1).toBe(managerVersion.value_num);
    expect(listConflicts(manager.db, 'open')).toEqual([]);
    expect(() => resolveConflict(manager.db, conflict!.id, 'theirs', null)).toThrow(/CONFLICT/);
    await exportFrom(manager, tmp.join('c.sdpkg'));
    const back = await importInto(laptop, file('c.sdpkg'));
    expect(back.preview.totals).toMatchObject({ updated: 1, conflicts: 0 });
    expect(snapshot(laptop.db).answers).toEqual(snapshot(manager.db).answers);
    expect(
      laptop.db.prepare('SELECT revision, replaces_revision FROM responses WHERE id = ?').get(id),
    ).toEqual({ revision: 3, replaces_revision: 2 });
  });

  it('passes on, "since the last export", what arrived from another laptop after that export', async () => {
    const { laptop } = await managerAndLaptop();
    const relay = await machine('relay');
    seedSurvey(relay.db);
    addResponse(relay, { q1: 1 }, { at: '2026-02-01T08:00:00.000Z' });
    const first = await exportFrom(relay, tmp.join('r1.sdpkg'), { scope: { kind: 'since-last' } });
    expect(first.counts.responses).toBe(1);
    // The laptop's response is older than the relay's last export, but reaches the relay after it.
    addResponse(laptop, { q1: 2 }, { at: '2026-01-15T08:00:00.000Z' });
    await exportFrom(laptop, tmp.join('l.sdpkg'));
    await importInto(relay, file('l.sdpkg'));
    // The mark is inclusive (>=): a change in the same millisecond as an export is sent again rather
    // than missed (imports are idempotent). Step past that millisecond so the count is exact.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await exportFrom(relay, tmp.join('r2.sdpkg'), { scope: { kind: 'since-last' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(second.counts.responses).toBe(1);
    const third = await exportFrom(relay, tmp.join('r3.sdpkg'), { scope: { kind: 'since-last' } });
    expect(third.counts.responses).toBe(0);
  });
});
