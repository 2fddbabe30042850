/**
 * Actions verified by a later wave: the baseline from the problem's wave, the figure of the next
 * wave compared with the target, re-plans with their history. Every figure worked out by hand
 * from the answers below (dimension score = mean over respondents of the mean of its items,
 * on 100 points = mean / 5 x 100).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { improvementService, type ImprovementService } from '../../main/improvement/service';
import type { RunningServices } from '../../main/services/start';
import { problemInput, actionInput } from '../../shared/api/improvement';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addWave, answersWith, createSurvey } from './fixture';

describe('verifying improvement actions against a later wave', () => {
  const dir = useTempDir('improvement-verify');
  let services: RunningServices;
  let improvement: ImprovementService;
  let surveyId: string;
  let first: string;
  let second: string;

  beforeEach(async () => {
    services = await startTestServices(dir.join('data.sqlite'));
    improvement = improvementService(services.ctx.db, {
      now: () => new Date('2026-06-01T09:00:00Z'),
    });
    surveyId = createSurvey(services);
    // Wave 1 responsiveness: means 3, 3, 4, 3 → 13 / 4 = 3.25 → 65.
    // resp_1: 3, 3, 4, 2 → 3 → 60.
    first = addWave(services, surveyId, '上半年', '2026-03-01', [
      { answers: answersWith([3, 3, 3]) },
      { answers: answersWith([3, 4, 2]) },
      { answers: answersWith([4, 4, 4]) },
      { answers: answersWith([2, 3, 4]) },
    ]);
    // Wave 2 responsiveness: means 4, 4, 5, 4 → 17 / 4 = 4.25 → 85.
    // resp_1: 4, 5, 5, 4 → 4.5 → 90. Top-2-box: resp_1 4/4, resp_2 (4,4,5,5) 4/4, resp_3 (4,3,5,3) 2/4 → (100+100+50)/3 = 83.33 %.
    second = addWave(services, surveyId, '下半年', '2026-09-01', [
      { answers: answersWith([4, 4, 4]) },
      { answers: answersWith([5, 4, 3]) },
      { answers: answersWith([5, 5, 5]) },
      { answers: answersWith([4, 5, 3]) },
    ]);
  });

  afterEach(async () => {
    await services.close();
  });

  async function problem() {
    return improvement.createProblem(
      problemInput.parse({
        surveyId,
        waveId: first,
        source: 'priority',
        sourceRef: 'dimension:responsiveness',
        title: '响应速度',
        frequency: 50,
        churnRisk: 3,
        wordOfMouth: 3,
        metric: { kind: 'dimension', ref: 'responsiveness' },
      }),
    );
  }

  const action = (problemId: string, patch: Record<string, unknown>) =>
    improvement.createAction(
      actionInput.parse({
        problemId,
        title: '缩短响应时间',
        metric: { kind: 'dimension', ref: 'responsiveness' },
        target: 80,
        owner: '李娜',
        dueOn: '2026-08-31',
        ...patch,
      }),
    );

  it('takes the baseline from the wave the problem came from', async () => {
    const p = await problem();
    expect(p.baseline).toBeCloseTo(65, 10);
    const a = await action(p.id, {});
    expect(a.baseline).toBeCloseTo(65, 10);
    expect(a.baselineWaveId).toBe(first);
    // Another metric than the problem's: its own baseline in the same wave (resp_1: 60).
    const item = await action(p.id, { metric: { kind: 'item', ref: 'resp_1' }, target: 70 });
    expect(item.baseline).toBeCloseTo(60, 10);
  });

  it('marks a met target verified and a missed one missed, with the figures', async () => {
    const p = await problem();
    const met = await action(p.id, { target: 80 });
    const missed = await action(p.id, { target: 90 });
    const top2 = await action(p.id, {
      metric: { kind: 'top2', ref: 'responsiveness' },
      target: 80,
    });
    const result = await improvement.evaluateWave(surveyId, second);
    expect(result.verifications).toHaveLength(3);
    const after = Object.fromEntries(improvement.actions(surveyId).map((a) => [a.id, a]));
    expect(after[met.id]!.status).toBe('verified');
    expect(after[met.id]!.verifications[0]).toMatchObject({
      waveId: second,
      waveName: '下半年',
      target: 80,
      operator: '>=',
      met: true,
    });
    expect(after[met.id]!.verifications[0]!.value).toBeCloseTo(85, 10);
    expect(after[met.id]!.verifications[0]!.baseline).toBeCloseTo(65, 10);
    expect(after[missed.id]!.status).toBe('missed');
    expect(after[missed.id]!.verifications[0]!.met).toBe(false);
    expect(after[top2.id]!.verifications[0]!.value).toBeCloseTo(250 / 3, 8);
    expect(after[top2.id]!.status).toBe('verified');
  });

  it('does not verify an action with the wave it started from', async () => {
    const p = await problem();
    const a = await action(p.id, {});
    expect((await improvement.evaluateWave(surveyId, first)).verifications).toEqual([]);
    expect(improvement.actions(surveyId).find((x) => x.id === a.id)!.status).toBe('planned');
  });

  it('re-plans a missed action and keeps the old due date and measures in its history', async () => {
    const p = await problem();
    const a = await action(p.id, { target: 90, measures: '增加值班人员' });
    await improvement.evaluateWave(surveyId, second);
    const replanned = improvement.replan(
      a.id,
      '2027-03-31',
      '上线工单系统，设置响应提醒',
      '目标未达成',
    );
    expect(replanned.status).toBe('replanned');
    expect(replanned.dueOn).toBe('2027-03-31');
    const event = replanned.events.find((e) => e.kind === 'replan')!;
    expect(event.before).toEqual({ dueOn: '2026-08-31', measures: '增加值班人员' });
    expect(event.note).toBe('目标未达成');
    // The verification stays on record.
    expect(replanned.verifications.map((v) => v.met)).toEqual([false]);
    // Analysing the same wave again does not undo the re-plan: the next wave decides.
    await improvement.evaluateWave(surveyId, second);
    expect(improvement.actions(surveyId).find((x) => x.id === a.id)!.status).toBe('replanned');
  });

  it('shows overdue and at-risk actions: due before today, or within 7 days', async () => {
    const p = await problem();
    // Today is 2026-06-01.
    const late = await action(p.id, { dueOn: '2026-05-31' });
    const soon = await action(p.id, { dueOn: '2026-06-08' });
    const later = await action(p.id, { dueOn: '2026-06-09' });
    const done = improvement.setActionStatus(
      (await action(p.id, { dueOn: '2026-05-01' })).id,
      'done',
      '',
    );
    const flags = Object.fromEntries(
      improvement.actions(surveyId).map((a) => [a.id, [a.overdue, a.atRisk]]),
    );
    expect(flags[late.id]).toEqual([true, false]);
    expect(flags[soon.id]).toEqual([false, true]);
    expect(flags[later.id]).toEqual([false, false]);
    expect(flags[done.id]).toEqual([false, false]);
    expect(improvement.actions(surveyId, true).map((a) => a.id)).toEqual([late.id]);
    const dashboard = improvement.dashboard(surveyId);
    expect(dashboard.actionsByStatus).toMatchObject({ planned: 3, done: 1 });
    expect(dashboard.overdue.map((a) => a.id)).toEqual([late.id]);
    expect(dashboard.atRisk.map((a) => a.id)).toEqual([soon.id]);
  });

  it('deletes a problem with its actions, their history and verifications', async () => {
    const p = await problem();
    const a = await action(p.id, {});
    improvement.addProgress(a.id, '2026-06-01', '新增坐席');
    await improvement.evaluateWave(surveyId, second);
    expect(improvement.deleteProblem(p.id)).toEqual({ deleted: true });
    expect(improvement.problems(surveyId)).toEqual([]);
    expect(improvement.actions(surveyId)).toEqual([]);
    const left = services.ctx.db
      .prepare(
        'SELECT (SELECT count(*) FROM improvement_action_events) + (SELECT count(*) FROM improvement_verifications) AS n',
      )
      .get() as { n: number };
    expect(left.n).toBe(0);
    expect(improvement.deleteProblem(p.id)).toEqual({ deleted: false });
  });

  it('changes who does an action without touching its target, baseline or due date', async () => {
    const p = await problem();
    const a = await action(p.id, {});
    const changed = improvement.updateAction({ id: a.id, owner: '王强', department: '客户成功部' });
    expect(changed).toMatchObject({
      owner: '王强',
      department: '客户成功部',
      title: '缩短响应时间',
      target: 80,
      dueOn: '2026-08-31',
    });
    expect(changed.baseline).toBeCloseTo(65, 10);
  });

  it('verifies nothing with a wave that has no figure for the target', async () => {
    const p = await problem();
    const a = await action(p.id, {});
    const empty = addWave(services, surveyId, '第三批', '2027-03-01', []);
    expect((await improvement.evaluateWave(surveyId, empty)).verifications).toEqual([]);
    expect(improvement.actions(surveyId).find((x) => x.id === a.id)!.status).toBe('planned');
    // Its suggestions: none, rather than an error.
    expect(await improvement.suggestions(surveyId, empty)).toEqual([]);
  });
});
