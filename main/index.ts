/**
 * Electron main process: wires the shell modules to the services. Logic lives in the modules;
 * this file only decides the order (privileges before ready, data folder before the lock,
 * database before the window).
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell } from 'electron';
import { localeFromSystem, type Locale } from '../shared/locale';
import { registerApi } from './ipc/register';
import { createFileLogger } from './services/log';
import { defaultDataPaths, defaultUserDataDir } from './services/paths';
import { startServices, type RunningServices } from './services/start';
import { systemLocale } from './services/version';
import { electronPlatform } from './shell/dialogs';
import { installAppMenu } from './shell/menu';
import { electronNativeBinding } from './shell/native-binding';
import { openStore } from './shell/open-store';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/protocol';
import { isTrustedSender } from './shell/security';
import { shellTexts } from './shell/texts';
import { createMainWindow } from './shell/window';

const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

// The same folder the CLI and the browser host use, so all three see one database.
app.setPath('userData', defaultUserDataDir());
const paths = defaultDataPaths();
const logger = createFileLogger(paths.logsDir, 'main.log');

let services: RunningServices | null = null;
let mainWindow: BrowserWindow | null = null;

const currentLocale = (): Locale =>
  services?.ctx.locale() ?? localeFromSystem(app.isReady() ? app.getLocale() : systemLocale());

function reportFatal(kind: string, error: unknown): void {
  logger.error(kind, error);
  const t = shellTexts(currentLocale());
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(t('fatal.title'), t('fatal.body', { detail, log: logger.file }));
}
process.on('uncaughtException', (error) => reportFatal('uncaught exception', error));
process.on('unhandledRejection', (reason) => reportFatal('unhandled rejection', reason));

function showWindow(): void {
  if (!services) return;
  mainWindow = createMainWindow({ preloadPath: PRELOAD, subscribe: services.subscribe, logger });
  mainWindow.on('closed', () => (mainWindow = null));
}

function installMenu(): void {
  const t = shellTexts(currentLocale());
  installAppMenu(Menu, {
    locale: currentLocale(),
    platform: process.platform,
    isPackaged: app.isPackaged,
    actions: {
      openDataFolder: () => void shell.openPath(paths.userDataDir),
      openLogFolder: () => void shell.openPath(paths.logsDir),
      showAbout: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: t('about.title'),
          message: 'SurveyDesk',
          detail: t('about.detail', { version: app.getVersion(), dataDir: paths.userDataDir }),
        }),
    },
  });
}

async function onReady(): Promise<void> {
  serveRenderer(protocol, RENDERER_DIR);
  const nativeBinding = electronNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  if (!nativeBinding) logger.info('no Electron build of better-sqlite3 found; trying the default');
  services = await openStore({
    paths,
    locale: currentLocale(),
    logger,
    ...(nativeBinding ? { nativeBinding } : {}),
    start: () =>
      startServices({
        paths,
        runtime: 'electron',
        appVersion: app.getVersion(),
        systemLocale: app.getLocale(),
        platform: electronPlatform({
          dialog,
          getWindow: () => mainWindow,
          defaultDir: () => app.getPath('documents'),
          shell,
          safeStorage,
        }),
        create: true,
        logger,
        dailyBackup: true,
        ...(nativeBinding ? { nativeBinding } : {}),
      }),
    dialogs: {
      confirmRestore: async (prompt) => {
        const { response } = await dialog.showMessageBox({
          type: 'error',
          title: prompt.title,
          message: prompt.message,
          detail: prompt.detail,
          buttons: [prompt.restoreLabel, prompt.quitLabel],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        });
        return response === 0;
      },
      showError: (title, message) => dialog.showErrorBox(title, message),
    },
  });
  if (!services) {
    app.quit();
    return;
  }
  registerApi(
    ipcMain,
    services.dispatch,
    (event) =>
      mainWindow !== null &&
      !mainWindow.isDestroyed() &&
      event.sender === mainWindow.webContents &&
      isTrustedSender(event.senderFrame, APP_ORIGIN),
    { locale: services.ctx.locale },
  );
  installMenu();
  services.subscribe((event) => {
    if (event.type === 'settings') installMenu();
  });
  showWindow();
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another SurveyDesk owns the database; it gets focused through 'second-instance'.
  app.quit();
} else {
  // Privileges for app:// and the global sandbox must be set before "ready".
  registerAppScheme(protocol);
  app.enableSandbox();
  app.setAppUserModelId('com.surveydesk.app');
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!services || closing) return;
    // Finish running jobs and close the database cleanly before the process ends.
    event.preventDefault();
    closing = true;
    services
      .close()
      .catch((error: unknown) => logger.error('closing services failed', error))
      .finally(() => {
        services = null;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      reportFatal('startup failed', error);
      app.quit();
    });
}
