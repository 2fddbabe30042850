/**
 * An account manager's interview in Chromium through the browser host: a customer added on the
 * spot, consent, answers with live skip logic, the tab closed mid-way, resumed from the hub's
 * list, finished; then the database is read back. Screenshots at 1280x800 and 800x1280.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

const PAGE_1 = [
  'resp_1',
  'resp_2',
  'resp_3',
  'reso_1',
  'reso_2',
  'reso_3',
  'prof_1',
  'prof_2',
  'prof_3',
  'comm_1',
  'comm_2',
  'comm_3',
  'value_1',
  'value_2',
  'value_3',
];
/** Varied ratings (no straight-lining), as a real customer would give them. */
const rating = (i: number) => [4, 5, 3, 4, 2, 4, 5, 4, 3, 5, 4, 4, 3, 2, 4][i]!;

describe('an interview in Chromium, closed mid-way and resumed', () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let surveyId: string;

  /** A step that does not come fails in seconds, with its selector, not at the test's timeout. */
  const quickSteps = (on: Page) => on.setDefaultTimeout(10_000);

  async function openFieldwork(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const opened = await app.browser.newPage({ viewport });
    quickSteps(opened);
    await opened.goto(test.host.openUrl);
    return showFieldwork(opened);
  }

  async function showFieldwork(opened: Page): Promise<Page> {
    await opened.click('[data-screen=fieldwork]');
    await opened.waitForSelector('[data-testid=fieldwork]');
    await opened.waitForFunction(
      (id) => document.querySelector<HTMLSelectElement>('[data-field=survey]')?.value === id,
      surveyId,
    );
    return opened;
  }

  const shot = (name: string, on: Page = page) => app.shot(`interview-${name}`, on);
  const question = (name: string, on: Page = page) => on.locator(`[data-question=${name}]`);
  const saved = (on: Page = page) =>
    expect
      .poll(() => on.locator('[data-testid=save-state]').getAttribute('data-state'), {
        timeout: 5000,
      })
      .toBe('saved');

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    const survey = await test.call('surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    });
    await test.call('surveys.publish', { id: survey.id });
    surveyId = survey.id;
    app = await openApp('zh-CN', undefined, { test, beforeLoad: quickSteps });
    page = await showFieldwork(app.page);
  });

  afterAll(async () => {
    await (app?.close() ?? test?.stop());
  });

  it('starts an interview with a customer added on the spot', async () => {
    await page.click('[data-mode=interview]');
    await page.waitForSelector('[data-testid=interview][data-step=customer]');
    await page.click('[data-action=add-customer]');
    const form = page.locator('[data-testid=new-customer]');
    await form.locator('[data-action=save-customer]').click();
    expect(await form.locator('.field-error').textContent()).toBe('请填写客户名称。');
    await form.locator('[data-field=customer-name]').fill('华东精密制造有限公司');
    await form.locator('[data-field=customer-code]').fill('C202405001');
    await form.locator('[data-field=customer-type]').selectOption('高价值客户');
    await form.locator('[data-field=customer-region]').fill('华东');
    await form.locator('[data-field=customer-contact]').fill('王经理');
    await form.locator('[data-field=customer-phone]').fill('13800138000');
    await shot('customer-1280x800');
    await form.locator('[data-action=save-customer]').click();
    await page.waitForSelector('[data-testid=interview][data-step=consent]');
    expect(await page.locator('[data-testid=interview-customer]').textContent()).toBe(
      '华东精密制造有限公司',
    );
  });

  it('shows the consent text in the questionnaire language and records how consent was given', async () => {
    expect(await page.locator('[data-testid=consent-text]').textContent()).toContain(
      '仅用于改进服务',
    );
    await page.click('[data-lang=en]');
    expect(await page.locator('[data-testid=consent-text]').textContent()).toContain(
      'only to improve our service',
    );
    await page.click('[data-lang=zh-CN]');
    await page.click('[data-action=confirm-consent]');
    expect(await page.locator('.iv-fieldset .field-error').count()).toBe(1);
    await page.click('[data-consent-method=verbal]');
    await shot('consent-1280x800');
    await page.click('[data-action=confirm-consent]');
    await page.waitForSelector('[data-testid=interview][data-step=questions]');
    expect(await page.locator('[data-testid=page-of]').textContent()).toBe('第 1 / 3 页');
  });

  it('refuses Next while answers are missing, then saves every answer of page 1 as it is given', async () => {
    await question('resp_1').locator('[data-value="4"]').click();
    await page.click('[data-action=next]');
    await expect.poll(() => page.locator('.question.has-problem').count()).toBe(14);
    await shot('problems-1280x800');
    for (const [i, name] of PAGE_1.entries())
      await question(name)
        .locator(`[data-value="${rating(i)}"]`)
        .click();
    expect(await page.locator('.question.has-problem').count()).toBe(0);
    await page.fill('[data-field=interview-notes]', '客户提到上季度投诉处理较慢');
    await saved();
    expect(await page.locator('[data-testid=answered-count]').textContent()).toBe(
      '已答 15 / 24 题',
    );
    await page.keyboard.press('Alt+ArrowRight');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_overall');
  });

  it('keeps the interview open while another screen is looked at', async () => {
    await page.click('[data-screen=surveys]');
    await page.waitForSelector('[data-testid=survey-list]');
    await page.click('[data-screen=fieldwork]');
    await page.waitForSelector('[data-testid=interview][data-step=questions]');
    expect(await page.locator('.iv-page-title').getAttribute('data-page')).toBe('p_overall');
  });

  it('answers page 2 and shows contact questions on the respondent page only when a call-back is wanted', async () => {
    await question('overall').locator('[data-value="4"]').click();
    await question('nps').locator('[data-value="8"]').click();
    await question('improve').locator('textarea').fill('希望紧急问题的响应再快一些');
    await page.keyboard.press('Alt+ArrowRight');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_respondent');
    expect(await question('contact_name').count()).toBe(0);
    await question('callback').locator('button', { hasText: '可以，请电话联系我' }).click();
    await expect.poll(() => question('contact_name').count()).toBe(1);
    expect(await question('phone').count()).toBe(1);
    await question('callback').locator('button', { hasText: '不需要' }).click();
    await expect.poll(() => question('contact_name').count()).toBe(0);
    expect(await question('phone').count()).toBe(0);
    await question('callback').locator('button', { hasText: '可以，请电话联系我' }).click();
    await question('contact_name').locator('input').fill('王建国');
    await question('service_type').locator('button', { hasText: '售后' }).click();
    await question('service_type').locator('button', { hasText: '培训' }).click();
    await saved();
    await question('contact_name').scrollIntoViewIfNeeded();
    await shot('respondent-page-1280x800');
    const stored = await test.call('responses.get', {
      id: (await test.call('responses.resumable', {}))[0]!.id,
    });
    expect(stored.position).toMatchObject({ page: 2 });
    expect(stored.answers).toMatchObject({
      contact_name: '王建国',
      improve: '希望紧急问题的响应再快一些',
      service_type: ['after_sales', 'training'],
    });
  });

  it('resumes after the tab was closed, on the same page with every answer and the notes', async () => {
    await page.close();
    page = await openFieldwork();
    await page.waitForSelector('[data-testid=resumable]');
    expect(await page.locator('[data-testid=resumable]').textContent()).toContain(
      '华东精密制造有限公司',
    );
    await shot('hub-resumable-1280x800');
    await page.click('[data-action=resume]');
    await page.waitForSelector('[data-testid=interview][data-step=questions]');
    expect(await page.locator('.iv-page-title').getAttribute('data-page')).toBe('p_respondent');
    expect(await question('contact_name').locator('input').inputValue()).toBe('王建国');
    expect(await question('callback').locator('[aria-checked=true]').textContent()).toContain(
      '可以，请电话联系我',
    );
    expect(await page.locator('[data-field=interview-notes]').inputValue()).toBe(
      '客户提到上季度投诉处理较慢',
    );
    expect(await page.locator('[data-testid=answered-count]').textContent()).toBe(
      '已答 21 / 26 题',
    );
    await page.click('[data-action=back]');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_overall');
    expect(await question('nps').locator('[aria-checked=true]').textContent()).toBe('8');
    expect(await question('improve').locator('textarea').inputValue()).toBe(
      '希望紧急问题的响应再快一些',
    );
    await page.keyboard.press('Alt+ArrowLeft');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_service');
    expect(await question('resp_1').locator('[aria-checked=true]').textContent()).toContain('4');
  });

  it('finishes, showing a wrong phone number first, then a summary', async () => {
    await page.click('[data-action=next]');
    await page.click('[data-action=next]');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_respondent');
    await question('phone').locator('input').fill('12ab');
    await page.click('[data-action=finish]');
    await expect
      .poll(() => question('phone').locator('.question-problem').textContent())
      .toBe('请填写有效的电话号码');
    await question('phone').locator('input').fill('138 0013 8000');
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-testid=interview-summary][data-status=complete]');
    expect(await page.locator('[data-testid=summary-answers]').textContent()).toBe('22');
    await shot('summary-1280x800');
  });

  it('stored the response as complete, with consent, customer, notes and answers', async () => {
    const { items } = await test.call('responses.list', { surveyId });
    expect(items).toHaveLength(1);
    const record = await test.call('responses.get', { id: items[0]!.id });
    expect(record).toMatchObject({
      status: 'complete',
      channel: 'interview',
      customerName: '华东精密制造有限公司',
      consent: { given: true, method: 'verbal', versionNo: 1 },
      notes: '客户提到上季度投诉处理较慢',
    });
    expect(record.completedAt).not.toBeNull();
    expect(Date.parse(record.consent!.givenAt)).toBeLessThanOrEqual(
      Date.parse(record.startedAt) + 1000,
    );
    expect(record.answers).toMatchObject({
      resp_1: 4,
      value_3: 4,
      nps: 8,
      callback: 'phone',
      phone: '138 0013 8000',
    });
    expect(Object.keys(record.answers)).toHaveLength(22);
    expect(await test.call('responses.resumable', {})).toEqual([]);
  });

  it('jumps to the first page with a missing answer when main refuses the finish, and records a break-off', async () => {
    // An interview left on the last page with page 1 unanswered (e.g. started on another screen).
    const started = await test.call('responses.start', {
      surveyId,
      waveId: null,
      customerId: null,
      channel: 'interview',
      consent: { given: true, method: 'signed', versionNo: 1, givenAt: new Date().toISOString() },
    });
    for (const [variable, value] of Object.entries({
      overall: 3,
      nps: 6,
      service_type: ['consult'],
      callback: 'no',
    })) {
      await test.call('responses.answer', {
        id: started.id,
        variable,
        value,
        position: { page: 2 },
      });
    }
    await page.click('[data-testid=interview-summary] .button.secondary');
    await page.waitForSelector('[data-testid=resumable]');
    await page.click('[data-action=resume]');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_respondent');
    await page.click('[data-action=finish]');
    await expect
      .poll(() => page.locator('.iv-page-title').getAttribute('data-page'))
      .toBe('p_service');
    expect(await page.locator('.question.has-problem').count()).toBe(15);
    await page.click('[data-action=break-off]');
    await page.click('[data-action=confirm-break-off]');
    await page.waitForSelector('[data-testid=interview-summary][data-status=abandoned]');
    expect(await test.call('responses.get', { id: started.id })).toMatchObject({
      status: 'abandoned',
      answers: { overall: 3, nps: 6 },
    });
  });

  it('fits a 10-inch tablet held upright (800x1280)', async () => {
    await page.click('[data-action=next-interview]');
    await page.waitForSelector('[data-testid=interview][data-step=customer]');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.fill('[data-field=customer-search]', 'C2024');
    await expect.poll(() => page.locator('[data-testid=customer-results] li').count()).toBe(1);
    await shot('customer-800x1280');
    await page.click('[data-customer=C202405001]');
    await page.click('[data-consent-method=tapped]');
    await shot('consent-800x1280');
    await page.click('[data-action=confirm-consent]');
    await page.waitForSelector('[data-testid=interview][data-step=questions]');
    await question('resp_1').locator('[data-value="5"]').click();
    await question('resp_2').locator('[data-value="4"]').click();
    await saved();
    await shot('questions-800x1280');
    await page.click('[data-lang=en]');
    expect(await question('resp_1').locator('.question-label').textContent()).toContain(
      'Staff responded promptly',
    );
    await shot('questions-en-800x1280');
    const tooSmall = await page.$$eval('.interview button:not([disabled])', (buttons) =>
      buttons
        .filter(
          (b) =>
            b.getBoundingClientRect().height > 0 &&
            (b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44),
        )
        .map((b) => b.textContent),
    );
    expect(tooSmall).toEqual([]);
    // Typed and left at once: the exit sends the notes still waiting for their pause.
    await page.fill('[data-field=interview-notes]', '平板竖屏测试');
    await page.click('[data-action=exit-interview]');
    await page.waitForSelector('[data-testid=resumable]');
    const [open] = await test.call('responses.resumable', {});
    expect(await test.call('responses.get', { id: open!.id })).toMatchObject({
      notes: '平板竖屏测试',
      answers: { resp_1: 5, resp_2: 4 },
    });
  });
});
