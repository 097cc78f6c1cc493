/**
 * The `app://faultline/` protocol: serves the built renderer (out/renderer) with the security headers,
 * as a plain `Request → Response` function so it runs in tests without Electron.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { errorCode } from './errors.ts';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppPath } from './security.ts';

/** Registered before `app.ready`: a standard, secure origin with fetch and code cache, no CSP bypass. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

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
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string, csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
  };
}

interface AppProtocolDeps {
  /** Folder of the built renderer (out/renderer). */
  root: string;
  readFile(filePath: string): Promise<Uint8Array>;
  csp?: string;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export function createAppProtocolHandler({ root, readFile, csp }: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const filePath = resolveAppPath(root, request.url);
    if (!filePath) return plain(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (err) {
      const code = errorCode(err);
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? plain(404, 'Not found') : plain(500, 'Could not read the file');
    }
    const headers = securityHeaders(mimeTypeFor(filePath), csp);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
