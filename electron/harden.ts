/**
 * Applies the rules of electron/security.ts to Electron's session and web contents. Thin on purpose:
 * every decision is a pure, unit-tested function; this file only connects them to events.
 */
import type { Session, WebContents } from 'electron';
import {
  devContentSecurityPolicy,
  externalUrl,
  isAllowedRequest,
  isPermissionAllowed,
  isTrustedUrl,
} from './security.ts';

export interface HardenOptions {
  /** Vite's dev server, only when the app is not packaged. */
  devServerUrl?: string;
  /** `shell.openExternal`, called only with https: URLs. */
  openExternal(url: string): Promise<void>;
  log: Pick<Console, 'warn' | 'error'>;
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

/** Navigation, new windows and <webview> for every web contents the app creates. */
export function hardenWebContents(contents: WebContents, { devServerUrl, openExternal, log }: HardenOptions): void {
  const sendOut = (url: string) => {
    const external = externalUrl(url);
    if (external) openExternal(external).catch((err: unknown) => log.error('Could not open a link', err));
    else log.warn(`Blocked navigation to ${url}`);
  };

  // The app is a single page: it never navigates. Followed https: links open in the system browser.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    sendOut(event.url);
  });
  // There are no frames either; should one appear, it cannot leave the app (the main frame is above).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url, devServerUrl)) event.preventDefault();
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
