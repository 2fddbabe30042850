/**
 * The improvement loop end to end in Chromium: the first wave of the demo survey suggests
 * problems, an action is created from one with a target above its baseline, the second wave's
 * responses arrive, "verify with this wave" analyses it and the action shows as verified (and a
 * too ambitious one as missed, prompting a re-plan). Screenshots at 1280x800 in both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo, type DemoResult } from '../../main/analysis/demo';
import { openApp, switchToEnglish, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

// Suggestions and verification run the analysis of a wave in the host: allow for a busy machine.
const RUN = { timeout: 30_000 };

type Row = Record<string, unknown>;

describe('the improvement loop in Chromium through the browser host', () => {
  let test: TestHost;
  let app: OpenApp;
  let page: Page;
  let demo: DemoResult;
  // The second wave's responses, held back until the test "collects" them.
  let laterResponses: Row[] = [];
  let laterAnswers: Row[] = [];

  const shot = (name: string) => app.shot(`improvement-${name}`);
  const tab = (name: string) => page.click(`[data-tab=${name}]`);

  /** Creates a problem from the suggestion and an action on it with `target` (given the baseline). */
  async function actionFrom(
    suggestion: string,
    target: (baseline: number) => number,
    owner: string,
  ) {
    const row = page.locator(`[data-suggestion="${suggestion}"]`);
    await row.locator('[data-action=create-problem]').click();
    const form = page.locator('[data-testid=action-form]');
    await form.waitFor();
    const baseline = Number(
      await form.locator('[data-testid=action-baseline]').getAttribute('data-value'),
    );
    expect(baseline).toBeGreaterThan(0);
    await form.locator('[data-field=action-target]').fill(String(target(baseline)));
    await form.locator('[data-field=action-measures]').fill('增加值班坐席，工单 2 小时内首次响应');
    await form.locator('[data-field=action-owner]').fill(owner);
    await form.locator('[data-field=action-department]').fill('客服中心');
    await form.locator('[data-field=action-due]').fill('2026-08-31');
    await form.locator('[data-action=create-action]').click();
    await form.waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('已创建');
    return baseline;
  }

  beforeAll(async () => {
    test = await startTestHost('zh-CN');
    const { db, surveys, fieldwork } = test.services.ctx;
    demo = createDemo(db, surveys, fieldwork, { responses: 400, seed: 3 });
    // Hold the second wave back: its responses are added later, as if collected after the actions.
    const second = demo.waveIds[1]!;
    laterResponses = db.prepare('SELECT * FROM responses WHERE wave_id = ?').all(second) as Row[];
    laterAnswers = db
      .prepare(
        'SELECT a.* FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.wave_id = ?',
      )
      .all(second) as Row[];
    db.transaction(() => {
      db.prepare(
        'DELETE FROM answers WHERE response_id IN (SELECT id FROM responses WHERE wave_id = ?)',
      ).run(second);
      db.prepare('DELETE FROM responses WHERE wave_id = ?').run(second);
    })();
    app = await openApp('zh-CN', undefined, { test });
    page = app.page;
  });

  afterAll(async () => {
    await (app?.close() ?? test?.stop());
  });

  it('suggests problems from the first wave and creates actions with their baseline', async () => {
    await page.waitForSelector('[data-testid=survey-list]');
    await page.click('[data-screen=improvement]');
    await page.waitForSelector('[data-testid=improvement-dashboard]');
    await page.locator('[data-field=wave]').selectOption(demo.waveIds[0]!);
    await tab('problems');
    await page.click('[data-action=suggest]');
    await page.locator('[data-suggestion="dimension:responsiveness"]').waitFor(RUN);
    // Open-answer themes come with the priority list, each with its priority and the rule behind it.
    expect(await page.locator('[data-suggestion*=":slow_response"]').count()).toBe(1);
    expect(await page.locator('[data-suggestion] [data-priority]').count()).toBeGreaterThan(5);
    await shot('suggestions-zh-CN');

    // Responsiveness: a target 3 points above its baseline; value added: 95, out of reach.
    const baseline = await actionFrom('dimension:responsiveness', (b) => Math.ceil(b) + 3, '李娜');
    await actionFrom('dimension:value_added', () => 95, '王强');
    // A theme of the open answers becomes a problem with the responses that mention it; no action yet.
    const theme = page.locator('[data-suggestion*=":slow_response"]');
    await theme.locator('[data-action=create-problem]').click();
    await page.locator('[data-testid=action-form]').waitFor();
    await page.locator('[data-testid=action-form] button[type=button]').click();
    await expect.poll(() => theme.textContent()).toContain('已创建');
    const problems = page.locator('[data-testid=problem-list] [data-problem]');
    expect(await problems.count()).toBe(3);
    expect(await problems.first().locator('[data-testid=priority-reason]').textContent()).toMatch(
      /% × \d = [\d.]+ · (≥|低于)/,
    );
    await shot('problems-zh-CN');

    await tab('actions');
    const cards = page.locator('[data-testid=action-list] [data-action-id]');
    expect(await cards.count()).toBe(2);
    const responsiveness = cards.filter({ hasText: '李娜' });
    expect(await responsiveness.locator('[data-testid=action-status]').textContent()).toBe(
      '已计划',
    );
    expect(await responsiveness.textContent()).toContain(
      `基线 ${baseline.toFixed(1)}（2026 上半年）`,
    );
    await responsiveness.locator('[data-set-status=in_progress]').click();
    await expect.poll(() => responsiveness.getAttribute('data-status')).toBe('in_progress');
    await responsiveness.locator('[data-field=progress-note]').fill('新增 3 名坐席，开通夜间热线');
    await responsiveness.locator('[data-action=add-progress]').click();
    await expect
      .poll(() => responsiveness.locator('.improvement-history summary').textContent())
      .toContain('历史记录 (2)');
  });

  it('verifies the actions when the second wave is analysed', async () => {
    const { db } = test.services.ctx;
    const insert = (table: string, rows: Row[]) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) statement.run(row);
    };
    db.transaction(() => {
      insert('responses', laterResponses);
      insert('answers', laterAnswers);
    })();

    // Back on the screen, the dashboard offers to verify the actions with the new wave.
    await page.click('[data-screen=surveys]');
    await page.click('[data-screen=improvement]');
    const pending = page.locator('[data-testid=pending-verification]');
    await expect
      .poll(() => pending.textContent())
      .toContain('有 2 项改进措施可用“2026 下半年”验证');
    await shot('pending-zh-CN');
    await pending.locator('[data-action=verify-pending]').click();
    await page.locator('[data-testid=evaluation-done]').waitFor(RUN);
    expect(await page.locator('[data-field=wave]').inputValue()).toBe(demo.waveIds[1]);
    expect(await pending.count()).toBe(0);
    await tab('actions');
    expect(await page.locator('[data-testid=evaluation-done]').textContent()).toContain(
      '验证 2 项改进措施',
    );
    const cards = page.locator('[data-testid=action-list] [data-action-id]');
    const verified = cards.filter({ hasText: '李娜' });
    await expect.poll(() => verified.getAttribute('data-status')).toBe('verified');
    expect(
      await verified.locator('[data-testid=action-verifications] li').getAttribute('data-met'),
    ).toBe('true');
    expect(await verified.locator('[data-testid=action-verifications]').textContent()).toContain(
      '2026 下半年',
    );
    const missed = cards.filter({ hasText: '王强' });
    expect(await missed.getAttribute('data-status')).toBe('missed');
    // A missed target prompts the re-plan form right on the card.
    const replan = missed.locator('[data-testid=replan-form]');
    expect(await replan.textContent()).toContain('目标未达成');
    await shot('verified-zh-CN');
    await replan.locator('[data-field=replan-due]').fill('2027-02-28');
    await replan.locator('[data-field=replan-measures]').fill('引入客户成功经理，季度业务回顾');
    await replan.locator('[data-action=replan]').click();
    await expect.poll(() => missed.getAttribute('data-status')).toBe('replanned');

    await tab('dashboard');
    const results = page.locator('[data-testid=verification-results] tbody tr');
    expect(await results.count()).toBe(2);
    expect(await page.locator('[data-verification=met]').count()).toBe(1);
    expect(await page.locator('[data-status-count=verified] .count-value').textContent()).toBe('1');
    expect(await page.locator('[data-status-count=replanned] .count-value').textContent()).toBe(
      '1',
    );
    await shot('dashboard-zh-CN');
  });

  it('raises follow-ups from the wave and shows their SLA clocks', async () => {
    await tab('followUps');
    await page.click('[data-action=scan-follow-ups]');
    const rows = page.locator('[data-follow-up]');
    await expect.poll(() => rows.count(), RUN).toBeGreaterThan(0);
    // The demo answers are months old: every acknowledgement clock has run out.
    expect(await rows.first().locator('[data-clock=acknowledge]').getAttribute('data-state')).toBe(
      'overdue',
    );
    expect(await page.locator('[data-testid=follow-up-closure]').textContent()).toContain(
      '目标 95%',
    );
    await shot('follow-ups-zh-CN');
  });

  it('computes a service-quality standard for one segment with the wave', async () => {
    await tab('standards');
    await page.click('[data-action=add-standard]');
    const form = page.locator('[data-testid=standard-form]');
    await form.locator('[data-field=standard-indicator]').fill('高价值客户响应及时性');
    await form.locator('[data-field=standard-metric]').selectOption('dimension:responsiveness');
    await form.locator('[data-field=standard-target]').fill('60');
    await form.locator('[data-field=standard-attribute]').selectOption('type');
    await form.locator('[data-field=standard-segment]').fill('高价值客户');
    await form.locator('[data-action=save-standard]').click();
    const row = page.locator('[data-standard]');
    await row.waitFor();
    expect(await row.textContent()).toContain('尚未计算');
    await page.click('[data-action=evaluate-wave]');
    await expect
      .poll(() => page.locator('[data-testid=evaluation-done]').textContent(), RUN)
      .toContain('计算 1 项标准');
    await expect.poll(() => row.locator('[data-met]').getAttribute('data-met')).toBe('true');
    expect(await row.textContent()).toContain('2026 下半年');
    await shot('standards-zh-CN');
  });

  it('shows the same screens in English', async () => {
    await switchToEnglish(page);
    await page.click('[data-screen=improvement]');
    await page.waitForSelector('[data-testid=improvement-dashboard]');
    expect(await page.locator('[data-tab=dashboard]').textContent()).toBe('Dashboard');
    await expect
      .poll(() => page.locator('[data-testid=verification-results] tbody tr').count())
      .toBe(2);
    await shot('dashboard-en');
    await tab('actions');
    expect(
      await page
        .locator('[data-action-id][data-status=verified] [data-testid=action-status]')
        .textContent(),
    ).toBe('Verified');
    // Verifying with the same wave again (for the standard) left the re-plan in place.
    expect(await page.locator('[data-action-id][data-status=replanned]').count()).toBe(1);
    const card = page.locator('[data-action-id][data-status=verified]');
    await card.locator('[data-action=edit-action]').click();
    await card.locator('[data-field=edit-owner]').fill('Li Na');
    await card.locator('[data-action=save-action]').click();
    await expect.poll(() => card.locator('.facts').textContent()).toContain('Li Na');
    await shot('actions-en');
    await tab('problems');
    await page.waitForSelector('[data-testid=problem-list] [data-problem]');
    await shot('problems-en');
  });

  it('saves a changed setting when its field loses focus, and ignores a value out of range', async () => {
    const settings = async () => (await test.call('improvement.settings', {})).atRiskDays;
    await tab('actions');
    const field = page.locator('[data-field=at-risk-days]');
    await field.fill('14');
    await field.blur();
    await expect.poll(settings).toBe(14);
    await field.fill('999');
    await field.blur();
    await page.waitForTimeout(300);
    expect(await settings()).toBe(14);
    await tab('problems');
    const urgent = page.locator('[data-field=urgent-at]');
    await page.locator('[data-testid=priority-rule] summary').click();
    await urgent.fill('70');
    await urgent.blur();
    await expect
      .poll(async () => (await test.call('improvement.settings', {})).priority.urgentAt)
      .toBe(70);
  });
});
