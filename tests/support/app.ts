/** The usual start of an end-to-end file: a browser host on a fresh profile, Chromium, one page. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestHost, type TestHost } from './host';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/e2e');

export interface OpenApp {
  test: TestHost;
  browser: Browser;
  page: Page;
  /** Saves a screenshot of the page into artifacts/e2e/<name>.png. */
  shot: (name: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function openApp(
  systemLocale = 'en-US',
  viewport = { width: 1280, height: 800 },
): Promise<OpenApp> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const test = await startTestHost(systemLocale);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(test.host.openUrl);
  return {
    test,
    browser,
    page,
    shot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      await test.stop();
    },
  };
}
