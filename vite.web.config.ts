/**
 * The renderer as a static web app (dist-web/): the same UI as the desktop app, with the browser
 * DesktopApi. The strict CSP goes in at build time; the dev server needs inline scripts for hot reload.
 *
 * `--mode e2e` builds the same production bundle into dist-e2e/ with the read-only test hook
 * (renderer/src/store/debugHook.ts) that the end-to-end tests and the canvas bench read the model through;
 * dist-web/ and the Electron build never contain it.
 */
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, appVersion } from './renderer/build/csp.ts';
import { effectCssPlugin } from './renderer/build/effectCss.ts';

const cspMeta = (): Plugin => ({
  name: 'faultline-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta(), effectCssPlugin()],
  define: { __APP_VERSION__: JSON.stringify(appVersion()) },
  build: { outDir: mode === 'e2e' ? '../dist-e2e' : '../dist-web', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
}));
