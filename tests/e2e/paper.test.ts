/**
 * Paper entry in Chromium through the browser host: a typist keys five cards of the
 * customer-service template with the keyboard only (skip logic, a refused value corrected,
 * NPS 10, "other, please specify"), a second typist keys the batch again with one deliberate
 * mismatch, the compare view settles it, and the batch is verified. The database is checked
 * through the same services.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

const NAMED = new Set(['Enter', 'Tab', 'Backspace', 'Escape', 'ArrowUp', 'ArrowDown']);

// 15 likert statements, then overall, NPS, two open questions, the respondent block.
const LIKERTS = ['4', '5', '4', '3', '4', '5', '4', '4', '5', '3', '4', '4', '5', '4', '4'];

/** One card: closed answers as codes, texts as strings (typed, then Enter), "-" no answer. */
function cardKeys(opts: {
  likerts?: string[];
  overall?: string;
  nps?: string[];
  tail: (string | string[])[];
}): (string | string[])[] {
  return [...(opts.likerts ?? LIKERTS), opts.overall ?? '4', ...(opts.nps ?? ['8']), ...opts.tail];
}

const CARDS: (string | string[])[][] = [
  // 1: call-back "no" (2) skips contact name and phone.
  cardKeys({
    tail: [['响应可以更快'], '-', ['C202405001'], '1', '3', 'Enter', '-', ['S008'], '2'],
  }),
  // 2: likert 7 is refused, then 4; a future service date is refused, then corrected; call-back yes.
  cardKeys({
    likerts: ['7', ...LIKERTS],
    tail: [
      '-',
      '-',
      '-',
      '2',
      'Enter',
      ['20301231'],
      ...Array<string>(8).fill('Backspace'),
      ['20261120'],
      '-',
      '1',
      ['王先生'],
      ['13800138000'],
    ],
  }),
  // 3: plain.
  cardKeys({
    likerts: ['5', '5', '4', '4', '4', '3', '4', '4', '4', '5', '5', '4', '4', '4', '3'],
    tail: ['-', '-', '-', '1', 'Enter', '-', '-', '2'],
  }),
  // 4: NPS 10 is "1" then "0".
  cardKeys({ nps: ['1', '0'], overall: '5', tail: ['-', '-', '-', '4', 'Enter', '-', '-', '2'] }),
  // 5: "other" (6) asks what it is.
  cardKeys({ nps: ['7'], tail: ['-', '-', '-', '6', 'Enter', ['上门巡检'], '-', '-', '2'] }),
];

async function keyIn(page: Page, keys: (string | string[])[]): Promise<void> {
  for (const key of keys) {
    if (Array.isArray(key)) {
      await page.keyboard.type(key[0]!);
      await page.keyboard.press('Enter');
    } else await page.keyboard.press(NAMED.has(key) ? key : key);
  }
}

