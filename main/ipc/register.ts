/**
 * The IPC glue: one `api:<method>` handler per contract method, all made in one loop, each
 * refusing callers that are not our window and otherwise handing the raw input to `dispatch`
 * (which validates it). Electron is injected, so this file loads no Electron code and is tested
 * under plain Node.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX } from '../../shared/bridge';
import {
  METHOD_NAMES,
  type ApiEvent,
  type CallResult,
  type MethodName,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import { toApiError, type Dispatch } from '../api/dispatch';
import { shellTexts } from '../shell/texts';

/** The part of Electron's ipcMain this module uses. */
export interface IpcMainLike {
  handle: (
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallResult<unknown>>,
  ) => void;
  removeHandler: (channel: string) => void;
}

export function channelOf(method: MethodName): string {
  return `${IPC_METHOD_PREFIX}${method}`;
}

/** Every channel `registerApi` handles, in contract order. */
export const API_CHANNELS: readonly string[] = METHOD_NAMES.map(channelOf);

export interface RegisterOptions {
  /** The language of the refusal message (the services' effective locale). */
  locale?: () => Locale;
}

/** Registers every contract method; returns a function that removes the handlers again. */
export function registerApi(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isAllowed: (event: IpcMainInvokeEvent) => boolean,
  options: RegisterOptions = {},
): () => void {
  const locale = options.locale ?? ((): Locale => 'en');
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, input): Promise<CallResult<unknown>> => {
      const current = locale();
      if (!isAllowed(event)) {
        const reason = shellTexts(current)('ipc.untrustedSender');
        return { ok: false, error: toApiError(new AppError('FORBIDDEN', { reason }), current) };
      }
      try {
        // Only the payload crosses: the IPC event (sender, frames) never reaches a service.
        return await dispatch(method, input);
      } catch (error) {
        // dispatch is built not to throw; should it anyway, the renderer still gets a CallResult.
        return { ok: false, error: toApiError(error, current) };
      }
    });
  }
  return () => {
    for (const channel of API_CHANNELS) ipcMain.removeHandler(channel);
  };
}

export type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Pushes every service event to one window on the `api-event` channel until the returned
 * function is called (the caller calls it when the window closes).
 */
export function forwardEvents(
  subscribe: (listener: (event: ApiEvent) => void) => () => void,
  target: EventTarget,
): () => void {
  return subscribe((event) => {
    if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event);
  });
}
