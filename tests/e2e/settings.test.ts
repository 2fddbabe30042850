/** Settings in Chromium: the report cover's organisation name and logo, in both languages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract';
import { openApp, type OpenApp } from '../support/app';

// A 2x1 PNG made with zlib and struct (python3).
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==',
  'base64',
);

describe('report cover settings', () => {
  let app: OpenApp;

  beforeAll(async () => {
    app = await openApp('zh-CN');
  });

  afterAll(async () => {
    await app?.close();
  });

  async function stored(): Promise<Settings['branding']> {
    const result = await app.test.services.dispatch('settings.get', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as Settings).branding;
  }

  it('saves the organisation name and a PNG logo, shows the logo, and refuses other images', async () => {
    const { page } = app;
    await page.click('[data-screen=settings]');
    const panel = page.locator('[data-testid=branding-panel]');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('报告封面');
    await panel.locator('[data-field=org-name]').fill('上海华信科技有限公司');
    await panel.locator('[data-action=save-org-name]').click();
    await panel.locator('.good').waitFor();
    await expect.poll(async () => (await stored()).orgName).toBe('上海华信科技有限公司');

    await panel
      .locator('[data-field=logo-file]')
      .setInputFiles({
        name: 'logo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from([0xff, 0xd8]),
      });
    expect(await panel.locator('.field-error').textContent()).toBe('标志必须是 PNG 图片。');
    await panel
      .locator('[data-field=logo-file]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
    await panel.locator('.branding-logo-preview').waitFor();
    expect((await stored()).logoPngBase64).toBe(LOGO.toString('base64'));
    await app.shot('settings-branding-zh-CN');

    await page.click('[data-locale=en]');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Report cover');
    await app.shot('settings-branding-en');
    await panel.locator('[data-action=remove-logo]').click();
    await expect.poll(async () => (await stored()).logoPngBase64).toBeNull();
    await expect.poll(() => panel.locator('.branding-logo-preview').count()).toBe(0);
  });
});
