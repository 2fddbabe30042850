/**
 * The IPC glue against the real dispatcher and services on a temporary database: every method
 * is registered, untrusted frames are refused before any service runs, inputs are validated and
 * service errors arrive as typed error objects.
 */
import { DEFAULT_CLEANING_RULES, DEFAULT_KIOSK } from '../../shared/responses';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../shared/bridge';
import { METHOD_NAMES, type ApiEvent, type CallResult } from '../../shared/contract';
import type { Platform } from '../../main/api/context';
import { createDispatch, type Dispatch } from '../../main/api/dispatch';
import {
  API_CHANNELS,
  forwardEvents,
  registerApi,
  type IpcMainLike,
} from '../../main/ipc/register';
import { dataPathsFor } from '../../main/services/paths';
import { startServices, type RunningServices } from '../../main/services/start';
import { isTrustedSender } from '../../main/shell/security';

// register.ts must work without Electron at run time: loading it would fail the test.
vi.mock('electron', () => {
  throw new Error('main/ipc/register.ts must not load electron at run time');
});

const APP_ORIGIN = 'app://surveydesk';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallResult<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  /** Calls a channel the way ipcRenderer.invoke would, from the given frame. */
  const invoke = (channel: string, input: unknown, frame: WebFrameMain | null) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent;
    return handler(event, input);
  };
  return { ipcMain, handlers, invoke };
}

const mainFrame = { url: 'app://surveydesk/index.html', parent: null } as unknown as WebFrameMain;
const foreignFrame = { url: 'https://evil.example/', parent: null } as unknown as WebFrameMain;
const subFrame = {
  url: 'app://surveydesk/index.html',
  parent: mainFrame,
} as unknown as WebFrameMain;

const noDialogs: Platform = {
  openFile: () => Promise.resolve(null),
  saveFile: () => Promise.resolve(null),
};

const isAllowed = (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame, APP_ORIGIN);

describe('registerApi', () => {
  let dir: string;
  let services: RunningServices;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-ipc-'));
    services = await startServices({
      paths: dataPathsFor(path.join(dir, 'surveydesk.sqlite')),
      runtime: 'electron',
      appVersion: '0.0.0-test',
      systemLocale: 'en-US',
      platform: noDialogs,
      create: true,
    });
  });

  afterEach(async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers one handler per contract method, and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerApi(ipcMain, services.dispatch, isAllowed);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `api:${m}`).sort());
    expect([...API_CHANNELS].sort()).toEqual([...handlers.keys()].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers a trusted call through the real services', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerApi(ipcMain, services.dispatch, isAllowed);
    const result = await invoke('api:app.info', {}, mainFrame);
    expect(result).toMatchObject({ ok: true, value: { runtime: 'electron' } });
    if (result.ok) {
      const info = result.value as { schemaVersion: number; latestSchemaVersion: number };
      expect(info.schemaVersion).toBe(info.latestSchemaVersion);
    }
  });

  it('refuses foreign and sub frames with FORBIDDEN; the service never runs', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const spy = vi.fn<Dispatch>((method, input) => services.dispatch(method, input));
    registerApi(ipcMain, spy, isAllowed, { locale: () => 'zh-CN' });
    for (const frame of [foreignFrame, subFrame, null]) {
      const result = await invoke('api:settings.update', { locale: 'en' }, frame);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('FORBIDDEN');
      // Localized through the shared messages: the zh-CN text of FORBIDDEN.
      expect(result.error.message).toMatch(/^请求被拒绝：/);
    }
    expect(spy).not.toHaveBeenCalled();
    const settings = await services.dispatch('settings.get', {});
    expect(settings).toMatchObject({ ok: true, value: { locale: null } });
  });

  it('refuses a bad payload with INVALID_INPUT and field issues', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerApi(ipcMain, createDispatch(services.ctx), isAllowed);
    const wrongValue = await invoke('api:settings.update', { locale: 'fr' }, mainFrame);
    expect(wrongValue).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!wrongValue.ok) expect(wrongValue.error.issues?.[0]?.path).toBe('locale');
    const extraKey = await invoke('api:app.info', { evil: true }, mainFrame);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notAnObject = await invoke('api:jobs.cancel', 'DROP TABLE responses', mainFrame);
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('returns a service error as the typed error object', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerApi(ipcMain, createDispatch(services.ctx), isAllowed);
    const id = '3f0c2a9e-5b7d-4c1e-9a8f-2d6b4e1c7a90';
    const result = await invoke('api:jobs.cancel', { id }, mainFrame);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'JOB_NOT_FOUND', message: `There is no job ${id}.` });
  });

  it('turns a throwing dispatcher into an INTERNAL error instead of an IPC rejection', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerApi(ipcMain, () => Promise.reject(new Error('boom')), isAllowed);
    const result = await invoke('api:app.info', {}, mainFrame);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('forwardEvents', () => {
  it('sends events on the api-event channel until unsubscribed or destroyed', () => {
    const listeners = new Set<(event: ApiEvent) => void>();
    const subscribe = (listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    let destroyed = false;
    const send = vi.fn();
    const target = { send, isDestroyed: () => destroyed } as unknown as WebContents;
    const stop = forwardEvents(subscribe, target);
    const event: ApiEvent = { type: 'settings', settings: { locale: 'en', operatorName: null, cleaning: DEFAULT_CLEANING_RULES, kiosk: { ...DEFAULT_KIOSK, pinSet: false }, branding: { orgName: null, logoPngBase64: null } } };
    for (const listener of listeners) listener(event);
    expect(send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    destroyed = true;
    for (const listener of listeners) listener(event);
    expect(send).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
