/**
 * Applies the rules of electron/security.ts to Electron's session and web contents. Thin on purpose:
 * every decision is a pure, unit-tested function; this file only connects them to events.
 */
import type { Session, WebContents } from 'electron';
import {
  devContentSecurityPolicy,
  externalUrl,
  isAllowedFrameNavigation,
  isAllowedRequest,
  isPermissionAllowed,
  isTrustedUrl,
} from './security.ts';

interface HardenOptions {
  /** Vite's dev server, only when the app is not packaged. */
  devServerUrl?: string;
  log: Pick<Console, 'warn' | 'error'>;
}

interface WebContentsOptions extends HardenOptions {
  /** Asks the user, showing the whole URL (security.ts `externalLinkPrompt`); true to open it. */
  confirmExternal(url: string): Promise<boolean>;
  /** `shell.openExternal`, called only with an https: URL the user confirmed. */
  openExternal(url: string): Promise<void>;
}

/** Permissions, network and downloads for the app's session. */
export function hardenSession(session: Session, { devServerUrl, log }: HardenOptions): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL(), devServerUrl);
    if (!allowed) log.warn(`Refused permission "${permission}" for ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, devServerUrl),
  );
  session.setDevicePermissionHandler(() => false);

  // No network: anything that is not the app itself (or DevTools / the dev server) is cancelled.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl);
    if (!allowed) log.warn(`Blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });

  if (devServerUrl) {
    // In production the app:// protocol sends the CSP itself; the dev server needs it added.
    const csp = devContentSecurityPolicy(devServerUrl);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }

  // Files leave the app only through the save dialogs in main.
  session.on('will-download', (event, item) => {
    log.warn(`Blocked a download of ${item.getURL()}`);
    event.preventDefault();
  });
}

/** The part of WebContents this file uses, so tests can drive the real handlers. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Navigation, new windows and <webview> for every web contents the app creates. */
export function hardenWebContents(contents: HardenableContents, { devServerUrl, confirmExternal, openExternal, log }: WebContentsOptions): void {
  const sendOut = (url: string) => {
    const external = externalUrl(url);
    if (!external) {
      log.warn(`Blocked navigation to ${url}`);
      return;
    }
    confirmExternal(external)
      .then((yes) => (yes ? openExternal(external) : log.warn(`The user kept ${external} closed`)))
      .catch((err: unknown) => log.error('Could not open a link', err));
  };

  // The app is a single page: it never navigates. A followed https: link opens in the system browser
  // once the user confirms it.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    sendOut(event.url);
  });
  // Frames: only the export preview's srcdoc frame may load (security.ts isAllowedFrameNavigation).
  contents.on('will-frame-navigate', (event) => {
    const parent = event.frame?.parent ?? null;
    const navigation = { url: event.url, isMainFrame: event.isMainFrame, parent: parent ? { url: parent.url, isTop: parent.parent === null } : null };
    if (isAllowedFrameNavigation(navigation, devServerUrl)) return;
    event.preventDefault();
    log.warn(`Blocked a frame navigating to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>');
  });
}
