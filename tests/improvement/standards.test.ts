/** Service-quality standards computed per wave and per segment, figures worked out by hand. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { improvementService, type ImprovementService } from '../../main/improvement/service';
import type { RunningServices } from '../../main/services/start';
import { standardInput } from '../../shared/api/improvement';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addWave, answersWith, createSurvey } from './fixture';

describe('service-quality standards', () => {
  const dir = useTempDir('improvement-standards');
  let services: RunningServices;
  let improvement: ImprovementService;
  let surveyId: string;
  let waveId: string;

  beforeEach(async () => {
    services = await startTestServices(dir.join('data.sqlite'));
    improvement = improvementService(services.ctx.db, {
      now: () => new Date('2026-06-01T09:00:00Z'),
    });
    surveyId = createSurvey(services);
    // VIP (高价值客户) responsiveness: 5 and 4 → 4.5 → 90. Others: 3 and 2 → 2.5 → 50.
    // Everyone: (5 + 4 + 3 + 2) / 4 = 3.5 → 70.
    waveId = addWave(services, surveyId, '上半年', '2026-03-01', [
      { type: '高价值客户', answers: answersWith([5, 5, 5]) },
      { type: '高价值客户', answers: answersWith([4, 4, 4]) },
      { type: '老客户', answers: answersWith([3, 3, 3]) },
      { type: '新客户', answers: answersWith([2, 2, 2]) },
    ]);
  });

  afterEach(async () => {
    await services.close();
  });

  const save = (patch: Record<string, unknown>) =>
    improvement.saveStandard(
      standardInput.parse({
        indicator: '响应及时性',
        dimension: '响应速度',
        dataSource: 'survey',
        metric: { kind: 'dimension', ref: 'responsiveness' },
        period: '每半年',
        ...patch,
      }),
    );

  it('computes survey indicators per segment and shows them met or not met', async () => {
    const vip = save({ target: 85, segment: { attribute: 'type', value: '高价值客户' } });
    const regular = save({ target: 60, segment: { attribute: 'type', value: '老客户' } });
    const everyone = save({ target: 70 });
    expect((await improvement.evaluateWave(surveyId, waveId)).standards).toBe(3);
    const results = Object.fromEntries(improvement.standards().map((s) => [s.id, s.results[0]!]));
    expect(results[vip.id]!.value).toBeCloseTo(90, 10);
    expect(results[vip.id]!.met).toBe(true);
    // 老客户: the single response at 3 → 60 >= 60.
    expect(results[regular.id]!.value).toBeCloseTo(60, 10);
    expect(results[regular.id]!.met).toBe(true);
    expect(results[everyone.id]!.value).toBeCloseTo(70, 10);
    expect(results[everyone.id]!.met).toBe(true);
  });

  it('compares manual indicators (response time from the ticket system) with their figure', () => {
    // VIP response time <= 5 min: 4 min is met; others <= 10 min: 12 min is not.
    save({
      indicator: 'VIP 响应时间',
      dataSource: 'manual',
      metric: null,
      operator: '<=',
      target: 5,
      manualValue: 4,
      formula: '首次响应时间（分钟）',
    });
    save({
      indicator: '普通客户响应时间',
      dataSource: 'manual',
      metric: null,
      operator: '<=',
      target: 10,
      manualValue: 12,
    });
    save({ indicator: '尚无数据', dataSource: 'manual', metric: null, operator: '<=', target: 10 });
    expect(improvement.dashboard(surveyId).standards).toEqual({ met: 1, notMet: 1, unknown: 1 });
  });

  it('refuses a survey standard without a metric', () => {
    expect(() => save({ metric: null, target: 80 })).toThrow(/INVALID_INPUT/);
  });
});
