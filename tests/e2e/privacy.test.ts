/**
 * Settings > Personal data end to end in Chromium through the browser host: find a seeded
 * respondent by phone number in two surveys, open them, export JSON, erase them keeping the
 * answers anonymised, and see them gone; then the retention period and a backup to a file, in
 * Chinese and in English, with screenshots at 1280x800.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../shared/privacy';
import { openApp, type OpenApp } from '../support/app';
import { startTestHost } from '../support/host';
import {
  buildWorld,
  LI_PHONE,
  ZHANG_PHONE,
  ZHANG_PHONE_DIGITS,
  type PrivacyWorld,
} from '../privacy/fixture';

describe('personal data in Settings, in Chromium through the browser host', () => {
  let app: OpenApp;
  let page: Page;
  let world: PrivacyWorld;

  const shot = (name: string) => app.shot(`privacy-${name}`);
  const panel = () => page.locator('[data-testid=privacy-panel]');
  /** Scrolls the element to the top of the window, so a screenshot shows what follows it. */
  const scrollTo = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));

  async function search(query: string): Promise<void> {
    await page.fill('[data-field=privacy-query]', query);
    await page.click('[data-action=privacy-search]');
    await page
      .locator('[data-testid=privacy-results], [data-testid=privacy-no-hits]')
      .first()
      .waitFor();
  }

  beforeAll(async () => {
    const test = await startTestHost('zh-CN');
    world = buildWorld(test.services);
    app = await openApp('zh-CN', undefined, { test });
    page = app.page;
    await page.waitForSelector('[data-testid=survey-list]');
    await page.click('[data-screen=settings]');
    await panel().waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds the respondent by phone number in both surveys', async () => {
    await scrollTo('[data-testid=privacy-panel]');
    await search(ZHANG_PHONE);
    const customers = page.locator('[data-testid=privacy-customers] tbody tr');
    expect(await customers.count()).toBe(1);
    expect(await customers.first().textContent()).toContain('华东精密机械有限公司');
    const responses = page.locator('[data-testid=privacy-responses] tbody tr');
    expect(await responses.count()).toBe(2);
    const text = await page.locator('[data-testid=privacy-responses]').textContent();
    expect(text).toContain('2026 客户服务满意度调查');
    expect(text).toContain('2026 展会访客调查');
    expect(text).toContain('+86 138-0013-8000');
    await scrollTo('[data-testid=privacy-panel]');
    await shot('search-zh-CN');
  });

  it('opens the ticked hits as one person with consent and answers, and exports JSON', async () => {
    await page.locator(`[data-customer="${world.zhang}"] input[type=checkbox]`).check();
    await page.locator(`[data-response="${world.typedB}"] input[type=checkbox]`).check();
    expect(await page.locator('[data-action=open-selected]').textContent()).toBe('查看所选（2）');
    await page.click('[data-action=open-selected]');
    const detail = page.locator('[data-testid=person-detail]');
    await detail.waitFor();
    expect(await detail.locator('.privacy-response').count()).toBe(2);
    expect(await detail.locator('[data-testid=person-consent]').first().textContent()).toContain(
      '已同意（口头）',
    );
    expect(await detail.locator('[data-testid=person-customer]').textContent()).toContain(
      ZHANG_PHONE,
    );
    await scrollTo('[data-testid=person-detail]');
    await shot('person-zh-CN');

    await page.click('[data-action=export-json]');
    const exported = page.locator('[data-testid=person-exported]');
    await exported.waitFor();
    const exportsDir = path.join(app.test.dir, 'exports');
    const [file] = fs.readdirSync(exportsDir).filter((name) => name.endsWith('.json'));
    expect(file).toBeDefined();
    const record = JSON.parse(
      fs.readFileSync(path.join(exportsDir, file!), 'utf8'),
    ) as PersonRecord;
    expect(record.customers[0]!.phone).toBe(ZHANG_PHONE);
    expect(record.responses.map((r) => r.id).sort()).toEqual([world.zhangA, world.typedB].sort());
  });

  it('erases the person keeping the answers anonymised, after a typed confirmation', async () => {
    await page.click('[data-action=erase]');
    const form = page.locator('[data-testid=erase-form]');
    await form.waitFor();
    expect(await page.locator('[data-mode=anonymise]').isChecked()).toBe(true);
    const erase = page.locator('[data-action=erase-now]');
    expect(await erase.isDisabled()).toBe(true);
    await page.fill('[data-field=erase-confirm]', '删除');
    expect(await erase.isDisabled()).toBe(false);
    await scrollTo('[data-testid=erase-form]');
    await shot('erase-zh-CN');
    await erase.click();
    await page.locator('[data-testid=privacy-erased]').waitFor();
    expect(await page.locator('[data-testid=privacy-erased]').textContent()).toContain(
      '匿名化答卷 2 份',
    );
    // The same search finds nobody now.
    await page.locator('[data-testid=privacy-no-hits]').waitFor();
    expect(await page.locator('[data-testid=privacy-no-hits]').textContent()).toContain(
      ZHANG_PHONE,
    );
    await scrollTo('[data-testid=privacy-panel]');
    await shot('erased-zh-CN');

    const db = app.test.services.ctx.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM customers WHERE id = ?').get(world.zhang)).toEqual(
      { n: 0 },
    );
    expect(
      db
        .prepare(`SELECT COUNT(*) AS n FROM answers WHERE response_id = ? AND variable = 'overall'`)
        .get(world.zhangA),
    ).toEqual({ n: 1 });
    expect(
      db.prepare(`SELECT COUNT(*) AS n FROM answers WHERE value_text = ?`).get(ZHANG_PHONE_DIGITS),
    ).toEqual({ n: 0 });
  });

  it('sets a retention period, purges with a preview, and backs up to a file, in English', async () => {
    await page.click('[data-locale=en]');
    await page.locator('[data-testid=privacy-panel] h2', { hasText: 'Personal data' }).waitFor();
    await search(LI_PHONE);
    await page.click('[data-action=open-customer]');
    await page.locator('[data-testid=person-detail]').waitFor();
    expect(await page.locator('[data-testid=person-consent]').first().textContent()).toContain(
      'Given (verbally)',
    );
    await scrollTo('[data-testid=person-detail]');
    await shot('person-en');
    await page.click('[data-action=erase]');
    await scrollTo('[data-testid=erase-form]');
    await shot('erase-en');
    await page.click('[data-action=back-to-results]');

    await page.click('[data-action=retention-on]');
    await page.fill('[data-field=retention-days]', '90');
    await page.click('[data-action=retention-save]');
    const preview = page.locator('[data-testid=retention-preview]');
    await preview.waitFor();
    // Only Li's response (10 May) still holds personal answers: the erased ones were anonymised.
    expect(await preview.textContent()).toContain(
      '1 response(s) with 2 personal answer(s), 1 customer record(s)',
    );
    await scrollTo('[data-testid=retention]');
    await shot('retention-en');
    await page.click('[data-action=purge-now]');
    const purged = page.locator('[data-testid=retention-purged]');
    await purged.waitFor();
    expect(await purged.textContent()).toContain('Removed 2 answer(s) from 1 response(s)');
    const db = app.test.services.ctx.db;
    expect(
      db
        .prepare(`SELECT COUNT(*) AS n FROM answers WHERE response_id = ? AND variable = 'phone'`)
        .get(world.liA),
    ).toEqual({ n: 0 });
    expect(db.prepare('SELECT phone FROM customers WHERE id = ?').get(world.li)).toEqual({
      phone: null,
    });

    await scrollTo('[data-testid=backup-files]');
    await page.click('[data-action=backup-to-file]');
    const saved = page.locator('[data-testid=backup-saved]');
    await saved.waitFor();
    expect(await saved.textContent()).toContain(path.join(app.test.dir, 'exports'));
    await page.click('[data-action=restore-backup]');
    await page.locator('[data-testid=restore-confirm]').waitFor();
    expect(await page.locator('[data-testid=restore-confirm]').textContent()).toContain(
      'The app reloads afterwards',
    );
    await scrollTo('[data-testid=backups]');
    await shot('backup-en');
  });
});
