/**
 * The handler of every contract method. The mapped type makes a missing or mistyped handler a
 * compile error; inputs arrive already validated by the dispatcher.
 */
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import { listBackups } from '../db/backups';
import { appInfo } from '../services/info';
import { getSettings, updateSettings } from '../services/settings';
import { analysisHandlers } from '../analysis/handlers';
import { customerHandlers } from '../customers/handlers';
import { fileHandlers } from './file-handlers';
import { fieldworkHandlers } from '../fieldwork/handlers';
import { paperHandlers } from '../fieldwork/paper-handlers';
import { databaseHandlers, privacyHandlers } from '../privacy/handlers';
import { importHandlers } from '../imports/handlers';
import { improvementHandlers } from '../improvement/handlers';
import { samplingHandlers } from '../sampling/handlers';
import { surveyHandlers } from '../surveys/handlers';
import { syncHandlers, withKeychainPassphrase } from '../sync/handlers';
import type { ServiceContext } from './context';

export type Handlers = {
  [M in MethodName]: (
    input: ParsedInput<M>,
    ctx: ServiceContext,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The handlers of the methods whose names start with `prefix` (one capability). */
export type HandlersFor<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handlers[M];
};

export const handlers: Handlers = {
  ...surveyHandlers,
  ...fieldworkHandlers,
  ...analysisHandlers,
  ...fileHandlers,
  ...paperHandlers,
  ...privacyHandlers,
  ...databaseHandlers,
  ...importHandlers,
  ...improvementHandlers,
  ...samplingHandlers,
  ...customerHandlers,
  ...syncHandlers,
  'app.info': (_input, ctx) =>
    appInfo(ctx.db, {
      appVersion: ctx.appVersion,
      dbPath: ctx.paths.dbPath,
      runtime: ctx.runtime,
      systemLocale: ctx.systemLocale,
    }),
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (input, ctx) => {
    const settings = updateSettings(ctx.db, input);
    ctx.emit({ type: 'settings', settings });
    return settings;
  },
  'backups.list': (_input, ctx) => listBackups(ctx.paths.backupsDir),
  'jobs.start': async (input, ctx) => ctx.jobs.start(await withKeychainPassphrase(input, ctx)),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.id),
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'dialog.openFile': async (input, ctx) => ({ path: await ctx.platform.openFile(input) }),
  'dialog.saveFile': async (input, ctx) => ({ path: await ctx.platform.saveFile(input) }),
};
