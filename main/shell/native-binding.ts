/**
 * Where the better-sqlite3 binary built for Electron's ABI lives. node_modules/better-sqlite3 holds
 * the build for the system Node (tests, CLI, browser host); Electron must load its own copy, made
 * by scripts/start-electron.mjs (development) or shipped by electron-builder (packaged app).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Must match scripts/start-electron.mjs and electron-builder.yml (extraResources). */
export const DEV_NATIVE_BINDING =
  '.electron-native/better-sqlite3/build/Release/better_sqlite3.node';
export const PACKAGED_NATIVE_BINDING = 'native/better_sqlite3.node';

export interface NativeBindingOptions {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** process.resourcesPath: the packaged app's resources folder. */
  resourcesPath: string;
  exists?: (file: string) => boolean;
}

/** The Electron-ABI binary, or undefined to let better-sqlite3 find its default one. */
export function electronNativeBinding(options: NativeBindingOptions): string | undefined {
  const file = options.isPackaged
    ? path.join(options.resourcesPath, PACKAGED_NATIVE_BINDING)
    : path.join(options.appPath, DEV_NATIVE_BINDING);
  return (options.exists ?? fs.existsSync)(file) ? file : undefined;
}
