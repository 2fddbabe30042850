/**
 * The sampling methods through the real dispatcher (as the renderer and the CLI call them):
 * input validation, the plan and the draw, a forbidden contact move reported in the user's
 * language, and the constraints the schema itself keeps.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import type { CustomerSummary, Wave } from '../../shared/responses';
import type { SamplePlan, SampleView, WavePlan } from '../../shared/sampling';
import type { SurveyDetail } from '../../shared/surveys';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('sampling-api');
let services: RunningServices;
let wave: Wave;
let customers: CustomerSummary[];

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<ApiError> {
  const result = await services.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'), { systemLocale: 'zh-CN' });
  const survey = await call<SurveyDetail>('surveys.create', {
    template: 'after-sales',
    language: 'zh-CN',
  });
  wave = await call<Wave>('waves.create', { surveyId: survey.id, name: '2026 Q4' });
  customers = [];
  for (let i = 1; i <= 12; i++) {
    customers.push(
      await call<CustomerSummary>('customers.create', {
        code: `C${i}`,
        name: `客户${i}`,
        type: i <= 8 ? '老客户' : '新客户',
      }),
    );
  }
});

afterEach(async () => {
  await services.close();
});

describe('sampling through the API', () => {
  it('keeps waves.list and waves.create working beside waves.get and waves.update', async () => {
    const plan = await call<WavePlan>('waves.update', {
      id: wave.id,
      goal: '首次联系解决率提升 15%',
    });
    expect(plan.goal).toBe('首次联系解决率提升 15%');
    expect((await call<WavePlan>('waves.get', { id: wave.id })).goal).toBe(
      '首次联系解决率提升 15%',
    );
    const listed = await call<Wave[]>('waves.list', { surveyId: wave.surveyId });
    expect(listed.map((w) => w.name)).toEqual(['2026 Q4']);
  });

  it('rejects a target rate above 100 % and an unknown stratum attribute', async () => {
    expect(
      (await failure('waves.update', { id: wave.id, targetRates: { interview: 1.2 } })).code,
    ).toBe('INVALID_INPUT');
    expect(
      (await failure('sample.plan', { waveId: wave.id, design: { strata: ['colour'] } })).code,
    ).toBe('INVALID_INPUT');
  });

  it('plans, draws with a fixed size per stratum, and stores the design with the seed', async () => {
    const design = { strata: ['type'], rule: { kind: 'fixedSize', size: 3 } };
    const plan = await call<SamplePlan>('sample.plan', { waveId: wave.id, design });
    // 8 existing -> 3 (weight 8/3), 4 new -> 3 (weight 4/3).
    expect(plan.strata.map((s) => [s.key, s.population, s.sampleSize])).toEqual([
      ['新客户', 4, 3],
      ['老客户', 8, 3],
    ]);
    const view = await call<SampleView>('sample.draw', { waveId: wave.id, design, seed: 5 });
    expect(view.sample).toMatchObject({
      seed: 5,
      size: 6,
      population: 12,
      design: { strata: ['type'], rule: { kind: 'fixedSize', size: 3 } },
    });
    const weights = view.members.map((m) => [m.stratum, m.weight]);
    expect(
      weights
        .filter(([s]) => s === '老客户')
        .every(([, w]) => Math.abs((w as number) - 8 / 3) < 1e-12),
    ).toBe(true);
  });

  it('names a forbidden contact move in the user’s language and changes nothing', async () => {
    const view = await call<SampleView>('sample.draw', { waveId: wave.id, design: {}, seed: 1 });
    const [a, b] = view.members;
    await call('sample.contact', {
      waveId: wave.id,
      customerIds: [a!.customerId],
      status: 'interviewed',
    });
    const error = await failure('sample.contact', {
      waveId: wave.id,
      customerIds: [b!.customerId, a!.customerId],
      status: 'unreachable',
    });
    expect(error.code).toBe('CONTACT_NOT_ALLOWED');
    expect(error.message).toBe(`${a!.name} 当前为“已访问”，不能标记为“联系不上”。未做任何更改。`);
    const after = await call<SampleView>('sample.get', { waveId: wave.id });
    expect(after.members.find((m) => m.customerId === b!.customerId)!.status).toBe('not_contacted');
  });

  it('refuses "not contacted" as a contact outcome, and members outside the sample', async () => {
    const view = await call<SampleView>('sample.draw', {
      waveId: wave.id,
      design: { rule: { kind: 'fixedSize', size: 2 } },
      seed: 1,
    });
    expect(
      (
        await failure('sample.contact', {
          waveId: wave.id,
          customerIds: [view.members[0]!.customerId],
          status: 'not_contacted',
        })
      ).code,
    ).toBe('INVALID_INPUT');
    const outside = customers.find((c) => !view.members.some((m) => m.customerId === c.id))!;
    expect(
      (
        await failure('sample.assign', {
          waveId: wave.id,
          customerIds: [outside.id],
          accountManager: '王芳',
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('keeps design weights of at least 1 and known statuses in the schema itself', async () => {
    await call<SampleView>('sample.draw', { waveId: wave.id, design: {}, seed: 1 });
    const db = services.ctx.db;
    expect(() => db.prepare('UPDATE sample_members SET weight = 0.5').run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sample_members SET status = 'lost'`).run()).toThrow(/CHECK/);
  });
});
