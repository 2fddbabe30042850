/**
 * Kiosk mode end to end: visitors tap through the trade-show survey on a tablet-sized page, the
 * kiosk resets itself after thanks and when idle, and only the PIN lets staff out.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };
const PIN = '2468';
const IDLE_SECONDS = 10;

/** What a visitor does on each question; questions not listed must not appear. */
type Step = { tap: string } | { choose: string[] } | { type: string } | 'skip';

describe('kiosk mode on a tablet in Chromium', () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let surveyId = '';
  const resetTimes: number[] = [];

  const kiosk = () => page.locator('[data-testid=kiosk]');
  const shot = (name: string) => app.shot(`kiosk-${name}`, page, { animations: 'disabled' });
  /** The question on screen, else the phase ('welcome', 'thanks'...), read in one go. */
  const where = () =>
    page.evaluate(() => {
      const phase =
        document.querySelector('[data-testid=kiosk]')?.getAttribute('data-phase') ?? null;
      if (phase !== 'question') return phase;
      return (
        document.querySelector('[data-testid=kiosk-question]')?.getAttribute('data-question') ??
        null
      );
    });
  const phase = () => kiosk().getAttribute('data-phase');

  /** Waits for the automatic reset and records how long the reset took inside the page. */
  async function expectResetToWelcome(): Promise<void> {
    await page.waitForSelector('[data-testid=kiosk-welcome]', { timeout: 10_000 });
    await expect.poll(() => kiosk().getAttribute('data-reset-ms')).not.toBeNull();
    resetTimes.push(Number(await kiosk().getAttribute('data-reset-ms')));
  }

  /** Staff press the top-left corner for two seconds. */
  async function openPinPad(): Promise<void> {
    await page.locator('[data-action=exit-corner]').hover();
    await page.mouse.down();
    await page.clock.fastForward(2100);
    await page.mouse.up();
    await page.waitForSelector('[data-testid=kiosk-pin]');
  }

  async function startVisit(): Promise<void> {
    await page.locator('[data-action=start]').tap();
    await page.locator('[data-action=agree]').tap();
    await page.waitForSelector('[data-testid=kiosk-question]');
  }

  /** Answers until the thank-you screen; returns the questions seen, in order. */
  async function answerAll(
    steps: Record<string, Step>,
    onQuestion?: (name: string) => Promise<void>,
  ) {
    const seen: string[] = [];
    while ((await phase()) === 'question') {
      const name = (await where()) ?? '';
      seen.push(name);
      const step = steps[name];
      if (!step) throw new Error(`unexpected question ${name} after ${seen.join(', ')}`);
      await onQuestion?.(name);
      if ((await where()) !== name) continue;
      const screen = page.locator(`[data-question=${name}]`);
      if (step === 'skip') await page.locator('[data-action=next]').tap();
      else if ('tap' in step) await screen.locator(`[data-value="${step.tap}"]`).tap();
      else if ('choose' in step) {
        for (const value of step.choose) await screen.locator(`[data-value="${value}"]`).tap();
        await page.locator('[data-action=next]').tap();
      } else {
        await screen.locator(`[data-field=${name}]`).fill(step.type);
        await page.locator('[data-action=next]').tap();
      }
      await expect.poll(where).not.toBe(name);
    }
    expect(await phase()).toBe('thanks');
    return seen;
  }

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    const survey = await test.call('surveys.create', { template: 'trade-show', language: 'zh-CN' });
    surveyId = survey.id;
    await test.call('surveys.publish', { id: surveyId });
    await test.call('settings.update', {
      kioskPin: PIN,
      kiosk: { idleSeconds: IDLE_SECONDS, thanksSeconds: 3 },
    });
    app = await openApp('zh-CN', LANDSCAPE, {
      test,
      context: { hasTouch: true },
      beforeLoad: async (opened) => {
        opened.setDefaultTimeout(8000);
        await opened.clock.install();
      },
    });
    page = app.page;
  });

  afterAll(async () => {
    await (app?.close() ?? test?.stop());
  });

  it('opens from the field-work hub full screen, without the sidebar or its shortcuts', async () => {
    await page.click('[data-screen=fieldwork]');
    await expect.poll(() => page.locator('[data-field=survey]').inputValue()).toBe(surveyId);
    await page.click('[data-mode=kiosk]');
    await page.waitForSelector('[data-testid=kiosk-welcome]');
    expect(await page.locator('nav.sidebar').count()).toBe(0);
    expect(await page.locator('.k-title').textContent()).toBe('展会快速调查');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Escape');
    await page.goBack();
    expect(await page.locator('[data-testid=kiosk-welcome]').count()).toBe(1);
    await shot('welcome-1280x800');
    await page.locator('[data-lang=en]').tap();
    expect(await page.locator('.k-title').textContent()).toBe('Trade-show quick survey');
    expect(await page.locator('[data-action=start]').textContent()).toContain('Start');
    await page.locator('[data-lang=zh-CN]').tap();
    await page.setViewportSize(PORTRAIT);
    await shot('welcome-800x1280');
    await page.setViewportSize(LANDSCAPE);
  });

  it('returns to the welcome screen and stores nothing when the visitor declines consent', async () => {
    await page.locator('[data-action=start]').tap();
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.waitForSelector('[data-testid=kiosk-consent]');
    expect(await page.locator('.k-consent-text').textContent()).toContain(
      '联系方式仅在您同意时收集',
    );
    await shot('consent-1280x800');
    await page.locator('[data-action=decline]').tap();
    await expectResetToWelcome();
    expect((await test.call('responses.list', { surveyId })).total).toBe(0);
  });

  it('takes a visitor who leaves contact details through every question, one per screen', async () => {
    await startVisit();
    const seen = await answerAll(
      {
        visit_reason: { tap: 'looking' },
        booth_rating: { tap: '5' },
        interest: { choose: ['crm', 'analytics'] },
        nps: { tap: '9' },
        lead_ok: { tap: 'yes' },
        lead_name: { type: '张伟' },
        lead_company: 'skip',
        lead_phone: { type: '13800138000' },
      },
      async (name) => {
        if (name === 'booth_rating') await shot('question-1280x800');
        if (name === 'lead_phone') {
          // A friendly, large message for a wrong phone number; the answer is not taken.
          await page.locator('[data-field=lead_phone]').fill('abc');
          await page.locator('[data-action=next]').tap();
          await expect
            .poll(() => page.locator('[data-testid=kiosk-problem]').textContent())
            .toBe('请填写有效的电话号码');
          await shot('validation-1280x800');
        }
      },
    );
    expect(seen).toEqual([
      'visit_reason',
      'booth_rating',
      'interest',
      'nps',
      'lead_ok',
      'lead_name',
      'lead_company',
      'lead_phone',
    ]);
    expect(await page.locator('[data-testid=kiosk-thanks] .k-heading').textContent()).toBe(
      '谢谢！欢迎领取展台小礼品。',
    );
    await shot('thanks-1280x800');
    await expectResetToWelcome();
  });

  it('never shows the lead questions to a visitor who says no (portrait tablet)', async () => {
    await page.setViewportSize(PORTRAIT);
    await startVisit();
    // Nothing of the previous visitor is on screen.
    expect(await page.locator('[aria-checked=true]').count()).toBe(0);
    const seen = await answerAll(
      {
        visit_reason: { tap: 'passing' },
        booth_rating: { tap: '3' },
        interest: { choose: ['none'] },
        nps: { tap: '6' },
        lead_ok: { tap: 'no' },
      },
      async (name) => {
        if (name === 'nps') await shot('question-800x1280');
        if (name === 'interest') {
          await page.locator('[data-action=next]').tap();
          await expect
            .poll(() => page.locator('[data-testid=kiosk-problem]').textContent())
            .toBe('请回答此题。');
          await shot('validation-800x1280');
        }
      },
    );
    expect(seen).toEqual(['visit_reason', 'booth_rating', 'interest', 'nps', 'lead_ok']);
    await shot('thanks-800x1280');
    await expectResetToWelcome();
  });

  it('forgets contact details typed before the visitor went back and said no', async () => {
    await startVisit();
    const seen = await answerAll(
      {
        visit_reason: { tap: 'invited' },
        booth_rating: { tap: '4' },
        interest: { choose: ['service'] },
        nps: { tap: '10' },
        lead_ok: { tap: 'yes' },
        lead_name: { type: '李娜' },
        lead_company: { type: '华东物流' },
      },
      async (name) => {
        if (name !== 'lead_company') return;
        for (const previous of ['lead_name', 'lead_ok']) {
          await page.locator('[data-action=back]').tap();
          await expect.poll(where).toBe(previous);
        }
        await page.locator('[data-value=no]').tap();
        await expect.poll(phase).toBe('thanks');
      },
    );
    expect(seen).toEqual([
      'visit_reason',
      'booth_rating',
      'interest',
      'nps',
      'lead_ok',
      'lead_name',
      'lead_company',
    ]);
    await expectResetToWelcome();
  });

  it('saves a visitor who walks away as abandoned and starts over after the idle countdown', async () => {
    await page.setViewportSize(LANDSCAPE);
    await startVisit();
    expect(await page.locator('[aria-checked=true]').count()).toBe(0);
    await page.locator('[data-value=existing]').tap();
    await expect.poll(where).toBe('booth_rating');
    await page.clock.fastForward((IDLE_SECONDS - 4) * 1000);
    await page.waitForSelector('[data-testid=kiosk-idle]');
    expect(await page.locator('[data-testid=kiosk-idle] .k-heading').textContent()).toBe(
      '还在吗？',
    );
    await shot('idle-1280x800');
    await page.clock.fastForward(5000);
    await expectResetToWelcome();
    await expect
      .poll(
        async () => (await test.call('responses.list', { surveyId, status: 'abandoned' })).total,
      )
      .toBe(1);
  });

  it('keeps the kiosk open on a wrong PIN, and locks the pad after five', async () => {
    await openPinPad();
    const enter = async (pin: string) => {
      for (const digit of pin) await page.locator(`[data-key="${digit}"]`).tap();
      await page.locator('[data-action=pin-ok]').tap();
    };
    await enter('1111');
    await expect
      .poll(() => page.locator('[data-testid=pin-message]').textContent())
      .toContain('PIN 码错误');
    expect(await page.locator('[data-testid=kiosk]').count()).toBe(1);
    await shot('pin-1280x800');
    await page.setViewportSize(PORTRAIT);
    await page.locator('[data-key="1"]').tap();
    await shot('pin-800x1280');
    await page.locator('[data-key=clear]').tap();
    await page.setViewportSize(LANDSCAPE);
    for (let i = 0; i < 4; i++) await enter('9999');
    await expect
      .poll(() => page.locator('[data-testid=pin-message]').textContent())
      .toContain('秒后再试');
    expect(await page.locator('[data-key="2"]').isDisabled()).toBe(true);
    // Waiting out the 30 s also trips the idle reset, which closes the pad; the lock outlives it.
    await page.clock.fastForward(20_000);
    await page.waitForSelector('[data-testid=kiosk-welcome]');
    await openPinPad();
    expect(await page.locator('[data-key="2"]').isDisabled()).toBe(true);
    await page.clock.fastForward(9_000);
    await expect.poll(() => page.locator('[data-key="2"]').isDisabled()).toBe(false);
  });

  it('leaves kiosk mode with the right PIN, back to the field-work hub', async () => {
    if ((await page.locator('[data-testid=kiosk-pin]').count()) === 0) await openPinPad();
    for (const digit of PIN) await page.locator(`[data-key="${digit}"]`).tap();
    await page.locator('[data-action=pin-ok]').tap();
    await page.waitForSelector('[data-testid=fieldwork]');
    expect(await page.locator('nav.sidebar').count()).toBe(1);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  it('changes the kiosk PIN and timings in Settings, the PIN entered twice', async () => {
    await page.click('[data-screen=settings]');
    const panel = page.locator('[data-testid=kiosk-settings]');
    expect(await panel.locator('[data-testid=kiosk-pin-status]').textContent()).toBe(
      '已设置展台 PIN 码。',
    );
    await panel.locator('[data-field=kiosk-pin]').fill('135790');
    await panel.locator('[data-field=kiosk-pin-repeat]').fill('135791');
    await panel.locator('[data-action=save-kiosk-pin]').click();
    expect(await panel.locator('.field-error').textContent()).toBe('两次输入的 PIN 码不一致。');
    await panel.locator('[data-field=kiosk-pin-repeat]').fill('135790');
    await panel.locator('[data-action=save-kiosk-pin]').click();
    await expect
      .poll(() => panel.locator('[role=status]').textContent())
      .toBe('展台 PIN 码已保存。');
    await panel.locator('[data-field=kiosk-idle]').fill('120');
    await panel.locator('[data-action=save-kiosk-times]').click();
    await expect
      .poll(async () => (await test.call('settings.get', {})).kiosk.idleSeconds)
      .toBe(120);
    await panel.scrollIntoViewIfNeeded();
    await shot('settings-1280x800');
    await expect(test.call('kiosk.verifyPin', { pin: PIN })).rejects.toThrow();
    expect(await test.call('kiosk.verifyPin', { pin: '135790' })).toEqual({ ok: true });
  });

  it('stored three complete and one abandoned kiosk response, and lead answers only with a yes', async () => {
    const { items } = await test.call('responses.list', { surveyId });
    expect(items.filter((r) => r.channel === 'kiosk' && r.status === 'complete')).toHaveLength(3);
    expect(items.filter((r) => r.channel === 'kiosk' && r.status === 'abandoned')).toHaveLength(1);
    expect(items).toHaveLength(4);
    const records = await Promise.all(items.map((r) => test.call('responses.get', { id: r.id })));
    for (const record of records) expect(record.consent?.method).toBe('tapped');
    const leads = records.filter((r) => r.answers.lead_name !== undefined);
    expect(leads.map((r) => [r.answers.lead_name, r.answers.lead_phone])).toEqual([
      ['张伟', '13800138000'],
    ]);
    for (const record of records.filter((r) => r.answers.lead_ok === 'no')) {
      expect(
        Object.keys(record.answers).filter((k) => k.startsWith('lead_') && k !== 'lead_ok'),
      ).toEqual([]);
    }
    expect(records.filter((r) => r.answers.lead_ok === 'no')).toHaveLength(2);
    const abandoned = records.find((r) => r.status === 'abandoned');
    expect(abandoned?.answers).toEqual({ visit_reason: 'existing' });
  });

  it('resets to the welcome screen within 300 ms', () => {
    expect(resetTimes.length).toBeGreaterThanOrEqual(5);
    console.info(`kiosk reset times (ms): ${resetTimes.join(', ')}`);
    expect(Math.max(...resetTimes)).toBeLessThanOrEqual(300);
  });
});
