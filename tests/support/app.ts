/** The usual start of an end-to-end file: a browser host on a fresh profile, Chromium, one page. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page, PageScreenshotOptions } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestHost, type TestHost } from './host';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts/e2e');

/** How a screenshot is taken, apart from where it is saved. */
export type ShotOptions = Omit<PageScreenshotOptions, 'path'>;

/** Saves a screenshot of any page into artifacts/e2e/<name>.png. */
export async function screenshot(page: Page, name: string, options: ShotOptions = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ ...options, path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Switches the app to English in Settings and waits until the navigation reads in English. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.click('[data-screen=settings]');
  await page.click('[data-locale=en]');
  await page.locator('[data-screen=settings]', { hasText: 'Settings' }).waitFor();
}

export interface OpenAppOptions {
  /** A host the file has already started (and filled); closing the app stops it too. */
  test?: TestHost;
  /** More options for the page's browser context, e.g. `hasTouch` for a tablet. */
  context?: BrowserContextOptions;
  /** Runs on the page before it loads the app: listeners, the fake clock, timeouts. */
  beforeLoad?: (page: Page) => void | Promise<void>;
}

export interface OpenApp {
  test: TestHost;
  browser: Browser;
  page: Page;
  /** Another page of the same browser at `viewport`, showing the app of `on` (by default this host). */
  openPage: (on?: TestHost, viewport?: { width: number; height: number }) => Promise<Page>;
  /** Saves a screenshot of the page (or of `on`) into artifacts/e2e/<name>.png. */
  shot: (name: string, on?: Page, options?: ShotOptions) => Promise<void>;
  close: () => Promise<void>;
}

export async function openApp(
  systemLocale = 'en-US',
  viewport = { width: 1280, height: 800 },
  options: OpenAppOptions = {},
): Promise<OpenApp> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const test = options.test ?? (await startTestHost(systemLocale));
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = options.context
      ? await (await browser.newContext({ viewport, ...options.context })).newPage()
      : await browser.newPage({ viewport });
    await options.beforeLoad?.(page);
    await page.goto(test.host.openUrl);
    const opened = browser;
    return {
      test,
      browser,
      page,
      openPage: async (on = test, size = viewport) => {
        const other = await opened.newPage({ viewport: size });
        await other.goto(on.host.openUrl);
        return other;
      },
      shot: (name, on = page, shotOptions = {}) => screenshot(on, name, shotOptions),
      close: async () => {
        await opened.close();
        await test.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await test.stop();
    throw error;
  }
}
