/**
 * What the canvas benchmark needs around it: the built renderer (dist-web) served by `vite preview` on a
 * free port (as test/tools/screenshot.ts does), and Debian's Chromium driven headless by Playwright, with
 * the networking flags that keep it offline (toolchain.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
/** The e2e build: the production bundle plus the read-only test hook the bench reads positions through. */
export const DIST_WEB = join(ROOT, 'dist-e2e');

/** Builds dist-e2e when it is missing (`vite build --mode e2e`). */
export async function ensureWebBuild(print: (line: string) => void): Promise<void> {
  if (existsSync(join(DIST_WEB, 'index.html'))) return;
  print('  dist-e2e/ is missing: building it (vite build --mode e2e)…');
  const build = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--mode', 'e2e'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build --mode e2e failed (exit ${code})`);
}

export interface Session {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist-web (vite preview, in this process, on a free port) and opens Chromium; `close` ends both. */
export async function openSession(): Promise<Session> {
  const server = await preview({
    configFile: join(ROOT, 'vite.web.config.ts'),
    mode: 'e2e',
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return {
      url: server.resolvedUrls!.local[0],
      browser,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
