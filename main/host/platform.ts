/**
 * Dialogs in the browser host: there is no native dialog, so "save" writes into the data
 * folder's exports/ directory (named in the answer), and "open" is not available: a browser page
 * cannot hand the host a local path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Platform } from '../api/context';

export function hostPlatform(exportsDir: string): Platform {
  return {
    openFile: () =>
      Promise.reject(
        new AppError('NOT_AVAILABLE', { what: 'the open-file dialog (browser host)' }),
      ),
    saveFile: ({ defaultName }) => {
      fs.mkdirSync(exportsDir, { recursive: true });
      return Promise.resolve(path.join(exportsDir, path.basename(defaultName)));
    },
  };
}
