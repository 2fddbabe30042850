/** The preload with Electron's contextBridge and ipcRenderer replaced by fakes. */
import { DEFAULT_CLEANING_RULES, DEFAULT_KIOSK } from '../../shared/responses';
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, type Bridge } from '../../shared/bridge';
import type { ApiEvent } from '../../shared/contract';

// Shared between the (hoisted) mock factory and the tests; filled when the preload loads.
const fakes = vi.hoisted(() => ({ exposed: new Map<string, unknown>() }));
const ipc = vi.hoisted(() => ({
  emitter: null as EventEmitter | null,
  invoke: null as ReturnType<typeof vi.fn> | null,
}));

vi.mock('electron', () => {
  const emitter = new EventEmitter();
  const invoke = vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { channel, input } }),
  );
  ipc.emitter = emitter;
  ipc.invoke = invoke;
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fakes.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke,
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        emitter.removeListener(channel, listener),
    },
  };
});

let bridge: Bridge;

beforeAll(async () => {
  await import('../../main/preload/index');
  bridge = fakes.exposed.get(BRIDGE_GLOBAL) as Bridge;
});

describe('preload', () => {
  it('exposes only invoke and onEvent, under the bridge name', () => {
    expect([...fakes.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
  });

  it('invokes the api:<method> channel with the input', async () => {
    ipc.invoke!.mockClear();
    const result = await bridge.invoke('settings.update', { locale: 'en' });
    expect(ipc.invoke).toHaveBeenCalledWith('api:settings.update', { locale: 'en' });
    expect(result).toEqual({
      ok: true,
      value: { channel: 'api:settings.update', input: { locale: 'en' } },
    });
  });

  it('rejects non-string and odd method names without touching IPC', async () => {
    ipc.invoke!.mockClear();
    const odd: unknown[] = [
      42,
      null,
      undefined,
      { toString: () => 'app.info' },
      '',
      'app',
      'App.info',
      'app.',
      '.info',
      'app.info ',
      'app..info',
      'app/info',
      '../app.info',
      'app.info;rm',
      'api:app.info',
      'app.info\n',
      `a.${'b'.repeat(200)}`,
    ];
    for (const method of odd) {
      await expect(bridge.invoke(method as string, {})).rejects.toThrow(TypeError);
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers event payloads (never the IPC event) and unsubscribes one listener only', () => {
    const first: ApiEvent[] = [];
    const second: unknown[][] = [];
    const stopFirst = bridge.onEvent((event) => first.push(event));
    const stopSecond = bridge.onEvent((...args: unknown[]) => second.push(args));
    const event: ApiEvent = { type: 'settings', settings: { locale: 'zh-CN', operatorName: null, cleaning: DEFAULT_CLEANING_RULES, kiosk: { ...DEFAULT_KIOSK, pinSet: false }, branding: { orgName: null, logoPngBase64: null } } };
    const ipcEvent = { sender: 'secret ipcRenderer' };
    ipc.emitter!.emit(IPC_EVENT_CHANNEL, ipcEvent, event);
    expect(first).toEqual([event]);
    expect(second).toEqual([[event]]);

    stopFirst();
    ipc.emitter!.emit(IPC_EVENT_CHANNEL, ipcEvent, event);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
    expect(ipc.emitter!.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    stopSecond();
    expect(ipc.emitter!.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
