/**
 * The preload: puts exactly two functions on `window.surveydesk` (see shared/bridge.ts). The page
 * never sees ipcRenderer, IPC event objects or any Node API. Runs sandboxed, bundled as CommonJS;
 * it imports nothing but Electron and the bridge constants, so it stays tiny.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_EVENT_CHANNEL,
  IPC_METHOD_PREFIX,
  type Bridge,
} from '../../shared/bridge';
import type { ApiEvent, CallResult } from '../../shared/contract';

/** "namespace.method" as in the contract; anything else never reaches IPC. */
const METHOD_PATTERN = /^[a-z]+(\.[a-zA-Z]+)+$/;

const bridge: Bridge = {
  invoke: (method: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (typeof method !== 'string' || method.length > 100 || !METHOD_PATTERN.test(method)) {
      return Promise.reject(new TypeError('surveydesk.invoke: not a method name'));
    }
    return ipcRenderer.invoke(`${IPC_METHOD_PREFIX}${method}`, input) as Promise<
      CallResult<unknown>
    >;
  },
  onEvent: (listener: (event: ApiEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('surveydesk.onEvent: not a function');
    // Each subscription has its own wrapper, so unsubscribing removes only this one; the IPC
    // event object is dropped here and never reaches the page.
    const wrapper = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapper);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapper);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
