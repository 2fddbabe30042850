/**
 * Starts the services for one process (Electron main, browser host or CLI): opens and migrates
 * the database, wires the job manager and returns the dispatcher every transport calls.
 */
import type { ApiEvent, Runtime } from '../../shared/contract';
import type { Locale } from '../../shared/locale';
import type { Platform, ServiceContext } from '../api/context';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { ensureDailyBackup } from '../db/backups';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { JobManager } from '../jobs/manager';
import { fieldworkService, registerService } from '../fieldwork/service';
import { paperService } from '../fieldwork/paper';
import { startRetentionSchedule } from '../privacy/retention';
import { surveyService } from '../surveys/service';
import type { Logger } from './log';
import type { DataPaths } from './paths';
import { effectiveLocale } from './settings';

export interface StartOptions {
  paths: DataPaths;
  runtime: Runtime;
  appVersion: string;
  systemLocale: string;
  platform: Platform;
  create: boolean;
  nativeBinding?: string;
  logger?: Logger;
  /** Make the daily backup after opening (the app does; the CLI does not). */
  dailyBackup?: boolean;
}

export interface RunningServices {
  ctx: ServiceContext;
  opened: OpenedDatabase;
  dispatch: Dispatch;
  /** Subscribe to events for one window or HTTP client; returns the unsubscribe function. */
  subscribe: (listener: (event: ApiEvent) => void) => () => void;
  close: () => Promise<void>;
}

export async function startServices(options: StartOptions): Promise<RunningServices> {
  const opened = await openDatabase({
    path: options.paths.dbPath,
    backupsDir: options.paths.backupsDir,
    create: options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const db = opened.db;
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) listener(event);
  };
  const locale = (): Locale => effectiveLocale(db, options.systemLocale);
  const jobs = new JobManager({
    dbPath: options.paths.dbPath,
    backupsDir: options.paths.backupsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    locale,
    onChange: (job) => emit({ type: 'job', job }),
  });
  const fieldwork = fieldworkService(db);
  const ctx: ServiceContext = {
    db,
    paths: options.paths,
    runtime: options.runtime,
    appVersion: options.appVersion,
    systemLocale: options.systemLocale,
    jobs,
    surveys: surveyService(db),
    fieldwork,
    registers: registerService(db),
    paper: paperService(db, fieldwork),
    platform: options.platform,
    locale,
    emit,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  if (options.dailyBackup) {
    ensureDailyBackup(db, options.paths.backupsDir).catch((error: unknown) =>
      options.logger?.error('daily backup failed', error),
    );
  }
  // The retention purge runs at start and daily where the daily backup does (app and host).
  const stopRetention = options.dailyBackup
    ? startRetentionSchedule(db, {
        onError: (error) => options.logger?.error('retention purge failed', error),
      })
    : null;
  return {
    ctx,
    opened,
    dispatch: createDispatch(ctx, options.logger ? { logger: options.logger } : {}),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      stopRetention?.();
      await jobs.shutdown();
      db.close();
    },
  };
}
