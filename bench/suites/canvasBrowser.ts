/**
 * What the canvas benchmark needs around it: the built renderer (dist-web) served by `vite preview` on a
 * free port, and Debian's Chromium driven headless by Playwright, with the networking flags that keep
 * it offline (toolchain.md).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
export const DIST_WEB = join(ROOT, 'dist-web');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Builds dist-web when it is missing (`npm run build:web`). */
export async function ensureWebBuild(print: (line: string) => void): Promise<void> {
  if (existsSync(join(DIST_WEB, 'index.html'))) return;
  print('  dist-web/ is missing: building it (npm run build:web)…');
  const build = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run build:web failed (exit ${code})`);
}

export interface Session {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist-web and opens Chromium; `close` ends both. */
export async function openSession(): Promise<Session> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--config',
      'vite.web.config.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, server);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return {
      url,
      browser,
      async close() {
        await browser.close();
        server.kill();
      },
    };
  } catch (e) {
    server.kill();
    throw e;
  }
}
