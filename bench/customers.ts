/**
 * The customer register and CRM-list import, each through the API, against a baseline on the
 * same file in the same run:
 *   - import: a 20,000-row CSV checked (dry run) and upserted by code, versus reading the same
 *     CSV with csv-parse and a bare prepared INSERT of the rows in one transaction. The ratio is
 *     what the mapping, the field rules, the preview and the backup add.
 *   - list: a page of the 50,000-customer register with a search, versus a bare LIKE query of
 *     the same page and its count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { benchServices, best } from './support';

export interface CustomersBench {
  rows: number;
  dryRunMs: number;
  importMs: number;
  baselineMs: number;
  importRatio: number;
  listMs: number;
  listBaselineMs: number;
  listRatio: number;
}

const HEADER = '客户编号,客户名称,客户类型,合作阶段,区域,联系人,联系电话,邮箱,客户经理,标签';
const REGIONS = ['华东', '华南', '华北', '西南', '东北'];
const STAGES = ['试用期', '稳定期', '续约期'];

function csvOf(rows: number, from: number): string {
  const lines = [HEADER];
  for (let i = from; i < from + rows; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(
      `C2024${n},客户${n}有限公司,老客户,${STAGES[i % 3]},${REGIONS[i % 5]},联系人${i},138${String(i).padStart(8, '0')},c${i}@example.cn,经理${i % 30},VIP、展会`,
    );
  }
  return lines.join('\r\n');
}

export async function benchCustomers(rows = 20_000): Promise<CustomersBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-customers-'));
  const services = await benchServices(path.join(dir, 'bench.sqlite'));
  const db = services.ctx.db;
  const importList = async (text: string, dryRun: boolean) => {
    const result = await services.dispatch('customerRegister.importList', {
      fileName: 'crm.csv',
      dataBase64: Buffer.from(text).toString('base64'),
      dryRun,
    });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { problems: unknown[] };
    if (value.problems.length) throw new Error('the bench list has problems');
  };
  try {
    // Baseline: parse the text and insert the rows into a table of the same shape, one transaction.
    db.exec('CREATE TABLE bench_customers AS SELECT * FROM customers WHERE 0');
    const insert = db.prepare(
      `INSERT INTO bench_customers (id, code, name, type, stage, region, contact, phone, email, account_manager, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const baselineText = csvOf(rows, 0);
    const baselineMs = await best(3, () => {
      db.exec('DELETE FROM bench_customers');
      const records: string[][] = parse(baselineText, { relax_column_count: true });
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const r of records.slice(1)) {
          insert.run(
            r[0],
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            JSON.stringify(r[9]!.split('、')),
            at,
            at,
          );
        }
      })();
    });
    let batch = 0;
    const dryRunMs = await best(3, () => importList(csvOf(rows, 0), true));
    // Each real round adds new customers (fresh codes), as a first import does.
    const importMs = await best(3, () => importList(csvOf(rows, 100_000 + rows * batch++), false));

    // The register at 50,000 customers (topped up with bare inserts), one searched page.
    const have = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    if (have < 50_000) await importList(csvOf(50_000 - have, 500_000), false);
    const listMs = await best(5, async () => {
      const result = await services.dispatch('customerRegister.list', {
        search: '0123',
        region: '华东',
        limit: 50,
      });
      if (!result.ok) throw new Error(result.error.message);
    });
    const page = db.prepare(
      `SELECT * FROM customers WHERE (code LIKE ? OR name LIKE ? OR contact LIKE ? OR phone LIKE ? OR email LIKE ? OR tags LIKE ?)
       AND region = ? ORDER BY code LIMIT 50`,
    );
    const total = db.prepare(
      `SELECT count(*) FROM customers WHERE (code LIKE ? OR name LIKE ? OR contact LIKE ? OR phone LIKE ? OR email LIKE ? OR tags LIKE ?) AND region = ?`,
    );
    const listBaselineMs = await best(5, () => {
      const like = '%0123%';
      page.all(like, like, like, like, like, like, '华东');
      total.get(like, like, like, like, like, like, '华东');
    });
    return {
      rows,
      dryRunMs,
      importMs,
      baselineMs,
      importRatio: importMs / baselineMs,
      listMs,
      listBaselineMs,
      listRatio: listMs / listBaselineMs,
    };
  } finally {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures; no target is set for these, so the run never fails on them. */
export async function reportCustomers(): Promise<boolean> {
  const r = await benchCustomers();
  console.log(
    `customer list import of ${r.rows} rows: check ${r.dryRunMs.toFixed(0)} ms, import ${r.importMs.toFixed(0)} ms (with backup), bare parse + INSERT ${r.baselineMs.toFixed(0)} ms, ratio ${r.importRatio.toFixed(2)}`,
  );
  console.log(
    `register page with search of 50,000 customers: ${r.listMs.toFixed(1)} ms, bare query ${r.listBaselineMs.toFixed(1)} ms, ratio ${r.listRatio.toFixed(2)}`,
  );
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  void reportCustomers();
}
