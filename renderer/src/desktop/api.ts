import type { DesktopApi } from '../../../shared/ipc/index.ts';
import { createBrowserApi } from './browserApi.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    faultline?: DesktopApi;
  }
}

let api: DesktopApi | null = null;

/** The Electron bridge when the preload provided one, the browser implementation otherwise. */
export function desktopApi(): DesktopApi {
  api ??= window.faultline ?? createBrowserApi();
  return api;
}
