/**
 * The security rules of the desktop app as pure functions: which URLs are the app, which requests
 * may leave the renderer, which permissions it gets, how an `app://` URL maps to a built file, the
 * Content-Security-Policy and the window's webPreferences. electron/harden.ts wires them into Electron.
 */
import path from 'node:path';
import type { WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../shared/security/index.ts';

/** The built renderer is served from `app://faultline/`, never from `file://`. */
export const APP_SCHEME = 'app';
const APP_HOST = 'faultline';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Sent as a response header with every app:// file; defined once in shared/security/csp.ts. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('header');

/**
 * The policy while developing against Vite's dev server: its React refresh preamble is an inline
 * script and hot reload talks over a WebSocket to the same host.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ws://${host}`,
  );
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppUrl(u: URL): boolean {
  return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && !u.username && !u.password && !u.port;
}

/** The dev server's URL, when one is given and it is plain HTTP(S). */
function devServer(devServerUrl: string | undefined): URL | null {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  return dev && (dev.protocol === 'http:' || dev.protocol === 'https:') ? dev : null;
}

/**
 * True for a page of the app: `app://faultline/…`, or the Vite dev server's origin during
 * development (main passes `devServerUrl` only when the app is not packaged).
 */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppUrl(u)) return true;
  const dev = devServer(devServerUrl);
  return dev !== null && u.protocol === dev.protocol && u.host === dev.host;
}

/**
 * Whether the renderer may make a request at all: the app's own files, inline data, DevTools, and in
 * development the dev server (HTTP and its hot-reload WebSocket). Everything else is cancelled: the
 * app has no reason to touch the network.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppUrl(u)) return true;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  const dev = devServer(devServerUrl);
  return dev !== null && u.host === dev.host && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol);
}

/**
 * Permissions the app's own page may use: writing to the clipboard (copy buttons) and full screen
 * (presentation mode in workshops). Camera, microphone, location, notifications, USB, HID and the
 * rest are refused, and nothing is granted to any other origin.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string, devServerUrl?: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, devServerUrl);
}

/**
 * The URL to hand to the system browser for a link the user followed (OWASP or NIST references in a
 * report), or null. Only https: leaves the app; file:, custom protocols and everything else stay shut.
 */
export function externalUrl(url: string): string | null {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return null;
  return u.href;
}

/**
 * What the user sees before a link leaves the app: the whole URL, and Cancel as the default, so a link
 * in a model or a report never opens a browser on its own.
 */
export function externalLinkPrompt(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'Open this link in your web browser?',
    detail: url,
  };
}

/** True when the user chose "Open in Browser" in `externalLinkPrompt`. */
export const externalLinkConfirmed = (response: number): boolean => response === 0;

/** A navigation Electron reports in `will-frame-navigate`, reduced to what the rule needs. */
interface FrameNavigation {
  url: string;
  isMainFrame: boolean;
  /** The navigating frame's parent; null for a top frame or a frame already gone. */
  parent: { url: string; isTop: boolean } | null;
}

/**
 * Whether a frame may navigate. The main frame is left to `will-navigate` (it never navigates). Of
 * subframes, exactly one kind may: the export dialog's preview, a sandboxed `srcdoc` iframe that is a
 * direct child of the app's own top frame. Anything else a frame tries (a URL, `about:blank`, a frame
 * inside the preview) is refused.
 */
export function isAllowedFrameNavigation(nav: FrameNavigation, devServerUrl?: string): boolean {
  if (nav.isMainFrame) return true;
  return nav.url === 'about:srcdoc' && nav.parent !== null && nav.parent.isTop && isTrustedUrl(nav.parent.url, devServerUrl);
}

/**
 * The built file an `app://faultline/…` URL names, inside `root`, or null: other hosts and schemes,
 * `..` (plain or percent-encoded), backslashes, drive letters and NUL bytes are refused.
 */
export function resolveAppPath(root: string, url: string, pathApi: path.PlatformPath = path): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(u)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(pathname)) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const base = pathApi.resolve(root);
  const resolved = pathApi.resolve(base, '.' + pathname);
  const relative = pathApi.relative(base, resolved);
  if (relative === '' || relative === '..' || relative.startsWith('..' + pathApi.sep) || pathApi.isAbsolute(relative)) {
    return null;
  }
  return resolved;
}

/** The window's web preferences: isolated, sandboxed, no Node, no <webview>. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click on a link would otherwise ask for a new window (refused anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
  };
}