describe('paper entry in Chromium through the browser host', { timeout: 120_000 }, () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let surveyId: string;
  const pageErrors: string[] = [];

  const shot = (name: string) => app.shot(`paper-${name}`);
  const batch = async () => (await test.call('paper.batches', { surveyId }))[0]!;

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    const survey = await test.call('surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    });
    await test.call('surveys.publish', { id: survey.id });
    await test.call('settings.update', { operatorName: '王芳' });
    surveyId = survey.id;
    app = await openApp('zh-CN', undefined, {
      test,
      beforeLoad: (p) => {
        p.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      },
    });
    page = app.page;
  });

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await (app?.close() ?? test?.stop());
  });

  it('creates a double-entry batch for a trade show', async () => {
    await page.click('[data-screen=fieldwork]');
    await page.click('[data-mode=paper]');
    await page.fill('[data-field=event]', '2026 上海展会');
    await page.fill('[data-field=batch-no]', 'SH-01');
    await page.check('[data-field=double-entry]');
    await page.click('[data-action=create-batch]');
    await page.waitForSelector('[data-batch=SH-01]');
    expect(await page.locator('[data-batch=SH-01] [data-testid=batch-status]').textContent()).toBe(
      '录入中',
    );
    await shot('batches-1280');
  });

  it('keys five cards with the keyboard only: skip logic, a refused value corrected, NPS 10, other', async () => {
    await page.click('[data-batch=SH-01] [data-action=enter-pass1]');
    await page.waitForSelector('[data-testid=paper-entry]');
    expect(await page.locator('[data-testid=paper-cardno] strong').textContent()).toBe('1');
    await page.keyboard.press('Enter');
    await keyIn(page, CARDS[0]!.slice(0, 20));
    await shot('entry-1280');
    await keyIn(page, CARDS[0]!.slice(20));
    expect(await page.locator('[data-row=contact_name]').getAttribute('data-state')).toBe(
      'skipped',
    );
    await shot('review-1280');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=paper-saved]').textContent())
      .toBe('卡 1 已保存');

    // Card 2 starts at once with the next number; its first key (7) is refused.
    expect(await page.locator('[data-testid=paper-cardno] strong').textContent()).toBe('2');
    await page.keyboard.press('7');
    expect(await page.locator('[data-testid=paper-refusal]').textContent()).toContain('没有代码 7');
    await shot('refused-1280');
    await keyIn(page, CARDS[1]!.slice(1, 23));
    await page.keyboard.type('20301231');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=paper-refusal]').textContent()).toBe(
      '服务日期不能晚于今天',
    );
    expect(await page.locator('[data-testid=paper-active]').getAttribute('data-variable')).toBe(
      'service_date',
    );
    await page.setViewportSize({ width: 800, height: 1280 });
    await shot('refused-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    await keyIn(page, CARDS[1]!.slice(24));
    await page.keyboard.press('Enter');
    for (const keys of CARDS.slice(2)) {
      await keyIn(page, keys);
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(() => page.locator('[data-testid=paper-session]').textContent())
      .toBe('本次已录：5 张');
    await page.setViewportSize({ width: 800, height: 1280 });
    await keyIn(page, LIKERTS.slice(0, 6));
    await shot('entry-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await batch()).firstPass).toBe(5);
  });

  it('stored five complete paper responses with the answers as keyed', async () => {
    const { items } = await test.call('responses.list', {
      surveyId,
      channel: 'paper',
    });
    const complete = items.filter((r) => r.status === 'complete');
    expect(complete.map((r) => r.cardNo).sort()).toEqual(['1', '2', '3', '4', '5']);
    const byCard = async (cardNo: string) =>
      test.call('responses.get', { id: complete.find((r) => r.cardNo === cardNo)!.id });
    const one = await byCard('1');
    expect(one.answers).toMatchObject({
      resp_1: 4,
      nps: 8,
      improve: '响应可以更快',
      service_type: ['consult', 'after_sales'],
      callback: 'no',
      staff_id: 'S008',
    });
    expect(one.answers).not.toHaveProperty('contact_name');
    expect(one.consent).toMatchObject({ method: 'paper' });
    expect(one.entryStats).toMatchObject({ corrections: 0 });
    const two = await byCard('2');
    expect(two.answers).toMatchObject({
      resp_1: 4,
      service_date: '2026-11-20',
      callback: 'phone',
      contact_name: '王先生',
      phone: '13800138000',
    });
    expect(two.entryStats!.corrections).toBe(8);
    expect((await byCard('4')).answers.nps).toBe(10);
    expect((await byCard('5')).answers).toMatchObject({
      service_type: ['other'],
      service_type_other: '上门巡检',
    });
    // The sixth card was begun (six likerts) and left: it stays unfinished, never complete.
    expect(items.filter((r) => r.status === 'in_progress').map((r) => r.cardNo)).toEqual(['6']);
  });

  it('keys the second pass as another typist, with one deliberate mismatch', async () => {
    await test.call('settings.update', { operatorName: '李强' });
    await page.click('[data-batch=SH-01] [data-action=enter-pass2]');
    await page.waitForSelector('[data-testid=paper-entry][data-pass="2"]');
    await page.keyboard.press('Enter');
    const second = CARDS.map((keys) =>
      keys.filter((k, i) => !(keys === CARDS[1] && (i === 0 || (i >= 23 && i <= 31)))),
    );
    // Card 3, resp_2: the first typist keyed 5, the second keys 2.
    second[2] = [second[2]![0]!, '2', ...second[2]!.slice(2)];
    for (const keys of second) {
      await keyIn(page, keys);
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(() => page.locator('[data-testid=paper-session]').textContent())
      .toBe('本次已录：5 张');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await batch()).secondPass).toBe(5);
    expect(
      (
        await test.call('responses.list', {
          surveyId,
          channel: 'paper',
          status: 'complete',
        })
      ).total,
    ).toBe(5);
  });

  it('shows the mismatch side by side, settles it, lists the unfinished card and verifies once it is keyed', async () => {
    await page.click('[data-batch=SH-01] [data-action=compare]');
    await page.waitForSelector('[data-testid=paper-compare]');
    const row = page.locator('[data-mismatch="3:resp_2"]');
    expect(await row.locator('[data-side=first] span').textContent()).toBe('5 非常同意');
    expect(await row.locator('[data-side=second] span').textContent()).toBe('2 不同意');
    expect(await page.locator('[data-mismatch]').count()).toBe(1);
    expect(await page.locator('[data-testid=compare-unfinished]').textContent()).toContain('6');
    await shot('compare-1280');
    // The paper card says 2: the second typist was right.
    await row.locator('[data-action=use-second]').click();
    await expect.poll(() => page.locator('[data-mismatch]').count()).toBe(0);
    expect(await page.locator('[data-action=verify]').isDisabled()).toBe(true);
    // Card 6 is finished in pass 1 and keyed in pass 2 (through the same services).
    await page.click('[data-action=exit]');
    await test.call('settings.update', { operatorName: '王芳' });
    await page.click('[data-batch=SH-01] [data-action=enter-pass1]');
    await page.waitForSelector('[data-testid=paper-entry][data-pass="1"]');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await keyIn(page, CARDS[2]!);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await test.call('settings.update', { operatorName: '李强' });
    await page.click('[data-batch=SH-01] [data-action=enter-pass2]');
    await page.waitForSelector('[data-testid=paper-entry][data-pass="2"]');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=paper-cardno] strong').textContent()).toBe('6');
    await keyIn(page, CARDS[2]!);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => [(await batch()).firstPass, (await batch()).secondPass])
      .toEqual([6, 6]);
    await page.click('[data-batch=SH-01] [data-action=compare]');
    await page.waitForSelector('[data-testid=paper-compare]');
    await shot('compare-clean-1280');
    await page.click('[data-action=verify]');
    await page.waitForSelector('[data-testid=compare-verified]');
    await shot('verified-1280');
    await page.setViewportSize({ width: 800, height: 1280 });
    await shot('verified-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await batch()).status).toBe('verified');
    const { items } = await test.call('responses.list', {
      surveyId,
      channel: 'paper',
    });
    const three = await test.call('responses.get', {
      id: items.find((r) => r.cardNo === '3')!.id,
    });
    expect(three.answers.resp_2).toBe(2);
    expect(three.history.at(-1)).toMatchObject({
      action: 'edit',
      variable: 'resp_2',
      oldValue: 5,
      newValue: 2,
    });
    expect(items.filter((r) => r.status === 'complete')).toHaveLength(6);
  });

  it('shows each typist’s statistics and prints the paper card into the exports folder', async () => {
    await page.click('[data-action=exit]');
    await page.click('[data-batch=SH-01] [data-action=stats]');
    await page.waitForSelector('[data-testid=paper-stats]');
    expect(await page.locator('[data-testid=paper-stats] [data-operator]').count()).toBe(2);
    await page.click('[data-action=print-card]');
    await page.waitForSelector('[data-testid=paper-printed]', { timeout: 90_000 });
    const written = fs.readdirSync(path.join(test.dir, 'exports'));
    expect(written).toContain('paper-card-zh-CN.docx');
    await shot('stats-1280');
  });
});
