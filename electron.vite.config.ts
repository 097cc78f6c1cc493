/**
 * electron-vite: main (ESM, out/main/index.js), preload (one CommonJS file, out/preload/index.cjs),
 * renderer (out/renderer, served from app://faultline/). electron-vite 6 runs on Vite 8, whose bundler
 * options are `rolldownOptions` (electron-vite reads that key, not the older `rollupOptions`).
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'electron-vite';
import { CONTENT_SECURITY_POLICY, appVersion } from './renderer/build/csp.ts';
import { effectCssPlugin } from './renderer/build/effectCss.ts';

const root = import.meta.dirname;

/** The same <meta> CSP as the web build; main also sends the policy as a header (electron/security.ts). */
const cspMeta = (): Plugin => ({
  name: 'faultline-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron` and a few built-ins: bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), cspMeta(), effectCssPlugin()],
    define: { __APP_VERSION__: JSON.stringify(appVersion()) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
