/** `surveydesk actions list [--overdue] [--survey CODE]`, run as a separate process the way a user runs it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { improvementService } from '../../main/improvement/service';
import { actionInput, problemInput } from '../../shared/api/improvement';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addWave, answersWith, createSurvey } from '../improvement/fixture';
import { runCli } from '../helpers/cli';

const surveydesk = (...args: string[]) => runCli(args, { env: { TZ: 'Asia/Shanghai' } });

describe('surveydesk actions list', () => {
  const temp = useTempDir('cli-actions');
  let db: string;
  let code: string;

  /** Two actions on one problem: one due long ago (overdue), one due far ahead. */
  beforeEach(async () => {
    db = temp.join('app.sqlite');
    const services = await startTestServices(db);
    try {
      const surveyId = createSurvey(services);
      code = (
        services.ctx.db.prepare('SELECT code FROM surveys WHERE id = ?').get(surveyId) as {
          code: string;
        }
      ).code;
      const waveId = addWave(services, surveyId, '上半年', '2026-03-01', [
        { answers: answersWith([3, 3, 3]) },
        { answers: answersWith([4, 4, 4]) },
      ]);
      const improvement = improvementService(services.ctx.db);
      const problem = await improvement.createProblem(
        problemInput.parse({
          surveyId,
          waveId,
          title: '响应慢',
          frequency: 20,
          churnRisk: 3,
          wordOfMouth: 2,
          metric: { kind: 'dimension', ref: 'responsiveness' },
        }),
      );
      const action = (title: string, owner: string, dueOn: string) =>
        improvement.createAction(
          actionInput.parse({
            problemId: problem.id,
            title,
            metric: { kind: 'dimension', ref: 'responsiveness' },
            target: 80,
            owner,
            department: '客服中心',
            dueOn,
          }),
        );
      await action('增加值班坐席', '李娜', '2020-01-31');
      await action('上线工单提醒', '王强', '2099-12-31');
    } finally {
      await services.close();
    }
  });

  it('lists every action with status, due date, owner, target and baseline', () => {
    const run = surveydesk('actions', 'list', '--db', db, '--lang', 'zh-CN');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('增加值班坐席');
    expect(run.stdout).toContain('上线工单提醒');
    expect(run.stdout).toContain('2020-01-31 （已逾期）');
    // Baseline: responsiveness (3 + 4) / 2 = 3.5 → 70.
    expect(run.stdout).toContain('>= 80');
    expect(run.stdout).toContain('70.0');
    expect(run.stdout).toContain('共 2 项改进措施，逾期 1 项');
  });

  it('lists only overdue actions with --overdue, for one survey with --survey', () => {
    const run = surveydesk(
      'actions',
      'list',
      '--overdue',
      '--survey',
      code,
      '--db',
      db,
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('增加值班坐席');
    expect(run.stdout).not.toContain('上线工单提醒');
    expect(run.stdout).toContain('1 actions, 1 overdue');
    const json = surveydesk('actions', 'list', '--overdue', '--json', '--db', db);
    expect(
      (JSON.parse(json.stdout) as { owner: string; overdue: boolean }[]).map((a) => [
        a.owner,
        a.overdue,
      ]),
    ).toEqual([['李娜', true]]);
  });

  it('exits 2 on a wrong sub-command or an unknown survey, in the chosen language', () => {
    const bad = surveydesk('actions', 'remove', '--db', db, '--lang', 'zh-CN');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('用法：surveydesk actions list');
    const unknown = surveydesk('actions', 'list', '--survey', 'NOPE', '--db', db, '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('survey NOPE');
  });

  it('verifies the actions when `analyze` analyses a later wave', async () => {
    const services = await startTestServices(db);
    try {
      const surveyId = services.ctx.db.prepare('SELECT id FROM surveys').pluck().get() as string;
      // Responsiveness items 5,5,5 and 4,4,4: mean 4.5, 4.5 / 5 x 100 = 90 >= the target 80.
      addWave(services, surveyId, '下半年', '2026-09-01', [
        { answers: answersWith([5, 5, 5]) },
        { answers: answersWith([4, 4, 4]) },
      ]);
    } finally {
      await services.close();
    }
    const run = surveydesk(
      'analyze',
      '--db',
      db,
      '--survey',
      code,
      '--wave',
      '下半年',
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('improvement actions verified: 2 (2 met, 0 not met)');
    const listed = surveydesk('actions', 'list', '--db', db, '--json');
    const actions = JSON.parse(listed.stdout) as { status: string }[];
    expect(actions.map((a) => a.status)).toEqual(['verified', 'verified']);
  });
});
