/**
 * Importing exchange packages: 50 packages of 2,000 responses x 25 answers (encrypted to the
 * manager's key, as in the field), imported one after the other into the manager's database, versus
 * a bare better-sqlite3 insert of the same rows (responses + answers) in one transaction per
 * package on a database with the same schema, measured in the same run. Then the 50 packages are
 * imported again (already applied: verified and skipped). Targets: import <= 3x the bare insert;
 * re-import <= 10% of the first import. The automatic backup before each import is left out of
 * the ratio (it copies the whole database, whatever the package) and reported on its own.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackup } from '../main/db/backups';
import { openDatabase } from '../main/db/connection';
import { buildPackage } from '../main/sync/export';
import type { AnswerTuple, PackageData, ResponseRecord } from '../main/sync/format';
import { importPackage } from '../main/sync/import';
import { createKeyPair, keyRing, publicKeyFile } from '../main/sync/keys';

const PACKAGES = Number(process.env.BENCH_SYNC_PACKAGES ?? 50);
const RESPONSES = 2000;
const ANSWERS = 25;
const SECRET = 'bench manager passphrase';
const SURVEY = '11111111-1111-4111-8111-111111111111';
const VERSION = '22222222-2222-4222-8222-222222222222';
const WAVE = '33333333-3333-4333-8333-333333333333';

export interface SyncBench {
  packages: number;
  responses: number;
  importMs: number;
  baselineMs: number;
  ratio: number;
  reimportMs: number;
  reimportShare: number;
  backupMs: number;
  packageKB: number;
}

function packageData(index: number, device: string): PackageData {
  const at = new Date(Date.UTC(2026, 2, 1) + index * 3_600_000);
  const responses: ResponseRecord[] = [];
  for (let r = 0; r < RESPONSES; r++) {
    const stamp = new Date(at.getTime() + r * 1000).toISOString();
    const answers: AnswerTuple[] = [];
    for (let a = 0; a < ANSWERS; a++) {
      if (a < 20)
        answers.push([
          `q${String(a + 1).padStart(2, '0')}`,
          ((r * 7 + a * 3) % 5) + 1,
          null,
          null,
          stamp,
        ]);
      else if (a < 24)
        answers.push([`t${a}`, null, `意见 ${index}-${r}-${a}：服务很好，响应及时`, null, stamp]);
      else answers.push([`m${a}`, null, null, JSON.stringify(['a', 'c']), stamp]);
    }
    responses.push({
      response: {
        id: randomUUID(),
        survey_version_id: VERSION,
        wave_id: WAVE,
        customer_id: null,
        device_id: device,
        interviewer: `访员${index % 7}`,
        channel: 'interview',
        status: 'complete',
        revision: 1,
        replaces_revision: null,
        consent: '{"given":true,"method":"verbal"}',
        quality_flags: '[]',
        started_at: stamp,
        completed_at: stamp,
        updated_at: stamp,
        notes: '',
        card_no: null,
        entry_stats: null,
        lead: null,
        attributes: '{}',
      },
      answers,
      lineage: [],
    });
  }
  const created = '2026-02-01T00:00:00.000Z';
  return {
    surveys: [
      {
        id: SURVEY,
        code: 'BENCH',
        title: '基准调查',
        created_at: created,
        updated_at: created,
        archived_at: null,
      },
    ],
    versions: [
      {
        id: VERSION,
        survey_id: SURVEY,
        version_no: 1,
        definition: '{"pages":[]}',
        created_at: created,
        published_at: created,
      },
    ],
    waves: [
      {
        id: WAVE,
        survey_id: SURVEY,
        name: '2026',
        starts_on: null,
        ends_on: null,
        config: '{}',
        created_at: created,
      },
    ],
    customers: [],
    responses,
    tombstones: [],
  };
}

export async function benchSync(): Promise<SyncBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-sync-'));
  try {
    const manager = (
      await openDatabase({
        path: path.join(dir, 'manager.sqlite'),
        backupsDir: path.join(dir, 'b1'),
        create: true,
      })
    ).db;
    const bare = (
      await openDatabase({
        path: path.join(dir, 'bare.sqlite'),
        backupsDir: path.join(dir, 'b2'),
        create: true,
      })
    ).db;
    createKeyPair(manager, { name: 'bench', passphrase: SECRET, replace: false });
    const key = JSON.parse(publicKeyFile(manager).text) as {
      publicKey: string;
      fingerprint: string;
    };

    const datasets: PackageData[] = [];
    const packages: Buffer[] = [];
    for (let i = 0; i < PACKAGES; i++) {
      const data = packageData(i, `device-${i % 10}`);
      datasets.push(data);
      packages.push(
        await buildPackage(
          data,
          {
            packageId: randomUUID(),
            deviceId: `device-${i % 10}`,
            appVersion: 'bench',
            createdAt: new Date(),
          },
          { mode: 'key', publicKey: key.publicKey, fingerprint: key.fingerprint },
        ),
      );
    }

    // Baseline: the same rows with bare prepared statements, one transaction per package.
    const at = '2026-02-01T00:00:00.000Z';
    bare
      .prepare(
        'INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(SURVEY, 'BENCH', 'b', at, at);
    bare
      .prepare(
        `INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at) VALUES (?, ?, 1, 'published', '{}', ?)`,
      )
      .run(VERSION, SURVEY, at);
    bare
      .prepare('INSERT INTO waves (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)')
      .run(WAVE, SURVEY, 'w', at);
    const insertResponse = bare.prepare(
      `INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status, revision,
         replaces_revision, consent, quality_flags, started_at, completed_at, updated_at, notes, card_no, entry_stats, lead, attributes)
       VALUES (@id, @survey_version_id, @wave_id, @customer_id, @device_id, @interviewer, @channel, @status, @revision,
         @replaces_revision, @consent, @quality_flags, @started_at, @completed_at, @updated_at, @notes, @card_no, @entry_stats, @lead, @attributes)`,
    );
    const insertAnswer = bare.prepare(
      'INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertAll = bare.transaction((data: PackageData) => {
      for (const r of data.responses) {
        insertResponse.run(r.response);
        for (const a of r.answers) insertAnswer.run(r.response.id, a[0], a[1], a[2], a[3], a[4]);
      }
    });
    // Interleaved, package by package, so a busy machine weighs on both sides alike.
    const keys = keyRing(manager);
    let baselineMs = 0;
    let importMs = 0;
    for (const [i, bytes] of packages.entries()) {
      let start = performance.now();
      insertAll(datasets[i]!);
      baselineMs += performance.now() - start;
      start = performance.now();
      const result = await importPackage(manager, bytes, `p${i}.sdpkg`, {
        keys,
        passphrase: SECRET,
        backupsDir: null,
      });
      importMs += performance.now() - start;
      if (result.preview.totals.new !== RESPONSES)
        throw new Error(`package ${i}: ${JSON.stringify(result.preview.totals)}`);
    }

    let start = performance.now();
    for (const [i, bytes] of packages.entries()) {
      const result = await importPackage(manager, bytes, `p${i}.sdpkg`, {
        keys,
        passphrase: SECRET,
        backupsDir: null,
      });
      if (!result.preview.alreadyApplied)
        throw new Error(`package ${i} was not recognised as applied`);
    }
    const reimportMs = performance.now() - start;

    start = performance.now();
    await createBackup(manager, path.join(dir, 'backups'), { reason: 'import' });
    const backupMs = performance.now() - start;
    manager.close();
    bare.close();
    return {
      packages: PACKAGES,
      responses: PACKAGES * RESPONSES,
      importMs,
      baselineMs,
      ratio: importMs / baselineMs,
      reimportMs,
      reimportShare: reimportMs / importMs,
      backupMs,
      packageKB: packages.reduce((sum, p) => sum + p.length, 0) / packages.length / 1024,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures; false when a target is missed. */
export async function reportSync(): Promise<boolean> {
  const r = await benchSync();
  console.log(
    `package import: ${r.packages} packages x ${RESPONSES} responses x ${ANSWERS} answers (${r.packageKB.toFixed(0)} KB each, encrypted): ${r.importMs.toFixed(0)} ms vs bare insert ${r.baselineMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}  target <= 3.00`,
  );
  console.log(
    `package re-import of all ${r.packages}: ${r.reimportMs.toFixed(0)} ms = ${(r.reimportShare * 100).toFixed(1)}% of the first import  target <= 10%; backup before an import of the full database: ${r.backupMs.toFixed(0)} ms`,
  );
  return r.ratio <= 3 && r.reimportShare <= 0.1;
}

const isEntry = process.argv[1]?.endsWith('sync.ts');
if (isEntry) {
  void reportSync().then((ok) => {
    if (!ok) process.exitCode = 1;
  });
}
