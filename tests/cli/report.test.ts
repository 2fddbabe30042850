/**
 * `surveydesk report` as a user runs it: a separate process on a database with demo data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
// jszip comes with docx and exceljs; only tests read zips.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { exportFixture } from '../reports/export-fixture';

let dir: string;
let db: string;
let code: string;
let waveName: string;
let firstWave: string;

/** `surveydesk report --db <the demo database> ...args`, as a separate process. */
function report(...args: string[]) {
  return runCli(['report', '--db', db, ...args], { timeout: 60_000 });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-cli-report-'));
  db = path.join(dir, 'app.sqlite');
  const fx = await exportFixture(db);
  code = fx.demo.surveyCode;
  waveName = (
    fx.db.prepare('SELECT name FROM waves WHERE id = ?').get(fx.demo.waveIds[1]) as { name: string }
  ).name;
  firstWave = (
    fx.db.prepare('SELECT name FROM waves WHERE id = ?').get(fx.demo.waveIds[0]) as {
      name: string;
    }
  ).name;
  await fx.services.close();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('surveydesk report', () => {
  it('writes the Excel report of one wave in the chosen language, compared with another', async () => {
    const out = path.join(dir, 'wave.xlsx');
    const run = report(
      '--survey',
      code,
      '--wave',
      waveName,
      '--compare',
      firstWave,
      '--format',
      'xlsx',
      '--lang',
      'zh-CN',
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已写入 ${out}`);
    expect(run.stderr).toBe('');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]!.name).toBe('汇总');
    const raw = book.getWorksheet('原始数据')!;
    expect(new Set(raw.getColumn(2).values.slice(2))).toEqual(new Set([waveName]));
    // The comparison wave's scores beside this wave's (checked in tests/reports/excel-compare).
    const dimensions = (book.getWorksheet('维度得分')!.getRow(1).values as unknown[]).slice(1);
    expect(dimensions).toContain(`上期得分（${firstWave}）`);
    expect(dimensions).toContain('变化（分）');
  }, 60_000);

  it('writes CSV with codes and GBK, reporting the number of responses as JSON', () => {
    const out = path.join(dir, 'data.csv');
    const run = report(
      '--survey',
      code,
      '--format',
      'csv',
      '--codes',
      '--gbk',
      '--out',
      out,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out, format: 'csv', rows: 300 });
    const bytes = fs.readFileSync(out);
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.toString('latin1')).toContain(',interview,');
  });

  it('warns on stderr when personal data is included, and includes it', () => {
    const out = path.join(dir, 'personal.csv');
    const run = report(
      '--survey',
      code,
      '--format',
      'csv',
      '--include-personal',
      '--lang',
      'en',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('personal data');
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toContain(',phone');
  });

  it('writes an SPSS file from a relative --out', () => {
    const run = runCli(
      ['report', '--db', db, '--survey', code, '--format', 'sav', '--out', 'data.sav'],
      { cwd: dir, timeout: 60_000 },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'data.sav')).subarray(0, 4).toString('ascii')).toBe(
      '$FL2',
    );
  });

  it('writes the chosen Word sections, compared with the chosen wave', async () => {
    const out = path.join(dir, 'sections.docx');
    const run = report(
      '--survey',
      code,
      '--wave',
      waveName,
      '--compare',
      firstWave,
      '--sections',
      'results,method',
      '--format',
      'docx',
      '--lang',
      'zh-CN',
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('1\u2003调查方法');
    expect(text).toContain('2\u2003调查结果');
    expect(text).not.toContain('样本概况');
    expect(text).toContain(`上期（${firstWave}）`);
  }, 60_000);

  it('refuses unknown sections and --compare for data files, naming the problem', () => {
    const badSection = report(
      '--survey',
      code,
      '--sections',
      'results,summary',
      '--format',
      'docx',
      '--out',
      path.join(dir, 'bad.docx'),
      '--lang',
      'en',
    );
    expect(badSection.code).toBe(2);
    expect(badSection.stderr).toContain('summary');
    const compareCsv = report(
      '--survey',
      code,
      '--compare',
      firstWave,
      '--format',
      'csv',
      '--out',
      path.join(dir, 'bad.csv'),
      '--lang',
      'en',
    );
    expect(compareCsv.code).toBe(2);
    expect(compareCsv.stderr).toContain('--compare');
    expect(fs.existsSync(path.join(dir, 'bad.docx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'bad.csv'))).toBe(false);
  });

  it('explains a missing --out, an unknown format and an unknown survey, and writes nothing', () => {
    const noOut = report('--survey', code, '--format', 'csv', '--lang', 'en');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badFormat = report(
      '--survey',
      code,
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'x.pdf'),
      '--lang',
      'en',
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('docx, xlsx, csv, sav');
    const unknown = report(
      '--survey',
      'NOPE',
      '--format',
      'csv',
      '--out',
      path.join(dir, 'nope.csv'),
      '--lang',
      'en',
    );
    expect(unknown.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'nope.csv'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
