/**
 * Picks the transport: the preload's bridge inside Electron, or HTTP + server-sent events to the
 * browser host. The host's per-start token arrives once in the URL fragment (never sent to a
 * server), is kept in sessionStorage and presented as a header on every request.
 */
import { BRIDGE_GLOBAL, type Bridge } from '../../../shared/bridge';
import type { ApiEvent, CallResult } from '../../../shared/contract';

const TOKEN_KEY = 'surveydesk.hostToken';
export const TOKEN_HEADER = 'x-surveydesk-token';

function hostToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): Bridge {
  const token = hostToken();
  const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: token };
  return {
    invoke: async (method, input) => {
      try {
        const response = await fetch(`api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as CallResult<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: { code: 'NOT_AVAILABLE', message: `SurveyDesk host: ${String(error)}` },
        };
      }
    },
    onEvent: (listener) => {
      const controller = new AbortController();
      const connect = async (delay: number): Promise<void> => {
        try {
          const response = await fetch('api/events', { headers, signal: controller.signal });
          if (!response.body) throw new Error('no event stream');
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block
                .split('\n')
                .filter((line) => line.startsWith('data: '))
                .map((line) => line.slice(6))
                .join('\n');
              if (data) listener(JSON.parse(data) as ApiEvent);
            }
          }
          delay = 500;
        } catch {
          if (controller.signal.aborted) return;
        }
        if (!controller.signal.aborted) {
          setTimeout(() => void connect(Math.min(delay * 2, 10_000)), delay);
        }
      };
      void connect(500);
      return () => controller.abort();
    },
  };
}

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: Bridge;
  }
}

export function resolveBridge(): Bridge {
  return window[BRIDGE_GLOBAL] ?? httpBridge();
}
