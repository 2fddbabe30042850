/**
 * The one app window: hardened options and guards, events forwarded to it, the renderer loaded
 * from app://, shown only once painted.
 */
import { BrowserWindow, shell } from 'electron';
import type { ApiEvent } from '../../shared/contract';
import { forwardEvents } from '../ipc/register';
import type { Logger } from '../services/log';
import { APP_ORIGIN, APP_START_URL } from './protocol';
import { createWindowOptions, installSecurityGuards } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  subscribe: (listener: (event: ApiEvent) => void) => () => void;
  logger: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(options.preloadPath));
  installSecurityGuards(window.webContents, APP_ORIGIN, {
    openExternal: (url) => shell.openExternal(url),
  });
  const stopEvents = forwardEvents(options.subscribe, window.webContents);
  window.on('closed', stopEvents);
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) =>
    options.logger.error(`renderer process gone: ${details.reason} (exit ${details.exitCode})`),
  );
  window
    .loadURL(APP_START_URL)
    .catch((error: unknown) => options.logger.error(`loading ${APP_START_URL} failed`, error));
  return window;
}
