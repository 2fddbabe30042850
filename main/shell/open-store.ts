/**
 * Opening the database at app start, with the one recovery a desktop user can do without a
 * terminal: when the file is damaged, offer to restore the newest backup (the damaged file is
 * kept), then try once more. A database from a newer app, or any other refusal, is explained and
 * the app quits without touching the file. The dialogs are injected, so this runs under Node.
 */
import { restoreBackup, listBackups } from '../db/backups';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n';
import type { Locale } from '../../shared/locale';
import type { Logger } from '../services/log';
import type { DataPaths } from '../services/paths';
import type { RunningServices } from '../services/start';
import { shellTexts } from './texts';

export interface RestorePrompt {
  title: string;
  message: string;
  detail: string;
  restoreLabel: string;
  quitLabel: string;
}

export interface StartupDialogs {
  /** Resolves true when the user chose to restore. */
  confirmRestore: (prompt: RestorePrompt) => Promise<boolean>;
  showError: (title: string, message: string) => void;
}

export interface OpenStoreOptions {
  start: () => Promise<RunningServices>;
  paths: DataPaths;
  nativeBinding?: string;
  locale: Locale;
  dialogs: StartupDialogs;
  logger?: Logger;
}

/** The running services, or null when the app should quit (the user was told why). */
export async function openStore(options: OpenStoreOptions): Promise<RunningServices | null> {
  const t = shellTexts(options.locale);
  const attempt = async (mayRestore: boolean): Promise<RunningServices | null> => {
    try {
      return await options.start();
    } catch (error) {
      // Anything that is not a known refusal is a bug: the caller's fatal-error path reports it.
      if (!(error instanceof AppError)) throw error;
      options.logger?.error('opening the database failed', error);
      const message = errorMessage(error.code, error.params, options.locale);
      if (error.code !== 'DB_CORRUPT' || !mayRestore) {
        options.dialogs.showError(t('startup.cannotOpenTitle'), message);
        return null;
      }
      const newest = listBackups(options.paths.backupsDir)[0];
      if (!newest) {
        options.dialogs.showError(
          t('startup.corruptTitle'),
          `${message}\n\n${t('startup.noBackup')}`,
        );
        return null;
      }
      const restore = await options.dialogs.confirmRestore({
        title: t('startup.corruptTitle'),
        message,
        detail: t('startup.restoreQuestion', { backup: newest.fileName }),
        restoreLabel: t('startup.restore'),
        quitLabel: t('startup.quit'),
      });
      if (!restore) return null;
      try {
        const result = restoreBackup(options.paths.dbPath, newest.path, {
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
        options.logger?.info(
          `restored ${result.restoredFrom}; damaged file kept as ${result.damagedCopy ?? '-'}`,
        );
      } catch (restoreError) {
        options.logger?.error('restoring the backup failed', restoreError);
        const detail =
          restoreError instanceof AppError
            ? errorMessage(restoreError.code, restoreError.params, options.locale)
            : String(restoreError);
        options.dialogs.showError(
          t('startup.corruptTitle'),
          t('startup.restoreFailed', { detail }),
        );
        return null;
      }
      // One retry only: a second failure is reported, never looped on.
      return attempt(false);
    }
  };
  return attempt(true);
}
