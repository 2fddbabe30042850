/**
 * The browser host: the built renderer and the same API contract over HTTP and server-sent events,
 * on 127.0.0.1 only. Every API request must carry the per-start token in a header (a page from
 * another origin cannot read it, and a cross-origin request cannot set the header without a
 * preflight we never answer), come from our own origin, and name our own Host (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/bridge';
import type { ApiEvent } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { toApiError } from '../api/dispatch';
import type { RunningServices } from '../services/start';

export const TOKEN_HEADER = 'x-surveydesk-token';
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  services: RunningServices;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers. */
  openUrl: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function tokensMatch(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new AppError('INVALID_INPUT', { details: `request body over ${MAX_BODY_BYTES} bytes` }),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { services } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}; run "npm run build:renderer" first.`);
  }
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  /** Why a request to the API must be refused, or null when it may pass. */
  function refusal(req: http.IncomingMessage): string | null {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'unexpected Host header';
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin))
      return `origin ${origin} is not allowed`;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return `cross-site request (${site})`;
    if (!tokensMatch(req.headers[TOKEN_HEADER], token)) return 'missing or wrong host token';
    return null;
  }

  function forbidden(res: http.ServerResponse, reason: string): void {
    sendJson(res, 403, {
      ok: false,
      error: toApiError(new AppError('FORBIDDEN', { reason }), services.ctx.locale()),
    });
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<void> {
    const reason = refusal(req);
    if (reason) return forbidden(res, reason);
    if (name === 'events' && req.method === 'GET') return openEventStream(req, res);
    if (req.method !== 'POST') return forbidden(res, `${req.method ?? '?'} is not allowed`);
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return forbidden(res, 'content-type must be application/json');
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
    } catch (error) {
      const apiError = toApiError(
        error instanceof AppError
          ? error
          : new AppError('INVALID_INPUT', { details: 'the body is not valid JSON' }),
        services.ctx.locale(),
      );
      return sendJson(res, 400, { ok: false, error: apiError });
    }
    sendJson(res, 200, await services.dispatch(decodeURIComponent(name), input));
  }

  function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = services.subscribe((event: ApiEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): void {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(403).end();
      return;
    }
    const relative =
      pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    const inside = file.startsWith(rendererDir + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
    if (!target) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': target.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
    });
    fs.createReadStream(target).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    if (api?.[1]) {
      handleApi(req, res, api[1]).catch((error: unknown) => {
        sendJson(res, 500, { ok: false, error: toApiError(error, services.ctx.locale()) });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(req, res, url.pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
