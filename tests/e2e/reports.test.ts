/**
 * The Reports screen end to end: an Excel report and a CSV export of the demo survey generated
 * through the UI into the host's exports folder, a Word report cancelled while it runs, in Chinese
 * and in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../main/analysis/demo';
import { launchChromium } from '../support/browser';
import { startTestHost, type TestHost } from '../support/host';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/e2e');
// An export takes a worker start (tsx) plus the analysis and the file: allow for a busy machine.
const RUN = { timeout: 30_000 };

describe('generating reports and exports in Chromium through the browser host', () => {
  let test: TestHost;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `reports-${name}.png`) });
  const exportsDir = () => path.join(test.dir, 'exports');

  /** Clicks Generate and waits for the job to finish; answers the saved path. */
  async function generate(): Promise<string> {
    await page.click('[data-action=generate-report]');
    const done = page.locator('[data-testid=report-done]');
    await done.waitFor(RUN);
    return (await done.locator('[data-testid=report-path]').textContent()) ?? '';
  }

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

  it('says plainly when there is no published survey to report on', async () => {
    await page.waitForSelector('[data-testid=survey-list]');
    await page.click('[data-screen=reports]');
    const empty = page.locator('[data-testid=reports-empty]');
    await empty.waitFor();
    expect(await empty.locator('h2').textContent()).toBe('还没有已发布的调查');
    await shot('empty-zh-CN');
  });

  it('writes an Excel report of the demo survey into the exports folder', async () => {
    createDemo(test.services.ctx.db, test.services.ctx.surveys, test.services.ctx.fieldwork, {
      responses: 400,
      seed: 3,
    });
    await page.click('[data-screen=surveys]');
    await page.click('[data-screen=reports]');
    await page.waitForSelector('[data-action=generate-report]');
    await expect.poll(() => page.locator('[data-field=wave] option').count()).toBe(3);
    // The report language follows the app's language until chosen.
    expect(await page.locator('[data-field=lang]').inputValue()).toBe('zh-CN');
    await page.check('[data-format=xlsx]');
    expect(await page.locator('[data-testid=data-options]').count()).toBe(0);
    const saved = await generate();
    expect(path.dirname(saved)).toBe(exportsDir());
    expect(saved.endsWith('.xlsx')).toBe(true);
    expect(fs.existsSync(saved)).toBe(true);
    expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await shot('xlsx-zh-CN');
  });

  it('writes a CSV of one wave with a BOM, warning about personal data when asked for it', async () => {
    await page.check('[data-format=csv]');
    await page.locator('[data-field=wave]').selectOption({ index: 1 });
    const options = page.locator('[data-testid=data-options]');
    expect(await options.count()).toBe(1);
    expect(await page.locator('[data-field=encoding]').inputValue()).toBe('utf8');
    expect(await page.locator('[data-testid=personal-warning]').count()).toBe(0);
    await page.check('[data-field=include-personal]');
    expect(await page.locator('[data-testid=personal-warning]').textContent()).toContain(
      '个人信息',
    );
    await page.uncheck('[data-field=include-personal]');
    const saved = await generate();
    expect(path.dirname(saved)).toBe(exportsDir());
    expect(saved.endsWith('.csv')).toBe(true);
    const bytes = fs.readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\n').length).toBeGreaterThan(10);
    await page.check('[data-field=include-personal]');
    await shot('csv-zh-CN');
    await page.uncheck('[data-field=include-personal]');
  });

  it('cancels a running Word report and leaves no file behind', async () => {
    await page.check('[data-format=docx]');
    await page.click('[data-action=generate-report]');
    const cancel = page.locator('[data-action=cancel-report]:not([disabled])');
    await cancel.waitFor(RUN);
    await shot('running-zh-CN');
    await cancel.click().catch(() => undefined);
    const stopped = page.locator('[data-testid=report-stopped], [data-testid=report-done]');
    await stopped.first().waitFor(RUN);
    if ((await page.locator('[data-testid=report-done]').count()) > 0) {
      // The report finished before the cancel arrived: nothing left to check here.
      console.warn('the Word report finished before it could be cancelled');
      expect(await page.locator('[data-testid=report-path]').textContent()).toMatch(/\.docx$/);
      return;
    }
    expect(await page.locator('[data-testid=report-stopped]').getAttribute('data-status')).toBe(
      'cancelled',
    );
    const left = fs.readdirSync(exportsDir()).filter((name) => name.includes('.docx'));
    expect(left).toEqual([]);
  });

  it('shows the screen in English', async () => {
    await page.click('[data-screen=settings]');
    await page.click('[data-locale=en]');
    await expect
      .poll(() => page.locator('[data-screen=reports]').textContent())
      .toContain('Reports');
    await page.click('[data-screen=reports]');
    await page.check('[data-format=csv]');
    await page.check('[data-field=include-personal]');
    expect(await page.locator('[data-testid=personal-warning]').textContent()).toContain(
      'personal data',
    );
    await shot('csv-en');
    await page.uncheck('[data-field=include-personal]');
    await page.check('[data-format=xlsx]');
    await page.selectOption('[data-field=lang]', 'en');
    const saved = await generate();
    expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await shot('xlsx-en');
  });
});
