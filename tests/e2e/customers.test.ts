/**
 * The customer register and imports from other tools end to end, in Chromium through the
 * browser host: a GBK CSV exported from a CRM is mapped in the register's Import drawer (the
 * proposal reads a funding-round column as the stage, so rows fail and say why), the mapping is
 * fixed and saved, the list imported and a customer found and edited; then a 问卷星-style CSV of
 * responses is imported through the Sync screen's Imports tab. Screenshots in both languages.
 */
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDetail } from '../../shared/surveys';
import { openApp, switchToEnglish, type OpenApp } from '../support/app';
import { wjxRows } from '../imports/wjx-fixture';

/** A CRM export: 阶段 holds the funding round, 客户状态 the relationship stage. */
const CRM_ROWS = [
  [
    '客户编号',
    '客户名称',
    '客户类型',
    '阶段',
    '客户状态',
    '所属区域',
    '联系人',
    '联系电话',
    '邮箱',
    '客户经理',
    '工号',
    '标签',
  ],
  [
    'C202405001',
    '华信科技有限公司',
    '高价值客户',
    'C轮',
    '稳定期',
    '华东',
    '王磊',
    '13800138000',
    'wang@huaxin.cn',
    '李娜',
    'S008',
    'VIP、展会',
  ],
  [
    'C202405002',
    '远航物流股份公司',
    '新客户',
    'A轮',
    '试用期',
    '华南',
    '陈静',
    '0755-86543210',
    'chen@yuanhang.com',
    '张伟',
    'S011',
    '',
  ],
  [
    'C202405003',
    '蓝河软件',
    '老客户',
    '',
    '续约期',
    '华北',
    '刘洋',
    '010-62345678',
    '',
    '李娜',
    'S008',
    '重点客户',
  ],
  [
    'C202405004',
    '江南贸易',
    '老客户',
    '天使轮',
    '稳定期',
    '华东',
    '赵敏',
    '021-64001234',
    'zhao@jiangnan.cn',
    '王芳',
    'S015',
    '',
  ],
];

function csv(rows: string[][]): string {
  return rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
}

