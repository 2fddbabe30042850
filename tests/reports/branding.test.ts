/**
 * The organisation on the report: name and logo set once in Settings (through the API, as the
 * Settings screen does) appear on the Word report's cover and page header; a non-PNG logo is
 * refused with a message in the user's language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// jszip comes with docx and exceljs; only tests read zips.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../main/reports/export';
import { jobStartInput, type Settings } from '../../shared/contract';
import { exportFixture, type ExportFixture } from './export-fixture';

// A 2x1 PNG (one red, one blue pixel), made with zlib and struct (python3), so the test needs no image encoder.
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let fx: ExportFixture;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-branding-'));
  fx = await exportFixture(path.join(dir, 'db.sqlite'));
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function update(input: unknown, locale = 'en') {
  await fx.services.dispatch('settings.update', { locale });
  return fx.services.dispatch('settings.update', input);
}

describe('report branding from Settings', () => {
  it('stores the organisation name and a PNG logo, and clears them again', async () => {
    const set = await update({
      branding: { orgName: '上海华信科技有限公司', logoPngBase64: LOGO.toString('base64') },
    });
    expect(set.ok && (set.value as Settings).branding).toEqual({
      orgName: '上海华信科技有限公司',
      logoPngBase64: LOGO.toString('base64'),
    });
    // Changing the name alone keeps the logo.
    const renamed = await update({ branding: { orgName: 'Huaxin' } });
    expect(renamed.ok && (renamed.value as Settings).branding.logoPngBase64).toBe(
      LOGO.toString('base64'),
    );
    const cleared = await update({ branding: { orgName: null, logoPngBase64: null } });
    expect(cleared.ok && (cleared.value as Settings).branding).toEqual({
      orgName: null,
      logoPngBase64: null,
    });
  });

  it('refuses a logo that is not a PNG, in the chosen language, and keeps what was stored', async () => {
    await update({ branding: { orgName: 'Huaxin' } });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]).toString(
      'base64',
    );
    const refused = await update({ branding: { logoPngBase64: jpeg } }, 'zh-CN');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('PNG');
    if (!refused.ok)
      expect(refused.error.issues?.[0]?.message).toContain('不超过 512 KB 的 PNG 图片');
    const kept = await fx.services.dispatch('settings.get', {});
    expect(kept.ok && (kept.value as Settings).branding.orgName).toBe('Huaxin');
  });

  it('puts the name on the cover and in the page header, and the logo on the cover', async () => {
    await update({
      branding: { orgName: '上海华信科技有限公司', logoPngBase64: LOGO.toString('base64') },
    });
    const input = jobStartInput.parse({
      kind: 'report.export',
      request: { surveyId: fx.demo.surveyId, waveIds: [fx.demo.waveIds[1]] },
      format: 'docx',
      lang: 'zh-CN',
      sections: ['cover', 'purpose'],
      path: path.join(dir, 'branded.docx'),
    });
    if (input.kind !== 'report.export') throw new Error('not an export');
    await exportToFile(fx.db, input);
    const zip = await JSZip.loadAsync(fs.readFileSync(input.path));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('上海华信科技有限公司');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(headers.join('')).toContain('上海华信科技有限公司');
    const media = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith('word/media/'))
        .map((name) => zip.file(name)!.async('nodebuffer')),
    );
    expect(media.some((bytes) => bytes.equals(LOGO))).toBe(true);
  });
});
