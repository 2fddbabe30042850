/**
 * The Electron `Platform`: native open/save dialogs, modal to the app window when there is one.
 * Electron's dialog module is passed in so the mapping can be tested without Electron.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { BrowserWindow, Dialog, SafeStorage, Shell } from 'electron';
import { AppError } from '../../shared/errors';
import { OPENABLE_EXTENSIONS, REVEALABLE_EXTENSIONS } from '../../shared/api/files';
import type { Platform } from '../api/context';

export interface DialogPlatformOptions {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialog belongs to (null: no window, e.g. while it is closing). */
  getWindow: () => BrowserWindow | null;
  /** Where a save dialog starts, e.g. app.getPath('documents'). */
  defaultDir: () => string;
  /** Electron's shell, for "open file" and "show in folder". */
  shell?: Pick<Shell, 'openPath' | 'showItemInFolder'>;
  /** Electron's safeStorage (DPAPI, Keychain, libsecret), to seal the private key's passphrase. */
  safeStorage?: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
}

export function electronPlatform(options: DialogPlatformOptions): Platform {
  const { dialog, getWindow, safeStorage } = options;
  return {
    ...(safeStorage
      ? {
          keychain: {
            isAvailable: () => safeStorage.isEncryptionAvailable(),
            encrypt: (text: string) => safeStorage.encryptString(text),
            decrypt: (sealed: Buffer) => safeStorage.decryptString(sealed),
          },
        }
      : {}),
    openFile: async ({ title, filters }) => {
      const dialogOptions = {
        properties: ['openFile' as const],
        filters,
        ...(title ? { title } : {}),
      };
      const window = getWindow();
      const result = window
        ? await dialog.showOpenDialog(window, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    saveFile: async ({ title, defaultName, filters }) => {
      const dialogOptions = {
        // The contract allows a bare file name only, so this cannot point outside defaultDir.
        defaultPath: path.join(options.defaultDir(), path.basename(defaultName)),
        filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
        ...(title ? { title } : {}),
      };
      const window = getWindow();
      const result = window
        ? await dialog.showSaveDialog(window, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    ...(options.shell
      ? {
          openPath: async (filePath: string, reveal: boolean) => {
            const shell = options.shell!;
            // Only existing report and data files (and packages/keys to reveal): "open" must never launch a program.
            const extension = path.extname(filePath).slice(1).toLowerCase();
            if (
              !path.isAbsolute(filePath) ||
              !fs.existsSync(filePath) ||
              !(reveal ? REVEALABLE_EXTENSIONS : OPENABLE_EXTENSIONS).includes(extension)
            ) {
              throw new AppError('NOT_FOUND', { what: filePath });
            }
            if (reveal) {
              shell.showItemInFolder(filePath);
              return;
            }
            const problem = await shell.openPath(filePath);
            if (problem) throw new AppError('NOT_AVAILABLE', { what: `${filePath} (${problem})` });
          },
        }
      : {}),
  };
}
