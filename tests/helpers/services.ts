/** Starts the real services (as the CLI does) on a database in a temporary folder. */
import type { Platform } from '../../main/api/context';
import { dataPathsFor } from '../../main/services/paths';
import { startServices, type RunningServices } from '../../main/services/start';

/** Dialogs that a user cancels: every dialog answers null. */
export const cancellingDialogs: Platform = {
  openFile: () => Promise.resolve(null),
  saveFile: () => Promise.resolve(null),
};

export function startTestServices(
  dbPath: string,
  options: { systemLocale?: string; platform?: Platform } = {},
): Promise<RunningServices> {
  return startServices({
    paths: dataPathsFor(dbPath),
    runtime: 'cli',
    appVersion: '0.0.0-test',
    systemLocale: options.systemLocale ?? 'en-US',
    platform: options.platform ?? cancellingDialogs,
    create: true,
  });
}

/** Calls the services as the renderer does; a refusal throws with its message. */
export function callerFor(services: RunningServices) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const result = await services.dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
}
