import type { ApiEvent, FileFilter, Runtime } from '../../shared/contract';
import type { Locale } from '../../shared/locale';
import type { Db } from '../db/connection';
import type { JobManager } from '../jobs/manager';
import type { FieldworkService, RegisterService } from '../fieldwork/service';
import type { PaperService } from '../fieldwork/paper';
import type { SurveyService } from '../surveys/service';
import type { DataPaths } from '../services/paths';
import type { Keychain } from '../sync/keys';

/** What differs between Electron, the browser host and the CLI: dialogs. */
export interface Platform {
  openFile: (options: { title?: string; filters: FileFilter[] }) => Promise<string | null>;
  saveFile: (options: {
    title?: string;
    defaultName: string;
    filters: FileFilter[];
  }) => Promise<string | null>;
  /** Opens a file the app wrote with the system's program, or shows it in its folder (Electron only). */
  openPath?: (filePath: string, reveal: boolean) => Promise<void>;
  /** The OS keychain (Electron safeStorage) for the private key's passphrase; absent elsewhere. */
  keychain?: Keychain;
}

/** Everything a handler may use; built once per process by `startServices`. */
export interface ServiceContext {
  db: Db;
  paths: DataPaths;
  runtime: Runtime;
  appVersion: string;
  systemLocale: string;
  jobs: JobManager;
  surveys: SurveyService;
  fieldwork: FieldworkService;
  registers: RegisterService;
  paper: PaperService;
  platform: Platform;
  locale: () => Locale;
  emit: (event: ApiEvent) => void;
  /** The better-sqlite3 binary of this runtime (Electron), for extra connections (restore checks). */
  nativeBinding?: string;
}
