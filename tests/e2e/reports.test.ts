/**
 * The Reports screen end to end: an Excel report (also compared with the wave before) and a CSV
 * export of the demo survey generated through the UI into the host's exports folder, a Word report cancelled while it runs, a Word
 * report of chosen sections compared with the wave before, previewed then written, in Chinese and
 * in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
// jszip comes with docx and exceljs; only tests read zips.
import JSZip from 'jszip';
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

    // One wave: compared with the wave before by default, as the Word report is.
    const waveSelect = page.locator('[data-field=wave]');
    const second = await waveSelect.locator('option', { hasText: '下半年' }).getAttribute('value');
    const first = await waveSelect.locator('option', { hasText: '上半年' }).getAttribute('value');
    await waveSelect.selectOption(second);
    const excel = page.locator('[data-testid=excel-options]');
    expect(await excel.count()).toBe(1);
    expect(await excel.locator('[data-field=compare]').inputValue()).toBe(first);
    expect(await excel.textContent()).toContain('汇总、维度和题目工作表');
    const compared = await generate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(compared);
    const headers = (book.getWorksheet('维度得分')!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('上期得分（2026 上半年）');
    expect(headers).toContain('变化（分）');
    await shot('xlsx-compare-zh-CN');
    await waveSelect.selectOption({ index: 0 });
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

  it('previews a Word report of chosen sections compared with the wave before, then writes it', async () => {
    await page.check('[data-format=docx]');
    const waveSelect = page.locator('[data-field=wave]');
    const second = await waveSelect.locator('option', { hasText: '下半年' }).getAttribute('value');
    const first = await waveSelect.locator('option', { hasText: '上半年' }).getAttribute('value');
    await waveSelect.selectOption(second);
    // The comparison defaults to the wave before the one reported.
    expect(await page.locator('[data-field=compare]').inputValue()).toBe(first);
    for (const id of ['cover', 'contents', 'purpose', 'method', 'sample', 'results'])
      expect(await page.locator(`[data-section=${id}]`).first().isChecked()).toBe(true);
    // Only results, drivers and the method: the others are left out.
    for (const id of [
      'cover',
      'contents',
      'purpose',
      'sample',
      'segments',
      'themes',
      'conclusions',
      'improvement',
      'appendix',
    ])
      await page.uncheck(`input[data-section=${id}]`);
    await page.click('[data-action=preview-report]');
    const sections = page.locator('.preview-page [data-section]');
    await expect
      .poll(() => sections.count(), RUN)
      .toBe(3)
      .catch(async (error: unknown) => {
        await shot('preview-failed');
        throw error;
      });
    expect(
      await sections.evaluateAll((list) => list.map((e) => e.getAttribute('data-section'))),
    ).toEqual(['method', 'results', 'drivers']);
    const chapters = page.locator('.preview-page .preview-h1');
    expect(await chapters.allTextContents()).toEqual(['1调查方法', '2调查结果', '3关键驱动因素']);
    expect(await page.locator('[data-testid=preview-facts]').textContent()).toContain(
      '2026 上半年',
    );
    // The charts are real images, drawn.
    const images = page.locator('.preview-page img');
    expect(await images.count()).toBeGreaterThan(2);
    expect(
      await images.first().evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(400);
    // The comparison shows in the results' lead sentences: "上期为 xx 分".
    expect(await page.locator('.preview-page [data-section=results]').textContent()).toContain(
      '上期',
    );
    await shot('preview-zh-CN');
    // A section checked again comes back in place, numbered as the document will be.
    await page.check('input[data-section=sample]');
    expect(await chapters.allTextContents()).toEqual([
      '1调查方法',
      '2样本概况',
      '3调查结果',
      '4关键驱动因素',
    ]);
    await page.uncheck('input[data-section=sample]');
    // Another comparison wave makes the preview out of date until refreshed.
    await page.selectOption('[data-field=compare]', '');
    expect(await page.locator('[data-testid=preview-stale]').count()).toBe(1);
    await page.selectOption('[data-field=compare]', first);
    expect(await page.locator('[data-testid=preview-stale]').count()).toBe(0);

    const saved = await generate();
    expect(saved.endsWith('.docx')).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('1\u2003调查方法');
    expect(text).toContain('2\u2003调查结果');
    expect(text).toContain('3\u2003关键驱动因素');
    expect(text).not.toContain('样本概况');
    expect(text).toContain('上期（2026 上半年）');
    await page.locator('.reports-preview').scrollIntoViewIfNeeded();
    await shot('preview-docx-done-zh-CN');
    // Back to every section for what follows.
    for (const id of [
      'cover',
      'contents',
      'purpose',
      'sample',
      'segments',
      'themes',
      'conclusions',
      'improvement',
      'appendix',
    ])
      await page.check(`input[data-section=${id}]`);
  }, 120_000);

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
    const waveSelect = page.locator('[data-field=wave]');
    await waveSelect.selectOption(
      await waveSelect.locator('option', { hasText: '下半年' }).getAttribute('value'),
    );
    expect(await page.locator('[data-testid=excel-options]').textContent()).toContain(
      'The summary, dimensions and items sheets',
    );
    const saved = await generate();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.getWorksheet('Dimensions')!.getRow(1).values).toContain('Change (points)');
    await shot('xlsx-en');
  });

  it('previews the Word report in English', async () => {
    await page.check('[data-format=docx]');
    expect(await page.locator('[data-testid=preview-stale]').count()).toBe(1);
    await page.click('[data-action=preview-report]');
    await expect
      .poll(() => page.locator('.preview-page .preview-h1').first().textContent(), RUN)
      .toBe('Contents');
    const text = await page.locator('.preview-page').textContent();
    expect(text).toContain('Customer service satisfaction survey');
    expect(text).toContain('Method');
    expect(text).toContain('Key drivers');
    await shot('preview-en');
    await page.locator('.preview-page [data-section=results]').scrollIntoViewIfNeeded();
    await shot('preview-results-en');
  }, 60_000);
});
