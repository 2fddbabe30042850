/**
 * Analysing a later wave on the Analysis screen verifies the improvement actions planned on an
 * earlier one: the notice says how many were met and missed, and the Improvement dashboard shows
 * the figures. In Chromium through the browser host, in Chinese and in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo, type DemoResult } from '../../main/analysis/demo';
import { runAnalysis } from '../../main/analysis/engine';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { launchChromium } from '../support/browser';
import { startTestHost, type TestHost } from '../support/host';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/e2e');
const RUN = { timeout: 20_000 };

describe('improvement actions verified by analysing the next wave', () => {
  let test: TestHost;
  let browser: Browser;
  let page: Page;
  let demo: DemoResult;
  let wave2Figure: number;

  async function call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    const result = await test.services.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `analysis-verify-${name}.png`) });
  const notice = () => page.locator('[data-testid=analysis-verified]');

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    test = await startTestHost('zh-CN');
    demo = createDemo(
      test.services.ctx.db,
      test.services.ctx.surveys,
      test.services.ctx.fieldwork,
      { responses: 300, seed: 5 },
    );
    const [first, second] = demo.waveIds as [string, string];
    const wave2 = await runAnalysis(test.services.ctx.db, {
      surveyId: demo.surveyId,
      waveIds: [second],
      quality: 'clean',
      conversion: 'ratio',
      crossBy: 'type',
    });
    const score = wave2.dimensions.find((d) => d.id === 'responsiveness')!.score;
    if (!score.ok) throw new Error('the demo data should score responsiveness');
    wave2Figure = score.score100;
    const problem = await call('improvement.createProblem', {
      surveyId: demo.surveyId,
      waveId: first,
      source: 'manual',
      sourceRef: null,
      title: '响应速度慢',
      frequency: 30,
      churnRisk: 3,
      wordOfMouth: 2,
      metric: { kind: 'dimension', ref: 'responsiveness' },
    });
    for (const [title, target] of [
      ['缩短首次响应时间', Math.floor(wave2Figure) - 1],
      ['一小时内回电', Math.ceil(wave2Figure) + 1],
    ] as const)
      await call('improvement.createAction', {
        problemId: problem.id,
        title,
        metric: { kind: 'dimension', ref: 'responsiveness' },
        target,
        owner: '李娜',
        dueOn: '2026-08-31',
      });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(test.host.openUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('says how many actions the second wave verified, and opens Improvement on them', async () => {
    await page.click('[data-screen=analysis]');
    await page.selectOption('[data-filter=wave]', demo.waveIds[1]!);
    await expect.poll(() => notice().count(), RUN).toBe(1);
    expect(await notice().locator('span').textContent()).toBe(
      '已用本期数据验证改进措施 2 项：达标 1 项，未达标 1 项。',
    );
    await shot('notice-zh-CN');

    await page.click('[data-action=open-improvement]');
    const rows = page.locator('[data-testid=verification-results] tbody tr');
    await expect.poll(() => rows.count(), RUN).toBe(2);
    expect(await page.locator('[data-verification=met]').count()).toBe(1);
    expect(await page.locator('[data-verification=not-met]').count()).toBe(1);
    // The dashboard shows the figure the analysis computed for the wave.
    expect(await rows.first().textContent()).toContain(wave2Figure.toFixed(1));
    await shot('dashboard-zh-CN');
  });

  it('shows the same notice in English', async () => {
    await page.click('[data-screen=settings]');
    await page.click('[data-locale="en"]');
    await page.click('[data-screen=analysis]');
    await expect.poll(() => notice().count(), RUN).toBe(1);
    expect(await notice().locator('span').textContent()).toBe(
      'Improvement actions verified with this wave: 2 — 1 met, 1 not met.',
    );
    expect(await notice().locator('button').textContent()).toBe('Open Improvement');
    await shot('notice-en');
  });
});
