/**
 * The improvement loop on a 5,000-response demo survey, each against a baseline on the same file:
 *   - verifying a wave (the analysis of the wave, then 40 actions compared with their targets and
 *     two standards computed) versus the bare analysis of that wave: what verification adds;
 *   - the dashboard with those actions and every follow-up the wave raises, versus bare SELECTs
 *     of the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemo } from '../main/analysis/demo';
import { analyserFor, improvementService } from '../main/improvement/service';
import { actionInput, problemInput, standardInput } from '../shared/api/improvement';
import { benchServices, best } from './support';

export async function reportImprovement(): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-improvement-'));
  const services = await benchServices(path.join(dir, 'bench.sqlite'));
  try {
    const { db, surveys, fieldwork } = services.ctx;
    const demo = createDemo(db, surveys, fieldwork, { responses: 5000, seed: 11 });
    const [first, second] = demo.waveIds as [string, string];
    const improvement = improvementService(db);
    const problem = await improvement.createProblem(
      problemInput.parse({
        surveyId: demo.surveyId,
        waveId: first,
        title: 'bench',
        frequency: 10,
        churnRisk: 2,
        wordOfMouth: 2,
        metric: { kind: 'dimension', ref: 'responsiveness' },
      }),
    );
    for (let i = 0; i < 40; i++)
      await improvement.createAction(
        actionInput.parse({
          problemId: problem.id,
          title: `action ${i}`,
          metric: { kind: 'dimension', ref: 'responsiveness' },
          target: 70 + (i % 20),
          owner: 'bench',
          dueOn: '2026-08-31',
        }),
      );
    for (const target of [75, 85])
      improvement.saveStandard(
        standardInput.parse({
          indicator: `index ${target}`,
          dataSource: 'survey',
          metric: { kind: 'index', ref: null },
          target,
        }),
      );
    const analyse = analyserFor(db);
    const analysisMs = await best(5, () => analyse(demo.surveyId, second));
    const verifyMs = await best(5, () => improvement.evaluateWave(demo.surveyId, second));
    const { created } = improvement.scanFollowUps(demo.surveyId, second);
    const bare = [
      db.prepare('SELECT * FROM improvement_actions'),
      db.prepare('SELECT * FROM improvement_action_events'),
      db.prepare('SELECT * FROM improvement_verifications'),
      db.prepare('SELECT * FROM improvement_follow_ups'),
      db.prepare('SELECT * FROM improvement_standards'),
      db.prepare('SELECT * FROM improvement_problems'),
    ];
    const bareMs = await best(20, () => bare.forEach((s) => s.all()));
    const dashboardMs = await best(20, () => improvement.dashboard(demo.surveyId));
    const verifyRatio = verifyMs / analysisMs;
    const waveResponses = (
      db.prepare('SELECT count(*) AS n FROM responses WHERE wave_id = ?').get(second) as {
        n: number;
      }
    ).n;
    console.log(
      `improvement: verify a wave of ${waveResponses} responses with 40 actions and 2 standards ${verifyMs.toFixed(0)} ms vs its bare analysis ${analysisMs.toFixed(0)} ms, ratio ${verifyRatio.toFixed(2)}  target <= 1.25; dashboard of 40 actions and ${created} follow-ups ${dashboardMs.toFixed(1)} ms (bare SELECTs ${bareMs.toFixed(1)} ms)  target <= 150 ms`,
    );
    return verifyRatio <= 1.25 && dashboardMs <= 150;
  } finally {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
