/**
 * Startup recovery on real SQLite files: a damaged database is restored from the newest backup
 * only when the user agrees; a database from a newer app is explained and left alone.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../main/api/context';
import { createBackup } from '../../main/db/backups';
import { dataPathsFor, type DataPaths } from '../../main/services/paths';
import { startServices } from '../../main/services/start';
import { openStore, type StartupDialogs } from '../../main/shell/open-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-open-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256OfFile = (file: string) =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const noDialogs: Platform = {
  openFile: () => Promise.resolve(null),
  saveFile: () => Promise.resolve(null),
};

const start = (paths: DataPaths) => () =>
  startServices({
    paths,
    runtime: 'electron',
    appVersion: '0.0.0-test',
    systemLocale: 'en-US',
    platform: noDialogs,
    create: true,
  });

function dialogs(answer: boolean) {
  return {
    confirmRestore: vi.fn<StartupDialogs['confirmRestore']>(() => Promise.resolve(answer)),
    showError: vi.fn<StartupDialogs['showError']>(),
  };
}

/** A database with locale=zh-CN and, optionally, a backup of that state. */
async function prepare(withBackup: boolean): Promise<DataPaths> {
  const paths = dataPathsFor(path.join(dir, 'surveydesk.sqlite'));
  const services = await start(paths)();
  await services.dispatch('settings.update', { locale: 'zh-CN' });
  if (withBackup) await createBackup(services.ctx.db, paths.backupsDir, { reason: 'manual' });
  await services.close();
  return paths;
}

function damage(file: string): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
  fs.closeSync(fd);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

describe('openStore', () => {
  it('opens a healthy database without asking anything', async () => {
    const paths = await prepare(false);
    const ui = dialogs(true);
    const services = await openStore({ start: start(paths), paths, locale: 'en', dialogs: ui });
    expect(services).not.toBeNull();
    expect(ui.confirmRestore).not.toHaveBeenCalled();
    expect(ui.showError).not.toHaveBeenCalled();
    await services?.close();
  });

  it('restores the newest backup of a damaged database when the user agrees', async () => {
    const paths = await prepare(true);
    damage(paths.dbPath);
    const ui = dialogs(true);
    const services = await openStore({ start: start(paths), paths, locale: 'en', dialogs: ui });
    expect(ui.confirmRestore).toHaveBeenCalledTimes(1);
    const prompt = ui.confirmRestore.mock.calls[0]![0];
    expect(prompt.title).toBe('The database is damaged');
    expect(prompt.message).toContain('is damaged');
    expect(prompt.detail).toMatch(/surveydesk-manual-v\d+-.*\.sqlite/);
    expect(prompt.restoreLabel).toBe('Restore backup');
    expect(services).not.toBeNull();
    expect(await services!.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { locale: 'zh-CN' },
    });
    await services!.close();
    // The damaged file is kept beside the restored one, never deleted.
    const kept = fs.readdirSync(path.dirname(paths.dbPath)).filter((f) => f.includes('.damaged-'));
    expect(kept).toHaveLength(1);
  });

  it('asks in Chinese and changes nothing when the user declines', async () => {
    const paths = await prepare(true);
    damage(paths.dbPath);
    const before = sha256OfFile(paths.dbPath);
    const ui = dialogs(false);
    const services = await openStore({ start: start(paths), paths, locale: 'zh-CN', dialogs: ui });
    expect(services).toBeNull();
    expect(ui.confirmRestore.mock.calls[0]![0].title).toBe('数据库已损坏');
    expect(sha256OfFile(paths.dbPath)).toBe(before);
  });

  it('explains that there is no backup', async () => {
    const paths = await prepare(false);
    damage(paths.dbPath);
    const ui = dialogs(true);
    const services = await openStore({ start: start(paths), paths, locale: 'en', dialogs: ui });
    expect(services).toBeNull();
    expect(ui.confirmRestore).not.toHaveBeenCalled();
    expect(ui.showError.mock.calls[0]![1]).toContain('There is no backup to restore.');
  });

  it('refuses a database made by a newer SurveyDesk, leaving it untouched', async () => {
    const paths = await prepare(true);
    const db = new Database(paths.dbPath);
    db.pragma('user_version = 99');
    db.close();
    const before = sha256OfFile(paths.dbPath);
    const ui = dialogs(true);
    const services = await openStore({ start: start(paths), paths, locale: 'en', dialogs: ui });
    expect(services).toBeNull();
    expect(ui.confirmRestore).not.toHaveBeenCalled();
    expect(ui.showError).toHaveBeenCalledTimes(1);
    expect(ui.showError.mock.calls[0]![1]).toContain('newer SurveyDesk (schema 99');
    expect(sha256OfFile(paths.dbPath)).toBe(before);
  });

  it('lets unexpected errors through to the fatal-error handler', async () => {
    const paths = dataPathsFor(path.join(dir, 'x.sqlite'));
    const ui = dialogs(true);
    await expect(
      openStore({
        start: () => Promise.reject(new Error('native module did not load')),
        paths,
        locale: 'en',
        dialogs: ui,
      }),
    ).rejects.toThrow('native module did not load');
    expect(ui.showError).not.toHaveBeenCalled();
  });
});
