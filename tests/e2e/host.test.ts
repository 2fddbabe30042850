import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { openApp, type OpenApp } from '../support/app';

describe('the app in Chromium through the browser host', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp('en-US');
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens on the questionnaire list, and the improvement screen opens on its dashboard', async () => {
    await page.waitForSelector('[data-testid=survey-list]');
    expect(await page.locator('nav .nav-item').count()).toBe(9);
    await page.click('[data-screen=improvement]');
    await page.waitForSelector('[data-testid=improvement-screen]');
    expect(await page.locator('[data-tab=dashboard]').getAttribute('aria-selected')).toBe('true');
    const dashboard = page.locator('[data-testid=improvement-dashboard]');
    await dashboard.waitFor();
    expect(await dashboard.locator('[data-status-count=planned] .count-value').textContent()).toBe(
      '0',
    );
    expect(await dashboard.locator('[data-testid=closure-rate] .count-value').textContent()).toBe(
      '–',
    );
    // A fresh database has no published survey: the screen says where problems come from.
    expect(await page.locator('[data-testid=improvement-empty] h2').textContent()).toBe(
      'No published survey yet',
    );
  });

  it('reads info through the UI: schema version and record counts from the real database', async () => {
    await page.click('[data-screen=settings]');
    const info = page.locator('[data-testid=database-info]');
    await expect
      .poll(() => page.locator('[data-testid=schema-version]').textContent())
      .toBe(`${LATEST_SCHEMA_VERSION} / ${LATEST_SCHEMA_VERSION}`);
    expect(await info.textContent()).toContain(path.join(app.test.dir, 'surveydesk.sqlite'));
    expect(await page.locator('[data-count=responses] .count-value').textContent()).toBe('0');
  });

  it('switches to Chinese, remembers it across a reload, and switches back', async () => {
    await page.click('[data-locale="zh-CN"]');
    await expect.poll(() => page.locator('[data-screen=settings]').textContent()).toContain('设置');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.locator('[data-screen=settings]').textContent()).toContain('设置');
    await page.click('[data-screen=settings]');
    await expect
      .poll(() => page.locator('[data-testid=schema-version]').textContent())
      .toBe(`${LATEST_SCHEMA_VERSION} / ${LATEST_SCHEMA_VERSION}`);
    await app.shot('settings-zh-CN');
    await page.click('[data-locale="en"]');
    await expect
      .poll(() => page.locator('[data-screen=settings]').textContent())
      .toContain('Settings');
  });

  it('runs a backup job with progress events and lists the new backup', async () => {
    await page.click('text=Back up now');
    await expect
      .poll(
        () => page.locator('[data-job-kind="db.backup"]').first().getAttribute('data-job-status'),
        { timeout: 15_000 },
      )
      .toBe('done');
    await expect.poll(() => page.locator('[data-testid=backups] tr').count()).toBeGreaterThan(0);
    await page.click('text=Check integrity');
    await expect
      .poll(
        () => page.locator('[data-job-kind="db.verify"]').first().getAttribute('data-job-status'),
        { timeout: 15_000 },
      )
      .toBe('done');
    expect(await page.locator('[data-job-kind="db.verify"]').first().textContent()).toContain(
      'intact',
    );
    await app.shot('settings-en');
  });

  it('refuses an API request without the secret', async () => {
    const response = await fetch(new URL('api/app.info', app.test.host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { ok: boolean; error: { code: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a request from another origin even with the secret', async () => {
    const response = await fetch(new URL('api/app.info', app.test.host.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://evil.example',
        'x-surveydesk-token': app.test.host.token,
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a page on another origin calling the API from inside Chromium', async () => {
    const other = await app.browser.newPage();
    await other.goto('about:blank');
    const status = await other.evaluate(async (url) => {
      try {
        const response = await fetch(url, { method: 'POST', body: '{}' });
        return response.status;
      } catch {
        return -1; // blocked by CORS: also a refusal
      }
    }, new URL('api/settings.update', app.test.host.url).href);
    expect([403, -1]).toContain(status);
    await other.close();
  });

  it('serves pages with a strict Content-Security-Policy', async () => {
    const response = await fetch(app.test.host.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });
});
