/** The app:// handler on a real folder: files with MIME types, no way out of the folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  createRendererHandler,
  mimeTypeOf,
  registerAppScheme,
  resolveRendererFile,
  serveRenderer,
} from '../../main/shell/protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>SurveyDesk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'woff2');
  // A secret beside the renderer folder, with a name that shares the folder's prefix.
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createRendererHandler(root)({ url, method });

describe('resolveRendererFile', () => {
  it('maps app URLs to files in the folder', () => {
    expect(resolveRendererFile(root, `${APP_ORIGIN}/index.html`)).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveRendererFile(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it('refuses every way out of the folder and other hosts', () => {
    const attempts = [
      `${APP_ORIGIN}/../secret.txt`,
      `${APP_ORIGIN}/%2e%2e/secret.txt`,
      `${APP_ORIGIN}/..%2fsecret.txt`,
      `${APP_ORIGIN}/assets/..%2F..%2Fsecret.txt`,
      `${APP_ORIGIN}/..%5csecret.txt`,
      `${APP_ORIGIN}/%2E%2E%2F%2E%2E%2Fsecret.txt`,
      `${APP_ORIGIN}/..%2f..%2frenderer-evil%2fx.js`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'https://surveydesk/index.html',
    ];
    for (const url of attempts) {
      // URL parsing folds a literal `/../` into `/secret.txt` inside the folder; that is fine.
      const resolved = resolveRendererFile(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
    for (const url of attempts.slice(2)) expect(resolveRendererFile(root, url), url).toBeNull();
  });
});

describe('the app:// handler', () => {
  it('serves files with their MIME types, nosniff and the CSP on HTML', async () => {
    const html = await get(`${APP_ORIGIN}/index.html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await html.text()).toContain('<title>SurveyDesk</title>');

    const js = await get(`${APP_ORIGIN}/assets/index-abc.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get(`${APP_ORIGIN}/assets/index-abc.css`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('answers 403 outside the folder, 404 for missing files, 405 for writes', async () => {
    expect((await get(`${APP_ORIGIN}/..%2fsecret.txt`)).status).toBe(403);
    expect((await get(`${APP_ORIGIN}/missing.js`)).status).toBe(404);
    expect((await get(`${APP_ORIGIN}/assets`)).status).toBe(404);
    expect((await get(`${APP_ORIGIN}/index.html`, 'POST')).status).toBe(405);
    const head = await get(`${APP_ORIGIN}/index.html`, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the MIME types a Vite build produces', () => {
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.png')).toBe('image/png');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard, secure and fetchable, and handles it', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
      },
    ]);
    const handle = vi.fn();
    serveRenderer({ handle }, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
