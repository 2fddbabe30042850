/**
 * Respondent attributes brought by imported files (responses.attributes): exported as columns of
 * the raw data (CSV, the Excel report's raw sheet, SPSS with labels read back by PSPP), and usable
 * as analysis segments (`attr:<name>`) with figures checked against a hand computation.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/engine';
import { exportToFile } from '../../main/reports/export';
import { spssName } from '../../main/reports/exports/sav';
import { analysisRequest, type ScoreStat } from '../../shared/analysis';
import { exportFixture, type ExportFixture } from './export-fixture';

const hasPspp = spawnSync('sh', ['-c', 'command -v pspp']).status === 0;

let dir: string;
let fx: ExportFixture;
/** Response id -> its imported attributes. */
const planted = new Map<string, Record<string, string>>();
const STORES = ['浦东店', '徐汇店', '静安店'];
/** The six respondents of the hand computation: store and the answer given to every item. */
const HAND = [
  { store: '甲店', value: 5 },
  { store: '甲店', value: 4 },
  { store: '甲店', value: 4 },
  { store: '乙店', value: 3 },
  { store: '乙店', value: 2 },
  { store: '乙店', value: 3 },
];
let handIds: string[];
let handWave: string;
let itemNames: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-attributes-'));
  fx = await exportFixture(path.join(dir, 'db.sqlite'));
  const ids = (
    fx.db.prepare('SELECT id FROM responses ORDER BY started_at, id').all() as { id: string }[]
  ).map((r) => r.id);
  const set = fx.db.prepare('UPDATE responses SET attributes = ? WHERE id = ?');
  // Most responses came from an import with a store and a reference; a third of them without.
  ids.forEach((id, k) => {
    if (k % 3 === 2) return;
    const attributes = { 门店: STORES[Math.floor(k / 3) % STORES.length]!, Ref: `R-${1000 + k}` };
    planted.set(id, attributes);
    set.run(JSON.stringify(attributes), id);
  });

  // Six clean, complete responses of the second wave answer every rating item the same way, and
  // are the only ones with a 批次门店 attribute.
  handWave = fx.demo.waveIds[1]!;
  handIds = (
    fx.db
      .prepare(
        `SELECT id FROM responses WHERE wave_id = ? AND status = 'complete' AND quality_flags = '[]'
         ORDER BY started_at, id LIMIT 6`,
      )
      .all(handWave) as { id: string }[]
  ).map((r) => r.id);
  itemNames = ['resp', 'reso', 'prof', 'comm', 'value'].flatMap((d) =>
    [1, 2, 3].map((k) => `${d}_${k}`),
  );
  const answer = fx.db.prepare(
    'UPDATE answers SET value_num = ?, value_text = NULL WHERE response_id = ? AND variable = ?',
  );
  handIds.forEach((id, k) => {
    set.run(JSON.stringify({ ...planted.get(id), 批次门店: HAND[k]!.store }), id);
    for (const item of itemNames) answer.run(HAND[k]!.value, id, item);
  });
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function readCsv(file: string): string[][] {
  const rows: unknown = parse(fs.readFileSync(file, 'utf8'), { bom: true });
  return rows as string[][];
}

async function exportAs(format: 'csv' | 'xlsx' | 'sav', name: string, labels = 'labels') {
  const out = path.join(dir, name);
  await exportToFile(fx.db, {
    request: analysisRequest.parse({ surveyId: fx.demo.surveyId }),
    format,
    lang: 'zh-CN',
    path: out,
    labels: labels as 'labels',
    encoding: 'utf8',
    includePersonal: false,
  });
  return out;
}

