/** The window hardening, checked with small fakes of webContents / session (no Electron here). */
import type { Session, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createWindowOptions,
  installSecurityGuards,
  isSafeExternalUrl,
  isTrustedSender,
  originOf,
  withCspHeader,
} from '../../main/shell/security';

const APP_ORIGIN = 'app://surveydesk';

type Listener = (...args: unknown[]) => unknown;

/** Records what the guards install, so the test can fire events at them. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  const captured: {
    openHandler?: (details: { url: string }) => { action: string };
    permissionRequest?: (wc: unknown, permission: string, callback: (ok: boolean) => void) => void;
    permissionCheck?: (wc: unknown, permission: string) => boolean;
    headers?: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: typeof captured.permissionRequest) =>
      (captured.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof captured.permissionCheck) =>
      (captured.permissionCheck = handler),
    webRequest: {
      onHeadersReceived: (handler: typeof captured.headers) => (captured.headers = handler),
    },
  };
  const contents = {
    session: session as unknown as Session,
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof captured.openHandler) =>
      (captured.openHandler = handler),
  };
  /** Fires an Electron-style event (details object with url + preventDefault). */
  const fire = (event: string, url: string) => {
    const details = { url, preventDefault: vi.fn() };
    for (const listener of listeners.get(event) ?? []) listener(details, url);
    return details.preventDefault;
  };
  return { contents: contents as unknown as WebContents, captured, fire, listeners };
}

function frame(url: string, parent: object | null = null): WebFrameMain {
  return { url, parent } as unknown as WebFrameMain;
}

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer without Node', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('opens hidden at a desktop size', () => {
    expect(options.show).toBe(false);
    expect(options).toMatchObject({ width: 1280, height: 800 });
    expect(options.minWidth).toBeGreaterThanOrEqual(1000);
    expect(options.minHeight).toBeGreaterThanOrEqual(700);
  });
});

describe('installSecurityGuards', () => {
  it('keeps navigation and redirects inside the app origin', () => {
    const { contents, fire } = fakeContents();
    installSecurityGuards(contents, APP_ORIGIN);
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(fire('will-navigate', 'app://other/index.html')).toHaveBeenCalled();
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toHaveBeenCalled();
    expect(fire('will-frame-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire('will-navigate', 'app://surveydesk/index.html#/settings')).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = fakeContents();
    installSecurityGuards(contents, APP_ORIGIN);
    expect(fire('will-attach-webview', 'https://evil.example/')).toHaveBeenCalled();
  });

  it('denies every window.open and hands only https links to the system browser', () => {
    const { contents, captured } = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    installSecurityGuards(contents, APP_ORIGIN, { openExternal });
    const open = captured.openHandler!;
    expect(open({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://surveydesk/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/help']]);
  });

  it('allows full screen (kiosk mode) and nothing else', () => {
    const { contents, captured } = fakeContents();
    installSecurityGuards(contents, APP_ORIGIN);
    const callback = vi.fn();
    captured.permissionRequest!({}, 'fullscreen', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(captured.permissionCheck!({}, 'fullscreen')).toBe(true);
  });

  it('denies every other permission request and check', () => {
    const { contents, captured } = fakeContents();
    installSecurityGuards(contents, APP_ORIGIN);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      captured.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(captured.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it('adds a strict CSP header to responses, replacing any other', () => {
    const { contents, captured } = fakeContents();
    installSecurityGuards(contents, APP_ORIGIN);
    const callback = vi.fn();
    captured.headers!(
      {
        responseHeaders: {
          'content-security-policy': ["script-src * 'unsafe-eval'"],
          'Content-Type': ['text/html'],
        },
      },
      callback,
    );
    const headers = (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> })
      .responseHeaders;
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toBeUndefined();
    const csp = headers['Content-Security-Policy']!.join('; ');
    const scriptSrc = csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('withCspHeader works on responses without headers', () => {
    expect(Object.keys(withCspHeader(undefined))).toEqual(['Content-Security-Policy']);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame showing the app origin', () => {
    expect(isTrustedSender(frame('app://surveydesk/index.html'), APP_ORIGIN)).toBe(true);
  });

  it('refuses a subframe, even of our own origin', () => {
    const top = frame('app://surveydesk/index.html');
    expect(isTrustedSender(frame('app://surveydesk/inner.html', top), APP_ORIGIN)).toBe(false);
  });

  it('refuses foreign origins and missing frames', () => {
    expect(isTrustedSender(frame('https://evil.example/'), APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(frame('app://surveydesk.evil/index.html'), APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(frame('file:///app/out/renderer/index.html'), APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(frame('about:blank'), APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
  });
});

describe('URL helpers', () => {
  it('originOf builds origins for custom schemes too', () => {
    expect(originOf('app://surveydesk/a/b?c#d')).toBe('app://surveydesk');
    expect(originOf('https://example.com:8443/x')).toBe('https://example.com:8443');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });

  it('isSafeExternalUrl accepts plain https only', () => {
    expect(isSafeExternalUrl('https://example.com/')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
  });
});
