/**
 * `surveydesk responses list` and `responses flag` on a database filled through the services,
 * run as a separate process the way a user runs them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/questionnaire/runtime';
import type { ResponseSummary, Wave } from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import { callerFor, startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/cli';

const surveydesk = (...args: string[]) => runCli(args, { env: { TZ: 'Asia/Shanghai' } });

const SCALES = ['timeliness', 'engineer_skill', 'engineer_manner', 'fix_quality', 'overall'];

describe('surveydesk responses', () => {
  const temp = useTempDir('cli-responses');
  let db: string;
  let code: string;
  let ids: { quick: string; liner: string; fine: string; again: string };

  /** Survey SV…-001 (after-sales) with wave "2026 Q1": a speeder, a straight-liner, a clean one, and the clean customer again. */
  beforeEach(async () => {
    db = temp.join('app.sqlite');
    const services = await startTestServices(db);
    const call = callerFor(services);
    try {
      const survey = await call<SurveyDetail>('surveys.create', {
        template: 'after-sales',
        language: 'zh-CN',
      });
      code = survey.code;
      await call('surveys.publish', { id: survey.id });
      const wave = await call<Wave>('waves.create', { surveyId: survey.id, name: '2026 Q1' });
      const customer = await call<{ id: string }>('customers.create', {
        name: '华东精密制造有限公司',
      });
      const fw = services.ctx.fieldwork;
      const respond = (
        hour: number,
        seconds: number,
        scale: number,
        nps: number,
        customerId: string | null,
      ) => {
        const startedAt = `2026-03-02T0${hour}:00:00.000Z`;
        const r = fw.start({
          surveyId: survey.id,
          waveId: wave.id,
          customerId,
          channel: 'interview',
          interviewer: '王芳',
          consent: { given: true, method: 'verbal', versionNo: 1, givenAt: startedAt },
          startedAt,
        });
        const answers: Answers = { service_kind: 'repair', time_to_fix: 'h4', solved: 'yes', nps };
        for (const name of SCALES) answers[name] = scale;
        for (const [name, value] of Object.entries(answers)) fw.answer(r.id, name, value);
        return fw.complete(r.id, new Date(Date.parse(startedAt) + seconds * 1000).toISOString()).id;
      };
      ids = {
        quick: respond(1, 45, 4, 8, null),
        liner: respond(2, 600, 5, 10, null),
        fine: respond(3, 600, 4, 9, customer.id),
        again: respond(4, 600, 3, 6, customer.id),
      };
    } finally {
      await services.close();
    }
  });

  it('lists every response as a readable table, newest first', () => {
    const result = surveydesk('responses', 'list', '--db', db, '--lang', 'en');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^id\s+Started\s+Customer\s+Survey\s+Wave\s+Channel\s+Status\s+Flags\s+Interviewer\s+Answers\s+Rev\.$/,
    );
    expect(lines.slice(2, 6).map((l) => l.slice(0, 8))).toEqual(
      [ids.again, ids.fine, ids.liner, ids.quick].map((id) => id.slice(0, 8)),
    );
    expect(lines[2]).toContain('2026-03-02 12:00'); // 04:00 UTC in Shanghai
    expect(lines[2]).toContain('华东精密制造有限公司');
    expect(lines[2]).toContain('Duplicate');
    expect(lines[5]).toContain('Too fast');
    expect(lines[4]).toContain('Straight-lining');
    expect(lines.at(-1)).toBe('4 response(s)');
  });

  it('filters by survey code, wave name, status and flag, and prints JSON', () => {
    const result = surveydesk(
      'responses',
      'list',
      '--db',
      db,
      '--survey',
      code,
      '--wave',
      '2026 Q1',
      '--status',
      'complete',
      '--flag',
      'too_fast',
      '--json',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { total: number; items: ResponseSummary[] };
    expect(parsed.total).toBe(1);
    expect(parsed.items.map((r) => r.id)).toEqual([ids.quick]);
    expect(parsed.items[0]?.flags).toEqual([
      { rule: 'too_fast', detail: { seconds: 45, limit: 120 }, override: null },
    ]);

    const none = surveydesk('responses', 'list', '--db', db, '--flag', 'none', '--json');
    expect(
      (JSON.parse(none.stdout) as { items: ResponseSummary[] }).items.map((r) => r.id),
    ).toEqual([ids.fine]);
  });

  it('says so, in Chinese, when nothing matches', () => {
    const result = surveydesk(
      'responses',
      'list',
      '--db',
      db,
      '--status',
      'void',
      '--lang',
      'zh-CN',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('没有符合条件的答卷。\n');
  });

  it('prints the Chinese headers and labels with --lang zh-CN, aligned for wide characters', () => {
    const result = surveydesk('responses', 'list', '--db', db, '--lang', 'zh-CN');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^id\s+开始时间\s+客户\s+问卷\s+批次\s+渠道\s+状态\s+标记\s+访问员\s+答题数\s+修订$/,
    );
    expect(result.stdout).toContain('作答过快');
    expect(result.stdout).toContain('共 4 份答卷');
    // The status column starts at the same terminal column on every row, Chinese names or not.
    const column = (line: string) => {
      const at = line.indexOf('已完成');
      return [...line.slice(0, at)].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    };
    const rows = lines.slice(2, 6);
    expect(new Set(rows.map(column)).size).toBe(1);
  });

  it('recomputes the flags of a wave and prints the counts per rule, in English and Chinese', () => {
    const en = surveydesk('responses', 'flag', '--db', db, '--wave', '2026 Q1', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Flags in wave 2026 Q1 after recomputing');
    expect(en.stdout).toMatch(/Too fast \(too_fast\)\s+1\n/);
    expect(en.stdout).toMatch(/Straight-lining \(straight_lining\)\s+1\n/);
    expect(en.stdout).toMatch(/Duplicate \(duplicate\)\s+1\n/);
    expect(en.stdout).toMatch(/Wrong value \(wrong_value\)\s+0\n/);

    const zh = surveydesk(
      'responses',
      'flag',
      '--db',
      db,
      '--wave',
      '2026 Q1',
      '--lang',
      'zh-CN',
      '--survey',
      code,
    );
    expect(zh.stdout).toContain('批次 2026 Q1 的标记');
    expect(zh.stdout).toMatch(/作答过快 \(too_fast\)\s+1\n/);
  });

  it('prints the counts as JSON, with every rule present', () => {
    const result = surveydesk('responses', 'flag', '--db', db, '--wave', '2026 Q1', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({
      wave: { name: '2026 Q1' },
      counts: { too_fast: 1, straight_lining: 1, missing_key: 0, duplicate: 1, wrong_value: 0 },
    });
  });

  it('refuses a missing or unknown wave and an unknown flag with a clear message', () => {
    const missing = surveydesk('responses', 'flag', '--db', db, '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--wave NAME|ID is required');
    const unknown = surveydesk(
      'responses',
      'flag',
      '--db',
      db,
      '--wave',
      '2025 Q4',
      '--lang',
      'en',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('wave 2025 Q4 was not found');
    const badFlag = surveydesk('responses', 'list', '--db', db, '--flag', 'slow', '--lang', 'en');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('too_fast');
    expect(badFlag.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const usage = surveydesk('responses', '--db', db, '--lang', 'en');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: surveydesk responses list');
  });
});
