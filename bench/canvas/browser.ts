/**
 * What the canvas benchmark needs around it: the built renderer (dist-e2e) and the plain React Flow
 * baseline page (bench/browser/reactflow, built for production into .tmp/bench-reactflow), each served by
 * `vite preview` on a free port (as test/tools/screenshot.ts does), and Debian's Chromium driven headless
 * by Playwright, with the networking flags that keep it offline (toolchain.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
/**
 * The e2e build: the production bundle plus the read-only test hook the bench reads positions through.
 * BENCH_DIST names another build of it (say, one built with `--minify false` for readable profiles).
 */
export const DIST_WEB = process.env.BENCH_DIST ?? join(ROOT, 'dist-e2e');
const REACT_FLOW_PAGE = join(ROOT, 'bench/browser/reactflow');
const REACT_FLOW_OUT = join(ROOT, '.tmp/bench-reactflow');

/** Builds dist-e2e when it is missing (`vite build --mode e2e`). */
export async function ensureWebBuild(print: (line: string) => void): Promise<void> {
  if (existsSync(join(DIST_WEB, 'index.html'))) return;
  print('  dist-e2e/ is missing: building it (vite build --mode e2e)…');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--mode', 'e2e'],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build --mode e2e failed (exit ${code})`);
}

/** Builds the plain React Flow page for production, every run (a few seconds): it must match the installed React Flow. */
async function buildReactFlowPage(): Promise<void> {
  await build({
    configFile: false,
    root: REACT_FLOW_PAGE,
    base: './',
    plugins: [react()],
    logLevel: 'error',
    build: { outDir: REACT_FLOW_OUT, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

export interface Session {
  /** Faultline's editor. */
  url: string;
  /** The plain React Flow page (culled; add `?cull=0` to draw every node), when asked for. */
  reactFlowUrl: string | null;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves Faultline (and, with `reactFlow`, the baseline page) through vite preview, in this process, on
 * free ports, and opens Chromium; `close` ends them all.
 */
export async function openSession(options: { reactFlow?: boolean } = {}): Promise<Session> {
  if (options.reactFlow) await buildReactFlowPage();
  const servers: PreviewServer[] = [];
  try {
    servers.push(
      await preview({
        configFile: join(ROOT, 'vite.web.config.ts'),
        mode: 'e2e',
        build: { outDir: DIST_WEB },
        preview: { host: '127.0.0.1', port: 0 },
        logLevel: 'error',
      }),
    );
    if (options.reactFlow)
      servers.push(
        await preview({
          configFile: false,
          root: REACT_FLOW_PAGE,
          build: { outDir: REACT_FLOW_OUT },
          preview: { host: '127.0.0.1', port: 0 },
          logLevel: 'error',
        }),
      );
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return {
      url: servers[0].resolvedUrls!.local[0],
      reactFlowUrl: servers[1]?.resolvedUrls!.local[0] ?? null,
      browser,
      async close() {
        await browser.close();
        for (const s of servers) await s.close();
      },
    };
  } catch (e) {
    for (const s of servers) await s.close();
    throw e;
  }
}
