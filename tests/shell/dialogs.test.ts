/** The Electron Platform maps the contract's dialog options to Electron's and back. */
import nodeFs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { electronPlatform } from '../../main/shell/dialogs';
import { electronNativeBinding } from '../../main/shell/native-binding';

function fakeDialog(
  open: { canceled: boolean; filePaths: string[] },
  save: { canceled: boolean; filePath: string },
) {
  const showOpenDialog = vi.fn((..._args: unknown[]) => Promise.resolve(open));
  const showSaveDialog = vi.fn((..._args: unknown[]) => Promise.resolve(save));
  const dialog = { showOpenDialog, showSaveDialog } as unknown as Pick<
    Dialog,
    'showOpenDialog' | 'showSaveDialog'
  >;
  return { dialog, showOpenDialog, showSaveDialog };
}

const window = { id: 1 } as unknown as BrowserWindow;
const filters = [{ name: 'Excel', extensions: ['xlsx'] }];

describe('electronPlatform', () => {
  it('opens a file dialog attached to the window and returns the chosen path', async () => {
    const fake = fakeDialog(
      { canceled: false, filePaths: ['/data/a.xlsx'] },
      { canceled: true, filePath: '' },
    );
    const platform = electronPlatform({
      dialog: fake.dialog,
      getWindow: () => window,
      defaultDir: () => '/docs',
    });
    expect(await platform.openFile({ title: 'Import', filters })).toBe('/data/a.xlsx');
    expect(fake.showOpenDialog).toHaveBeenCalledWith(window, {
      title: 'Import',
      filters,
      properties: ['openFile'],
    });
  });

  it('returns null when a dialog is cancelled', async () => {
    const fake = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true, filePath: '' });
    const platform = electronPlatform({
      dialog: fake.dialog,
      getWindow: () => null,
      defaultDir: () => '/docs',
    });
    expect(await platform.openFile({ filters })).toBeNull();
    expect(await platform.saveFile({ defaultName: 'r.xlsx', filters })).toBeNull();
    // Without a window the dialogs are shown unattached.
    expect(fake.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('starts the save dialog in the default folder with the suggested name', async () => {
    const fake = fakeDialog(
      { canceled: true, filePaths: [] },
      { canceled: false, filePath: '/docs/r.xlsx' },
    );
    const platform = electronPlatform({
      dialog: fake.dialog,
      getWindow: () => window,
      defaultDir: () => '/docs',
    });
    expect(await platform.saveFile({ defaultName: 'r.xlsx', filters })).toBe('/docs/r.xlsx');
    expect(fake.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
      defaultPath: path.join('/docs', 'r.xlsx'),
      filters,
    });
  });
});

describe('electronNativeBinding', () => {
  it('uses the .electron-native build in development and resources/native when packaged', () => {
    const exists = () => true;
    expect(
      electronNativeBinding({
        isPackaged: false,
        appPath: '/src/app',
        resourcesPath: '/r',
        exists,
      }),
    ).toBe(
      path.join('/src/app', '.electron-native/better-sqlite3/build/Release/better_sqlite3.node'),
    );
    expect(
      electronNativeBinding({
        isPackaged: true,
        appPath: '/x/app.asar',
        resourcesPath: '/r',
        exists,
      }),
    ).toBe(path.join('/r', 'native', 'better_sqlite3.node'));
    expect(
      electronNativeBinding({
        isPackaged: false,
        appPath: '/src/app',
        resourcesPath: '/r',
        exists: () => false,
      }),
    ).toBeUndefined();
  });
});

describe('opening a written file', () => {
  const written = () => {
    const dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-open-'));
    const file = path.join(dir, 'report.docx');
    nodeFs.writeFileSync(file, 'PK');
    return file;
  };

  function platformWith(shell: {
    openPath: (p: string) => Promise<string>;
    showItemInFolder: (p: string) => void;
  }) {
    const fake = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true, filePath: '' });
    return electronPlatform({
      dialog: fake.dialog,
      getWindow: () => null,
      defaultDir: () => '/docs',
      shell,
    });
  }

  it('opens a report with the system program, or shows it in its folder', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const showItemInFolder = vi.fn();
    const platform = platformWith({ openPath, showItemInFolder });
    const file = written();
    await platform.openPath!(file, false);
    await platform.openPath!(file, true);
    expect(openPath).toHaveBeenCalledWith(file);
    expect(showItemInFolder).toHaveBeenCalledWith(file);
  });

  it('never opens a program, a missing file or a relative path', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    const platform = platformWith({ openPath, showItemInFolder: vi.fn() });
    const file = written();
    const program = file.replace(/\.docx$/, '.sh');
    nodeFs.writeFileSync(program, 'echo hi');
    await expect(platform.openPath!(program, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(platform.openPath!(`${file}.missing.docx`, false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(platform.openPath!('report.docx', false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(openPath).not.toHaveBeenCalled();
  });

  it("seals the key passphrase with Electron's safeStorage, and has no keychain without it", () => {
    const fake = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true, filePath: '' });
    const base = { dialog: fake.dialog, getWindow: () => window, defaultDir: () => '/docs' };
    expect(electronPlatform(base).keychain).toBeUndefined();
    // A stand-in for the OS: reverses the text, so sealed bytes differ from the passphrase.
    const safeStorage = {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from([...text].reverse().join('')),
      decryptString: (sealed: Buffer) => [...sealed.toString()].reverse().join(''),
    };
    const keychain = electronPlatform({ ...base, safeStorage }).keychain!;
    expect(keychain.isAvailable()).toBe(true);
    const sealed = keychain.encrypt('correct horse');
    expect(sealed.toString()).not.toBe('correct horse');
    expect(keychain.decrypt(sealed)).toBe('correct horse');
  });
});
