/**
 * The analysis job verifies improvement actions: analysing a later wave marks the actions whose
 * baseline came from an earlier wave met / not met with the very figure the analysis shows;
 * analysing the baseline wave itself, a filtered request or a cancelled job marks nothing.
 * Real SQLite file, the seeded two-wave demo data, and the analysis runner the worker uses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../main/analysis/demo';
import { verifiesImprovement, verifyWithAnalysis } from '../../main/improvement/auto-verify';
import { improvementService, type ImprovementService } from '../../main/improvement/service';
import { JOB_RUNNERS } from '../../main/jobs/kinds';
import type { RunningServices } from '../../main/services/start';
import { analysisRequest, type AnalysisResult } from '../../shared/analysis';
import { actionInput, problemInput, standardInput } from '../../shared/api/improvement';
import type { JobProgress } from '../../shared/contract';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

describe('improvement actions verified by the analysis job', () => {
  const dir = useTempDir('improvement-auto-verify');
  let services: RunningServices;
  let improvement: ImprovementService;
  let surveyId: string;
  let first: string;
  let second: string;

  beforeEach(async () => {
    services = await startTestServices(dir.join('data.sqlite'));
    const demo = createDemo(services.ctx.db, services.ctx.surveys, services.ctx.fieldwork, {
      responses: 160,
      seed: 11,
    });
    surveyId = demo.surveyId;
    [first, second] = demo.waveIds as [string, string];
    improvement = improvementService(services.ctx.db, {
      now: () => new Date('2026-06-01T09:00:00Z'),
    });
  });

  afterEach(async () => {
    await services.close();
  });

  /** Runs the `analysis.run` job's runner as the worker does; `onProgress` may abort it. */
  async function analyse(
    request: Record<string, unknown>,
    onProgress: (p: JobProgress, controller: AbortController) => void = () => undefined,
  ): Promise<AnalysisResult> {
    const controller = new AbortController();
    return (await JOB_RUNNERS['analysis.run'](
      { kind: 'analysis.run', request: analysisRequest.parse({ surveyId, ...request }) },
      {
        db: services.ctx.db,
        backupsDir: dir.join('backups'),
        signal: controller.signal,
        progress: (p) => onProgress(p, controller),
      },
    )) as AnalysisResult;
  }

  /** Two actions on responsiveness from a wave-1 problem: one target just under `reachable`, one just over. */
  async function twoActions(reachable: number) {
    const problem = await improvement.createProblem(
      problemInput.parse({
        surveyId,
        waveId: first,
        source: 'priority',
        sourceRef: 'dimension:responsiveness',
        title: '响应速度',
        frequency: 30,
        churnRisk: 3,
        wordOfMouth: 2,
        metric: { kind: 'dimension', ref: 'responsiveness' },
      }),
    );
    const action = (title: string, target: number) =>
      improvement.createAction(
        actionInput.parse({
          problemId: problem.id,
          title,
          metric: { kind: 'dimension', ref: 'responsiveness' },
          target,
          owner: '李娜',
          dueOn: '2026-08-31',
        }),
      );
    return {
      met: await action('缩短首次响应时间', Math.floor(reachable) - 1),
      missed: await action('一小时内回电', Math.ceil(reachable) + 1),
    };
  }

  const responsiveness = (result: AnalysisResult) => {
    const score = result.dimensions.find((d) => d.id === 'responsiveness')!.score;
    if (!score.ok) throw new Error('responsiveness not computed');
    return score.score100;
  };

  const verificationCount = () =>
    (
      services.ctx.db.prepare('SELECT count(*) AS n FROM improvement_verifications').get() as {
        n: number;
      }
    ).n;

  it('verifies wave-1 actions with the wave-2 analysis, using its own figure', async () => {
    // The demo raises responsiveness in the second wave (+0.35 on 5 points, about +7 on 100).
    const wave1 = responsiveness(await analyse({ waveIds: [first] }));
    const before = await analyse({ waveIds: [second] }); // nothing to verify yet: no actions
    expect(before.improvement).toBeUndefined();
    const wave2 = responsiveness(before);
    expect(wave2).toBeGreaterThan(wave1 + 3);
    // Targets around the wave-2 figure: 1 below it (met), 1 above it (not met).
    const { met, missed } = await twoActions(wave2);
    expect(met.baseline).toBeCloseTo(wave1, 10);

    const result = await analyse({ waveIds: [second] });
    expect(result.improvement).toEqual({
      waveId: second,
      actions: 2,
      met: 1,
      notMet: 1,
      standards: 0,
    });
    const after = Object.fromEntries(improvement.actions(surveyId).map((a) => [a.id, a]));
    expect(after[met.id]!.status).toBe('verified');
    expect(after[missed.id]!.status).toBe('missed');
    for (const id of [met.id, missed.id]) {
      const [verification] = after[id]!.verifications;
      expect(verification).toMatchObject({ waveId: second, baseline: met.baseline });
      // Exactly the figure the analysis result shows on the Analysis screen.
      expect(verification!.value).toBe(responsiveness(result));
    }
    expect(after[met.id]!.verifications[0]!.met).toBe(true);
    expect(after[missed.id]!.verifications[0]!.met).toBe(false);
  });

  it('keeps a re-plan when the same wave is analysed again with the same verdict', async () => {
    const wave2 = responsiveness(await analyse({ waveIds: [second] }));
    const { missed } = await twoActions(wave2);
    await analyse({ waveIds: [second] });
    improvement.replan(missed.id, '2027-03-31', '上线工单系统', '目标未达成');
    // The screen re-runs the analysis whenever the filters come back to this wave.
    expect((await analyse({ waveIds: [second] })).improvement).toMatchObject({ notMet: 1 });
    expect(improvement.actions(surveyId).find((a) => a.id === missed.id)!.status).toBe('replanned');
  });

  it('computes the survey standards for the wave, a segment standard with its own segment', async () => {
    const result = await analyse({ waveIds: [second] });
    const wave2 = responsiveness(result);
    const everyone = improvement.saveStandard(
      standardInput.parse({
        indicator: '响应及时性',
        dataSource: 'survey',
        metric: { kind: 'dimension', ref: 'responsiveness' },
        target: Math.floor(wave2) - 1,
      }),
    );
    const newCustomers = improvement.saveStandard(
      standardInput.parse({
        indicator: '新客户响应及时性',
        dataSource: 'survey',
        metric: { kind: 'dimension', ref: 'responsiveness' },
        segment: { attribute: 'type', value: '新客户' },
        target: 0,
      }),
    );
    // No action to verify: the wave's analysis still computes the standards.
    expect((await analyse({ waveIds: [second] })).improvement).toEqual({
      waveId: second,
      actions: 0,
      met: 0,
      notMet: 0,
      standards: 2,
    });
    const results = Object.fromEntries(improvement.standards().map((s) => [s.id, s.results]));
    expect(results[everyone.id]).toEqual([
      expect.objectContaining({ waveId: second, value: wave2, met: true }),
    ]);
    // The demo lowers new customers' responsiveness: their figure is below everyone's.
    const segmentValue = results[newCustomers.id]![0]!.value!;
    expect(segmentValue).toBeLessThan(wave2);
    const segmented = await analyse({
      waveIds: [second],
      segment: { attribute: 'type', value: '新客户' },
    });
    expect(segmentValue).toBe(responsiveness(segmented));
  });

  it('marks nothing when the analysed wave is the baseline wave itself', async () => {
    const wave1 = responsiveness(await analyse({ waveIds: [first] }));
    const { met, missed } = await twoActions(wave1 - 10);
    const result = await analyse({ waveIds: [first] });
    expect(result.improvement).toBeUndefined();
    expect(verificationCount()).toBe(0);
    const statuses = improvement
      .actions(surveyId)
      .filter((a) => a.id === met.id || a.id === missed.id)
      .map((a) => a.status);
    expect(statuses).toEqual(['planned', 'planned']);
  });

  it('marks nothing for all waves together or a filtered view of the wave', async () => {
    await twoActions(50);
    expect((await analyse({})).improvement).toBeUndefined();
    expect(
      (await analyse({ waveIds: [second], segment: { attribute: 'type', value: '新客户' } }))
        .improvement,
    ).toBeUndefined();
    expect((await analyse({ waveIds: [second], quality: 'all' })).improvement).toBeUndefined();
    expect((await analyse({ waveIds: [second], conversion: 'range' })).improvement).toBeUndefined();
    expect(verificationCount()).toBe(0);
    expect(
      verifiesImprovement(analysisRequest.parse({ surveyId, waveIds: [second], channel: 'kiosk' })),
    ).toBe(false);
  });

  it('marks nothing when the job is cancelled at the end of the analysis', async () => {
    await twoActions(50);
    await expect(
      analyse({ waveIds: [second] }, (p, controller) => {
        if (p.total > 0 && p.done === p.total) controller.abort();
      }),
    ).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(verificationCount()).toBe(0);
    expect(improvement.actions(surveyId).every((a) => a.status === 'planned')).toBe(true);
  });

  it('writes nothing when cancelled between the analysis and the verification writes', async () => {
    await twoActions(50);
    const result = await analyse({ waveIds: [second] });
    services.ctx.db.prepare('DELETE FROM improvement_verifications').run();
    services.ctx.db.prepare("UPDATE improvement_actions SET status = 'planned'").run();
    await expect(
      verifyWithAnalysis(services.ctx.db, result, () => {
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(verificationCount()).toBe(0);
  });
});
