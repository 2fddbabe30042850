/**
 * Waves and sampling end to end in Chromium through the browser host: plan a wave, preview the
 * stratified plan, draw with a seed, mark contacts, then a completed interview of a sampled
 * customer moves the response rate. Screenshots at 1280x800 in Chinese and English.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/questionnaire/runtime';
import type { Wave } from '../../shared/responses';
import { openApp, switchToEnglish, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

const SCALES = ['timeliness', 'engineer_skill', 'engineer_manner', 'fix_quality', 'overall'];

describe('planning, drawing and working a sample in Chromium through the browser host', () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let surveyId: string;
  let wave: Wave;

  const shot = (name: string) => app.shot(`sampling-${name}`);
  const overall = () => page.locator('[data-testid=overall-rate]').textContent();

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    const survey = await test.call('surveys.create', {
      template: 'after-sales',
      language: 'zh-CN',
    });
    await test.call('surveys.publish', { id: survey.id });
    surveyId = survey.id;
    wave = await test.call('waves.create', { surveyId, name: '2026 第四季度' });
    // 120 existing customers over two regions and 10 high-value ones, in SQL as a CRM import leaves them.
    const insert = test.services.ctx.db.prepare(`INSERT INTO customers
      (id, code, name, type, region, contact, phone, account_manager, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')`);
    for (let i = 1; i <= 130; i++) {
      insert.run(
        randomUUID(),
        `C2024${String(i).padStart(5, '0')}`,
        `${['华东', '华南'][i % 2]}客户${String(i).padStart(3, '0')}有限公司`,
        i <= 120 ? '老客户' : '高价值客户',
        ['华东', '华南'][i % 2],
        `联系人${i}`,
        `138${String(10_000_000 + i)}`,
        i % 3 === 0 ? '张伟' : '李娜',
      );
    }
    app = await openApp('zh-CN', undefined, { test });
    page = app.page;
  });

  afterAll(async () => {
    await (app?.close() ?? test?.stop());
  });

  it('saves the wave plan with its default targets: interview 80 %, reminders on days 3 and 5', async () => {
    await page.click('[data-screen=customers]');
    await page.click('[data-tab=sampling]');
    const plan = page.locator('[data-testid=wave-plan]');
    await plan.waitFor();
    expect(await page.locator('[data-field=wave] option:checked').textContent()).toBe(
      '2026 第四季度',
    );
    expect(await page.locator('[data-rate=interview]').inputValue()).toBe('80');
    expect(await page.locator('[data-field=reminder-days]').inputValue()).toBe('3, 5');
    await page.fill('[data-field=goal]', '响应速度得分从 3.5 提升到 4.2');
    await page.check('[data-channel=import]');
    expect(await page.locator('[data-rate=import]').inputValue()).toBe('60');
    await page.click('[data-action=save-plan]');
    await page.locator('[data-testid=sampling-notice]').waitFor();
    const saved = await test.call('waves.get', { id: wave.id });
    expect(saved.goal).toBe('响应速度得分从 3.5 提升到 4.2');
    expect(saved.channels).toEqual(['interview', 'import']);
  });

  it('previews the plan per stratum before drawing: 120 -> 36 (30 %), 10 -> all', async () => {
    // "Type" is chosen by default; add the two strategic accounts by code.
    expect(await page.locator('[data-stratum-attribute=type]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.fill('[data-field=always-include]', 'C202400001\nC202400002');
    await page.click('[data-action=preview]');
    const table = page.locator('[data-testid=sample-plan]');
    await table.waitFor();
    expect(await table.locator('[data-stratum="老客户"] [data-cell=size]').textContent()).toBe(
      '36',
    );
    expect(await table.locator('[data-stratum="高价值客户"] [data-cell=size]').textContent()).toBe(
      '10',
    );
    // 34 drawn from the 118 existing customers not always included: weight 118 / 34 = 3.471.
    expect(await table.locator('[data-stratum="老客户"] [data-cell=weight]').textContent()).toBe(
      '3.471',
    );
    // A stratum's own rule: everyone of the existing customers, then back to the general rule.
    await page.selectOption('[data-override="老客户"]', 'all');
    await expect
      .poll(() => table.locator('[data-stratum="老客户"] [data-cell=size]').textContent())
      .toBe('120');
    await page.selectOption('[data-override="老客户"]', '');
    await expect
      .poll(() => table.locator('[data-stratum="老客户"] [data-cell=size]').textContent())
      .toBe('36');
    await page.locator('.sampling-top').scrollIntoViewIfNeeded();
    await shot('top-zh-CN');
    await table.scrollIntoViewIfNeeded();
    await shot('plan-zh-CN');
  });

  it('draws the sample with the seed shown and lists it', async () => {
    await page.fill('[data-field=seed]', '20261123');
    await page.click('[data-action=draw]');
    await page.locator('[data-testid=sample-list]').waitFor();
    expect(await page.locator('[data-testid=sample-drawn]').textContent()).toContain(
      '种子 20261123',
    );
    expect(await page.locator('[data-testid=list-count]').textContent()).toContain('46');
    expect(await page.locator('[data-customer=C202400001] .chip').textContent()).toBe('必选');
    // Two customers will answer online: a bulk channel change.
    const rows = page.locator('[data-testid=sample-list] tbody tr');
    for (const k of [44, 45]) await rows.nth(k).locator('input[type=checkbox]').check();
    await page.selectOption('.sampling-channel-select', 'import');
    await page.click('[data-action=set-channel]');
    await expect
      .poll(() => page.locator('[data-testid=sample-list] td:has-text("在线（导入）")').count())
      .toBe(2);
    await page.click('[data-action=clear-selection]');
    expect(await overall()).toContain('46 个样本中已回收 0 份');
  });

  it('marks contacts in bulk and shows due reminders standing out', async () => {
    const rows = page.locator('[data-testid=sample-list] tbody tr');
    for (const k of [0, 1, 2]) await rows.nth(k).locator('input[type=checkbox]').check();
    await page.click('[data-mark=reminded]');
    await expect
      .poll(() => page.locator('[data-cell=status]:has-text("已联系/已催办")').count())
      .toBe(3);
    await rows.nth(3).locator('input[type=checkbox]').check();
    await page.click('[data-mark=refused]');
    await expect.poll(() => page.locator('[data-cell=status]:has-text("拒访")').count()).toBe(1);
    // Four days ago the first of them was called: its day-3 reminder is overdue now.
    const first = await rows.nth(0).getAttribute('data-customer');
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000);
    const day = `${fourDaysAgo.getFullYear()}-${String(fourDaysAgo.getMonth() + 1).padStart(2, '0')}-${String(fourDaysAgo.getDate()).padStart(2, '0')}`;
    test.services.ctx.db
      .prepare(
        `UPDATE sample_contacts SET on_date = ? WHERE customer_id = (SELECT id FROM customers WHERE code = ?)`,
      )
      .run(day, first);
    await page.click('[data-action=refresh]');
    await expect.poll(() => page.locator('tr.due').count()).toBe(1);
    expect(await page.locator('[data-filter=due] .badge').textContent()).toBe('1');
    expect(
      await page.locator('[data-filter=status] option[value=not_contacted]').textContent(),
    ).toBe('未联系 (42)');
  });

  it('moves the response rate when a sampled customer completes an interview', async () => {
    const code = await page
      .locator('[data-testid=sample-list] tbody tr')
      .nth(5)
      .getAttribute('data-customer');
    const customerId = test.services.ctx.db
      .prepare('SELECT id FROM customers WHERE code = ?')
      .pluck()
      .get(code) as string;
    const fw = test.services.ctx.fieldwork;
    const startedAt = new Date().toISOString();
    const r = fw.start({
      surveyId,
      waveId: wave.id,
      customerId,
      channel: 'interview',
      interviewer: '王芳',
      consent: { given: true, method: 'verbal', versionNo: 1, givenAt: startedAt },
      startedAt,
    });
    const answers: Answers = { service_kind: 'repair', time_to_fix: 'h4', solved: 'yes', nps: 9 };
    for (const name of SCALES) answers[name] = 4;
    for (const [name, value] of Object.entries(answers)) fw.answer(r.id, name, value);
    fw.complete(r.id, new Date(Date.now() + 600_000).toISOString());

    await page.click('[data-action=refresh]');
    // 1 of 46 = 2.2 %.
    await expect.poll(overall).toContain('46 个样本中已回收 1 份（2.2%）');
    expect(
      await page.locator(`[data-customer="${code}"] [data-cell=responded]`).textContent(),
    ).toContain('是');
    expect(await page.locator('.sampling-member-table th').nth(1).textContent()).toBe('客户名称');
    await page.locator('[data-testid=response-rates]').scrollIntoViewIfNeeded();
    await shot('rates-zh-CN');
    await page.locator('[data-testid=sample-list]').scrollIntoViewIfNeeded();
    await shot('list-zh-CN');
    await page.locator(`[data-customer="${code}"] .sampling-name`).click();
    await page.locator('[data-testid=member-drawer]').waitFor();
    // This customer answered but was never marked contacted: every outcome is still offered.
    expect(await page.locator('[data-mark-one]:not([disabled])').count()).toBe(4);
    await shot('drawer-zh-CN');
    await page.click('[data-testid=member-drawer] >> text=关闭');
  });

  it('exports the call list of customers not yet contacted as CSV', async () => {
    await page.selectOption('[data-filter=status]', 'not_contacted');
    await page.click('[data-action=export-csv]');
    const notice = page.locator('[data-testid=sampling-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('42');
    const dir = path.join(test.dir, 'exports');
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.csv'))!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(text.split('\r\n')[0]).toContain('客户编号,客户名称');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(43);
    await page.selectOption('[data-filter=status]', '');
  });

  it('shows the tab in English', async () => {
    await switchToEnglish(page);
    await page.click('[data-screen=customers]');
    await page.click('[data-tab=sampling]');
    await page.locator('[data-testid=sample-list]').waitFor();
    expect(await overall()).toContain('Overall: 1 of 46 responded (2.2%)');
    await page.locator('.sampling-top').scrollIntoViewIfNeeded();
    await shot('top-en');
    await page.click('[data-action=preview]');
    await page.locator('[data-testid=sample-plan]').waitFor();
    await shot('plan-en');
    await page.locator('[data-testid=response-rates]').scrollIntoViewIfNeeded();
    await shot('rates-en');
    await page
      .locator('[data-testid=sample-list] tbody tr')
      .first()
      .locator('.sampling-name')
      .click();
    await page.locator('[data-testid=member-drawer]').waitFor();
    await expect.poll(() => page.locator('.sampling-history li').count()).toBe(1);
    // From the drawer, one customer at a time, with a note: the first reminder is sent.
    await page.fill('[data-field=contact-note]', 'Second call, asked to answer online');
    await page.click('[data-mark-one=reminded]');
    await expect.poll(() => page.locator('.sampling-history li').count()).toBe(2);
    expect(await page.locator('.sampling-history li').nth(1).textContent()).toContain(
      'Second call, asked to answer online',
    );
    expect(await page.locator('tr.due').count()).toBe(0);
    await page.locator('[data-testid=sample-list]').scrollIntoViewIfNeeded();
    await shot('list-en');
  });

  it('changes the sampling defaults from the tab', async () => {
    await page.click('[data-testid=member-drawer] >> text=Close');
    await page.locator('[data-testid=sampling-defaults] summary').click();
    await page.fill('[data-default-rate=import]', '65');
    await page.click('[data-action=save-defaults]');
    await expect
      .poll(async () => (await test.call('sample.defaults', {})).targetRates.import)
      .toBe(0.65);
    await page.locator('[data-testid=sampling-defaults]').scrollIntoViewIfNeeded();
    await shot('defaults-en');
  });

  it('stays usable on a 10-inch touch screen (1024 x 600)', async () => {
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.locator('[data-testid=sample-list]').scrollIntoViewIfNeeded();
    // Every control of the bulk bar is a finger-sized target.
    const boxes = await page
      .locator('[data-testid=bulk-actions] button')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect(Math.min(...boxes)).toBeGreaterThanOrEqual(40);
    const pick = await page.locator('.sampling-pick-box').first().boundingBox();
    expect(pick!.height).toBeGreaterThanOrEqual(40);
    await shot('list-1024-en');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
