/**
 * The Analysis screen end to end: the demo survey analysed in a job worker, every card checked
 * against the engine run directly on the same request, a segment filter that changes the figures,
 * the click-through to the responses behind a group and a theme, in Chinese and in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRequest } from '../../shared/analysis';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { createDemo, type DemoResult } from '../../main/analysis/demo';
import { runAnalysis } from '../../main/analysis/engine';
import { launchChromium } from '../support/browser';
import { startTestHost, type TestHost } from '../support/host';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/e2e');
// A run takes a worker start (tsx) plus the analysis: allow a few seconds on a busy machine.
const RUN = { timeout: 20_000 };

describe('analysing a survey in Chromium through the browser host', () => {
  let test: TestHost;
  let browser: Browser;
  let page: Page;
  let demo: DemoResult;

  async function call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    const result = await test.services.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  /** What the engine says for the request the screen should have sent. */
  const engine = (patch: Partial<AnalysisRequest> = {}) =>
    runAnalysis(test.services.ctx.db, {
      surveyId: demo.surveyId,
      quality: 'clean',
      conversion: 'ratio',
      crossBy: 'type',
      ...patch,
    });

  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `analysis-${name}.png`) });
  const indexValue = () => page.locator('[data-testid=index-value]').textContent();
  /** Waits until no run is under way and the index card shows something other than `before`. */
  const settled = async (before?: string | null) => {
    await page.click('[data-tab=overview]');
    await expect
      .poll(async () => {
        const running = await page.locator('[data-testid=analysis-progress]').count();
        const shown = await page.locator('[data-testid=index-value]').count();
        return running === 0 && shown === 1 && (await indexValue()) !== before;
      }, RUN)
      .toBe(true);
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    test = await startTestHost('zh-CN');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(test.host.openUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await test?.stop();
  });

  it('says plainly when there is no published survey to analyse', async () => {
    await page.click('[data-screen=analysis]');
    const empty = page.locator('[data-testid=analysis-empty][data-empty=no-survey]');
    await expect.poll(() => empty.count()).toBe(1);
    expect(await empty.locator('h2').textContent()).toBe('还没有已发布的调查');
    await shot('empty-zh-CN');
  });

  it('analyses the demo survey in a job and shows the index the engine computes', async () => {
    demo = createDemo(
      test.services.ctx.db,
      test.services.ctx.surveys,
      test.services.ctx.fieldwork,
      { responses: 400, seed: 3 },
    );
    await page.click('[data-screen=surveys]');
    await page.click('[data-screen=analysis]');
    await settled();
    const expected = await engine();
    if (!expected.index.ok) throw new Error('the demo data should give an index');
    expect(await indexValue()).toBe(expected.index.score100.toFixed(1));
    expect(await page.locator('[data-testid=analysed-n]').textContent()).toBe(
      String(expected.cleaning.analysed),
    );
    expect(expected.cleaning.excluded).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=excluded-n]').textContent()).toContain(
      String(expected.cleaning.excluded),
    );
    if (!expected.nps?.ok) throw new Error('the demo data should give an NPS');
    expect(await page.locator('[data-testid=nps-value]').textContent()).toBe(
      expected.nps.nps.toFixed(1),
    );
    // The survey's NPS target (30) is shown against the figure.
    expect(await page.locator('[data-testid=nps-card] [data-testid=target]').textContent()).toMatch(
      /^目标 30\.0/,
    );
    expect(await page.locator('[data-testid=dimension-bars] [data-dimension]').count()).toBe(5);
    await shot('overview-zh-CN');
  });

  it('shows items with their distributions and the reliability of each dimension', async () => {
    await page.click('[data-tab=items]');
    const table = page.locator('[data-testid=items-tab]');
    expect(await table.locator('tr[data-item]').count()).toBe(16);
    expect(await table.locator('tr[data-item=resp_1] .likert-part').count()).toBe(5);
    expect(await table.locator('tr[data-dimension=responsiveness]').textContent()).toMatch(
      /信度 α = 0\.\d\d/,
    );
    await shot('items-zh-CN');
  });

  it('compares customer types with a test and says whether the difference is real', async () => {
    await page.click('[data-tab=segments]');
    const tab = page.locator('[data-testid=segments-tab]');
    await tab.locator('[data-attribute=type]').first().click();
    expect(await tab.getAttribute('data-attribute')).toBe('type');
    expect(await tab.locator('[data-testid=segment-test]').textContent()).toMatch(
      /^3 组单因素方差分析：F\(2, \d+\) = /,
    );
    const verdict = await tab.locator('[data-testid=segment-verdict]').textContent();
    expect(verdict).toMatch(/^不同客户类型的综合指数/);
    expect(await page.locator('[data-testid=segment-chart] canvas').count()).toBe(1);
    await shot('segments-zh-CN');
  });

  it('filters by a segment (type = 新客户) and every figure follows', async () => {
    await page.click('[data-tab=overview]');
    const before = await indexValue();
    await page.selectOption('[data-filter=segment-attribute]', 'type');
    await page.selectOption('[data-filter=segment-value]', '新客户');
    await settled(before);
    const expected = await engine({ segment: { attribute: 'type', value: '新客户' } });
    if (!expected.index.ok) throw new Error('new customers should have an index');
    expect(await indexValue()).toBe(expected.index.score100.toFixed(1));
    expect(await page.locator('[data-testid=analysed-n]').textContent()).toBe(
      String(expected.cleaning.analysed),
    );
    expect(expected.cleaning.analysed).toBeLessThan((await engine()).cleaning.analysed);
    await shot('segment-filter-zh-CN');
  });

  it('opens the responses behind an open-answer theme, saying what the register cannot filter', async () => {
    await page.click('[data-tab=text]');
    await page.locator('[data-testid=theme-bars] [data-theme]').first().click();
    const drawer = page.locator('[data-testid=drill-drawer]');
    await drawer.waitFor();
    expect(await drawer.getAttribute('data-kind')).toBe('theme');
    expect(await drawer.locator('[data-testid=drill-quotes] li').count()).toBeGreaterThan(0);
    // Neither the customer type nor the theme's answers are register filters: both are named.
    const missing = await drawer.locator('[data-testid=drill-not-applied] li').allTextContents();
    expect(missing[0]).toBe('客户类型 = 新客户');
    expect(missing[1]).toMatch(/^提到“.+”的回答$/);
    await shot('theme-drill-zh-CN');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
  });

  it('opens the responses of a channel group in the register with the filters it can apply', async () => {
    await page.click('[data-tab=overview]');
    const before = await indexValue();
    await page.click('[data-action=reset-analysis-filters]');
    await settled(before);
    await page.click('[data-tab=segments]');
    await page.click('[data-testid=segments-tab] [data-attribute=channel]');
    await page.click('[data-testid=segment-table] [data-group=kiosk]');
    const drawer = page.locator('[data-testid=drill-drawer]');
    expect(await drawer.locator('[data-testid=drill-shown]').textContent()).toContain(
      '渠道：自助终端',
    );
    expect(await drawer.locator('[data-testid=drill-not-applied]').count()).toBe(0);
    await drawer.locator('[data-action=open-responses]').click();

    await page.waitForSelector('[data-testid=responses]');
    expect(await page.locator('[data-filter=surveyId]').inputValue()).toBe(demo.surveyId);
    expect(await page.locator('[data-filter=channel]').inputValue()).toBe('kiosk');
    expect(await page.locator('[data-filter=status]').inputValue()).toBe('complete');
    expect(await page.locator('[data-filter=flag]').inputValue()).toBe('none');
    const listed = await call('responses.list', {
      surveyId: demo.surveyId,
      channel: 'kiosk',
      status: 'complete',
      flag: 'none',
      limit: 1,
      offset: 0,
    });
    expect(listed.total).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid=pager-range]').textContent())
      .toMatch(new RegExp(`共 ${listed.total} 条$`));
    await shot('responses-from-group-zh-CN');
  });

  it('shows drivers, trends and cross-tabs in English', async () => {
    await page.click('[data-screen=settings]');
    await page.click('[data-locale="en"]');
    await page.click('[data-screen=analysis]');
    await settled(null);
    expect(await page.locator('[data-testid=index-card] h2').textContent()).toBe(
      'Overall satisfaction index',
    );
    await shot('overview-en');

    await page.click('[data-tab=drivers]');
    expect(await page.locator('[data-testid=driver-chart] canvas').count()).toBe(1);
    expect(await page.locator('[data-testid=priority-list] tbody tr').count()).toBe(5);
    await shot('drivers-en');

    await page.click('[data-tab=trends]');
    const expected = await engine();
    const significant = expected.trends.changes.filter((c) => c.significant).length;
    expect(
      await page.locator('[data-testid=trend-changes] tr[data-significant=true]').count(),
    ).toBe(significant);
    await shot('trends-en');

    await page.click('[data-tab=crosstabs]');
    await page.selectOption('[data-filter=crosstab-question]', 'callback');
    expect(await page.locator('[data-testid=crosstab] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid=chi-square]').textContent()).toMatch(/^Chi-square = /);
    await shot('crosstabs-en');

    await page.click('[data-tab=text]');
    await shot('text-en');
    await page.click('[data-tab=items]');
    await shot('items-en');
  });

  it('re-runs with the other 100-point conversion and matches the engine again', async () => {
    await page.click('[data-tab=overview]');
    const before = await indexValue();
    await page.selectOption('[data-filter=conversion]', 'range');
    await settled(before);
    const expected = await engine({ conversion: 'range' });
    if (!expected.index.ok) throw new Error('the demo data should give an index');
    expect(await indexValue()).toBe(expected.index.score100.toFixed(1));
  });
});
