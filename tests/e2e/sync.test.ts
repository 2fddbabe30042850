/**
 * Exchange packages end to end, in Chromium through two browser hosts (two machines): the
 * manager makes a key pair and saves its public key file; a field laptop imports it, collects
 * responses and exports a package encrypted to that key; the manager verifies it (asking for the
 * private key's passphrase), previews and applies it, and sees the counts and the import log.
 * Damaged and foreign files are refused with their own message and change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemo, type DemoResult } from '../../main/analysis/demo';
import { getDeviceId } from '../../main/services/settings';
import { openApp, screenshot, type OpenApp } from '../support/app';
import { startTestHost, type TestHost } from '../support/host';

// Package jobs start a worker (tsx) and encrypt or verify everything: allow for a busy machine.
const RUN = { timeout: 60_000 };
const PASSPHRASE = 'blue lantern orchard 2026';
const RESPONSES = 60;

function countResponses(test: TestHost): number {
  return (
    test.services.ctx.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }
  ).n;
}

describe(
  'exchange packages between a field laptop and the manager in Chromium',
  { timeout: 120_000 },
  () => {
    let manager: TestHost;
    let field: TestHost;
    let app: OpenApp;
    let managerPage: Page;
    let fieldPage: Page;
    let demo: DemoResult;
    let publicKeyPath = '';
    let packagePath = '';

    const shot = (page: Page, name: string) =>
      screenshot(page, `sync-${name}`, { fullPage: false });

    async function openPackages(page: Page) {
      await page.click('[data-screen=surveys]');
      await page.click('[data-screen=sync]');
      await page.click('[data-tab=packages]');
      await page.waitForSelector('[data-testid=packages-panel]');
    }

    /** Picks a package file on the manager's page; enters the private key's passphrase if asked. */
    async function pickOnManager(file: string, passphrase: string | null = PASSPHRASE) {
      await managerPage.setInputFiles('[data-testid=package-file]', file);
      const next = managerPage.locator(
        '[data-testid=package-passphrase], [data-testid=package-preview], [data-testid=package-rejected]',
      );
      await next.first().waitFor(RUN);
      if (
        passphrase &&
        (await managerPage.locator('[data-testid=package-passphrase]').count()) > 0
      ) {
        await managerPage.fill('[data-field=import-passphrase]', passphrase);
        await managerPage.click('[data-action=unlock-package]');
      }
    }

    beforeAll(async () => {
      [manager, field] = await Promise.all([startTestHost('zh-CN'), startTestHost('zh-CN')]);
      const { ctx } = field.services;
      demo = createDemo(ctx.db, ctx.surveys, ctx.fieldwork, { responses: RESPONSES, seed: 11 });
      app = await openApp('zh-CN', undefined, { test: manager });
      managerPage = app.page;
      fieldPage = await app.openPage(field);
      await Promise.all([
        managerPage.waitForSelector('[data-testid=survey-list]'),
        fieldPage.waitForSelector('[data-testid=survey-list]'),
      ]);
    });

    afterEach(async (context) => {
      if (context.task.result?.state !== 'fail') return;
      await shot(managerPage, 'failed-manager').catch(() => undefined);
      await shot(fieldPage, 'failed-field').catch(() => undefined);
    });

    afterAll(async () => {
      await (app?.close() ?? manager?.stop());
      await field?.stop();
    });

    it('creates the manager’s key pair with a passphrase and saves its public key file', async () => {
      await managerPage.click('[data-screen=settings]');
      const panel = managerPage.locator('[data-testid=keys-panel]');
      await panel.waitFor();
      await managerPage.locator('[data-testid=no-key-pair]').waitFor();
      await managerPage.click('[data-action=start-key-pair]');
      await managerPage.fill('[data-field=key-name]', '总部满意度调查组');
      await managerPage.fill('[data-field=key-passphrase]', 'abc12345');
      expect(await managerPage.locator('.strength').getAttribute('data-strength')).toBe('fair');
      await managerPage.fill('[data-field=key-passphrase]', PASSPHRASE);
      expect(await managerPage.locator('.strength').getAttribute('data-strength')).toBe('strong');
      await managerPage.fill('[data-field=key-passphrase-repeat]', `${PASSPHRASE}x`);
      expect(await managerPage.locator('[data-action=create-key-pair]').isDisabled()).toBe(true);
      expect(await panel.textContent()).toContain('两次输入的口令不一致');
      await managerPage.fill('[data-field=key-passphrase-repeat]', PASSPHRASE);
      await managerPage.click('[data-action=create-key-pair]');
      const fingerprint = managerPage.locator('[data-testid=key-fingerprint]');
      await fingerprint.waitFor(RUN);
      expect(await fingerprint.textContent()).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3,}$/);
      await managerPage.click('[data-action=export-public-key]');
      await managerPage.locator('[data-testid=public-key-saved]').waitFor();
      publicKeyPath = fs
        .readdirSync(path.join(manager.dir, 'exports'))
        .filter((name) => name.endsWith('.sdkey'))
        .map((name) => path.join(manager.dir, 'exports', name))[0]!;
      expect(fs.existsSync(publicKeyPath)).toBe(true);
      // The public key file holds no private key.
      expect(fs.readFileSync(publicKeyPath, 'utf8')).not.toMatch(/PRIVATE KEY/);
      await panel.scrollIntoViewIfNeeded();
      await shot(managerPage, 'keys-manager-zh-CN');
    });

    it('imports the manager’s public key on the field laptop with the same fingerprint', async () => {
      const managerFingerprint = await managerPage
        .locator('[data-testid=key-fingerprint]')
        .textContent();
      await fieldPage.click('[data-screen=settings]');
      await fieldPage.locator('[data-testid=no-recipients]').waitFor();
      await fieldPage.setInputFiles('[data-testid=recipient-file]', publicKeyPath);
      const recipient = fieldPage.locator('[data-testid=recipient-fingerprint]');
      await recipient.waitFor(RUN);
      expect(await recipient.textContent()).toBe(managerFingerprint);
      await fieldPage.locator('[data-testid=keys-panel]').scrollIntoViewIfNeeded();
      await shot(fieldPage, 'keys-field-zh-CN');
    });

    it('exports an encrypted package of the field responses, warning when encryption is off', async () => {
      await openPackages(fieldPage);
      const exportCard = fieldPage.locator('[data-testid=package-export]');
      await expect
        .poll(() => fieldPage.locator('[data-field=export-survey]').inputValue())
        .toBe(demo.surveyId);
      // Encrypted to the known public key by default.
      await fieldPage.locator('[data-field=export-recipient]').waitFor();
      expect(await fieldPage.locator('[data-encryption=key]').getAttribute('aria-checked')).toBe(
        'true',
      );
      await fieldPage.click('[data-encryption=none]');
      expect(await fieldPage.locator('[data-testid=export-none-warning]').textContent()).toContain(
        '个人信息',
      );
      await fieldPage.click('[data-encryption=passphrase]');
      expect(await fieldPage.locator('[data-action=export-package]').isDisabled()).toBe(true);
      await fieldPage.click('[data-encryption=key]');
      expect(await fieldPage.locator('[data-testid=last-export]').textContent()).toContain(
        '尚未向该接收方导出过',
      );
      await fieldPage.check('[data-scope=all]');
      await fieldPage.click('[data-action=export-package]');
      const done = fieldPage.locator('[data-testid=export-done]');
      await done.waitFor(RUN);
      packagePath = (await done.locator('[data-testid=export-path]').textContent()) ?? '';
      expect(path.dirname(packagePath)).toBe(path.join(field.dir, 'exports'));
      expect(packagePath.endsWith('.sdpkg')).toBe(true);
      expect(await done.locator('[data-testid=export-facts]').textContent()).toContain(
        `${RESPONSES} 份答卷`,
      );
      await exportCard.scrollIntoViewIfNeeded();
      await shot(fieldPage, 'export-done-zh-CN');
    });

    it('verifies the package on the manager’s machine, previews it and applies it', async () => {
      expect(countResponses(manager)).toBe(0);
      await openPackages(managerPage);
      await managerPage.locator('[data-testid=import-log-empty]').waitFor();
      // The browser host has no OS keychain: the private key's passphrase is asked for, and a
      // wrong one is said under the field while the package stays unopened.
      await pickOnManager(packagePath, null);
      const prompt = managerPage.locator('[data-testid=package-passphrase]');
      await prompt.waitFor();
      expect(await prompt.getAttribute('data-asks')).toBe('key');
      expect(await managerPage.locator('[data-testid=passphrase-error]').count()).toBe(0);
      await managerPage.fill('[data-field=import-passphrase]', 'not the passphrase');
      await managerPage.click('[data-action=unlock-package]');
      const error = managerPage.locator('[data-testid=passphrase-error]');
      await error.waitFor(RUN);
      expect(await error.textContent()).toContain('口令错误');
      await shot(managerPage, 'passphrase-zh-CN');
      await managerPage.fill('[data-field=import-passphrase]', PASSPHRASE);
      await managerPage.click('[data-action=unlock-package]');
      const preview = managerPage.locator('[data-testid=package-preview]');
      await preview.waitFor(RUN);
      expect(
        await managerPage
          .locator('[data-testid=package-encryption]')
          .getAttribute('data-encryption'),
      ).toBe('key');
      expect(await managerPage.locator('[data-testid=package-device]').textContent()).toBe(
        getDeviceId(field.services.ctx.db),
      );
      const row = managerPage.locator(
        `[data-testid=preview-table] tbody tr[data-survey="${demo.surveyCode}"]`,
      );
      expect(await row.locator('[data-count=new]').textContent()).toBe(String(RESPONSES));
      expect(await row.locator('[data-count=conflicts]').textContent()).toBe('0');
      expect(await managerPage.locator('[data-testid=preview-surveys]').textContent()).toContain(
        '本机新增',
      );
      // Verifying wrote nothing.
      expect(countResponses(manager)).toBe(0);
      await shot(managerPage, 'preview-zh-CN');

      await managerPage.click('[data-action=apply-package]');
      const done = managerPage.locator('[data-testid=import-done]');
      await done.waitFor(RUN);
      expect(await done.locator('[data-testid=import-facts]').textContent()).toContain(
        `新增 ${RESPONSES}`,
      );
      expect(countResponses(manager)).toBe(RESPONSES);
      const log = managerPage.locator('[data-testid=import-log] tbody tr');
      await expect.poll(() => log.count()).toBe(1);
      expect(await log.first().getAttribute('data-outcome')).toBe('applied');
      const logged = log.first();
      expect(await logged.locator('[data-count=new]').textContent()).toBe(String(RESPONSES));
      expect(await logged.locator('[data-count=conflicts]').textContent()).toBe('0');
      expect(await logged.textContent()).toContain(getDeviceId(field.services.ctx.db).slice(0, 8));
      await managerPage.locator('[data-testid=import-log]').scrollIntoViewIfNeeded();
      await shot(managerPage, 'applied-zh-CN');
      await managerPage.click('[data-action=close-import]');
      expect(await managerPage.locator('[data-testid=package-preview]').count()).toBe(0);
    });

    it('says that a package imported before changes nothing, and changes nothing', async () => {
      await pickOnManager(packagePath);
      await managerPage.locator('[data-testid=package-preview]').waitFor(RUN);
      await managerPage.locator('[data-testid=already-applied]').waitFor();
      const row = managerPage.locator(
        `[data-testid=preview-table] tbody tr[data-survey="${demo.surveyCode}"]`,
      );
      expect(await row.locator('[data-count=new]').textContent()).toBe('0');
      expect(await row.locator('[data-count=unchanged]').textContent()).toBe(String(RESPONSES));
      await managerPage.click('[data-action=apply-package]');
      await managerPage.locator('[data-testid=import-done]').waitFor(RUN);
      expect(countResponses(manager)).toBe(RESPONSES);
    });

    it('shows a response edited on both machines as a conflict, side by side, and uses the version set aside', async () => {
      const { id } = field.services.ctx.db
        .prepare("SELECT id FROM responses WHERE status = 'complete' ORDER BY id LIMIT 1")
        .get() as { id: string };
      const current = (
        manager.services.ctx.db
          .prepare("SELECT value_num FROM answers WHERE response_id = ? AND variable = 'resp_1'")
          .get(id) as { value_num: number }
      ).value_num;
      // Two different edits of the same revision: neither replaces the other.
      const onField = (current % 5) + 1;
      const onManager = ((current + 1) % 5) + 1;
      field.services.ctx.fieldwork.edit(id, { resp_1: onField }, '李访员', '客户来电更正');
      manager.services.ctx.fieldwork.edit(id, { resp_1: onManager }, '王主管', '复核更正');

      await openPackages(fieldPage);
      await fieldPage.check('[data-scope=since-last]');
      expect(await fieldPage.locator('[data-testid=last-export]').textContent()).toContain(
        '上次向该接收方导出',
      );
      await fieldPage.click('[data-action=export-package]');
      const done = fieldPage.locator('[data-testid=export-done]');
      const written = done.locator('[data-testid=export-path]');
      await expect.poll(() => written.textContent(), RUN).not.toBe(packagePath);
      const changes = (await written.textContent()) ?? '';
      expect(path.basename(changes)).toMatch(/-changes-\d{8}-\d{6}\.sdpkg$/);
      expect(await done.locator('[data-testid=export-facts]').textContent()).toContain('1 份答卷');

      await openPackages(managerPage);
      await pickOnManager(changes);
      await managerPage.locator('[data-testid=package-preview]').waitFor(RUN);
      const row = managerPage.locator(
        `[data-testid=preview-table] tbody tr[data-survey="${demo.surveyCode}"]`,
      );
      expect(await row.locator('[data-count=conflicts]').textContent()).toBe('1');
      await managerPage.locator('[data-testid=preview-conflicts]').waitFor();
      await managerPage.click('[data-action=apply-package]');
      await managerPage.locator('[data-testid=import-done]').waitFor(RUN);

      const conflict = managerPage.locator(`[data-testid=conflict][data-response="${id}"]`);
      await conflict.waitFor(RUN);
      const held = () =>
        (
          manager.services.ctx.db
            .prepare("SELECT value_num FROM answers WHERE response_id = ? AND variable = 'resp_1'")
            .get(id) as { value_num: number }
        ).value_num;
      // Both edits are kept: one in use (the same on every machine, whatever the order of
      // imports), the other set aside; nothing is lost.
      const inUse = held();
      expect([onField, onManager]).toContain(inUse);
      const setAside = inUse === onField ? onManager : onField;
      const differing = conflict.locator('tr.conflict-differs[data-variable=resp_1]');
      // Answers read as the scale point and its label, e.g. "5 · 非常满意".
      expect(await differing.locator('[data-side=ours]').textContent()).toMatch(
        new RegExp(`^${inUse}( · .+)?$`),
      );
      expect(await differing.locator('[data-side=theirs]').textContent()).toMatch(
        new RegExp(`^${setAside}( · .+)?$`),
      );
      await conflict.scrollIntoViewIfNeeded();
      await shot(managerPage, 'conflict-zh-CN');
      // A 10-inch touch screen in landscape.
      await managerPage.setViewportSize({ width: 1024, height: 768 });
      await conflict.scrollIntoViewIfNeeded();
      await shot(managerPage, 'conflict-1024-zh-CN');
      await managerPage.setViewportSize({ width: 1280, height: 800 });

      await conflict.locator('[data-action=take-theirs]').click();
      await managerPage.locator('[data-testid=no-conflicts]').waitFor(RUN);
      expect(held()).toBe(setAside);
      expect(countResponses(manager)).toBe(RESPONSES);
    });

    it('exports a date range with a passphrase instead of a key, and the manager opens it with that passphrase', async () => {
      await openPackages(fieldPage);
      await fieldPage.check('[data-scope=range]');
      const today = await fieldPage.locator('[data-field=export-to]').inputValue();
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await fieldPage.fill('[data-field=export-from]', '2020-01-01');
      await fieldPage.click('[data-encryption=passphrase]');
      await fieldPage.fill('[data-field=export-passphrase]', '晨曦 湖畔 42 号');
      await fieldPage.fill('[data-field=export-passphrase-repeat]', '晨曦 湖畔 42 号');
      await fieldPage.click('[data-action=export-package]');
      const written = fieldPage.locator('[data-testid=export-done] [data-testid=export-path]');
      await expect
        .poll(async () => path.basename((await written.textContent().catch(() => '')) ?? ''), RUN)
        .toMatch(/-range-\d{8}-\d{6}\.sdpkg$/);
      const rangePackage = (await written.textContent()) ?? '';
      expect(await fieldPage.locator('[data-testid=export-done]').textContent()).toContain(
        '已用口令加密',
      );

      await openPackages(managerPage);
      await pickOnManager(rangePackage, null);
      const prompt = managerPage.locator('[data-testid=package-passphrase]');
      await prompt.waitFor(RUN);
      expect(await prompt.getAttribute('data-asks')).toBe('package');
      await managerPage.fill('[data-field=import-passphrase]', '晨曦 湖畔 42 号');
      await managerPage.click('[data-action=unlock-package]');
      await managerPage.locator('[data-testid=package-preview]').waitFor(RUN);
      expect(
        await managerPage
          .locator('[data-testid=package-encryption]')
          .getAttribute('data-encryption'),
      ).toBe('passphrase');
      // Everything in it is already here.
      const row = managerPage.locator(
        `[data-testid=preview-table] tbody tr[data-survey="${demo.surveyCode}"]`,
      );
      expect(await row.locator('[data-count=new]').textContent()).toBe('0');
    });

    it('hands the questionnaire to a new field laptop as a package with no responses', async () => {
      await openPackages(managerPage);
      await managerPage.check('[data-scope=questionnaire]');
      await managerPage.click('[data-encryption=passphrase]');
      await managerPage.fill('[data-field=export-passphrase]', '问卷下发 2026 秋季');
      await managerPage.fill('[data-field=export-passphrase-repeat]', '问卷下发 2026 秋季');
      await managerPage.click('[data-action=export-package]');
      const written = managerPage.locator('[data-testid=export-done] [data-testid=export-path]');
      await written.waitFor(RUN);
      const questionnaire = (await written.textContent()) ?? '';
      expect(path.basename(questionnaire)).toMatch(/-questionnaire-/);

      const laptop = await startTestHost('zh-CN');
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(laptop.host.openUrl);
        await page.waitForSelector('[data-testid=survey-list]');
        await openPackages(page);
        await page.locator('[data-testid=export-no-survey]').waitFor();
        await page.setInputFiles('[data-testid=package-file]', questionnaire);
        await page.locator('[data-testid=package-passphrase]').waitFor(RUN);
        await page.fill('[data-field=import-passphrase]', '问卷下发 2026 秋季');
        await page.click('[data-action=unlock-package]');
        await page.locator('[data-testid=package-preview]').waitFor(RUN);
        expect(await page.locator('[data-testid=preview-surveys]').textContent()).toContain(
          '本机新增',
        );
        expect(await page.locator('[data-testid=package-preview]').textContent()).toContain(
          '该数据包不含答卷',
        );
        await app.shot('sync-questionnaire-zh-CN', page);
        await page.click('[data-action=apply-package]');
        await page.locator('[data-testid=import-done]').waitFor(RUN);
        // The laptop can now collect on it, and send its responses back the same way.
        await expect
          .poll(() => page.locator('[data-field=export-survey]').inputValue(), RUN)
          .toBe(demo.surveyId);
        expect(countResponses(laptop)).toBe(0);
      } finally {
        await page.close();
        await laptop.stop();
      }
    });

    it('refuses a package with a flipped byte and a file that is no package, each with its own message', async () => {
      const bytes = fs.readFileSync(packagePath);
      const flipped = Buffer.from(bytes);
      const at = Math.floor(flipped.length / 2);
      flipped[at] = flipped[at]! ^ 0xff;
      const tampered = path.join(manager.dir, 'tampered.sdpkg');
      fs.writeFileSync(tampered, flipped);
      const notAPackage = path.join(manager.dir, 'notes.sdpkg');
      fs.writeFileSync(notAPackage, '这不是数据包\n'.repeat(50));
      const dbBefore = countResponses(manager);

      await pickOnManager(tampered);
      const rejected = managerPage.locator('[data-testid=package-rejected]');
      await rejected.waitFor(RUN);
      const tamperedCode = await rejected.getAttribute('data-code');
      expect(tamperedCode).toMatch(/^PACKAGE_/);
      expect(await rejected.textContent()).toContain('未导入任何内容');
      await shot(managerPage, 'tampered-zh-CN');

      // This one is dropped on the import card instead of picked.
      const dataTransfer = await managerPage.evaluateHandle(
        ({ name, base64 }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name));
          return transfer;
        },
        { name: 'notes.sdpkg', base64: fs.readFileSync(notAPackage).toString('base64') },
      );
      await managerPage.dispatchEvent('[data-testid=package-import]', 'drop', { dataTransfer });
      await expect.poll(() => rejected.getAttribute('data-code')).toBe('PACKAGE_UNREADABLE');
      expect(await rejected.textContent()).toContain('notes.sdpkg');
      expect(countResponses(manager)).toBe(dbBefore);
    });

    it('shows the screens in English', async () => {
      for (const page of [managerPage, fieldPage]) {
        await page.click('[data-screen=settings]');
        await page.click('[data-locale=en]');
        await expect.poll(() => page.locator('[data-screen=sync]').textContent()).toContain('Sync');
      }
      await fieldPage.locator('[data-testid=keys-panel]').scrollIntoViewIfNeeded();
      await shot(fieldPage, 'keys-field-en');
      await managerPage.locator('[data-testid=keys-panel]').scrollIntoViewIfNeeded();
      await shot(managerPage, 'keys-manager-en');
      // Replacing the key pair warns first; cancelling keeps the key as it was.
      const fingerprint = await managerPage.locator('[data-testid=key-fingerprint]').textContent();
      await managerPage.click('[data-action=replace-key-pair]');
      expect(await managerPage.locator('[data-testid=create-key-pair]').textContent()).toContain(
        'unreadable',
      );
      await shot(managerPage, 'keys-replace-en');
      await managerPage.locator('[data-testid=create-key-pair] button.ghost').click();
      expect(await managerPage.locator('[data-testid=key-fingerprint]').textContent()).toBe(
        fingerprint,
      );

      await openPackages(fieldPage);
      await fieldPage.click('[data-encryption=none]');
      expect(await fieldPage.locator('[data-testid=export-none-warning]').textContent()).toContain(
        'phone numbers',
      );
      await shot(fieldPage, 'export-none-en');
      await fieldPage.click('[data-encryption=passphrase]');
      await fieldPage.fill('[data-field=export-passphrase]', 'short');
      await shot(fieldPage, 'export-passphrase-en');

      await openPackages(managerPage);
      await pickOnManager(packagePath);
      await managerPage.locator('[data-testid=package-preview]').waitFor(RUN);
      expect(await managerPage.locator('[data-testid=import-log]').textContent()).toContain(
        'Applied',
      );
      await shot(managerPage, 'preview-en');

      // A field laptop can drop a recipient key; its packages then need a passphrase.
      await fieldPage.click('[data-screen=settings]');
      await fieldPage.click('[data-action=remove-recipient]');
      await fieldPage.locator('[data-testid=no-recipients]').waitFor(RUN);
      await openPackages(fieldPage);
      await fieldPage.click('[data-encryption=key]');
      await fieldPage.locator('[data-testid=export-no-recipient]').waitFor();
      expect(await fieldPage.locator('[data-action=export-package]').isDisabled()).toBe(true);
      await shot(fieldPage, 'export-no-recipient-en');
    });
  },
);
