/**
 * A 问卷星-style export ("1、question text" headers, labels as values, 提交答卷时间 / 所用时间 "125秒",
 * source and IP columns) read into a preview for the mapping screen, imported as online
 * responses; and the saved column mappings of the importers.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisRequest } from '../../shared/analysis';
import type { ImportResult, SavedMapping } from '../../shared/api/imports';
import { runAnalysis } from '../../main/analysis/engine';
import type { SurveyDetail } from '../../shared/surveys';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { call, publishedSurvey, toCsv } from './fixture';
import { wjxRows } from './wjx-fixture';

const tmp = useTempDir('wjx');
let services: RunningServices;
let survey: SurveyDetail;

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'));
  survey = await publishedSurvey(services);
});
afterEach(async () => {
  await services.close();
});

describe('the preview of a 问卷星 export', () => {
  it('recognises the numbered question texts and the tool’s own columns, and shows the first rows', async () => {
    const rows = wjxRows(survey.definition, 8);
    const dry = await call<ImportResult>(services, 'responses.importData', {
      surveyId: survey.id,
      fileName: '问卷星.csv',
      dataBase64: iconv.encode(toCsv(rows), 'gb18030').toString('base64'),
      dryRun: true,
    });
    expect(dry.problems).toEqual([]);
    expect(dry.imported).toBe(8);
    const field = new Map(dry.columns.map((c) => [c.column, c.field]));
    expect(field.get('序号')).toBe('id');
    expect(field.get('提交答卷时间')).toBe('end');
    expect(field.get('所用时间')).toBe('duration');
    expect(field.get('来源')).toBe('attribute');
    expect(field.get(rows[0]![6]!)).toBe('resp_1');
    expect(field.get(rows[0]![6 + 15]!)).toBe('overall');
    expect(dry.preview?.encoding).toBe('GB18030');
    expect(dry.preview?.headers).toEqual(rows[0]);
    // The first five data rows, as read (row 2 is the first after the header).
    expect(dry.preview?.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(dry.preview?.rows[0]?.cells).toEqual(rows[1]);
    expect(dry.preview?.targets).toEqual(
      expect.arrayContaining([
        'resp_1',
        'overall',
        'nps',
        'id',
        'end',
        'duration',
        'region',
        'attribute',
        'ignore',
      ]),
    );
    expect(services.ctx.db.prepare('SELECT count(*) AS n FROM responses').get()).toEqual({ n: 0 });
  });

  it('imports the rows as online responses with the times the tool gave', async () => {
    const rows = wjxRows(survey.definition, 3);
    const result = await call<ImportResult>(services, 'responses.importData', {
      surveyId: survey.id,
      fileName: '问卷星.csv',
      dataBase64: Buffer.from(toCsv(rows)).toString('base64'),
      waveName: '2026年第一季度',
      dryRun: false,
    });
    expect(result.problems).toEqual([]);
    const stored = services.ctx.db
      .prepare(
        `SELECT r.channel, r.started_at, r.completed_at, w.name AS wave FROM responses r JOIN waves w ON w.id = r.wave_id ORDER BY r.completed_at`,
      )
      .all() as { channel: string; started_at: string; completed_at: string; wave: string }[];
    expect(stored).toHaveLength(3);
    // Submitted 2026-03-02 10:15 local after 300 s: started at 10:10:00.
    expect(stored[0]).toEqual({
      channel: 'import',
      started_at: new Date(2026, 2, 2, 10, 10, 0).toISOString(),
      completed_at: new Date(2026, 2, 2, 10, 15, 0).toISOString(),
      wave: '2026年第一季度',
    });
    const overall = services.ctx.db
      .prepare(`SELECT value_num FROM answers WHERE variable = 'resp_1' ORDER BY value_num`)
      .all();
    // Row r answers point (r % 5) + 1 for the first item: 1, 2, 3.
    expect(overall).toEqual([{ value_num: 1 }, { value_num: 2 }, { value_num: 3 }]);

    // Analysed with the rest, on the online channel: resp_1 has n = 3 and mean (1 + 2 + 3) / 3 = 2,
    // 40 of 100 on the documents' mean/5 x 100 conversion.
    const analysis = await runAnalysis(
      services.ctx.db,
      analysisRequest.parse({ surveyId: survey.id, channel: 'import', quality: 'all' }),
    );
    const item = analysis.items.find((i) => i.name === 'resp_1')?.score;
    expect(item?.ok && [item.n, item.mean, item.score100]).toEqual([3, 2, 40]);
  });

  it('has no preview when the file cannot be read', async () => {
    const result = await call<ImportResult>(services, 'responses.importData', {
      surveyId: survey.id,
      fileName: 'x.xlsx',
      dataBase64: Buffer.from('not a zip').toString('base64'),
      dryRun: true,
    });
    expect(result.problems.map((p) => p.code)).toEqual(['not_a_workbook']);
    expect(result.preview).toBeUndefined();
  });
});

describe('saved column mappings', () => {
  it('saves, replaces, lists by name and deletes per importer', async () => {
    await call(services, 'imports.saveMapping', {
      kind: 'customers',
      name: 'CRM 月度导出',
      map: { 客户状态: 'stage' },
    });
    await call(services, 'imports.saveMapping', {
      kind: 'customers',
      name: 'CRM 月度导出',
      map: { 客户状态: 'stage', 阶段: 'ignore' },
    });
    await call(services, 'imports.saveMapping', { kind: 'customers', name: 'A 表', map: {} });
    await call(services, 'imports.saveMapping', {
      kind: 'responses',
      name: '问卷星',
      map: { 来源: 'ignore' },
    });
    const customers = await call<SavedMapping[]>(services, 'imports.mappings', {
      kind: 'customers',
    });
    expect(customers.map((m) => [m.name, m.map])).toEqual([
      ['A 表', {}],
      ['CRM 月度导出', { 客户状态: 'stage', 阶段: 'ignore' }],
    ]);
    const left = await call<SavedMapping[]>(services, 'imports.deleteMapping', {
      kind: 'customers',
      name: 'A 表',
    });
    expect(left.map((m) => m.name)).toEqual(['CRM 月度导出']);
    expect(
      (await call<SavedMapping[]>(services, 'imports.mappings', { kind: 'responses' })).map(
        (m) => m.name,
      ),
    ).toEqual(['问卷星']);
  });

  it('refuses a customer mapping to a field the register does not have', async () => {
    const result = await services.dispatch('customerRegister.importList', {
      fileName: 'a.csv',
      dataBase64: '',
      map: { 客户状态: 'status' },
      dryRun: true,
    });
    expect(result.ok).toBe(false);
  });
});

describe('customers named by imported responses', () => {
  it('stores their stage as the register does', async () => {
    const rows = wjxRows(survey.definition, 2).map((row, i) =>
      i === 0 ? [...row, '客户编号', '客户阶段'] : [...row, `C00${i}`, i === 1 ? 'Stable' : '续约'],
    );
    const result = await call<ImportResult>(services, 'responses.importData', {
      surveyId: survey.id,
      fileName: '问卷星.csv',
      dataBase64: Buffer.from(toCsv(rows)).toString('base64'),
      dryRun: false,
    });
    expect(result.problems).toEqual([]);
    expect(
      services.ctx.db.prepare('SELECT code, stage FROM customers ORDER BY code').all(),
    ).toEqual([
      { code: 'C001', stage: '稳定期' },
      { code: 'C002', stage: '续约期' },
    ]);
  });
});
