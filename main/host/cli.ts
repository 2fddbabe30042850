/**
 * `npm run host`: serves the built renderer and the API on 127.0.0.1 with the real services and
 * database, for end-to-end tests and for machines without Electron.
 *   --db PATH   database file (default: the app's own, in the user-data folder)
 *   --port N    port (default: a free one)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n';
import { localeFromSystem } from '../../shared/locale';
import { createFileLogger } from '../services/log';
import { dataPathsFor, defaultDataPaths } from '../services/paths';
import { startServices } from '../services/start';
import { packageVersion, systemLocale } from '../services/version';
import { hostPlatform } from './platform';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write('npm run host -- [--db PATH] [--port N]\n');
    return;
  }
  const paths = values.db ? dataPathsFor(values.db) : defaultDataPaths();
  const logger = createFileLogger(paths.logsDir, 'host.log');
  const services = await startServices({
    paths,
    runtime: 'host',
    appVersion: packageVersion(),
    systemLocale: systemLocale(),
    platform: hostPlatform(path.join(paths.userDataDir, 'exports')),
    create: true,
    logger,
    dailyBackup: true,
  });
  const host = await startHost({
    services,
    rendererDir: new URL('../../out/renderer', import.meta.url).pathname,
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  process.stdout.write(
    `SurveyDesk browser host on ${host.url}\nOpen: ${host.openUrl}\nDatabase: ${paths.dbPath}\n`,
  );
  const stop = () => {
    void host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const locale = localeFromSystem(systemLocale());
  const message =
    error instanceof AppError ? errorMessage(error.code, error.params, locale) : String(error);
  process.stderr.write(`SurveyDesk: ${message}\n`);
  process.exit(1);
});
