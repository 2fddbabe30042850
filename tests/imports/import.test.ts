/**
 * Importing responses through the real services on a temporary database: what is stored, what
 * is refused, and that a refusal or a dry run leaves the database exactly as it was.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/imports';
import type { ApiError } from '../../shared/errors';
import type { QualityFlag } from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import {
  LIKERTS,
  SCALE,
  call,
  count,
  goodRows,
  publishedSurvey,
  runImport,
  snapshot,
  toCsv,
} from './fixture';

const tmp = useTempDir('imports');
let services: RunningServices;
let survey: SurveyDetail;

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'));
  survey = await publishedSurvey(services);
});
afterEach(async () => {
  await services.close();
});

const local = (y: number, m: number, d: number, h: number, mi: number, s = 0) =>
  new Date(y, m - 1, d, h, mi, s).toISOString();

const csvImport = (rows: string[][], extra: Partial<Parameters<typeof runImport>[1]> = {}) =>
  runImport(services, {
    surveyId: survey.id,
    fileName: 'responses.csv',
    data: Buffer.from(toCsv(rows)),
    ...extra,
  });

const codes = (result: ImportResult) => result.problems.map((p) => p.code);

describe('importing a CSV of responses', () => {
  it('stores each row as a complete import response with its answers, customer and attributes', async () => {
    const result = await csvImport(goodRows());
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(2);
    const rows = services.ctx.db
      .prepare(
        `SELECT r.channel, r.status, r.consent, r.device_id, r.started_at, r.completed_at, r.attributes, c.code, c.name, c.type, c.region
         FROM responses r JOIN customers c ON c.id = r.customer_id ORDER BY r.started_at`,
      )
      .all();
    const deviceId = (await call<{ deviceId: string }>(services, 'app.info', {})).deviceId;
    expect(rows).toEqual([
      {
        channel: 'import',
        status: 'complete',
        consent: null,
        device_id: deviceId,
        started_at: local(2026, 3, 2, 9, 0),
        completed_at: local(2026, 3, 2, 9, 1, 5),
        attributes: JSON.stringify({ 来源: '微信' }),
        code: 'C001',
        name: 'C001',
        type: '新客户',
        region: '华东',
      },
      expect.objectContaining({
        code: 'C002',
        type: '老客户',
        region: '华南',
        attributes: JSON.stringify({ 来源: '网页' }),
      }),
    ]);
    const history = services.ctx.db
      .prepare('SELECT action, comment, new_value FROM response_history ORDER BY new_value')
      .all();
    expect(history).toEqual([
      {
        action: 'import',
        comment: 'responses.csv',
        new_value: JSON.stringify({ file: 'responses.csv', row: 2, id: 'R1' }),
      },
      {
        action: 'import',
        comment: 'responses.csv',
        new_value: JSON.stringify({ file: 'responses.csv', row: 3, id: 'R2' }),
      },
    ]);
    const first = await call<{ items: { id: string }[] }>(services, 'responses.list', {
      surveyId: survey.id,
    });
    const record = await call<{ answers: Record<string, unknown> }>(services, 'responses.get', {
      id: first.items[1]!.id,
    });
    expect(record.answers).toMatchObject({
      resp_1: 1,
      overall: SCALE[15],
      nps: 9,
      service_type: ['consult', 'complaint'],
      callback: 'no',
      site_clean: 4,
      visits: 3,
      // The questionnaire asks for the customer id: the customer column answers it.
      customer_id: 'C001',
    });
  });

  it('reads the columns by their Chinese and English names alike', async () => {
    const zh = await csvImport(goodRows('zh'));
    const stored = snapshot(services);
    await services.close();
    services = await startTestServices(tmp.join('english.sqlite'));
    survey = await publishedSurvey(services);
    const en = await csvImport(goodRows('en'));
    expect(snapshot(services)).toEqual(stored);
    expect(en.columns.slice(0, 6).map((c) => c.field)).toEqual([
      'id',
      'customer',
      'type',
      'region',
      'start',
      'end',
    ]);
    expect(zh.columns.slice(0, 6).map((c) => c.field)).toEqual([
      'id',
      'customer',
      'type',
      'region',
      'start',
      'end',
    ]);
  });

  it('recognises a question by its text, as online tools write headers', async () => {
    const rows = goodRows();
    rows[0]![6] = '1、服务人员能够及时响应我的咨询或需求';
    rows[0]![21] = 'Q17. Overall, how satisfied are you with our service?';
    const result = await csvImport(rows);
    expect(result.problems).toEqual([]);
    expect(result.columns[6]).toEqual({
      column: '1、服务人员能够及时响应我的咨询或需求',
      field: 'resp_1',
    });
    expect(result.columns[21]!.field).toBe('overall');
  });

  it('takes choices by code or by label in any survey language, and scale points by their labels', async () => {
    const byCode = await csvImport(goodRows());
    const codesStored = snapshot(services);
    expect(byCode.imported).toBe(2);
    await services.close();
    services = await startTestServices(tmp.join('labels.sqlite'));
    survey = await publishedSurvey(services);
    const rows = goodRows();
    rows[1]![23] = '咨询┋Complaint';
    rows[1]![24] = '不需要';
    rows[2]![23] = 'After-sales';
    rows[2]![24] = 'No, thank you';
    rows[1]![6] = '非常不同意';
    rows[2]![6] = 'Strongly disagree';
    const byLabel = await csvImport(rows);
    expect(byLabel.problems).toEqual([]);
    expect(snapshot(services)).toEqual(codesStored);
  });

  it('reads multiple choice as "a;b", "a b" or one 0/1 column per option', async () => {
    const rows = goodRows();
    rows[1]![23] = 'consult complaint';
    const spaced = await csvImport(rows.slice(0, 2));
    expect(spaced.problems).toEqual([]);
    const perOption = goodRows().map((row, i) => {
      const cells = [...row];
      cells.splice(
        23,
        1,
        ...(i === 0
          ? ['service_type_consult', 'service_type_complaint', 'service_type_training']
          : i === 1
            ? ['1', '1', '0']
            : ['0', '0', '1']),
      );
      cells[0] = i === 0 ? cells[0]! : `P${i}`;
      return cells;
    });
    const result = await csvImport(perOption);
    expect(result.problems).toEqual([]);
    expect(
      result.columns.filter((c) => c.column.startsWith('service_type')).map((c) => c.field),
    ).toEqual(['service_type_consult', 'service_type_complaint', 'service_type_training']);
    const values = services.ctx.db
      .prepare("SELECT value_json FROM answers WHERE variable = 'service_type' ORDER BY value_json")
      .pluck()
      .all();
    expect(values).toEqual(['["consult","complaint"]', '["consult","complaint"]', '["training"]']);
  });

  it('takes the times from a duration column as well as from start and end', async () => {
    await csvImport(goodRows());
    const fromEnd = snapshot(services);
    await services.close();
    services = await startTestServices(tmp.join('duration.sqlite'));
    survey = await publishedSurvey(services);
    const rows = goodRows().map((row, i) => [
      ...row.slice(0, 5),
      i === 0 ? '所用时间' : i === 1 ? '65秒' : '0:10:00',
      ...row.slice(6),
    ]);
    const result = await csvImport(rows);
    expect(result.problems).toEqual([]);
    expect(snapshot(services)).toEqual(fromEnd);
  });

  it('reads a duration in minutes when its header says so, and counts back from the end', async () => {
    const rows = goodRows().map((row, i) => [
      ...row.slice(0, 4),
      ...row.slice(5, 6),
      i === 0 ? 'Duration (in minutes)' : '2.5',
      ...row.slice(6),
    ]);
    const result = await csvImport(rows);
    expect(result.problems).toEqual([]);
    const times = services.ctx.db
      .prepare('SELECT started_at, completed_at FROM responses ORDER BY completed_at')
      .all();
    expect(times[0]).toEqual({
      started_at: local(2026, 3, 2, 8, 58, 35),
      completed_at: local(2026, 3, 2, 9, 1, 5),
    });
  });

  it('leaves the completion time empty when a file gives one time and no duration, and says so', async () => {
    const rows = goodRows().map((row) => [...row.slice(0, 5), ...row.slice(6)]);
    const result = await csvImport(rows);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('no_duration');
    const times = services.ctx.db
      .prepare('SELECT started_at, completed_at, quality_flags FROM responses ORDER BY started_at')
      .all();
    expect(times[0]).toEqual({
      started_at: local(2026, 3, 2, 9, 0),
      completed_at: null,
      quality_flags: '[]',
    });
  });

  it('flags imported speeders as too fast, and the same customer twice in a wave as a duplicate', async () => {
    const rows = goodRows();
    rows.push([
      'R3',
      'C001',
      '新客户',
      '华东',
      '2026-03-03 09:00:00',
      '2026-03-03 09:20:00',
      ...SCALE.map(String),
      '8',
      'training',
      'no',
      '3',
      '1',
      '微信',
    ]);
    const result = await csvImport(rows, { waveName: '2026 Q1' });
    expect(result.problems).toEqual([]);
    const flags = services.ctx.db
      .prepare(
        'SELECT r.quality_flags, w.name FROM responses r JOIN waves w ON w.id = r.wave_id ORDER BY r.started_at',
      )
      .all() as { quality_flags: string; name: string }[];
    expect(flags.map((f) => f.name)).toEqual(['2026 Q1', '2026 Q1', '2026 Q1']);
    const rules = flags.map((f) =>
      (JSON.parse(f.quality_flags) as QualityFlag[]).map((q) => q.rule),
    );
    expect(rules).toEqual([['too_fast'], [], ['duplicate']]);
    expect(result.warnings.map((w) => w.code)).toContain('wave_created');
  });

  it('puts the responses into an existing wave of that name', async () => {
    const wave = await call<{ id: string }>(services, 'waves.create', {
      surveyId: survey.id,
      name: '2026 Q1',
    });
    await csvImport(goodRows(), { waveName: '2026 Q1' });
    expect(count(services, 'waves')).toBe(1);
    expect(services.ctx.db.prepare('SELECT DISTINCT wave_id FROM responses').pluck().all()).toEqual(
      [wave.id],
    );
  });
});

describe('refusing a file that does not fit', () => {
  it('stores nothing when one row among good ones has a bad value, and names its row and column', async () => {
    const rows = goodRows();
    rows.push([
      'R3',
      'C003',
      '新客户',
      '华北',
      '2026-03-03 09:00:00',
      '2026-03-03 09:20:00',
      ...SCALE.map(String),
      '11',
      'consult',
      'maybe',
      '9',
      '1',
      '',
    ]);
    const result = await csvImport(rows, { waveName: 'Q1' });
    expect(result.imported).toBe(0);
    expect(result.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
      [4, 'nps', '11', 'out_of_scale'],
      [4, 'callback', 'maybe', 'unknown_choice'],
      [4, 'site_clean', '9', 'out_of_scale'],
    ]);
    expect(result.problems[1]!.message).toBe(
      '“maybe” is not a choice of callback (choices: phone, no).',
    );
    for (const table of [
      'responses',
      'answers',
      'customers',
      'waves',
      'response_history',
    ] as const) {
      expect(count(services, table)).toBe(0);
    }
  });

  it('reports every problem of the file in the chosen language', async () => {
    const rows = goodRows();
    rows[1]![4] = '2026-13-01 09:00';
    rows[2]![5] = '2026-03-02 09:00:00';
    rows[2]![LIKERTS.length + 5] = '六';
    const result = await runImport(
      services,
      { surveyId: survey.id, fileName: 'a.csv', data: Buffer.from(toCsv(rows)) },
      'zh-CN',
    );
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '开始时间', 'bad_time'],
      [3, '结束时间', 'end_before_start'],
      [3, 'overall', 'out_of_scale'],
    ]);
    expect(result.problems[2]!.message).toBe('不在 1–5 的量表范围内。');
  });

  it('refuses numbers outside a question’s limits, unknown channels, and rows that declined consent', async () => {
    const rows = goodRows().map((row, i) => [
      ...row,
      i === 0 ? 'channel' : i === 1 ? 'fax' : '纸质',
      i === 0 ? '知情同意' : i === 1 ? '是' : '否',
    ]);
    rows[1]![26] = '101';
    const result = await csvImport(rows);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'visits', 'above_max'],
      [2, 'channel', 'unknown_channel'],
      [3, '知情同意', 'consent_refused'],
    ]);
  });

  it('refuses a file without any questionnaire column, and a --map naming what does not exist', async () => {
    const none = await csvImport([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(codes(none)).toEqual(['no_answer_columns']);
    const badMap = await csvImport(goodRows(), {
      map: { 'No such column': 'resp_1', 来源: 'no_such_variable' },
    });
    expect(codes(badMap)).toEqual(['map_no_column', 'map_unknown_target']);
    expect(count(services, 'responses')).toBe(0);
  });

  it('refuses two columns for the same variable', async () => {
    const rows = goodRows().map((row, i) => [...row, i === 0 ? 'NPS' : '5']);
    const result = await csvImport(rows);
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([['NPS', 'column_twice']]);
  });

  it('refuses a survey with no published version', async () => {
    const draft = await call<SurveyDetail>(services, 'surveys.create', {
      template: 'after-sales',
      language: 'zh-CN',
    });
    const result = await services.dispatch('responses.importData', {
      surveyId: draft.id,
      fileName: 'a.csv',
      dataBase64: Buffer.from(toCsv(goodRows())).toString('base64'),
      dryRun: false,
    });
    expect(result.ok).toBe(false);
    expect((result as { error: ApiError }).error.code).toBe('NOT_PUBLISHED');
  });

  it('refuses files it cannot read as a table', async () => {
    const pdf = await runImport(services, {
      surveyId: survey.id,
      fileName: 'a.pdf',
      data: Buffer.from('%PDF'),
    });
    expect(codes(pdf)).toEqual(['unsupported_type']);
    const fake = await runImport(services, {
      surveyId: survey.id,
      fileName: 'a.xlsx',
      data: Buffer.from('not a zip'),
    });
    expect(codes(fake)).toEqual(['not_a_workbook']);
    const quote = await runImport(services, {
      surveyId: survey.id,
      fileName: 'a.csv',
      data: Buffer.from('nps,overall\n9,"4\n'),
    });
    expect(codes(quote)).toEqual(['csv_syntax']);
  });
});

describe('dry runs and importing the same file again', () => {
  it('checks a file without storing anything on a dry run', async () => {
    const result = await csvImport(goodRows(), { dryRun: true, waveName: 'Q1' });
    expect(result).toMatchObject({ imported: 2, problems: [] });
    for (const table of [
      'responses',
      'answers',
      'customers',
      'waves',
      'response_history',
    ] as const) {
      expect(count(services, table)).toBe(0);
    }
  });

  it('refuses ids imported before, and ids twice in one file; a voided response may be imported again', async () => {
    await csvImport(goodRows());
    const again = await csvImport(goodRows());
    expect(again.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
      [2, '答卷编号', 'R1', 'already_imported'],
      [3, '答卷编号', 'R2', 'already_imported'],
    ]);
    expect(again.problems[0]!.message).toContain('responses.csv');
    expect(count(services, 'responses')).toBe(2);

    const twice = goodRows();
    twice[2]![0] = 'R9';
    twice.push([...twice[2]!]);
    expect((await csvImport(twice)).problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'already_imported'],
      [4, 'duplicate_id'],
    ]);

    const ids = services.ctx.db.prepare('SELECT id FROM responses').pluck().all() as string[];
    for (const id of ids) await call(services, 'responses.void', { id, reason: 'wrong file' });
    expect((await csvImport(goodRows())).imported).toBe(2);
  });

  it('imports a file without an id column twice, with a warning that it cannot tell', async () => {
    const rows = goodRows().map((row) => row.slice(1));
    const first = await csvImport(rows, { waveName: 'Q1' });
    expect(first.warnings.map((w) => w.code)).toContain('no_id_column');
    await csvImport(rows, { waveName: 'Q1' });
    const flags = services.ctx.db
      .prepare('SELECT quality_flags FROM responses ORDER BY started_at, updated_at')
      .pluck()
      .all() as string[];
    expect(flags.filter((f) => f.includes('"duplicate"'))).toHaveLength(2);
  });
});

describe('customers and attributes', () => {
  it('fills only the empty fields of a known customer and keeps the register’s values', async () => {
    await call(services, 'customers.create', {
      code: 'C002',
      name: '华南贸易',
      type: '高价值客户',
      region: null,
    });
    const result = await csvImport(goodRows());
    expect(result.warnings.find((w) => w.code === 'customer_conflict')?.params).toEqual({
      code: 'C002',
      field: 'type',
      value: '老客户',
      stored: '高价值客户',
    });
    expect(result.warnings.find((w) => w.code === 'new_customers')?.params).toEqual({ count: 1 });
    const customer = services.ctx.db
      .prepare("SELECT name, type, region FROM customers WHERE code = 'C002'")
      .get();
    expect(customer).toEqual({ name: '华南贸易', type: '高价值客户', region: '华南' });
    expect(count(services, 'customers')).toBe(2);
  });

  it('keeps customer details of rows without a customer id with the response', async () => {
    const rows = goodRows();
    rows[1]![1] = '';
    const result = await csvImport(rows);
    expect(result.warnings.map((w) => w.code)).toContain('attributes_without_customer');
    const attributes = services.ctx.db
      .prepare('SELECT attributes FROM responses WHERE customer_id IS NULL')
      .pluck()
      .get();
    expect(JSON.parse(attributes as string)).toEqual({
      来源: '微信',
      type: '新客户',
      region: '华东',
    });
  });

  it('records consent only when a consent column says yes, and takes the channel from its column', async () => {
    const rows = goodRows().map((row, i) => [
      ...row,
      i === 0 ? 'consent' : i === 1 ? 'yes' : '',
      i === 0 ? '渠道' : i === 1 ? '纸质' : '',
    ]);
    await csvImport(rows);
    const stored = services.ctx.db
      .prepare('SELECT consent, channel FROM responses ORDER BY started_at')
      .all() as { consent: string | null; channel: string }[];
    expect(JSON.parse(stored[0]!.consent!)).toEqual({
      given: true,
      method: 'tapped',
      versionNo: 1,
      givenAt: local(2026, 3, 2, 9, 0),
    });
    expect(stored[0]!.channel).toBe('paper');
    expect(stored[1]).toEqual({ consent: null, channel: 'import' });
  });
});

describe('--map and the contract method', () => {
  it('maps columns whose names say nothing, and ignores the ones mapped to ignore', async () => {
    const rows = goodRows();
    rows[0]![0] = 'Q0';
    rows[0]![21] = '总分';
    rows[0]![22] = '推荐';
    const result = await csvImport(rows, {
      map: { Q0: 'id', 总分: 'overall', 推荐: 'nps', 来源: 'ignore' },
    });
    expect(result.problems).toEqual([]);
    expect(result.columns.filter((c) => ['Q0', '总分', '推荐', '来源'].includes(c.column))).toEqual(
      [
        { column: 'Q0', field: 'id' },
        { column: '总分', field: 'overall' },
        { column: '推荐', field: 'nps' },
        { column: '来源', field: 'ignore' },
      ],
    );
    expect(
      services.ctx.db.prepare('SELECT DISTINCT attributes FROM responses').pluck().all(),
    ).toEqual(['{}']);
  });

  it('imports through responses.importData with the file as base64', async () => {
    const result = await services.dispatch('responses.importData', {
      surveyId: survey.id,
      fileName: 'responses.csv',
      dataBase64: Buffer.from(toCsv(goodRows())).toString('base64'),
      waveName: 'Q1',
      dryRun: false,
    });
    expect(result.ok && (result.value as ImportResult).imported).toBe(2);
    const bad = await services.dispatch('responses.importData', {
      surveyId: survey.id,
      fileName: 'a.csv',
      dataBase64: 'not base64!',
      dryRun: true,
    });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('text encodings', () => {
  /** The same table in each encoding a CSV may come in; each into a fresh database. */
  const ENCODINGS: [string, (text: string) => Buffer][] = [
    ['UTF-8 with a BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
    ['UTF-8 without a BOM', (t) => Buffer.from(t)],
    [
      'UTF-16LE with a BOM',
      (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]),
    ],
    ['GBK', (t) => iconv.encode(t, 'gbk')],
  ];

  it('stores the same responses from UTF-8 (BOM or not), UTF-16LE and GBK files', async () => {
    const text = toCsv(goodRows());
    const results: unknown[] = [];
    for (const [name, encode] of ENCODINGS) {
      await services.close();
      services = await startTestServices(tmp.join(`${name.replace(/\W/g, '-')}.sqlite`));
      survey = await publishedSurvey(services);
      const result = await runImport(services, {
        surveyId: survey.id,
        fileName: 'r.csv',
        data: encode(text),
      });
      expect(result.problems, name).toEqual([]);
      results.push(snapshot(services));
    }
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    expect(JSON.stringify(results[0])).toContain('华东');
  });

  it('reads Excel’s “Unicode text”: UTF-16LE with a BOM, tab-separated', async () => {
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(toCsv(goodRows(), '\t'), 'utf-16le'),
    ]);
    const result = await runImport(services, { surveyId: survey.id, fileName: 'export.txt', data });
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(2);
    expect(result.warnings.find((w) => w.code === 'encoding')?.params).toEqual({
      encoding: 'UTF-16LE',
    });
  });
});
