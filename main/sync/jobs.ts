/** The `package.export` and `package.import` jobs (run in a worker thread with its own connection). */
import type { JobStartInput } from '../../shared/contract';
import type { JobRunContext } from '../jobs/kinds';
import { packageVersion } from '../services/version';
import { exportPackage } from './export';
import { importPackage } from './import';
import { keyRing } from './keys';
import { readSource } from './source';

function appVersion(): string {
  try {
    return packageVersion();
  } catch {
    return 'unknown';
  }
}

export async function runPackageExport(input: JobStartInput, ctx: JobRunContext): Promise<unknown> {
  if (input.kind !== 'package.export')
    throw new Error('package export runner called for another job');
  return exportPackage(ctx.db, input.path, {
    surveyId: input.surveyId,
    scope: input.scope,
    encryption: input.encryption,
    appVersion: appVersion(),
    signal: ctx.signal,
    onProgress: (done, total) => ctx.progress({ done, total }),
  });
}

/** The OS keychain lives in Electron's main process, not in the worker: key-mode imports here need the passphrase. */
export async function runPackageImport(input: JobStartInput, ctx: JobRunContext): Promise<unknown> {
  if (input.kind !== 'package.import')
    throw new Error('package import runner called for another job');
  const { bytes, fileName } = readSource(input.source);
  ctx.progress({ done: 0, total: 1 });
  return importPackage(ctx.db, bytes, fileName, {
    keys: keyRing(ctx.db),
    passphrase: input.passphrase,
    dryRun: input.dryRun,
    backupsDir: ctx.backupsDir,
    signal: ctx.signal,
    onProgress: (done, total) => ctx.progress({ done, total }),
  });
}
