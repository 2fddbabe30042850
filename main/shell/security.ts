/**
 * The window's security settings and guards. The renderer is treated as untrusted: it gets no
 * Node, runs sandboxed and isolated, cannot navigate away from the app, open windows, embed
 * webviews or get any browser permission, and every response carries our CSP.
 * Imports only types from Electron, so it runs under plain Node in tests.
 */
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Session,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/bridge';

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    title: 'SurveyDesk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Off: Chromium's spellchecker downloads dictionaries from Google.
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/**
 * "scheme://host[:port]" of a URL, or null. WHATWG URL reports an opaque origin ("null") for
 * schemes Node does not know, such as our app://, so the origin is built from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Only a well-formed https URL without credentials may go to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      parsed.hostname !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** An IPC sender is trusted only when it is a top-level frame showing our own app origin. */
export function isTrustedSender(
  frame: WebFrameMain | null | undefined,
  appOrigin: string,
): boolean {
  if (!frame) return false;
  // A subframe (an iframe, even one of ours) never speaks for the app.
  if (frame.parent !== null) return false;
  return originOf(frame.url) === appOrigin;
}

export interface GuardOptions {
  /** Opens a vetted https link in the system browser (shell.openExternal); omitted = never. */
  openExternal?: (url: string) => unknown;
}

type Headers = Record<string, string[]>;

/** The response headers with our CSP replacing whatever the response had. */
export function withCspHeader(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

function guardSession(session: Session): void {
  // No camera, microphone, notifications, geolocation, clipboard-read...: the app needs none.
  // The one exception is full screen, which kiosk mode asks for on the trade-show tablet.
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withCspHeader(details.responseHeaders) }),
  );
}

/** Installs every guard on one window's contents and its session. */
export function installSecurityGuards(
  contents: WebContents,
  appOrigin: string,
  options: GuardOptions = {},
): void {
  // Electron puts the target URL on the event itself (the second argument is deprecated).
  const keepInApp = (event: { preventDefault: () => void; url: string }) => {
    if (originOf(event.url) !== appOrigin) event.preventDefault();
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-frame-navigate', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    // No window is ever opened by the page; a plain https link goes to the system browser.
    if (options.openExternal && isSafeExternalUrl(details.url)) {
      void Promise.resolve(options.openExternal(details.url)).catch(() => undefined);
    }
    return { action: 'deny' };
  });
  guardSession(contents.session);
}
