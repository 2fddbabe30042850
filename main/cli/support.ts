/** What every CLI verb shares: its context, and opening the services for one run. */
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import type { Platform } from '../api/context';
import type { DataPaths } from '../services/paths';
import { startServices, type RunningServices } from '../services/start';
import { packageVersion, systemLocale } from '../services/version';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  paths: DataPaths;
  locale: Locale;
  json: boolean;
  from: string | undefined;
  /** Positional words after the verb (e.g. `survey export ID`). */
  args: string[];
  format: string | undefined;
  out: string | undefined;
  /** Every parsed option, for verb-specific ones (--responses, --seed, --survey, --wave...). */
  options: Record<string, string | boolean | undefined>;
  io: CliIO;
}

export interface Command {
  summary: Record<Locale, string>;
  run: (ctx: CommandContext) => Promise<number>;
}

const noDialogs: Platform = {
  openFile: () => Promise.reject(new AppError('NOT_AVAILABLE', { what: 'dialogs (command line)' })),
  saveFile: () => Promise.reject(new AppError('NOT_AVAILABLE', { what: 'dialogs (command line)' })),
};

export async function withServices<T = number>(
  ctx: CommandContext,
  create: boolean,
  body: (services: RunningServices) => Promise<T>,
): Promise<T> {
  const services = await startServices({
    paths: ctx.paths,
    runtime: 'cli',
    appVersion: packageVersion(),
    systemLocale: systemLocale(ctx.io.env),
    platform: noDialogs,
    create,
  });
  try {
    return await body(services);
  } finally {
    await services.close();
  }
}

/** Calls a contract method and throws its error as an AppError-like failure for the CLI. */
export async function call<T>(services: RunningServices, method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

