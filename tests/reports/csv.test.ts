/**
 * The CSV export at the byte level (BOM, GBK, RFC 4180 quoting, formula-like texts), and the
 * 'report.export' job that writes any export complete or not at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../main/reports/export';
import { csvField, writeCsv, type CsvOptions } from '../../main/reports/exports/csv';
import { openRawData, readDefinition } from '../../main/reports/raw-data';
import { analysisRequest } from '../../shared/analysis';
import type { JobState } from '../../shared/contract';
import type { SurveyDefinition } from '../../shared/questionnaire/model';
import {
  FORMULA_TEXTS,
  PHONE,
  QUOTED_TEXT,
  exportFixture,
  type ExportFixture,
} from './export-fixture';

let dir: string;
let fx: ExportFixture;
let definition: SurveyDefinition;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-csv-'));
  fx = await exportFixture(path.join(dir, 'app.sqlite'));
  definition = readDefinition(fx.db, fx.demo.surveyId).definition;
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function csv(name: string, options: CsvOptions, includePersonal = false): Promise<Buffer> {
  const file = path.join(dir, name);
  const data = openRawData(
    fx.db,
    definition,
    { surveyId: fx.demo.surveyId },
    { lang: 'zh-CN', includePersonal },
  );
  await writeCsv(data, file, options);
  return fs.readFileSync(file);
}

function records(bytes: Buffer): string[][] {
  return parse(bytes.toString('utf8'), { bom: true, relax_column_count: false });
}

describe('the CSV export', () => {
  it('starts with the UTF-8 byte-order mark by default, and without it when asked', async () => {
    expect([
      ...(await csv('bom.csv', { labels: 'labels', encoding: 'utf8' })).subarray(0, 3),
    ]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = await csv('plain.csv', { labels: 'labels', encoding: 'utf8', bom: false });
    expect(plain.subarray(0, 11).toString('ascii')).toBe('response_id');
  });

  it('writes GBK bytes for Chinese text when asked, without a BOM', async () => {
    const bytes = await csv('gbk.csv', { labels: 'labels', encoding: 'gbk' });
    expect(bytes.subarray(0, 11).toString('ascii')).toBe('response_id');
    const expected = iconv.encode('2026 上半年', 'gbk');
    expect(bytes.indexOf(expected)).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from('上半年', 'utf8'))).toBe(-1);
    expect(iconv.decode(bytes, 'gbk')).toContain('老客户');
  });

  it('writes one record per response, every record as wide as the header (RFC 4180)', async () => {
    const bytes = await csv('rows.csv', { labels: 'labels', encoding: 'utf8' });
    const rows = records(bytes);
    expect(rows).toHaveLength(1 + 300);
    expect(bytes.toString('utf8')).toMatch(/\r\n$/);
    expect(rows[0]!.slice(0, 2)).toEqual(['response_id', 'wave']);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', async () => {
    const text = (await csv('quotes.csv', { labels: 'labels', encoding: 'utf8' })).toString('utf8');
    expect(text).toContain(`,"${QUOTED_TEXT.replace(/"/g, '""')}",`);
    const rows = records(Buffer.from(text));
    const improve = rows[0]!.indexOf('improve');
    expect(rows.find((r) => r[0] === fx.quotedId)![improve]).toBe(QUOTED_TEXT);
  });

  it('puts an apostrophe before texts a spreadsheet would take for formulas, phone numbers included', async () => {
    const bytes = await csv('formulas.csv', { labels: 'labels', encoding: 'utf8' });
    expect(bytes.includes(Buffer.from(",'=1+1,"))).toBe(true);
    expect(bytes.includes(Buffer.from(",'+86 138 0013 8000,"))).toBe(true);
    expect(bytes.includes(Buffer.from(",'-2,"))).toBe(true);
    expect(bytes.includes(Buffer.from(",'@SUM(A1:A9),"))).toBe(true);
    expect(bytes.includes(Buffer.from(",'\tTAB,"))).toBe(true);
    expect(bytes.includes(Buffer.from(',"\'\rCR",'))).toBe(true);
    const rows = records(bytes);
    const staff = rows[0]!.indexOf('staff_id');
    fx.formulaIds.forEach((id, k) =>
      expect(rows.find((r) => r[0] === id)![staff]).toBe(`'${FORMULA_TEXTS[k]}`),
    );
  });

  it('leaves numbers alone: a negative number is not a formula', () => {
    expect(csvField(-2)).toBe('-2');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(null)).toBe('');
    expect(csvField('-2')).toBe("'-2");
  });

  it('writes choice labels, or the stored codes with --codes', async () => {
    const labels = records(await csv('labels.csv', { labels: 'labels', encoding: 'utf8' }));
    const codes = records(await csv('codes.csv', { labels: 'codes', encoding: 'utf8' }));
    const channel = labels[0]!.indexOf('channel');
    expect(new Set(labels.slice(1).map((r) => r[channel]))).toEqual(
      new Set(['访谈', '自助终端', '纸质录入', '导入']),
    );
    expect(new Set(codes.slice(1).map((r) => r[channel]))).toEqual(
      new Set(['interview', 'kiosk', 'paper', 'import']),
    );
    const consult = codes[0]!.indexOf('service_type_consult');
    expect(new Set(codes.slice(1).map((r) => r[consult]))).toEqual(new Set(['0', '1']));
  });

  it('leaves the personal-data questions out unless asked for', async () => {
    const without = records(await csv('no-personal.csv', { labels: 'labels', encoding: 'utf8' }));
    expect(without[0]).not.toContain('phone');
    expect(without[0]).not.toContain('contact_name');
    const withPersonal = await csv('personal.csv', { labels: 'labels', encoding: 'utf8' }, true);
    expect(withPersonal.includes(Buffer.from(`'${PHONE}`))).toBe(true);
  });
});

describe('the report.export job', () => {
  const request = () => analysisRequest.parse({ surveyId: fx.demo.surveyId });

  it('writes the file in a worker and leaves no .partial behind', async () => {
    const out = path.join(dir, 'job.csv');
    const started = await fx.services.dispatch('jobs.start', {
      kind: 'report.export',
      request: request(),
      format: 'csv',
      lang: 'en',
      path: out,
    });
    if (!started.ok) throw new Error(started.error.message);
    const job = await fx.services.ctx.jobs.waitFor((started.value as JobState).id);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ path: out, format: 'csv', rows: 300 });
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);

  it('writes the Word report through the same complete-or-nothing path', async () => {
    const out = path.join(dir, 'report.docx');
    const done = await exportToFile(fx.db, {
      request: request(),
      format: 'docx',
      lang: 'zh-CN',
      path: out,
      labels: 'labels',
      encoding: 'utf8',
      includePersonal: false,
    });
    expect(done).toMatchObject({ path: out, format: 'docx', rows: 0 });
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);

  it('refuses a relative path', async () => {
    const started = await fx.services.dispatch('jobs.start', {
      kind: 'report.export',
      request: request(),
      format: 'csv',
      lang: 'en',
      path: 'out.csv',
    });
    expect(started.ok).toBe(false);
  });

  it('removes the partial file of a failed or cancelled export and never leaves a half-written file', async () => {
    const out = path.join(dir, 'stopped.sav');
    const controller = new AbortController();
    const run = exportToFile(
      fx.db,
      {
        request: request(),
        format: 'sav',
        lang: 'en',
        path: out,
        labels: 'labels',
        encoding: 'utf8',
        includePersonal: false,
      },
      {
        signal: controller.signal,
        progress: (done) => done > 0 && controller.abort(),
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('stopped'))).toEqual([]);
    const missing = exportToFile(fx.db, {
      request: request(),
      format: 'csv',
      lang: 'en',
      path: path.join(dir, 'no', 'such', 'folder.csv'),
      labels: 'labels',
      encoding: 'utf8',
      includePersonal: false,
    });
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
