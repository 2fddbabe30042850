/**
 * Drawing a stratified sample from a 50,000-customer register and reading its sample list, each
 * through the API, against a baseline on the same file: reading the register's rows and writing
 * as many member rows with bare prepared statements in one transaction (draw), and a bare
 * SELECT of the member rows joined to customers (list). What the ratios measure is what the
 * plan, the seeded draw, the contact history and the live response rates add.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchServices, best } from './support';

const TYPES = ['新客户', '老客户', '高价值客户'];
const REGIONS = ['华东', '华南', '华北', '西南', '东北'];

export interface SamplingBench {
  customers: number;
  members: number;
  drawMs: number;
  drawBaselineMs: number;
  drawRatio: number;
  listMs: number;
  listBaselineMs: number;
  listRatio: number;
}

export async function benchSampling(customers = 50_000): Promise<SamplingBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-sampling-'));
  const services = await benchServices(path.join(dir, 'bench.sqlite'));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  try {
    const db = services.ctx.db;
    const survey = await call<{ id: string }>('surveys.create', {
      template: 'after-sales',
      language: 'zh-CN',
    });
    const wave = await call<{ id: string }>('waves.create', { surveyId: survey.id, name: 'bench' });
    const insert =
      db.prepare(`INSERT INTO customers (id, code, name, type, region, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'x', 'x')`);
    db.transaction(() => {
      for (let i = 0; i < customers; i++) {
        insert.run(randomUUID(), `C${i}`, `客户${i}`, TYPES[i % 3], REGIONS[i % 5]);
      }
    })();
    const design = { strata: ['type', 'region'] };
    let members = 0;
    const drawMs = await best(3, async () => {
      const view = await call<{ members: unknown[] }>('sample.draw', {
        waveId: wave.id,
        design,
        seed: 7,
      });
      members = view.members.length;
    });

    db.exec(
      'CREATE TABLE bench_members (wave_id TEXT, customer_id TEXT, stratum TEXT, weight REAL, PRIMARY KEY (wave_id, customer_id)) STRICT, WITHOUT ROWID',
    );
    const read = db.prepare(
      'SELECT id, code, type, stage, region, industry, size, account_manager, tags FROM customers',
    );
    const write = db.prepare('INSERT INTO bench_members VALUES (?, ?, ?, ?)');
    const drawBaselineMs = await best(3, () => {
      const rows = read.all() as { id: string; type: string; region: string }[];
      db.transaction(() => {
        db.prepare('DELETE FROM bench_members').run();
        for (let i = 0; i < members; i++)
          write.run(wave.id, rows[i]!.id, `${rows[i]!.type} | ${rows[i]!.region}`, 3.3);
      })();
    });

    const listMs = await best(5, async () => {
      await call('sample.get', { waveId: wave.id });
    });
    const bareList =
      db.prepare(`SELECT m.*, c.code, c.name, c.contact, c.phone, c.email FROM sample_members m
      JOIN customers c ON c.id = m.customer_id WHERE m.wave_id = ?`);
    const listBaselineMs = await best(5, () => {
      bareList.all(wave.id);
    });
    return {
      customers,
      members,
      drawMs,
      drawBaselineMs,
      drawRatio: drawMs / drawBaselineMs,
      listMs,
      listBaselineMs,
      listRatio: listMs / listBaselineMs,
    };
  } finally {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures; false when a target is missed. */
export async function reportSampling(): Promise<boolean> {
  const r = await benchSampling();
  console.log(
    `sample draw of ${r.members} from ${r.customers} customers (15 strata): ${r.drawMs.toFixed(0)} ms, bare read + insert ${r.drawBaselineMs.toFixed(0)} ms, ratio ${r.drawRatio.toFixed(2)}  target <= 3.00`,
  );
  console.log(
    `sample list with live response rates: ${r.listMs.toFixed(0)} ms, bare member SELECT ${r.listBaselineMs.toFixed(0)} ms, ratio ${r.listRatio.toFixed(2)}  target <= 4.00`,
  );
  return r.drawRatio <= 3 && r.listRatio <= 4;
}

if (process.argv[1]?.endsWith('sampling.ts')) {
  void reportSampling().then((ok) => {
    if (!ok) process.exitCode = 1;
  });
}
