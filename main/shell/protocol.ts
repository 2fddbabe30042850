/**
 * Serves the built renderer from `app://surveydesk/` instead of file://, so the page has a real,
 * fixed origin (CSP 'self', IPC sender checks) and cannot read arbitrary local files.
 * Electron objects are passed in; the request handler itself is plain Node and tested as such.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/bridge';

export const APP_SCHEME = 'app';
export const APP_HOST = 'surveydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request URL to a file inside `rendererDir`, or null when the URL is not ours or would
 * leave the folder (`..`, encoded slashes or backslashes, NUL bytes, absolute paths).
 */
export function resolveRendererFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // NUL ends C strings; a backslash is a separator on Windows: no built asset has either.
  if (/[\0\\]/.test(relative)) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  // Resolve first, then check: the decoded path may still hold `..` or `\` that URL parsing kept.
  const full = path.resolve(root, `.${path.sep}${relative.replace(/^[/\\]+/, '')}`);
  if (!full.startsWith(root + path.sep)) return null;
  return full;
}

type RequestLike = Pick<Request, 'url' | 'method'>;

/** The protocol handler: GET/HEAD of files under `rendererDir`, with MIME type and CSP. */
export function createRendererHandler(
  rendererDir: string,
): (request: RequestLike) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405 });
    }
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return new Response('Not Found', { status: 404 });
    }
    const headers: Record<string, string> = {
      'Content-Type': mimeTypeOf(file),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    // The CSP also comes from the session's header hook; set here too so it never depends on
    // whether webRequest sees custom-protocol responses.
    if (file.endsWith('.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}

/** Must run before app "ready": privileges can only be granted then. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: counts as a secure context;
      // supportFetchAPI: the renderer's fetch() of its own assets works.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** After "ready": answer app:// requests from the built renderer folder. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}