describe('imported attributes in the raw data', () => {
  it('are CSV columns after the customer fields, with each response’s own values', async () => {
    const out = await exportAs('csv', 'data.csv');
    const rows = readCsv(out);
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    expect(at('门店')).toBe(at('customer_size') + 1);
    expect(at('Ref')).toBeGreaterThan(at('customer_size'));
    expect(at('批次门店')).toBeGreaterThan(at('customer_size'));
    expect(at('批次门店')).toBeLessThan(at('resp_1'));
    const byId = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    expect(byId.size).toBe(300);
    let withStore = 0;
    for (const [id, row] of byId) {
      const attributes = planted.get(id);
      expect(row[at('门店')]).toBe(attributes?.门店 ?? '');
      expect(row[at('Ref')]).toBe(attributes?.Ref ?? '');
      if (attributes) withStore++;
    }
    expect(withStore).toBe(200);
    expect(handIds.map((id) => byId.get(id)![at('批次门店')])).toEqual(HAND.map((h) => h.store));
  }, 60_000);

  it('are columns of the Excel report’s raw sheet and its dictionary', async () => {
    const out = await exportAs('xlsx', 'report.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const raw = book.getWorksheet('原始数据')!;
    const header = (raw.getRow(1).values as unknown[]).slice(1) as string[];
    const store = header.indexOf('门店') + 1;
    expect(store).toBeGreaterThan(0);
    const ids = raw.getColumn(1).values.slice(2) as string[];
    const stores = raw.getColumn(store).values.slice(2) as (string | undefined)[];
    ids.forEach((id, k) => expect(stores[k] ?? '').toBe(planted.get(id)?.门店 ?? ''));
    const dictionary = book.getWorksheet('变量说明')!;
    const entry = dictionary
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === '门店') as unknown[];
    expect(entry[2]).toBe('门店（导入属性）');
  }, 60_000);

  it.skipIf(!hasPspp)(
    'are SPSS variables with a variable label and value labels, as PSPP reads them',
    async () => {
      const out = await exportAs('sav', 'data.sav');
      // SPSS names are ASCII: the Chinese name lives on in the variable label.
      const store = spssName('门店');
      const syntax = path.join(dir, 'read.sps');
      const csv = path.join(dir, 'pspp.csv');
      fs.writeFileSync(
        syntax,
        `GET FILE='${out}'.\nDISPLAY DICTIONARY /VARIABLES=${store} Ref.\nSAVE TRANSLATE /OUTFILE='${csv}' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.\n`,
      );
      const run = spawnSync(
        'pspp',
        ['-O', 'format=csv', '-o', path.join(dir, 'dict.csv'), syntax],
        {
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr + run.stdout).toBe(0);
      const dictionary = fs.readFileSync(path.join(dir, 'dict.csv'), 'utf8');
      // A coded (numeric, nominal) variable and a text one, both labelled with the name.
      expect(dictionary).toMatch(
        new RegExp(`^${store},\\d+,门店（导入属性）,Nominal,Input,8,Right,F8\\.0`, 'm'),
      );
      expect(dictionary).toMatch(/^Ref,\d+,Ref（导入属性）,Nominal,Input,8,Left,A8/m);
      // The three stores are the value labels of codes 1-3 (sorted).
      const sorted = [...STORES].sort();
      expect(dictionary).toContain(
        `门店（导入属性）,1,${sorted[0]}\n,2,${sorted[1]}\n,3,${sorted[2]}`,
      );
      const rows = readCsv(csv);
      const at = rows[0]!.indexOf(store);
      const ref = rows[0]!.indexOf('Ref');
      const byId = new Map(rows.slice(1).map((r) => [r[0]!, r]));
      for (const [id, attributes] of planted) {
        expect(byId.get(id)![at]).toBe(attributes.门店);
        expect(byId.get(id)![ref]).toBe(attributes.Ref);
      }
    },
    60_000,
  );
});

describe('imported attributes as analysis segments', () => {
  it('compares the groups of an attribute, with the figures computed by hand', async () => {
    const result = await runAnalysis(
      fx.db,
      analysisRequest.parse({ surveyId: fx.demo.surveyId, waveIds: [handWave] }),
    );
    const segment = result.segments.find((s) => s.attribute === 'attr:批次门店')!;
    expect(segment).toBeDefined();
    // Every item answered 5, 4, 4 (甲店) and 3, 2, 3 (乙店): each respondent's index is that
    // answer, ×20 on 100 points: 甲店 100, 80, 80 -> mean 86.667; 乙店 60, 40, 60 -> 53.333.
    const group = (value: string) => segment.groups.find((g) => g.value === value)!;
    expect(group('甲店').n).toBe(3);
    expect(group('甲店').score100).toBeCloseTo(86.6667, 3);
    expect(group('乙店').score100).toBeCloseTo(53.3333, 3);
    expect(group('甲店').dimensions.responsiveness).toBeCloseTo(86.6667, 3);
    // Welch: both variances 133.33, SE = sqrt(133.33/3 + 133.33/3) = 9.428, t = 33.333 / 9.428
    // = 3.5355, df = 4 (equal variances and sizes); two-sided p = 0.0241 (t table, df 4).
    expect(segment.test.kind).toBe('welch');
    if (segment.test.kind === 'welch') {
      expect(Math.abs(segment.test.t)).toBeCloseTo(3.5355, 3);
      expect(segment.test.df).toBeCloseTo(4, 6);
      expect(segment.test.p).toBeCloseTo(0.0241, 3);
    }
    expect(result.attributeValues['attr:批次门店']).toEqual(['乙店', '甲店'].sort());
    expect(result.attributeValues['attr:门店']).toEqual([...STORES].sort());
    // An identifier (a value per respondent) is neither compared nor offered as a filter.
    expect(result.segments.some((s) => s.attribute === 'attr:Ref')).toBe(false);
    expect(result.attributeValues['attr:Ref']).toBeUndefined();
  }, 60_000);

  it('filters the analysis to one group of an attribute', async () => {
    const result = await runAnalysis(
      fx.db,
      analysisRequest.parse({
        surveyId: fx.demo.surveyId,
        segment: { attribute: 'attr:批次门店', value: '甲店' },
      }),
    );
    expect(result.cleaning.analysed).toBe(3);
    expect((result.index as ScoreStat).score100).toBeCloseTo(86.6667, 3);
    expect(() =>
      analysisRequest.parse({
        surveyId: fx.demo.surveyId,
        segment: { attribute: 'attr:', value: 'x' },
      }),
    ).toThrow();
  }, 60_000);

  it('names an imported attribute’s groups in the Word report’s group differences', async () => {
    const out = path.join(dir, 'segments.docx');
    await exportToFile(fx.db, {
      request: analysisRequest.parse({ surveyId: fx.demo.surveyId, waveIds: [handWave] }),
      format: 'docx',
      lang: 'zh-CN',
      path: out,
      labels: 'labels',
      encoding: 'utf8',
      includePersonal: false,
      sections: ['segments'],
    });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // p = 0.024 < 0.05: the difference is reported, under the attribute's own name.
    expect(text).toContain('批次门店');
    expect(text).toContain('甲店');
  }, 60_000);

  it('describes the sample by an imported attribute too', async () => {
    const out = path.join(dir, 'sample.docx');
    const request = analysisRequest.parse({ surveyId: fx.demo.surveyId, waveIds: [handWave] });
    await exportToFile(fx.db, {
      request,
      format: 'docx',
      lang: 'zh-CN',
      path: out,
      labels: 'labels',
      encoding: 'utf8',
      includePersonal: false,
      sections: ['sample'],
    });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    // The analysed respondents of the wave with each store, counted from what was planted.
    const analysed = new Set(
      (
        fx.db
          .prepare(
            `SELECT id FROM responses WHERE wave_id = ? AND status = 'complete' AND quality_flags = '[]'`,
          )
          .all(handWave) as { id: string }[]
      ).map((r) => r.id),
    );
    const counts = new Map<string, number>();
    for (const [id, attributes] of planted)
      if (analysed.has(id)) {
        const store = attributes.门店!;
        counts.set(store, (counts.get(store) ?? 0) + 1);
      }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(text).toContain('门店\n');
    for (const [store, n] of counts)
      expect(text).toContain(`${store}\n${n}\n${((n / total) * 100).toFixed(1)}%`);
  }, 60_000);
});
