import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeFor } from '../../../electron/appProtocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security.ts';

let root: string;
let outside: string;
let handler: (request: Request) => Promise<Response>;

beforeEach(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'faultline-protocol-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Faultline</title>');
  await writeFile(path.join(root, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(outside, 'do not serve');
  handler = createAppProtocolHandler({ root, readFile: (p) => readFile(p) });
});

afterEach(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('app:// protocol handler', () => {
  it('serves index.html at the origin with the CSP header', async () => {
    const res = await handler(new Request('app://faultline/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Faultline</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript (module scripts need the right type)', async () => {
    const res = await handler(new Request('app://faultline/assets/index-1.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await handler(new Request('app://faultline/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://faultline/assets'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await handler(new Request('app://faultline/..%2fsecret.txt'));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('refuses other hosts', async () => {
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler(new Request('app://faultline/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const res = await handler(new Request('app://faultline/index.html', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('answers 500 when the file exists but cannot be read', async () => {
    const failing = createAppProtocolHandler({
      root,
      readFile: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
    });
    expect((await failing(new Request('app://faultline/index.html'))).status).toBe(500);
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits and defaults to binary', () => {
    expect(mimeTypeFor('a/b.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/b.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/b.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/b.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});

describe('scheme privileges', () => {
  it('makes app:// a standard, secure origin without bypassing the CSP or opening CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });
});
