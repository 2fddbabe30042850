/**
 * The response register end to end: responses collected through the services, then a reviewer
 * filters by flag, edits an answer with a comment, keeps a flagged response, voids another and
 * recomputes the flags, in Chinese and in English; the database is checked after each step.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/questionnaire/runtime';
import { openApp, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

// The reviewer is in China: the services, the CLI and Chromium (started from this process) share it.
process.env.TZ = 'Asia/Shanghai';
const SCALES = ['timeliness', 'engineer_skill', 'engineer_manner', 'fix_quality', 'overall'];

describe('reviewing responses in Chromium through the browser host', () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let waveId = '';
  let surveyId = '';
  const ids = { quickA: '', quickB: '', slow: '', liner: '' };

  /** Starts (optionally backdated), answers and completes one after-sales response. */
  async function respond(
    surveyId: string,
    customerId: string | null,
    scale: number,
    nps: number,
    minutesAgo = 0,
  ): Promise<string> {
    const givenAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const consent = { given: true as const, method: 'verbal' as const, versionNo: 1, givenAt };
    // The service uses the real clock: started and completed at once is "too fast". A response
    // that took longer is started in the past through the service itself.
    const id =
      minutesAgo === 0
        ? (
            await test.call('responses.start', {
              surveyId,
              waveId,
              customerId,
              channel: 'interview',
              consent,
            })
          ).id
        : test.services.ctx.fieldwork.start({
            surveyId,
            waveId,
            customerId,
            channel: 'interview',
            interviewer: '王芳',
            consent,
            startedAt: givenAt,
          }).id;
    const answers: Answers = { service_kind: 'repair', time_to_fix: 'h24', solved: 'yes', nps };
    for (const name of SCALES) answers[name] = scale;
    for (const [variable, value] of Object.entries(answers))
      await test.call('responses.answer', { id, variable, value });
    await test.call('responses.complete', { id });
    return id;
  }

  const shot = (name: string) => app.shot(`responses-${name}`);
  const rows = () => page.locator('[data-testid=register] tbody tr');
  const detail = () => page.locator('[data-testid=response-detail]');

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    await test.call('settings.update', { operatorName: '王芳' });
    const survey = await test.call('surveys.create', {
      template: 'after-sales',
      language: 'zh-CN',
    });
    await test.call('surveys.publish', { id: survey.id });
    surveyId = survey.id;
    waveId = (await test.call('waves.create', { surveyId: survey.id, name: '2026 第一季度' })).id;
    const customer = (name: string) => test.call('customers.create', { name });
    const [a, b, c] = await Promise.all([
      customer('华东精密制造有限公司'),
      customer('北方物流集团'),
      customer('南海电子科技'),
    ]);
    ids.slow = await respond(survey.id, c.id, 4, 9, 14);
    ids.liner = await respond(survey.id, null, 5, 10, 9);
    ids.quickA = await respond(survey.id, a.id, 4, 8);
    ids.quickB = await respond(survey.id, b.id, 3, 7);
    await test.call('settings.update', { operatorName: '张敏' });

    app = await openApp('zh-CN', undefined, { test });
    page = app.page;
    await page.click('[data-screen=responses]');
  });

  afterAll(async () => {
    await (app?.close() ?? test?.stop());
  });

  it('lists every response with its status and coloured flag chips', async () => {
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.locator('[data-testid=pager-range]').textContent()).toBe(
      '第 1–4 条，共 4 条',
    );
    const quick = page.locator(`tr[data-response="${ids.quickA}"]`);
    expect(await quick.locator('[data-flag=too_fast]').textContent()).toBe('作答过快');
    expect(await quick.locator('[data-flag=too_fast]').getAttribute('title')).toMatch(
      /^用时 \d+ 秒；少于 120 秒即视为过快$/,
    );
    expect(
      await page.locator(`tr[data-response="${ids.liner}"] [data-flag=straight_lining]`).count(),
    ).toBe(1);
    expect(await page.locator(`tr[data-response="${ids.slow}"] .flag-chips`).textContent()).toBe(
      '',
    );
    await shot('list-zh-CN');
  });

  it('filters by the too-fast flag', async () => {
    await page.selectOption('[data-filter=flag]', 'too_fast');
    await expect.poll(() => rows().count()).toBe(2);
    const shown = await rows().evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-response')),
    );
    expect(shown.sort()).toEqual([ids.quickA, ids.quickB].sort());
  });

  it('opens a response from the keyboard and shows consent, timing, answers in order and history', async () => {
    await page.locator(`tr[data-response="${ids.quickA}"]`).focus();
    await page.keyboard.press('Enter');
    await detail().waitFor();
    expect(await detail().locator('h2').textContent()).toContain('华东精密制造有限公司');
    expect(await detail().locator('[data-testid=consent]').textContent()).toMatch(/^口头同意，/);
    expect(await detail().locator('[data-testid=duration]').textContent()).toMatch(/^\d+ 秒$/);
    const order = await detail()
      .locator('[data-answer]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-answer')));
    expect(order.slice(0, 4)).toEqual([
      'service_kind',
      'time_to_fix',
      'timeliness',
      'engineer_skill',
    ]);
    expect(await detail().locator('[data-answer=time_to_fix] dd').textContent()).toBe('4-24 小时');
    expect(await detail().locator('[data-answer=overall] dd').textContent()).toBe('4 · 满意');
    expect(await detail().locator('[data-history=complete]').count()).toBe(1);
    await shot('detail-zh-CN');
  });

  it('edits an answer with a comment: a new revision, shown in the history', async () => {
    await detail().locator('[data-action=edit]').click();
    const form = page.locator('[data-testid=edit-answers]');
    await form.locator('[data-question=overall] [data-value="2"]').click();
    expect(await form.locator('[data-action=save-edit]').isDisabled()).toBe(true);
    await form.locator('[data-field=edit-comment]').fill('客户来电更正总体评价');
    await shot('edit-zh-CN');
    await form.locator('[data-action=save-edit]').click();
    await expect
      .poll(() => detail().locator('[data-testid=detail-notice]').textContent())
      .toBe('已保存为第 2 版。');
    const edit = detail().locator('[data-history=edit]');
    expect(await edit.locator('.history-variable').textContent()).toBe(
      '对本次售后服务的总体满意度',
    );
    expect(await edit.locator('.old-value').textContent()).toBe('4 · 满意');
    expect(await edit.locator('.new-value').textContent()).toBe('2 · 不满意');
    expect(await edit.textContent()).toContain('张敏');
    expect(await edit.locator('.history-comment').textContent()).toBe('“客户来电更正总体评价”');

    const stored = await test.call('responses.get', { id: ids.quickA });
    expect(stored.revision).toBe(2);
    expect(stored.answers.overall).toBe(2);
    expect(stored.history.at(-1)).toMatchObject({
      action: 'edit',
      actor: '张敏',
      variable: 'overall',
      oldValue: 4,
      newValue: 2,
      comment: '客户来电更正总体评价',
    });
  });

  it('keeps a too-fast response with a comment and shows who decided', async () => {
    const item = detail().locator('[data-flag-item=too_fast]');
    await item.locator('[data-action=keep]').click();
    await item.locator('[data-field=override-comment]').fill('老客户，问卷内容很熟悉');
    await item.locator('[data-action=save-decision]').click();
    await expect
      .poll(() => item.locator('[data-testid=flag-override]').textContent())
      .toMatch(/^张敏 于 .+ 决定保留：老客户，问卷内容很熟悉/);
    expect(
      await page
        .locator(`tr[data-response="${ids.quickA}"] [data-flag=too_fast]`)
        .getAttribute('data-decision'),
    ).toBe('kept');
    await shot('override-zh-CN');

    const stored = await test.call('responses.get', { id: ids.quickA });
    expect(stored.flags.map((f) => f.rule)).toEqual(['too_fast']);
    expect(stored.flags[0]?.override).toMatchObject({
      keep: true,
      by: '张敏',
      comment: '老客户，问卷内容很熟悉',
    });
    await detail().locator('[data-action=close-detail]').click();
    await expect.poll(() => detail().count()).toBe(0);
  });

  it('voids another response with a reason; it stays in the register, marked void', async () => {
    await page.click('[data-action=reset-filters]');
    await expect.poll(() => rows().count()).toBe(4);
    await page.locator(`tr[data-response="${ids.liner}"]`).click();
    await detail().locator('[data-action=void]').click();
    expect(await detail().locator('[data-action=confirm-void]').isDisabled()).toBe(true);
    await detail().locator('[data-field=void-reason]').fill('测试时误录，客户并未接受售后服务');
    await shot('void-zh-CN');
    await detail().locator('[data-action=confirm-void]').click();
    await expect
      .poll(() => detail().locator('h2 [data-status]').getAttribute('data-status'))
      .toBe('void');
    expect(await detail().locator('[data-history=void] .history-comment').textContent()).toBe(
      '“测试时误录，客户并未接受售后服务”',
    );
    await expect
      .poll(() =>
        page.locator(`tr[data-response="${ids.liner}"] [data-status]`).getAttribute('data-status'),
      )
      .toBe('void');
    expect(await rows().count()).toBe(4);

    const stored = await test.call('responses.get', { id: ids.liner });
    expect(stored.status).toBe('void');
    expect(stored.history.at(-1)).toMatchObject({
      action: 'void',
      actor: '张敏',
      comment: '测试时误录，客户并未接受售后服务',
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => detail().count()).toBe(0);
    // Focus is back on the row, so the keyboard user carries on where they were.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-response'))).toBe(
      ids.liner,
    );
  });

  it('recomputes the flags of the chosen wave and shows the counts per rule', async () => {
    expect(await page.locator('[data-action=recompute]').isDisabled()).toBe(true);
    await page.selectOption('[data-filter=waveId]', waveId);
    await page.click('[data-action=recompute]');
    const recount = page.locator('[data-testid=recount]');
    await expect
      .poll(() => recount.locator('[data-rule=too_fast] .recount-n').textContent())
      .toBe('2');
    // The straight-liner is void now, so it is no longer counted.
    expect(await recount.locator('[data-rule=straight_lining] .recount-n').textContent()).toBe('0');
    await shot('recompute-zh-CN');
  });

  it('changes the cleaning rules in Settings, in English, and recomputes with them', async () => {
    await page.click('[data-screen=settings]');
    await page.click('[data-locale="en"]');
    const panel = page.locator('[data-testid=cleaning-panel]');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Cleaning rules');
    await panel.locator('[data-field=key-fields] input').fill('suggestion, 2bad');
    expect(await panel.locator('.field-error').textContent()).toBe('Not a variable name: 2bad');
    expect(await panel.locator('[data-action=save-cleaning]').isDisabled()).toBe(true);
    await panel.locator('[data-field=key-fields] input').fill('suggestion');
    await panel.locator('[data-action=save-cleaning]').click();
    await panel.locator('[data-testid=cleaning-saved]').waitFor();
    await app.shot('responses-cleaning-settings-en');
    expect((await test.call('settings.get', {})).cleaning).toEqual({
      tooFastSeconds: 120,
      straightLiningMinItems: 5,
      keyFields: ['suggestion'],
    });

    await page.click('[data-screen=responses]');
    await page.selectOption('[data-filter=waveId]', waveId);
    await page.click('[data-action=recompute]');
    const recount = page.locator('[data-testid=recount]');
    await expect
      .poll(() => recount.locator('[data-rule=missing_key] .recount-n').textContent())
      .toBe('3');
    expect(await recount.textContent()).toContain('Key info missing');
    await shot('recompute-en');
  });

  it('shows the register and a reviewed response in English', async () => {
    await page.click('[data-action=reset-filters]');
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.locator('[data-testid=pager-range]').textContent()).toBe('1–4 of 4');
    // The counts belonged to the wave filter that was just cleared.
    expect(await page.locator('[data-testid=recount]').count()).toBe(0);
    await shot('list-en');
    await page.locator(`tr[data-response="${ids.quickA}"]`).click();
    await detail().waitFor();
    expect(await detail().locator('[data-answer=overall] dd').textContent()).toBe(
      '2 · Dissatisfied',
    );
    // "What is still not solved?" is asked only when the problem is not solved.
    expect(await detail().locator('[data-answer=remaining] dd').textContent()).toBe(
      'not asked (skip logic)',
    );
    expect(
      await detail().locator('[data-flag-item=too_fast] [data-testid=flag-override]').textContent(),
    ).toMatch(/^Kept by 张敏, .+: 老客户/);
    expect(await detail().locator('[data-history=edit] .history-variable').textContent()).toBe(
      'Overall satisfaction with this service',
    );
    await shot('detail-en');
    await detail().locator('[data-section=history]').scrollIntoViewIfNeeded();
    await shot('history-en');
  });

  it('fits a 10-inch tablet held upright', async () => {
    await page.setViewportSize({ width: 800, height: 1280 });
    await shot('detail-tablet-en');
    await page.keyboard.press('Escape');
    await shot('list-tablet-en');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('works by touch on a 10-inch tablet in landscape', async () => {
    const tablet = await app.browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
      isMobile: true,
    });
    const touch = await tablet.newPage();
    try {
      await touch.goto(test.host.openUrl);
      await touch.tap('[data-screen=responses]');
      await touch.locator(`tr[data-response="${ids.quickB}"]`).tap();
      await touch.locator('[data-testid=response-detail]').waitFor();
      expect(await touch.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      // Every button in the panel is at least 44 px high for a finger.
      const heights = await touch
        .locator('[data-testid=response-detail] button')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await app.shot('responses-touch-en', touch);
      await touch.tap('[data-action=close-detail]');
      await expect.poll(() => touch.locator('[data-testid=response-detail]').count()).toBe(0);
    } finally {
      await tablet.close();
    }
  });

  it('filters by start date as calendar days where the reviewer is, not in UTC', async () => {
    // 07:30 on 2 March in Shanghai is still 1 March in UTC.
    const early = test.services.ctx.fieldwork.start({
      surveyId,
      waveId: null,
      customerId: null,
      channel: 'import',
      interviewer: null,
      consent: null,
      startedAt: '2026-03-01T23:30:00.000Z',
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.fill('[data-filter=from]', '2026-03-02');
    await page.fill('[data-filter=to]', '2026-03-02');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-response')).toBe(early.id);
    expect(await rows().first().locator('td').first().textContent()).toBe('2026-03-02 07:30');
    await page.fill('[data-filter=from]', '2026-03-01');
    await page.fill('[data-filter=to]', '2026-03-01');
    await expect.poll(() => page.locator('[data-testid=register-empty]').count()).toBe(1);
    await shot('date-filter-en');
  });

  it('pages through a long register', async () => {
    for (let i = 0; i < 22; i++) {
      test.services.ctx.fieldwork.start({
        surveyId,
        waveId: null,
        customerId: null,
        channel: 'import',
        interviewer: null,
        consent: null,
        startedAt: new Date(Date.UTC(2026, 0, 10, 8, i)).toISOString(),
      });
    }
    await page.click('[data-action=reset-filters]');
    await expect
      .poll(() => page.locator('[data-testid=pager-range]').textContent())
      .toBe('1–25 of 27');
    expect(await rows().count()).toBe(25);
    await page.click('[data-action=next-page]');
    await expect
      .poll(() => page.locator('[data-testid=pager-range]').textContent())
      .toBe('26–27 of 27');
    expect(await rows().count()).toBe(2);
    expect(await page.locator('[data-action=next-page]').isDisabled()).toBe(true);
    await page.click('[data-action=previous-page]');
    await expect.poll(() => rows().count()).toBe(25);
  });
});
