/**
 * The sampling service on a real SQLite file: wave plans with defaults from the settings, a
 * stored draw, contact tracking with reminder dates on a fake clock, live response rates, and
 * call lists read back from the written XLSX and CSV files.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/connection';
import { exportCallList } from '../../main/sampling/export';
import { sampleFactsFor } from '../../main/sampling/report-facts';
import { samplingService } from '../../main/sampling/service';
import { getWavePlan, updateSamplingDefaults, updateWavePlan } from '../../main/sampling/waves';
import { sampleDesign } from '../../shared/sampling';
import { expectAppError } from '../helpers/db';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('sampling');
let db: Db;
let now: Date;
const clock = () => now;
let waveId: string;
let versionId: string;

function addCustomers(
  type: string,
  count: number,
  extra: { manager?: string; phone?: string } = {},
): string[] {
  const insert =
    db.prepare(`INSERT INTO customers (id, code, name, type, region, phone, account_manager, created_at, updated_at)
    VALUES (?, ?, ?, ?, '华东', ?, ?, '2026-01-01', '2026-01-01')`);
  const ids: string[] = [];
  const start = (db.prepare('SELECT count(*) FROM customers').pluck().get() as number) + 1;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const n = start + i;
    insert.run(
      id,
      `C2024${String(n).padStart(5, '0')}`,
      `客户${n}`,
      type,
      extra.phone ?? null,
      extra.manager ?? null,
    );
    ids.push(id);
  }
  return ids;
}

function completeResponse(customerId: string, status = 'complete', wave = waveId): void {
  db.prepare(
    `INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, channel, status, started_at, completed_at, updated_at)
    VALUES (?, ?, ?, ?, 'dev', 'interview', ?, '2026-11-23', '2026-11-23', '2026-11-23')`,
  ).run(randomUUID(), versionId, wave, customerId, status);
}

beforeEach(async () => {
  ({ db } = await openDatabase({
    path: tmp.join('app.sqlite'),
    backupsDir: tmp.join('backups'),
    create: true,
  }));
  now = new Date(2026, 10, 23, 9, 30); // 23 November 2026, 09:30 local time.
  const surveyId = randomUUID();
  versionId = randomUUID();
  waveId = randomUUID();
  db.prepare(
    `INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES (?, 'CS', '满意度', 'x', 'x')`,
  ).run(surveyId);
  db.prepare(
    `INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at) VALUES (?, ?, 1, 'published', '{}', 'x')`,
  ).run(versionId, surveyId);
  db.prepare(
    `INSERT INTO waves (id, survey_id, name, created_at) VALUES (?, ?, '2026 Q4', 'x')`,
  ).run(waveId, surveyId);
});

afterEach(() => db.close());

describe('wave plans', () => {
  it('starts from the sampling defaults: interview 80 %, online 60 %, reminders on days 3 and 5', () => {
    const plan = getWavePlan(db, waveId);
    expect(plan.targetRates).toEqual({ interview: 0.8, kiosk: 0.6, paper: 0.6, import: 0.6 });
    expect(plan.reminderDays).toEqual([3, 5]);
    expect(plan.channels).toEqual(['interview']);
  });

  it('takes changed defaults from the settings, and a wave keeps what it set itself', () => {
    updateSamplingDefaults(db, { targetRates: { import: 0.5 }, reminderDays: [5, 2] });
    expect(getWavePlan(db, waveId).targetRates.import).toBe(0.5);
    expect(getWavePlan(db, waveId).reminderDays).toEqual([2, 5]);
    updateWavePlan(db, { id: waveId, targetRates: { import: 0.7 }, reminderDays: [4] });
    updateSamplingDefaults(db, { targetRates: { import: 0.55 } });
    expect(getWavePlan(db, waveId).targetRates.import).toBe(0.7);
    expect(getWavePlan(db, waveId).reminderDays).toEqual([4]);
  });

  it('saves period, goal, channels and target figures', () => {
    const plan = updateWavePlan(db, {
      id: waveId,
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      goal: '响应速度得分从 3.5 提升到 4.2',
      channels: ['interview', 'import'],
      targetFigures: [{ metric: '响应及时性', baseline: 3.5, target: 4.2 }],
    });
    expect(plan).toMatchObject({
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      goal: '响应速度得分从 3.5 提升到 4.2',
      channels: ['interview', 'import'],
      targetFigures: [{ metric: '响应及时性', baseline: 3.5, target: 4.2 }],
    });
  });

  it('refuses a wave that ends before it starts', async () => {
    await expectAppError(
      Promise.resolve().then(() =>
        updateWavePlan(db, { id: waveId, startsOn: '2026-12-10', endsOn: '2026-12-01' }),
      ),
      'WAVE_PERIOD_INVALID',
    );
  });
});

describe('the stored sample', () => {
  it('stores the drawn sample with strata, weights and the customers’ account managers', () => {
    addCustomers('老客户', 120, { manager: '张伟' });
    addCustomers('高价值客户', 10, { manager: '李娜' });
    const service = samplingService(db, clock);
    const design = sampleDesign.parse({ strata: ['type'] });
    const plan = service.plan(waveId, design);
    expect(plan.strata.map((s) => [s.key, s.population, s.sampleSize])).toEqual([
      ['老客户', 120, 36], // 120 x 0.3 = 36
      ['高价值客户', 10, 10],
    ]);
    const view = service.draw(waveId, design, 99);
    expect(view.sample).toMatchObject({ seed: 99, population: 130, size: 46 });
    const old = view.members.filter((m) => m.stratum === '老客户');
    expect(old).toHaveLength(36);
    expect(old[0]!.weight).toBeCloseTo(120 / 36, 12);
    expect(old[0]!.accountManager).toBe('张伟');
    expect(
      view.members.every((m) => m.status === 'not_contacted' && m.channel === 'interview'),
    ).toBe(true);
    // The same seed again gives the same customers.
    const again = service.draw(waveId, design, 99);
    expect(again.members.map((m) => m.customerId).sort()).toEqual(
      view.members.map((m) => m.customerId).sort(),
    );
  });

  it('refuses to draw again once a contact was recorded', async () => {
    addCustomers('A', 5);
    const service = samplingService(db, clock);
    const design = sampleDesign.parse({});
    const view = service.draw(waveId, design, 1);
    service.contact(waveId, [view.members[0]!.customerId], 'reminded', '');
    await expectAppError(
      Promise.resolve().then(() => service.draw(waveId, design, 2)),
      'SAMPLE_STARTED',
    );
  });
});

describe('contact tracking', () => {
  it('records contacts with history, and makes reminders due on day 3 and day 5', () => {
    const [first, second] = addCustomers('A', 2);
    const service = samplingService(db, clock);
    service.draw(waveId, sampleDesign.parse({}), 1);
    let view = service.contact(waveId, [first!, second!], 'reminded', '首次电话邀请');
    const member = view.members.find((m) => m.customerId === first)!;
    expect(member.status).toBe('reminded');
    expect(member.remindersDue).toEqual(['2026-11-26', '2026-11-28']);
    expect(member.nextReminder).toBe('2026-11-26');

    now = new Date(2026, 10, 26, 10, 0); // Day 3: the first reminder is due.
    view = service.view(waveId);
    expect(view.today).toBe('2026-11-26');
    expect(view.members.find((m) => m.customerId === first)!.nextReminder).toBe('2026-11-26');

    view = service.contact(waveId, [first!], 'reminded', '第一次催办');
    expect(view.members.find((m) => m.customerId === first)!.nextReminder).toBe('2026-11-28');
    view = service.contact(waveId, [second!], 'interviewed', '');
    expect(view.members.find((m) => m.customerId === second)!.nextReminder).toBeNull();

    const history = service.history(waveId, first!);
    expect(history.map((e) => [e.status, e.note])).toEqual([
      ['reminded', '首次电话邀请'],
      ['reminded', '第一次催办'],
    ]);
  });

  it('refuses a forbidden move for the whole batch and changes nothing', async () => {
    const [a, b] = addCustomers('A', 2);
    const service = samplingService(db, clock);
    service.draw(waveId, sampleDesign.parse({}), 1);
    service.contact(waveId, [a!], 'interviewed', '');
    await expectAppError(
      Promise.resolve().then(() => service.contact(waveId, [b!, a!], 'refused', '')),
      'CONTACT_NOT_ALLOWED',
    );
    const view = service.view(waveId);
    expect(view.members.find((m) => m.customerId === b)!.status).toBe('not_contacted');
  });

  it('assigns account managers and channels in bulk', () => {
    const ids = addCustomers('A', 3);
    const service = samplingService(db, clock);
    service.draw(waveId, sampleDesign.parse({}), 1);
    service.assign(waveId, ids.slice(0, 2), '王芳');
    const view = service.setChannel(waveId, [ids[2]!], 'import');
    const byId = new Map(view.members.map((m) => [m.customerId, m]));
    expect([byId.get(ids[0]!)!.accountManager, byId.get(ids[1]!)!.accountManager]).toEqual([
      '王芳',
      '王芳',
    ]);
    expect(byId.get(ids[2]!)!.channel).toBe('import');
  });
});

describe('response rates', () => {
  it('counts only completed responses of sampled customers in this wave, live', () => {
    // 4 customers, all sampled (a stratum under 100 is surveyed in full).
    const ids = addCustomers('A', 4);
    const outsider = addCustomers('B', 1)[0]!;
    const service = samplingService(db, clock);
    service.draw(waveId, sampleDesign.parse({ strata: ['type'] }), 1);
    db.prepare('DELETE FROM sample_members WHERE customer_id = ?').run(outsider);
    service.setChannel(waveId, [ids[3]!], 'import');

    completeResponse(ids[0]!); // counts
    completeResponse(ids[1]!, 'in_progress'); // not complete: does not count
    completeResponse(outsider); // not sampled: does not count
    const otherWave = randomUUID();
    db.prepare(
      `INSERT INTO waves (id, survey_id, name, created_at) SELECT ?, survey_id, 'other', 'x' FROM waves WHERE id = ?`,
    ).run(otherWave, waveId);
    completeResponse(ids[2]!, 'complete', otherWave); // another wave: does not count
    completeResponse(ids[3]!); // counts (online)

    const rates = service.view(waveId).rates!;
    // 2 of 4 = 50 %; target (0.8 x 3 + 0.6) / 4 = 0.75.
    expect(rates.overall).toMatchObject({ sampled: 4, responded: 2, rate: 0.5 });
    expect(rates.overall.target).toBeCloseTo(0.75, 12);
    expect(rates.byChannel.map((r) => [r.key, r.sampled, r.responded, r.rate, r.target])).toEqual([
      ['import', 1, 1, 1, 0.6],
      ['interview', 3, 1, 1 / 3, 0.8],
    ]);
    completeResponse(ids[2]!); // now in this wave: the rate moves to 3 of 4.
    expect(service.view(waveId).rates!.overall.rate).toBe(0.75);
  });
});

describe('call lists', () => {
  it('writes XLSX and CSV lists with formula-like texts kept harmless', async () => {
    const ids = addCustomers('A', 3, { phone: '+86 138 0013 8000', manager: '=HYPERLINK("x")' });
    const service = samplingService(db, clock);
    service.draw(waveId, sampleDesign.parse({}), 1);
    service.contact(waveId, [ids[0]!], 'reminded', '');
    const view = service.view(waveId);

    const csvPath = tmp.join('list.csv');
    const rows = await exportCallList(view, {
      format: 'csv',
      lang: 'zh-CN',
      path: csvPath,
      filter: { status: 'not_contacted' },
    });
    expect(rows).toBe(2);
    expect(fs.existsSync(`${csvPath}.partial`)).toBe(false);
    const bytes = fs.readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('客户编号,客户名称,联系人,电话')).toBe(true);
    expect(lines[1]).toContain(",'+86 138 0013 8000,");
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('未联系');

    const xlsxPath = tmp.join('list.xlsx');
    expect(
      await exportCallList(view, { format: 'xlsx', lang: 'en', path: xlsxPath, filter: {} }),
    ).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Call list');
    expect(sheet.getRow(1).getCell(1).value).toBe('Customer ID');
    const phone = sheet.getRow(2).getCell(4);
    expect(phone.value).toBe('+86 138 0013 8000');
    expect(phone.numFmt).toBe('@');
    expect(sheet.rowCount).toBe(4);
  });
});

describe("the sample in the Word report's method section", () => {
  it('describes the design, the frame, the drawn and the completed customers of each wave', () => {
    addCustomers('老客户', 120);
    addCustomers('高价值客户', 10);
    const service = samplingService(db, clock);
    const design = sampleDesign.parse({ strata: ['type'], alwaysInclude: ['C202400001'] });
    const view = service.draw(waveId, design, 7);
    // Two sampled customers answered (one of them twice), one started but did not finish.
    const [a, b, c] = view.members.map((m) => m.customerId);
    completeResponse(a!);
    completeResponse(a!);
    completeResponse(b!);
    completeResponse(c!, 'in_progress');
    const otherWave = randomUUID();
    expect(sampleFactsFor('zh-CN')(db, [waveId, otherWave])).toEqual([
      {
        waveId,
        method:
          '按客户类型分层随机抽样，按样本量规则（大层按比例，小层全部或保底），1 个重点客户必选（随机种子 7）',
        frame: 130,
        drawn: 46, // 36 of 120 (30 %) and all 10 of the small stratum
        completed: 2,
      },
    ]);
    expect(sampleFactsFor('en')(db, [waveId])[0]!.method).toBe(
      'stratified random sample by type, sample-size rule (a share of large strata, small strata in full or a minimum), 1 strategic account always included (seed 7)',
    );
    expect(sampleFactsFor('en')(db, [otherWave])).toEqual([]);
  });
});
