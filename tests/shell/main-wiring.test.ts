/**
 * main/index.ts with a fake Electron (the real one cannot run on this machine): checks the order
 * of startup, the hardened window, the app:// page, and one IPC round trip through the real
 * services on a temporary data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../shared/contract';
import { API_CHANNELS } from '../../main/ipc/register';

type Listener = (...args: unknown[]) => unknown;
type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<CallResult<unknown>>;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const appListeners = new Map<string, Listener>();
  const handlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];

  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  class FakeContents extends Emitter {
    sent: unknown[][] = [];
    session = {
      setPermissionRequestHandler: () => calls.push('session.permissionRequest'),
      setPermissionCheckHandler: () => calls.push('session.permissionCheck'),
      webRequest: { onHeadersReceived: () => calls.push('session.csp') },
    };
    setWindowOpenHandler() {
      calls.push('windowOpenHandler');
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
  }
  class FakeWindow extends Emitter {
    webContents = new FakeContents();
    shown = false;
    loaded: string | null = null;
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      calls.push('focus');
    }
    static getAllWindows() {
      return windows;
    }
  }
  return {
    calls,
    ready,
    resolveReady: () => resolveReady(),
    appListeners,
    handlers,
    windows,
    FakeWindow,
    appPath: '',
  };
});

vi.mock('electron', () => ({
  app: {
    setPath: (name: string, value: string) => fake.calls.push(`setPath ${name} ${value}`),
    requestSingleInstanceLock: () => (fake.calls.push('lock'), true),
    enableSandbox: () => fake.calls.push('enableSandbox'),
    setAppUserModelId: () => {},
    on: (event: string, listener: Listener) => fake.appListeners.set(event, listener),
    whenReady: () => fake.ready,
    isReady: () => false,
    isPackaged: false,
    getAppPath: () => fake.appPath,
    getLocale: () => 'en-US',
    getVersion: () => '9.9.9',
    getPath: () => os.tmpdir(),
    quit: () => fake.calls.push('quit'),
  },
  BrowserWindow: fake.FakeWindow,
  dialog: {
    showErrorBox: (title: string, body: string) => fake.calls.push(`errorBox ${title}: ${body}`),
    showMessageBox: () => Promise.resolve({ response: 1 }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    showSaveDialog: () => Promise.resolve({ canceled: true }),
  },
  ipcMain: {
    handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: () => fake.calls.push('menu'),
  },
  protocol: {
    registerSchemesAsPrivileged: () => fake.calls.push('registerSchemes'),
    handle: (scheme: string) => fake.calls.push(`protocol.handle ${scheme}`),
  },
  shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: (text: string) => Buffer.from(text),
    decryptString: (sealed: Buffer) => sealed.toString(),
  },
}));

let dataDir: string;
const savedEnv = process.env.SURVEYDESK_DATA_DIR;
const processListeners = {
  uncaughtException: process.listeners('uncaughtException'),
  unhandledRejection: process.listeners('unhandledRejection'),
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-main-'));
  fake.appPath = dataDir; // no .electron-native here: the default (Node) binary is used
  process.env.SURVEYDESK_DATA_DIR = dataDir;
  await import('../../main/index');
  fake.calls.push('-- ready --');
  fake.resolveReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
});

afterAll(async () => {
  // Let main close its services the way Electron's will-quit would.
  const preventDefault = vi.fn();
  fake.appListeners.get('will-quit')?.({ preventDefault });
  await vi.waitFor(() => expect(fake.calls).toContain('quit'));
  // Remove only the handlers main/index.ts added to this test process.
  for (const listener of process.listeners('uncaughtException')) {
    if (!processListeners.uncaughtException.includes(listener))
      process.removeListener('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!processListeners.unhandledRejection.includes(listener))
      process.removeListener('unhandledRejection', listener);
  }
  if (savedEnv === undefined) delete process.env.SURVEYDESK_DATA_DIR;
  else process.env.SURVEYDESK_DATA_DIR = savedEnv;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('main/index.ts', () => {
  it('sets the shared data folder, the lock and the app:// privileges before ready', () => {
    const ready = fake.calls.indexOf('-- ready --');
    expect(fake.calls.indexOf(`setPath userData ${dataDir}`)).toBe(0);
    expect(fake.calls.indexOf('lock')).toBeGreaterThan(0);
    for (const call of ['lock', 'registerSchemes', 'enableSandbox']) {
      expect(fake.calls.indexOf(call), call).toBeGreaterThan(-1);
      expect(fake.calls.indexOf(call), call).toBeLessThan(ready);
    }
    expect(fake.calls.indexOf('protocol.handle app')).toBeGreaterThan(ready);
  });

  it('creates the database and log in the data folder', () => {
    expect(fs.existsSync(path.join(dataDir, 'surveydesk.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'logs', 'main.log'))).toBe(true);
  });

  it('opens one hardened, hidden window on app://surveydesk and shows it when painted', () => {
    const window = fake.windows[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(prefs.preload).endsWith(path.join('preload', 'index.cjs'))).toBe(true);
    expect(window.options.show).toBe(false);
    expect(window.loaded).toBe('app://surveydesk/index.html');
    expect(fake.calls).toEqual(
      expect.arrayContaining(['windowOpenHandler', 'session.permissionRequest', 'session.csp']),
    );
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    expect(fake.calls).toContain('menu');
  });

  it('registers the whole contract and answers only the window main frame', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...API_CHANNELS].sort());
    const window = fake.windows[0]!;
    const frame = { url: 'app://surveydesk/index.html', parent: null };
    const call = (sender: unknown, senderFrame: unknown) =>
      fake.handlers.get('api:app.info')!(
        { sender, senderFrame } as unknown as IpcMainInvokeEvent,
        {},
      );
    expect(await call(window.webContents, frame)).toMatchObject({
      ok: true,
      value: { runtime: 'electron', appVersion: '9.9.9' },
    });
    expect(await call({}, frame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(window.webContents, { url: 'https://evil.example/', parent: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('forwards service events to the window and focuses it for a second instance', async () => {
    const window = fake.windows[0]!;
    const frame = { url: 'app://surveydesk/index.html', parent: null };
    await fake.handlers.get('api:settings.update')!(
      { sender: window.webContents, senderFrame: frame } as unknown as IpcMainInvokeEvent,
      { locale: 'zh-CN' },
    );
    expect(window.webContents.sent).toContainEqual([
      'api-event',
      { type: 'settings', settings: expect.objectContaining({ locale: 'zh-CN' }) as unknown },
    ]);
    fake.appListeners.get('second-instance')?.();
    expect(fake.calls).toContain('focus');
  });
});
