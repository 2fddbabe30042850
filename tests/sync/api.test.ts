/**
 * The sync methods through the real dispatcher and the package jobs in their worker thread, on
 * the app's whole schema: keys, inspect with bytes (the browser's file picker), export and import
 * jobs with progress, the import log, conflicts; and no decrypted personal data reaches the
 * database or its WAL when an encrypted package is only inspected or is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServices } from '../../main/services/start';
import type { JobState } from '../../shared/contract';
import type {
  ImportLogEntry,
  KeysStatus,
  LastExport,
  PackageExportResult,
  PackageImportResult,
  PackagePreview,
  RecipientKeyInfo,
} from '../../shared/sync';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addCustomer, addResponse, SURVEY_ID, seedSurvey, type Machine } from './fixture';
import { getDeviceId } from '../../main/services/settings';
import type { ResponseRecord, Wave } from '../../shared/responses';
import type { SurveyDetail, SurveySummary } from '../../shared/surveys';

const tmp = useTempDir('sync-api');
const running: RunningServices[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

async function start(name: string): Promise<RunningServices> {
  const s = await startTestServices(tmp.join(name, 'surveydesk.sqlite'));
  running.push(s);
  return s;
}

async function call<T>(s: RunningServices, method: string, input: unknown): Promise<T> {
  const result = await s.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

async function failure(s: RunningServices, method: string, input: unknown) {
  const result = await s.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

async function job<T>(s: RunningServices, input: unknown): Promise<{ job: JobState; result: T }> {
  const started = await call<JobState>(s, 'jobs.start', input);
  const done = await s.ctx.jobs.waitFor(started.id);
  return { job: done, result: done.result as T };
}

const machineOf = (s: RunningServices, name: string): Machine => ({
  name,
  db: s.ctx.db,
  file: s.ctx.paths.dbPath,
  dir: path.dirname(s.ctx.paths.dbPath),
  deviceId: getDeviceId(s.ctx.db),
});

function filesContain(s: RunningServices, needle: string): boolean {
  s.ctx.db.pragma('wal_checkpoint(PASSIVE)');
  return [s.ctx.paths.dbPath, `${s.ctx.paths.dbPath}-wal`].some(
    (f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(needle)),
  );
}

describe('sync through the API and jobs', () => {
  it('keys, export job, inspect from bytes, import job, log', async () => {
    const manager = await start('manager');
    const laptop = await start('laptop');
    const phone = '18912340000';
    seedSurvey(manager.ctx.db);
    seedSurvey(laptop.ctx.db);
    const customer = addCustomer(laptop.ctx.db, { code: 'K-1', name: '东方电气', phone });
    const lap = machineOf(laptop, 'laptop');
    for (let i = 0; i < 3; i++)
      addResponse(lap, { q1: i + 2, mobile: phone }, { customerId: customer });

    const short = await failure(manager, 'sync.createKeyPair', { name: 'HQ', passphrase: 'short' });
    expect(short.code).toBe('INVALID_INPUT');
    const keys = await call<KeysStatus>(manager, 'sync.createKeyPair', {
      name: '总部',
      passphrase: 'a good passphrase',
    });
    expect(keys.own?.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(keys.keychainAvailable).toBe(false);
    const again = await failure(manager, 'sync.createKeyPair', {
      name: '总部',
      passphrase: 'a good passphrase',
    });
    expect(again.code).toBe('CONFLICT');
    const keyPath = tmp.join('manager.sdkey');
    await call(manager, 'sync.exportPublicKey', { path: keyPath });
    const keyFile = await call<{ fileName: string; text: string }>(
      manager,
      'sync.publicKeyFile',
      {},
    );
    expect(keyFile.fileName).toBe('总部.sdkey');
    expect(fs.readFileSync(keyPath, 'utf8')).toBe(keyFile.text);

    const recipient = await call<RecipientKeyInfo>(laptop, 'sync.importRecipientKey', {
      source: {
        fileName: 'manager.sdkey',
        dataBase64: Buffer.from(keyFile.text).toString('base64'),
      },
    });
    expect(recipient.fingerprint).toBe(keys.own?.fingerprint);
    const badKey = await failure(laptop, 'sync.importRecipientKey', {
      source: {
        fileName: 'x.sdkey',
        dataBase64: Buffer.from('{"type":"nope"}').toString('base64'),
      },
    });
    expect(badKey.code).toBe('KEY_INVALID');

    const pkgPath = tmp.join('laptop.sdpkg');
    const exported = await job<PackageExportResult>(laptop, {
      kind: 'package.export',
      surveyId: SURVEY_ID,
      scope: { kind: 'all' },
      encryption: { mode: 'key', recipientId: recipient.id },
      path: pkgPath,
    });
    expect(exported.job.status).toBe('done');
    expect(exported.result.counts.responses).toBe(3);
    expect(exported.job.progress.done).toBe(exported.job.progress.total);
    const marks = await call<LastExport[]>(laptop, 'sync.lastExports', { surveyId: SURVEY_ID });
    expect(marks).toEqual([
      expect.objectContaining({
        mode: 'key',
        recipientId: recipient.id,
        packageId: exported.result.packageId,
      }),
    ]);

    const bytes = fs.readFileSync(pkgPath).toString('base64');
    const locked = await failure(manager, 'sync.inspect', {
      source: { fileName: 'laptop.sdpkg', dataBase64: bytes },
    });
    expect(locked.code).toBe('KEY_PASSPHRASE_REQUIRED');
    const wrong = await failure(manager, 'sync.inspect', {
      source: { path: pkgPath },
      passphrase: 'wrong one',
    });
    expect(wrong.code).toBe('PRIVATE_KEY_PASSPHRASE');
    const preview = await call<PackagePreview>(manager, 'sync.inspect', {
      source: { fileName: 'laptop.sdpkg', dataBase64: bytes },
      passphrase: 'a good passphrase',
    });
    expect(preview.totals.new).toBe(3);
    expect(preview.groups[0]).toMatchObject({ surveyCode: 'CS-2026', deviceId: lap.deviceId });
    // Inspecting decrypted the data in memory only: the manager's files hold no phone number.
    expect(filesContain(manager, phone)).toBe(false);
    expect(fs.readFileSync(pkgPath).includes(Buffer.from(phone))).toBe(false);
    expect(filesContain(laptop, phone)).toBe(true);

    const failed = await job<unknown>(manager, {
      kind: 'package.import',
      source: { path: pkgPath },
      passphrase: 'wrong one',
    });
    expect(failed.job.status).toBe('failed');
    expect(failed.job.error?.code).toBe('PRIVATE_KEY_PASSPHRASE');
    expect(filesContain(manager, phone)).toBe(false);

    const imported = await job<PackageImportResult>(manager, {
      kind: 'package.import',
      source: { fileName: 'laptop.sdpkg', dataBase64: bytes },
      passphrase: 'a good passphrase',
    });
    expect(imported.job.status).toBe('done');
    expect(imported.result.preview.totals.new).toBe(3);
    expect(imported.result.backupPath).toContain(manager.ctx.paths.backupsDir);
    const log = await call<ImportLogEntry[]>(manager, 'sync.log', {});
    expect(log).toEqual([
      expect.objectContaining({
        outcome: 'applied',
        deviceId: lap.deviceId,
        fileName: 'laptop.sdpkg',
        packageId: exported.result.packageId,
      }),
    ]);
    expect(log[0]?.totals?.new).toBe(3);
    expect(await call(manager, 'sync.conflicts', {})).toEqual([]);
    const removed = await call(laptop, 'sync.removeRecipientKey', { id: recipient.id });
    expect(removed).toEqual({ removed: true });
  });

  it('distributes a real questionnaire to a laptop, whose field work comes back with its revisions', async () => {
    const manager = await start('manager');
    const laptop = await start('laptop');
    const survey = await call<SurveyDetail>(manager, 'surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    });
    await call(manager, 'surveys.publish', { id: survey.id });
    const wave = await call<Wave>(manager, 'waves.create', {
      surveyId: survey.id,
      name: '2026 第一季度',
    });
    const qPath = tmp.join('questionnaire.sdpkg');
    const q = await job<PackageExportResult>(manager, {
      kind: 'package.export',
      surveyId: survey.id,
      scope: { kind: 'questionnaire' },
      encryption: { mode: 'none' },
      path: qPath,
    });
    expect(q.result.counts).toMatchObject({ surveys: 1, versions: 1, waves: 1, responses: 0 });
    const got = await job<PackageImportResult>(laptop, {
      kind: 'package.import',
      source: { path: qPath },
    });
    expect(got.job.status).toBe('done');
    expect(got.result.preview.surveys).toEqual([
      expect.objectContaining({ isNew: true, newVersions: 1, newWaves: 1 }),
    ]);

    // The laptop collects with it through the field-work service.
    const listed = await call<SurveySummary[]>(laptop, 'surveys.list', {});
    expect(listed.map((s) => s.id)).toEqual([survey.id]);
    const form = await call<{ versionNo: number }>(laptop, 'responses.questionnaire', {
      id: survey.id,
    });
    expect(form.versionNo).toBe(1);
    const started = await call<ResponseRecord>(laptop, 'responses.start', {
      surveyId: survey.id,
      waveId: wave.id,
      customerId: null,
      channel: 'interview',
      consent: { given: true, method: 'verbal', versionNo: 1, givenAt: new Date().toISOString() },
    });
    await call(laptop, 'responses.abandon', { id: started.id });
    const voided = await call<ResponseRecord>(laptop, 'responses.void', {
      id: started.id,
      reason: '重复录入',
    });
    expect(voided).toMatchObject({ status: 'void', revision: 2 });

    const backPath = tmp.join('back.sdpkg');
    await job(laptop, {
      kind: 'package.export',
      surveyId: survey.id,
      scope: { kind: 'all' },
      encryption: { mode: 'passphrase', passphrase: 'team passphrase' },
      path: backPath,
    });
    const back = await job<PackageImportResult>(manager, {
      kind: 'package.import',
      source: { path: backPath },
      passphrase: 'team passphrase',
    });
    expect(back.result.preview.totals.new).toBe(1);
    const onManager = await call<ResponseRecord>(manager, 'responses.get', { id: started.id });
    expect(onManager).toMatchObject({ status: 'void', revision: 2 });
    expect(
      manager.ctx.db
        .prepare('SELECT replaces_revision FROM responses WHERE id = ?')
        .get(started.id),
    ).toEqual({ replaces_revision: 1 });
  });

  it("uses the OS keychain, when the shell provides one, to open packages sent to this machine's key", async () => {
    // A stand-in for Electron's safeStorage: sealed bytes that are not the passphrase's text.
    const seal = (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a));
    const keychain = {
      isAvailable: () => true,
      encrypt: (text: string) => seal(Buffer.from(text, 'utf8')),
      decrypt: (sealed: Buffer) => seal(sealed).toString('utf8'),
    };
    const manager = await startTestServices(tmp.join('manager', 'surveydesk.sqlite'), {
      platform: {
        openFile: () => Promise.resolve(null),
        saveFile: () => Promise.resolve(null),
        keychain,
      },
    });
    running.push(manager);
    const laptop = await start('laptop');
    seedSurvey(manager.ctx.db);
    seedSurvey(laptop.ctx.db);
    addResponse(machineOf(laptop, 'laptop'), { q1: 5 });
    const keys = await call<KeysStatus>(manager, 'sync.createKeyPair', {
      name: 'HQ',
      passphrase: 'keychain passphrase',
    });
    expect(keys).toMatchObject({ keychainAvailable: true, own: { inKeychain: true } });
    expect(filesContain(manager, 'keychain passphrase')).toBe(false);
    const keyText = (await call<{ text: string }>(manager, 'sync.publicKeyFile', {})).text;
    const recipient = await call<RecipientKeyInfo>(laptop, 'sync.importRecipientKey', {
      source: { fileName: 'hq.sdkey', dataBase64: Buffer.from(keyText).toString('base64') },
    });
    const pkgPath = tmp.join('k.sdpkg');
    await job(laptop, {
      kind: 'package.export',
      surveyId: SURVEY_ID,
      scope: { kind: 'all' },
      encryption: { mode: 'key', recipientId: recipient.id },
      path: pkgPath,
    });
    const preview = await call<PackagePreview>(manager, 'sync.inspect', {
      source: { path: pkgPath },
    });
    expect(preview.totals.new).toBe(1);
    const imported = await job<PackageImportResult>(manager, {
      kind: 'package.import',
      source: { path: pkgPath },
    });
    expect(imported.job.status).toBe('done');
    expect(imported.result.preview.totals.new).toBe(1);
  });
});
