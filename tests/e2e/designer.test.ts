import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/app';

describe('designing a questionnaire in Chromium through the browser host', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp('zh-CN');
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a survey from the customer-service template', async () => {
    await page.click('[data-action=new-survey]');
    await page.click('[data-template=customer-service]');
    await page.waitForSelector('[data-testid=designer]');
    expect(await page.locator('.designer-title strong').textContent()).toBe('客户服务满意度调查');
    expect(await page.locator('[data-outline-question]').count()).toBe(26);
  });

  it('adds a question with skip logic and reports a broken expression at its position', async () => {
    await page.click('[data-name=resp_1]');
    await page.locator('.outline-page').first().locator('[data-action=add-question]').click();
    await page.click('[data-add-type=text]');
    const editor = page.locator('[data-testid=question-editor]');
    await editor.locator('[data-field=name] input').fill('why_slow');
    await editor.locator('[data-field=label] [data-lang=zh-CN]').fill('请具体说明哪里响应不够及时');
    await editor
      .locator('[data-field=label] [data-lang=en]')
      .fill('Please tell us where we were too slow');
    await editor.locator('[data-field=relevant] input').fill('${resp_1} <= ');
    await expect
      .poll(() => page.locator('[data-testid=relevant-error]').textContent())
      .toMatch(/14/);
    await editor.locator('[data-field=relevant] input').fill('${resp_1} <= 2');
    await expect.poll(() => page.locator('[data-testid=relevant-error]').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid=save-state]').textContent(), { timeout: 5000 })
      .toBe('已全部保存');
  });

  it('hides and shows the new question in the live preview as answers change', async () => {
    const preview = page.locator('[data-testid=preview]');
    await preview.locator('[data-action=consent]').click();
    const conditional = preview.locator('[data-question=why_slow]');
    expect(await conditional.count()).toBe(0);
    await preview.locator('[data-question=resp_1] [data-value="1"]').click();
    await expect.poll(() => conditional.count()).toBe(1);
    await app.shot('designer-zh-CN');
    await preview.locator('[data-question=resp_1] [data-value="4"]').click();
    await expect.poll(() => conditional.count()).toBe(0);
    await preview.locator('[data-device=tablet]').click();
    await preview.locator('[data-question=resp_1] [data-value="2"]').click();
    await expect.poll(() => conditional.count()).toBe(1);
    await app.shot('designer-tablet-preview-zh-CN');
  });

  it('undoes and redoes an edit', async () => {
    const count = await page.locator('[data-outline-question]').count();
    await page.locator('[data-testid=question-editor] button.danger').click();
    await expect.poll(() => page.locator('[data-outline-question]').count()).toBe(count - 1);
    await page.locator('.outline').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-outline-question]').count()).toBe(count);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('[data-outline-question]').count()).toBe(count - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-outline-question]').count()).toBe(count);
  });

  it('publishes version 1 after the check passes', async () => {
    await page.click('[data-tab=check]');
    await app.shot('designer-check-zh-CN');
    expect(await page.locator('.problem.error').count()).toBe(0);
    await page.click('[data-tab=publish]');
    await page.click('[data-action=publish]');
    await expect
      .poll(() => page.locator('[data-testid=version-status]').textContent())
      .toBe('已发布 v1');
  });

  it('exports the published questionnaire as an XLSForm that holds the new question', async () => {
    await page.click('[data-action=export-xlsform]');
    await page.waitForSelector('[data-testid=exported]');
    const exportsDir = path.join(app.test.dir, 'exports');
    const file = fs.readdirSync(exportsDir).find((name) => name.endsWith('.xlsx'));
    expect(file).toBeDefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(exportsDir, file!));
    const survey = workbook.getWorksheet('survey')!;
    const header = (survey.getRow(1).values as unknown[]).map(String);
    const nameColumn = header.indexOf('name');
    const relevantColumn = header.indexOf('relevant');
    let found = false;
    survey.eachRow((row) => {
      if (row.getCell(nameColumn).text === 'why_slow') {
        found = true;
        expect(row.getCell(relevantColumn).text).toBe('${resp_1} <= 2');
      }
    });
    expect(found).toBe(true);
  });

  it('shows the designer in English too', async () => {
    await page.click('[data-screen=settings]');
    await page.click('[data-locale="en"]');
    await page.click('[data-screen=surveys]');
    // Coming back to Surveys reopens the questionnaire that was being edited.
    await page.waitForSelector('[data-testid=designer]');
    await page.click('[data-name=why_slow]');
    await app.shot('designer-en');
    expect(await page.locator('[data-testid=version-status]').textContent()).toBe('Published v1');
  });
});