describe('customer register and imports in Chromium', { timeout: 120_000 }, () => {
  let app: OpenApp;
  let page: Page;
  const shot = (name: string) => app.shot(`customers-${name}`);
  const count = (sql: string) => (app.test.services.ctx.db.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    app = await openApp('zh-CN');
    page = app.page;
    await page.waitForSelector('[data-testid=survey-list]');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('maps a GBK customer list, shows the failing rows, imports after the mapping is fixed', async () => {
    await page.click('[data-screen=customers]');
    await page.waitForSelector('[data-testid=customer-empty]');
    expect(await page.locator('[data-testid=customer-empty]').textContent()).toContain(
      '还没有客户',
    );
    await page.click('[data-action=import-customers]');
    await page.waitForSelector('[data-testid=customer-import]');
    await page.setInputFiles('[data-testid=customer-import] [data-field=import-file]', {
      name: 'CRM客户导出.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv(CRM_ROWS), 'gbk'),
    });
    const mapping = page.locator('[data-testid=customer-import] [data-testid=import-mapping]');
    await mapping.waitFor();
    expect(await page.locator('[data-testid=import-file-name]').textContent()).toContain('GB18030');
    // The proposal: 阶段 is the stage, 客户状态 is not known.
    expect(await page.locator('[data-target-for="阶段"]').inputValue()).toBe('stage');
    expect(await page.locator('[data-target-for="客户状态"]').inputValue()).toBe('ignore');
    expect(await page.locator('[data-target-for="所属区域"]').inputValue()).toBe('region');
    const problems = page.locator('[data-testid=import-problems] tbody tr');
    await expect.poll(() => problems.count()).toBe(3);
    expect(await problems.first().getAttribute('data-row')).toBe('2');
    expect(await problems.first().textContent()).toContain('C轮');
    expect(await problems.first().textContent()).toContain('合作阶段只能是试用期、稳定期或续约期');
    expect(
      await page
        .locator('[data-testid=import-preview] tr[data-row="4"]')
        .getAttribute('data-action'),
    ).toBe('create');
    expect(await page.locator('[data-action=run-import]').isDisabled()).toBe(true);
    await shot('mapping-failing-zh-CN');
    await page.locator('[data-testid=import-problems]').scrollIntoViewIfNeeded();
    await shot('problems-zh-CN');

    // Fix the mapping: the funding round is not imported, the customer status is the stage.
    await page.selectOption('[data-target-for="阶段"]', 'ignore');
    await page.waitForSelector('[data-target-for="阶段"]');
    await page.selectOption('[data-target-for="客户状态"]', 'stage');
    await page.waitForSelector('[data-testid=customer-import] [data-testid=import-ready]');
    expect(
      await page.locator('[data-testid=import-preview] tr[data-row="2"]').textContent(),
    ).toContain('稳定期');
    expect(await page.locator('[data-testid=import-summary]').textContent()).toContain('新增 4 位');
    await page.fill('[data-field=mapping-name]', 'CRM 月度导出');
    await page.click('[data-action=save-mapping]');
    await expect.poll(() => page.locator('[data-field=saved-mapping] option').count()).toBe(2);
    await shot('mapping-fixed-zh-CN');
    expect(count('SELECT count(*) AS n FROM customers')).toBe(0);

    await page.click('[data-action=run-import]');
    await page.waitForSelector('[data-testid=customer-import] [data-testid=import-done]');
    expect(await page.locator('[data-testid=import-done-counts]').textContent()).toBe(
      '已新增 4 位客户，更新 0 位客户。',
    );
    expect(count('SELECT count(*) AS n FROM customers')).toBe(4);
    expect(count(`SELECT count(*) AS n FROM customers WHERE stage = '稳定期'`)).toBe(2);
    await shot('import-done-zh-CN');
  });

  it('finds, opens and edits an imported customer in the register', async () => {
    await page.click('[data-action=import-close]');
    await page.waitForSelector('[data-testid=customer-import]', { state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=customer-table] tbody tr').count()).toBe(4);
    await page.fill('[data-field=customer-search]', '远航');
    await expect.poll(() => page.locator('[data-testid=customer-table] tbody tr').count()).toBe(1);
    await page.click('[data-customer=C202405002]');
    const drawer = page.locator('[data-testid=customer-drawer]');
    await drawer.waitFor();
    expect(await drawer.locator('h2').first().textContent()).toBe('远航物流股份公司');
    expect(await drawer.locator('[data-value-of=stage]').textContent()).toBe('试用期');
    await page.click('[data-action=edit-customer]');
    await page.fill('[data-field=customer-phone]', '12345');
    await page.click('[data-action=save-customer]');
    expect(await page.locator('[data-error-for=phone]').textContent()).toContain(
      '不是有效的电话号码',
    );
    await shot('edit-error-zh-CN');
    await page.fill('[data-field=customer-phone]', '13912345678');
    await page.selectOption('[data-field=customer-stage]', '稳定期');
    await page.click('[data-action=save-customer]');
    await expect
      .poll(() => drawer.locator('[data-value-of=phone]').textContent())
      .toBe('13912345678');
    expect(await drawer.locator('[data-value-of=stage]').textContent()).toBe('稳定期');
    await page.click('[data-testid=customer-drawer] .close');

    // A customer met at a trade show, added by hand; a taken code is refused beside the field.
    await page.click('[data-action=add-customer]');
    await page.fill('[data-field=customer-code]', 'C202405001');
    await page.fill('[data-field=customer-name]', '东方展会客户');
    await page.fill('[data-field=customer-region]', '华东');
    await page.click('[data-action=save-customer]');
    await expect
      .poll(() => page.locator('[data-error-for=code]').textContent())
      .toBe('客户编号 C202405001 已被其他客户使用。');
    await page.fill('[data-field=customer-code]', 'C202405009');
    await page.click('[data-action=save-customer]');
    await expect.poll(() => drawer.locator('h2').first().textContent()).toBe('东方展会客户');
    expect(count(`SELECT count(*) AS n FROM customers WHERE code = 'C202405009'`)).toBe(1);
    await page.click('[data-testid=customer-drawer] .close');
    await page.fill('[data-field=customer-search]', '');
    await page.selectOption('[data-filter=region]', '华东');
    await expect.poll(() => page.locator('[data-testid=customer-table] tbody tr').count()).toBe(3);
    await shot('register-zh-CN');
  });

  it('imports a 问卷星-style CSV of responses through the Sync screen', async () => {
    const services = app.test.services;
    const created = await services.dispatch('surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    });
    if (!created.ok) throw new Error(created.error.message);
    const survey = created.value as SurveyDetail;
    const published = await services.dispatch('surveys.publish', { id: survey.id });
    if (!published.ok) throw new Error(published.error.message);

    // The first respondent gave the customer code of a customer in the register.
    const rows = wjxRows(survey.definition, 12).map((row, i) => [
      ...row,
      i === 0 ? '客户编号' : i === 1 ? 'C202405001' : '',
    ]);
    await page.click('[data-screen=sync]');
    await page.click('[data-tab=imports]');
    await page.waitForSelector('[data-testid=imports-panel]');
    await page.check('input[name=import-kind][value=responses]');
    await page.waitForSelector('[data-field=import-survey]');
    await page.fill('[data-field=import-wave]', '2026年第一季度');
    await page.setInputFiles('[data-testid=imports-panel] [data-field=import-file]', {
      name: '问卷星导出.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv(rows)}`, 'utf8'),
    });
    await page.waitForSelector('[data-testid=imports-panel] [data-testid=import-ready]');
    expect(await page.locator('[data-target-for="提交答卷时间"]').inputValue()).toBe('end');
    expect(await page.locator('[data-target-for="所用时间"]').inputValue()).toBe('duration');
    expect(await page.locator('[data-testid=import-summary]').textContent()).toContain('12');
    expect(
      await page
        .locator('[data-testid=imports-panel] [data-testid=import-preview] tbody tr')
        .count(),
    ).toBe(5);
    await shot('responses-mapping-zh-CN');
    await page
      .locator('[data-testid=imports-panel] [data-testid=import-preview]')
      .scrollIntoViewIfNeeded();
    await shot('responses-preview-zh-CN');
    await page.click('[data-testid=imports-panel] [data-action=run-import]');
    await page.waitForSelector('[data-testid=imports-panel] [data-testid=import-done]');
    expect(await page.locator('[data-testid=import-done-counts]').textContent()).toBe(
      '已导入 12 份在线答卷。',
    );
    expect(
      count(`SELECT count(*) AS n FROM responses WHERE channel = 'import' AND status = 'complete'`),
    ).toBe(12);
    expect(await page.locator('[data-testid=import-done]').textContent()).toContain(
      '导入前已自动备份数据库',
    );
    await shot('responses-done-zh-CN');
    // The imported responses are in the response register, on the import channel.
    await page.click('[data-action=import-open]');
    await page.waitForSelector('[data-testid=responses]');

    // The customer's response is in the register's detail, and opens in the Responses screen.
    await page.click('[data-screen=customers]');
    await page.fill('[data-field=customer-search]', 'C202405001');
    await expect.poll(() => page.locator('[data-testid=customer-table] tbody tr').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-customer=C202405001] td.num').textContent())
      .toBe('1');
    await page.click('[data-customer=C202405001]');
    const response = page.locator('[data-testid=customer-responses] tr[data-response]');
    await response.waitFor();
    expect(await response.textContent()).toContain('在线（导入）');
    await shot('customer-responses-zh-CN');
    await response.click();
    await page.waitForSelector('[data-testid=response-detail]');
    await page.click('[data-action=close-detail]');
    await page.click('[data-screen=customers]');
    await page.fill('[data-field=customer-search]', '');
  });

  it('shows the register and the mapping in English', async () => {
    await switchToEnglish(page);
    await page.click('[data-screen=customers]');
    await page.waitForSelector('[data-testid=customer-table]');
    expect(await page.locator('[data-sort=code]').textContent()).toContain('Customer code');
    await shot('register-en');
    await page.click('[data-action=import-customers]');
    await page.setInputFiles('[data-testid=customer-import] [data-field=import-file]', {
      name: 'crm.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv(CRM_ROWS), 'gbk'),
    });
    await page.waitForSelector('[data-testid=customer-import] [data-testid=import-problems]');
    expect(
      await page.locator('[data-testid=import-problems] tbody tr').first().textContent(),
    ).toContain('The stage is trial, stable or renewal');
    await page.selectOption('[data-field=saved-mapping]', 'CRM 月度导出');
    await page.waitForSelector('[data-testid=customer-import] [data-testid=import-ready]');
    // The customer edited above differs from the file again; the others are as imported.
    expect(await page.locator('[data-testid=import-summary]').textContent()).toContain(
      '0 new, 1 updated, 3 unchanged',
    );
    await shot('mapping-saved-en');
  });
});
