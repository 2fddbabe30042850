/** SLA clocks of follow-ups (回访) with a fake clock, and the closure rate, worked out by hand. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closureRate, slaClocks } from '../../main/improvement/sla';
import { improvementService, type ImprovementService } from '../../main/improvement/service';
import type { RunningServices } from '../../main/services/start';
import { DEFAULT_IMPROVEMENT_SETTINGS, type FollowUpStatus } from '../../shared/improvement';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addWave, answersWith, createSurvey } from './fixture';

const rules = DEFAULT_IMPROVEMENT_SETTINGS.followUp;
const times = (patch: Partial<Parameters<typeof slaClocks>[0]> = {}) => ({
  urgent: false,
  status: 'open' as const,
  raisedAt: '2026-05-01T08:00:00.000Z',
  acknowledgedAt: null,
  plannedAt: null,
  fixedAt: null,
  revisitedAt: null,
  ...patch,
});

describe('SLA clocks of a follow-up', () => {
  it('gives 24 hours to acknowledge, 7 days to plan, and waits for the fix before the revisit clock', () => {
    const clocks = slaClocks(times(), rules, new Date('2026-05-01T12:00:00Z'));
    expect(clocks.acknowledge).toEqual({
      due: '2026-05-02T08:00:00.000Z',
      doneAt: null,
      state: 'open',
    });
    expect(clocks.plan).toEqual({ due: '2026-05-08T08:00:00.000Z', doneAt: null, state: 'open' });
    expect(clocks.revisit).toEqual({ due: null, doneAt: null, state: 'waiting' });
  });

  it('gives an urgent item 2 hours to acknowledge', () => {
    // Raised 08:00, due 10:00; at 11:00 the clock has run out.
    const clocks = slaClocks(times({ urgent: true }), rules, new Date('2026-05-01T11:00:00Z'));
    expect(clocks.acknowledge.due).toBe('2026-05-01T10:00:00.000Z');
    expect(clocks.acknowledge.state).toBe('overdue');
    // The same item at 09:59 is still open.
    expect(
      slaClocks(times({ urgent: true }), rules, new Date('2026-05-01T09:59:00Z')).acknowledge.state,
    ).toBe('open');
  });

  it('marks a step done in time as met and a late one as late', () => {
    const now = new Date('2026-05-20T00:00:00Z');
    expect(
      slaClocks(times({ urgent: true, acknowledgedAt: '2026-05-01T09:30:00.000Z' }), rules, now)
        .acknowledge.state,
    ).toBe('met');
    expect(
      slaClocks(times({ urgent: true, acknowledgedAt: '2026-05-01T10:30:00.000Z' }), rules, now)
        .acknowledge.state,
    ).toBe('late');
    // Plan due 05-08 08:00; planned 05-09.
    expect(slaClocks(times({ plannedAt: '2026-05-09T09:00:00.000Z' }), rules, now).plan.state).toBe(
      'late',
    );
  });

  it('starts the revisit clock at the fix: 3 days after it', () => {
    const clocks = slaClocks(
      times({ fixedAt: '2026-05-05T12:00:00.000Z' }),
      rules,
      new Date('2026-05-08T12:00:01Z'),
    );
    expect(clocks.revisit.due).toBe('2026-05-08T12:00:00.000Z');
    expect(clocks.revisit.state).toBe('overdue');
  });

  it('follows changed thresholds', () => {
    const clocks = slaClocks(
      times({ urgent: true }),
      { ...rules, ackHoursUrgent: 4, planDays: 3 },
      new Date('2026-05-01T11:00:00Z'),
    );
    expect(clocks.acknowledge.due).toBe('2026-05-01T12:00:00.000Z');
    expect(clocks.plan.due).toBe('2026-05-04T08:00:00.000Z');
  });
});

describe('the closure rate', () => {
  const statuses = (closed: number, other: number): FollowUpStatus[] => [
    ...Array<FollowUpStatus>(closed).fill('closed'),
    ...Array<FollowUpStatus>(other).fill('planned'),
  ];

  it('meets the 95 % target at 19 closed of 20', () => {
    // 19 / 20 = 95 %.
    expect(closureRate(statuses(19, 1), 95)).toEqual({
      closed: 19,
      total: 20,
      rate: 95,
      target: 95,
      met: true,
    });
  });

  it('misses it at 18 of 20, and has no rate without items', () => {
    // 18 / 20 = 90 % < 95 %.
    expect(closureRate(statuses(18, 2), 95)).toMatchObject({ rate: 90, met: false });
    expect(closureRate([], 95)).toMatchObject({ rate: null, met: null });
  });
});

describe('follow-ups raised from responses and worked through their steps', () => {
  const dir = useTempDir('improvement-sla');
  let services: RunningServices;
  let clock: Date;
  let improvement: ImprovementService;
  let surveyId: string;
  let waveId: string;

  beforeEach(async () => {
    services = await startTestServices(dir.join('data.sqlite'));
    clock = new Date('2026-05-01T11:00:00Z');
    improvement = improvementService(services.ctx.db, { now: () => clock });
    surveyId = createSurvey(services);
    const at = '2026-05-01T08:00:00.000Z';
    waveId = addWave(services, surveyId, 'W1', '2026-05-01', [
      // Every score 80: nothing to follow up.
      { answers: { ...answersWith([4, 4, 4]), callback: 'no' }, completedAt: at },
      // Responsiveness (2+2+2)/3 = 2 → 40 < 60: low score; 40 is not below 40, so not urgent.
      { answers: answersWith([2, 2, 2]), completedAt: at },
      // Overall 1 → 20 < 40: urgent.
      { answers: answersWith([4, 4, 4], 1), completedAt: at },
      // Asks to be called back.
      { answers: { ...answersWith([4, 4, 4]), callback: 'phone' }, completedAt: at },
      // A complaint: urgent whatever the scores.
      {
        answers: { ...answersWith([4, 4, 4]), service_type: ['consult', 'complaint'] },
        completedAt: at,
      },
    ]);
  });

  afterEach(async () => {
    await services.close();
  });

  it('raises one follow-up per response that needs one, once', () => {
    expect(improvement.scanFollowUps(surveyId, waveId)).toEqual({ created: 4 });
    expect(improvement.scanFollowUps(surveyId, waveId)).toEqual({ created: 0 });
    const items = improvement.followUps(surveyId);
    const byReason = Object.fromEntries(items.map((f) => [`${f.reason}:${f.score}`, f.urgent]));
    expect(byReason).toEqual({
      'low_score:40': false,
      'low_score:20': true,
      'callback:80': false,
      'complaint:80': true,
    });
    // At 11:00 the urgent ones (due 10:00) are overdue, the others (due tomorrow 08:00) open.
    for (const f of items) expect(f.clocks.acknowledge.state).toBe(f.urgent ? 'overdue' : 'open');
  });

  it('closes an item only when the revisit scores at least 80, and counts the closure rate', () => {
    improvement.scanFollowUps(surveyId, waveId);
    const item = improvement
      .followUps(surveyId)
      .find((f) => f.reason === 'low_score' && !f.urgent)!;
    clock = new Date('2026-05-01T20:00:00Z');
    expect(
      improvement.advanceFollowUp({ id: item.id, step: 'acknowledge', owner: '王经理' }).clocks
        .acknowledge.state,
    ).toBe('met');
    clock = new Date('2026-05-09T09:00:00Z');
    expect(
      improvement.advanceFollowUp({ id: item.id, step: 'plan', plan: '派工程师上门' }).clocks.plan
        .state,
    ).toBe('late');
    clock = new Date('2026-05-10T08:00:00Z');
    const fixed = improvement.advanceFollowUp({ id: item.id, step: 'fix' });
    expect(fixed.clocks.revisit).toEqual({
      due: '2026-05-13T08:00:00.000Z',
      doneAt: null,
      state: 'open',
    });
    clock = new Date('2026-05-12T08:00:00Z');
    // 75 < 80: back to planned for another fix.
    const low = improvement.advanceFollowUp({ id: item.id, step: 'revisit', score: 75 });
    expect(low.status).toBe('planned');
    expect(low.revisitScore).toBe(75);
    improvement.advanceFollowUp({ id: item.id, step: 'fix' });
    const closed = improvement.advanceFollowUp({ id: item.id, step: 'revisit', score: 85 });
    expect(closed.status).toBe('closed');
    expect(closed.clocks.revisit.state).toBe('met');
    // 1 closed of 4 raised = 25 % against 95 %.
    expect(improvement.dashboard(surveyId).followUps.closure).toEqual({
      closed: 1,
      total: 4,
      rate: 25,
      target: 95,
      met: false,
    });
  });
});
