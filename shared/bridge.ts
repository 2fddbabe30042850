/**
 * The only thing the preload puts on `window`: a generic invoke and an event subscription.
 * The browser host offers the same shape over HTTP, so the renderer cannot tell them apart.
 */
import type { ApiEvent, CallResult } from './contract';

export interface Bridge {
  invoke: (method: string, input: unknown) => Promise<CallResult<unknown>>;
  onEvent: (listener: (event: ApiEvent) => void) => () => void;
}

/** The global name the preload exposes through contextBridge. */
export const BRIDGE_GLOBAL = 'surveydesk';

/** IPC channel names; one per contract method, `api:<method>`, plus the event channel. */
export const IPC_METHOD_PREFIX = 'api:';
export const IPC_EVENT_CHANNEL = 'api-event';

/** The page's Content-Security-Policy, used by Electron (header and meta) and the browser host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
