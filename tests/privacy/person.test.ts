/** Finding a respondent across surveys and exporting everything about them. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../main/api/context';
import type { RunningServices } from '../../main/services/start';
import type { PersonRecord } from '../../shared/privacy';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { buildWorld, insertResponse, ZHANG_EMAIL, ZHANG_PHONE, type PrivacyWorld } from './fixture';

describe('searching and exporting a person', () => {
  const temp = useTempDir('privacy-person');
  let services: RunningServices;
  let world: PrivacyWorld;
  let saveTo: string | null = null;
  const platform: Platform = {
    openFile: () => Promise.resolve(null),
    saveFile: () => Promise.resolve(saveTo),
  };

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.dispatch(method, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'), { platform });
    world = buildWorld(services);
  });
  afterEach(async () => {
    await services.close();
  });

  it('finds the customer and the typed-in phone number in both surveys, whatever the spacing', async () => {
    const result = await call<{
      customers: { id: string; matched: string[] }[];
      responses: {
        id: string;
        surveyTitle: string;
        matched: string[];
        matchedVariable: string | null;
      }[];
    }>('privacy.search', { query: '138-0013-8000' });
    expect(result.customers.map((c) => c.id)).toEqual([world.zhang]);
    expect(result.customers[0]!.matched).toEqual(['phone']);
    const ids = result.responses.map((r) => r.id).sort();
    expect(ids).toEqual([world.zhangA, world.typedB].sort());
    const typed = result.responses.find((r) => r.id === world.typedB)!;
    expect(typed.surveyTitle).toBe('2026 展会访客调查');
    expect(typed.matched).toEqual(['answer']);
    expect(typed.matchedVariable).toBe('phone');
    const linked = result.responses.find((r) => r.id === world.zhangA)!;
    expect(linked.surveyTitle).toBe('2026 客户服务满意度调查');
    expect(linked.matched).toContain('phone');
    expect(linked.matched).toContain('answer');
  });

  it('finds by customer code, contact name and e-mail, and not by a number that is only a score', async () => {
    const byCode = await call<{ customers: { id: string }[] }>('privacy.search', {
      query: 'c2026-0002',
    });
    expect(byCode.customers.map((c) => c.id)).toEqual([world.li]);
    const byName = await call<{ customers: { id: string }[]; responses: { id: string }[] }>(
      'privacy.search',
      { query: '张' },
    );
    expect(byName.customers.map((c) => c.id)).toEqual([world.zhang]);
    // 张先生 typed into survey B matches too: a name typed into a personal-data question.
    expect(byName.responses.map((r) => r.id).sort()).toEqual([world.zhangA, world.typedB].sort());
    const byMail = await call<{ customers: { id: string }[] }>('privacy.search', {
      query: 'ZHANG.WEI@example.cn',
    });
    expect(byMail.customers.map((c) => c.id)).toEqual([world.zhang]);
    const nothing = await call<{ customers: unknown[]; responses: unknown[] }>('privacy.search', {
      query: '99999',
    });
    expect(nothing.customers).toEqual([]);
    expect(nothing.responses).toEqual([]);
  });

  it('does not search answers to questions that are not personal data', async () => {
    insertResponse(services.ctx.db, {
      versionId: world.surveyA.versionId,
      waveId: null,
      customerId: null,
      at: '2026-05-11T00:00:00.000Z',
      answers: { improve: '请联系 13800138000 的张伟' },
    });
    const result = await call<{ responses: { id: string }[] }>('privacy.search', {
      query: ZHANG_PHONE,
    });
    expect(result.responses.map((r) => r.id).sort()).toEqual([world.zhangA, world.typedB].sort());
  });

  it('finds a phone number in an imported column or an interviewer note', async () => {
    const imported = insertResponse(services.ctx.db, {
      versionId: world.surveyB.versionId,
      waveId: null,
      customerId: null,
      at: '2026-07-01T00:00:00.000Z',
      answers: { overall: 3 },
    });
    services.ctx.db
      .prepare('UPDATE responses SET attributes = ? WHERE id = ?')
      .run(JSON.stringify({ 手机号: '138-0013-8000', 来源: '微信' }), imported);
    const result = await call<{ responses: { id: string; matched: string[] }[] }>(
      'privacy.search',
      {
        query: '+86 13800138000',
      },
    );
    expect(result.responses.find((r) => r.id === imported)?.matched).toEqual(['attributes']);
    expect(result.responses.find((r) => r.id === world.zhangA)?.matched).toEqual([
      'phone',
      'answer',
      'notes',
    ]);
  });

  it('collects the customer, every response with labelled answers, consent and history', async () => {
    const record = await call<PersonRecord>('privacy.person', {
      subject: { customerIds: [world.zhang], responseIds: [world.typedB] },
    });
    expect(record.customers).toHaveLength(1);
    expect(record.customers[0]).toMatchObject({
      phone: ZHANG_PHONE,
      email: ZHANG_EMAIL,
      contact: '张伟',
    });
    expect(record.responses.map((r) => r.id).sort()).toEqual([world.zhangA, world.typedB].sort());
    const a = record.responses.find((r) => r.id === world.zhangA)!;
    expect(a.consent).toEqual({
      given: true,
      method: 'verbal',
      versionNo: 1,
      givenAt: '2026-05-10T02:00:00.000Z',
    });
    expect(a.waveName).toBe('2026 上半年');
    // The system language of the test is English: labels come from the survey's English texts.
    const callback = a.answers.find((x) => x.variable === 'callback')!;
    expect(callback).toMatchObject({ value: 'phone', label: 'Yes, by phone', personal: false });
    const service = a.answers.find((x) => x.variable === 'service_type')!;
    expect(service.value).toEqual(['consult', 'training']);
    expect(a.answers.find((x) => x.variable === 'phone')).toMatchObject({
      personal: true,
      label: '13800138000',
    });
    expect(a.history).toEqual([
      expect.objectContaining({ action: 'edit', variable: 'phone', oldValue: '"13800000000"' }),
    ]);
    expect(a.notes).toContain('13800138000');
  });

  it('includes rows of other tables that point at the person, such as follow-ups', async () => {
    services.ctx.db
      .prepare(
        `INSERT INTO improvement_follow_ups (id, survey_id, response_id, customer_id, reason, detail, urgent, status, raised_at)
         VALUES ('f0000000-0000-4000-8000-000000000001', ?, ?, ?, 'callback', 'callback=phone', 0, 'open', '2026-05-11T00:00:00.000Z')`,
      )
      .run(world.surveyA.id, world.zhangA, world.zhang);
    const record = await call<PersonRecord>('privacy.person', {
      subject: { customerIds: [world.zhang], responseIds: [] },
    });
    expect(record.linked).toEqual([
      {
        table: 'improvement_follow_ups',
        rows: [expect.objectContaining({ response_id: world.zhangA, reason: 'callback' })],
      },
    ]);
  });

  it('writes a JSON export with everything and logs the export without personal values', async () => {
    saveTo = temp.join('zhang.json');
    const result = await call<{ path: string }>('privacy.export', {
      subject: { customerIds: [world.zhang], responseIds: [] },
      format: 'json',
    });
    expect(result.path).toBe(saveTo);
    const record = JSON.parse(fs.readFileSync(saveTo, 'utf8')) as PersonRecord;
    expect(record.customers[0]!.phone).toBe(ZHANG_PHONE);
    expect(record.responses.map((r) => r.id)).toEqual([world.zhangA]);
    expect(record.responses[0]!.answers.map((a) => a.variable)).toEqual(
      expect.arrayContaining(['overall', 'nps', 'improve', 'callback', 'contact_name', 'phone']),
    );
    const audit = services.ctx.db
      .prepare<[], { detail: string }>(
        `SELECT detail FROM audit_log WHERE action = 'privacy.export'`,
      )
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).not.toContain('13800138000');
    expect(audit[0]!.detail).not.toContain('张伟');
  });

  it('writes an Excel export whose sheets hold the record, the labelled answers and the history', async () => {
    saveTo = temp.join('zhang.xlsx');
    await call('privacy.export', {
      subject: { customerIds: [world.zhang], responseIds: [world.typedB] },
      format: 'xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saveTo);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Person',
      'Responses',
      'Answers',
      'Edit history',
      'Samples',
      'Contacts',
      'Follow-ups',
      'Problems',
      'Other records',
    ]);
    const cells = (name: string) => {
      const out: string[] = [];
      workbook.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
      return out;
    };
    expect(cells('Person')).toContain(ZHANG_PHONE);
    expect(cells('Responses')).toEqual(
      expect.arrayContaining([world.zhangA, world.typedB, 'verbally']),
    );
    const answers = cells('Answers');
    expect(answers).toContain('Yes, by phone');
    // "+86 ..." looks like a formula to a spreadsheet: kept as text, with the Text format.
    expect(answers).toContain('+86 138-0013-8000');
    let guarded = false;
    workbook.getWorksheet('Answers')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '+86 138-0013-8000')
          guarded = cell.numFmt === '@' && cell.type === ExcelJS.ValueType.String;
      }),
    );
    expect(guarded).toBe(true);
    expect(cells('Edit history')).toContain('"13800000000"');
  });

  it('leaves no file when the save dialog is cancelled', async () => {
    saveTo = null;
    const result = await call<{ path: string | null }>('privacy.export', {
      subject: { customerIds: [world.li], responseIds: [] },
      format: 'json',
    });
    expect(result.path).toBeNull();
  });

  it('answers NOT_FOUND for a customer that does not exist', async () => {
    const result = await services.dispatch('privacy.person', {
      subject: { customerIds: ['00000000-0000-4000-8000-000000000000'], responseIds: [] },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});
