/**
 * `npm start` on a machine where the Electron runtime never downloaded: it says what happened and what to do,
 * with no stack trace, then serves the same app at a local address that a browser opens.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');

test('without the Electron runtime, npm start explains and serves the app in the browser', async ({ browser }) => {
  test.setTimeout(180_000);
  // An empty Electron dist: on a machine that has the runtime, this makes it missing for the launcher.
  const emptyDist = mkdtempSync(join(tmpdir(), 'faultline-no-electron-'));
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/launch/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, FAULTLINE_PORT: '0' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await expect.poll(() => out, { timeout: 150_000 }).toMatch(/running at\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toContain('the Electron runtime is not installed');
    expect(out).toContain('npx install-electron');
    expect(out, 'no stack trace').not.toMatch(/^\s+at /m);
    const url = /running at\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];
    const page = await browser.newPage();
    await page.goto(url);
    await expect(page.getByRole('banner')).toContainText('Faultline');
    await expect(page.locator('.react-flow')).toBeVisible();
    await page.close();
  } finally {
    child.kill('SIGTERM');
    rmSync(emptyDist, { recursive: true, force: true });
  }
});
