/** Where SurveyDesk keeps its data: the same folder Electron's app.getPath('userData') gives. */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'SurveyDesk';

export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.SURVEYDESK_DATA_DIR) return path.resolve(env.SURVEYDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export interface DataPaths {
  userDataDir: string;
  dbPath: string;
  backupsDir: string;
  logsDir: string;
}

/** The database file decides the rest: backups and logs live beside it. */
export function dataPathsFor(dbPath: string): DataPaths {
  const dir = path.dirname(path.resolve(dbPath));
  return {
    userDataDir: dir,
    dbPath: path.resolve(dbPath),
    backupsDir: path.join(dir, 'backups'),
    logsDir: path.join(dir, 'logs'),
  };
}

export function defaultDataPaths(): DataPaths {
  return dataPathsFor(path.join(defaultUserDataDir(), 'surveydesk.sqlite'));
}
