/** The person in sampling and the improvement loop: exported, and erased or anonymised. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../main/api/context';
import { openTextsOf, quotesAny, withoutQuotes } from '../../main/privacy/activity';
import { writePersonExport } from '../../main/privacy/export';
import type { RunningServices } from '../../main/services/start';
import type { EraseResult, PersonRecord } from '../../shared/privacy';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import {
  buildWorld,
  LI_FOLLOW_UP_DETAIL,
  LI_SAMPLE_NOTE,
  OTHER_PROBLEM_LINE,
  seedActivity,
  ZHANG_CONTACT_NOTE,
  ZHANG_FOLLOW_UP_DETAIL,
  ZHANG_FOLLOW_UP_PLAN,
  ZHANG_NAME,
  ZHANG_PHONE_DIGITS,
  ZHANG_QUOTE,
  ZHANG_SAMPLE_NOTE,
  type ActivityWorld,
  type PrivacyWorld,
} from './fixture';

describe('quotes of open answers in a problem description', () => {
  it('drops the lines that are or contain a quoted text, and keeps the others', () => {
    const texts = ['响应速度可以再快一点', '价格偏高'];
    expect(quotesAny('  响应速度可以再快一点 ', texts)).toBe(true);
    expect(quotesAny('“价格偏高”——一位客户', texts)).toBe(true);
    expect(quotesAny('交货周期长', texts)).toBe(false);
    expect(quotesAny('', texts)).toBe(false);
    // A short answer counts only as a whole line: "没有" inside a sentence is not a quote.
    expect(quotesAny('没有', ['没有'])).toBe(true);
    expect(quotesAny('没有备件库存', ['没有'])).toBe(false);
    expect(withoutQuotes('响应速度可以再快一点\n交货周期长\n价格偏高', texts)).toBe('交货周期长');
    // Nothing quoted: null, so the caller leaves the row alone.
    expect(withoutQuotes('交货周期长', texts)).toBeNull();
  });
});

describe('a person in samples, follow-ups and problems', () => {
  const temp = useTempDir('privacy-activity');
  let services: RunningServices;
  let world: PrivacyWorld;
  let activity: ActivityWorld;
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
  const db = () => services.ctx.db;
  const zhangOnly = { customerIds: [] as string[], responseIds: [] as string[] };

  beforeEach(async () => {
    services = await startTestServices(temp.join('db.sqlite'), { platform });
    world = buildWorld(services);
    activity = seedActivity(services.ctx.db, world);
    zhangOnly.customerIds = [world.zhang];
  });
  afterEach(async () => {
    if (services.ctx.db.open) await services.close();
  });

  it('exports the sample membership with its contacts, the follow-up and the quoting problem', async () => {
    const record = await call<PersonRecord>('privacy.person', { subject: zhangOnly });
    expect(record.samples).toEqual([
      expect.objectContaining({
        waveId: world.surveyA.waveId,
        waveName: '2026 上半年',
        surveyTitle: '2026 客户服务满意度调查',
        customerId: world.zhang,
        status: 'interviewed',
        notes: ZHANG_SAMPLE_NOTE,
        contacts: [
          {
            at: '2026-05-12T02:00:00.000Z',
            onDate: '2026-05-12',
            status: 'reminded',
            actor: '王芳',
            note: ZHANG_CONTACT_NOTE,
          },
        ],
      }),
    ]);
    expect(record.followUps).toEqual([
      expect.objectContaining({
        id: activity.zhangFollowUp,
        responseId: world.zhangA,
        reason: 'complaint',
        detail: ZHANG_FOLLOW_UP_DETAIL,
        plan: ZHANG_FOLLOW_UP_PLAN,
        urgent: true,
        status: 'planned',
      }),
    ]);
    // Only Zhang's quote and Zhang's response: Li's part of the problem is not Zhang's data.
    expect(record.problems).toEqual([
      {
        id: activity.problem,
        title: '响应速度',
        quotes: [ZHANG_QUOTE],
        responseIds: [world.zhangA],
      },
    ]);
  });

  it('takes quotes from open answers only, never from the codes of choice questions', () => {
    // Zhang's answers (fixture): improve, contact_name and phone are open; callback = 'phone' is
    // a choice code, service_type a list of codes, overall/nps numbers.
    expect(openTextsOf(db(), [world.zhangA]).sort()).toEqual(
      [ZHANG_QUOTE, ZHANG_NAME, ZHANG_PHONE_DIGITS].sort(),
    );
  });

  it('puts them on sheets of their own in the Excel export, in Chinese', async () => {
    const record = await call<PersonRecord>('privacy.person', { subject: zhangOnly });
    saveTo = temp.join('zhang.xlsx');
    await writePersonExport(record, 'xlsx', saveTo, 'zh-CN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saveTo);
    const texts = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      expect(sheet, name).toBeDefined();
      const out: string[] = [];
      sheet!.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
      return out;
    };
    expect(texts('抽样')).toEqual(
      expect.arrayContaining(['联系状态', '已访问', ZHANG_SAMPLE_NOTE, '2026 上半年']),
    );
    expect(texts('联系记录')).toEqual(expect.arrayContaining([ZHANG_CONTACT_NOTE, '2026-05-12']));
    expect(texts('回访')).toEqual(
      expect.arrayContaining([ZHANG_FOLLOW_UP_DETAIL, ZHANG_FOLLOW_UP_PLAN, '投诉']),
    );
    expect(texts('改进问题')).toEqual(expect.arrayContaining(['响应速度', ZHANG_QUOTE]));
    expect(texts('改进问题')).not.toContain(OTHER_PROBLEM_LINE);
    // Not repeated as raw rows on the "other records" sheet; Li appears nowhere.
    const all = workbook.worksheets.flatMap((s) => texts(s.name)).join('\n');
    expect(texts('其他记录').join('\n')).not.toContain(ZHANG_SAMPLE_NOTE);
    expect(all).not.toContain(LI_SAMPLE_NOTE);
    expect(all).not.toContain(LI_FOLLOW_UP_DETAIL);
  });

  const erase = (mode: 'delete' | 'anonymise') =>
    call<EraseResult>('privacy.erase', { subject: zhangOnly, mode, confirm: true });
  const rows = (sql: string, ...params: unknown[]) =>
    db()
      .prepare(sql)
      .all(...params);
  const problemRow = () =>
    db()
      .prepare('SELECT description, frequency, response_ids FROM improvement_problems WHERE id = ?')
      .get(activity.problem) as { description: string; frequency: number; response_ids: string };

  it('delete mode removes the memberships, contacts and follow-up, and the quote from the problem', async () => {
    const result = await erase('delete');
    expect(result.linked).toEqual({
      sampleMemberships: 1,
      sampleContacts: 1,
      followUpsDeleted: 1,
      followUpsAnonymised: 0,
      problemsCleaned: 1,
    });
    expect(rows('SELECT customer_id, notes FROM sample_members')).toEqual([
      { customer_id: world.li, notes: LI_SAMPLE_NOTE },
    ]);
    expect(rows('SELECT customer_id FROM sample_contacts')).toEqual([{ customer_id: world.li }]);
    expect(rows('SELECT id FROM improvement_follow_ups')).toEqual([{ id: activity.liFollowUp }]);
    // The problem keeps its frequency and Li's response; Zhang's quote and response are gone.
    expect(problemRow()).toEqual({
      description: OTHER_PROBLEM_LINE,
      frequency: 12.5,
      response_ids: JSON.stringify([world.liA]),
    });
    const audit = rows(`SELECT detail FROM audit_log WHERE action = 'privacy.erase'`) as {
      detail: string;
    }[];
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      sampleMemberships: 1,
      sampleContacts: 1,
      followUpsDeleted: 1,
      problemsCleaned: 1,
    });
    for (const secret of [ZHANG_SAMPLE_NOTE, ZHANG_FOLLOW_UP_DETAIL, ZHANG_QUOTE]) {
      expect(audit[0]!.detail).not.toContain(secret);
    }
  });

  it('anonymise mode keeps the follow-up with its status and scores, without its text or customer', async () => {
    const result = await erase('anonymise');
    expect(result.linked).toEqual({
      sampleMemberships: 1,
      sampleContacts: 1,
      followUpsDeleted: 0,
      followUpsAnonymised: 1,
      problemsCleaned: 1,
    });
    expect(
      db()
        .prepare(
          `SELECT response_id, customer_id, reason, detail, score, urgent, status, owner, plan, planned_at
             FROM improvement_follow_ups WHERE id = ?`,
        )
        .get(activity.zhangFollowUp),
    ).toEqual({
      response_id: world.zhangA,
      customer_id: null,
      reason: 'complaint',
      detail: '',
      score: 55,
      urgent: 1,
      status: 'planned',
      owner: '陈经理',
      plan: '',
      planned_at: '2026-05-12T02:00:00.000Z',
    });
    // Li's follow-up is untouched; the anonymised response still counts for the problem.
    expect(
      rows('SELECT detail FROM improvement_follow_ups WHERE id = ?', activity.liFollowUp),
    ).toEqual([{ detail: LI_FOLLOW_UP_DETAIL }]);
    expect(problemRow()).toEqual({
      description: OTHER_PROBLEM_LINE,
      frequency: 12.5,
      response_ids: JSON.stringify([world.zhangA, world.liA]),
    });
    // A membership cannot outlive its customer record: it goes with it.
    expect(rows('SELECT customer_id FROM sample_members')).toEqual([{ customer_id: world.li }]);
  });

  it('changes none of these records when the erasure fails half-way', async () => {
    db().exec(
      `CREATE TEMP TRIGGER refuse BEFORE DELETE ON customers BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    const result = await services.dispatch('privacy.erase', {
      subject: zhangOnly,
      mode: 'delete',
      confirm: true,
    });
    expect(result.ok).toBe(false);
    db().exec('DROP TRIGGER temp.refuse');
    expect(rows('SELECT COUNT(*) AS n FROM sample_members')).toEqual([{ n: 2 }]);
    expect(rows('SELECT COUNT(*) AS n FROM sample_contacts')).toEqual([{ n: 2 }]);
    expect(rows('SELECT COUNT(*) AS n FROM improvement_follow_ups')).toEqual([{ n: 2 }]);
    expect(problemRow().description).toBe(`${ZHANG_QUOTE}\n${OTHER_PROBLEM_LINE}`);
  });

  it('a JSON export of the rest of the world still reads Li after Zhang is erased', async () => {
    await erase('delete');
    saveTo = temp.join('li.json');
    await call('privacy.export', {
      subject: { customerIds: [world.li], responseIds: [] },
      format: 'json',
    });
    const record = JSON.parse(fs.readFileSync(saveTo, 'utf8')) as PersonRecord;
    expect(record.samples.map((m) => m.notes)).toEqual([LI_SAMPLE_NOTE]);
    expect(record.followUps.map((f) => f.detail)).toEqual([LI_FOLLOW_UP_DETAIL]);
    expect(record.problems).toEqual([
      { id: activity.problem, title: '响应速度', quotes: [], responseIds: [world.liA] },
    ]);
  });
});
