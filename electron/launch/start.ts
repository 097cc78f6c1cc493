/**
 * `npm start`. Opens the desktop app when the Electron runtime is installed. Where it is not (an offline
 * install, a blocked download, Node older than Electron's installer wants), it says what happened and what
 * to do, then serves the same app at a local address for a browser and prints it: the README's first
 * command always runs the app. Not part of the app bundle; no stack trace reaches the user.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, preview } from 'vite';
import { findElectronBinary } from './electronBinary.ts';
import { electronMissingMessage } from './messages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_CONFIG = path.join(ROOT, 'vite.web.config.ts');
const DIST_WEB = path.join(ROOT, 'dist-web');
/** A fixed port by default: the browser keeps the model library per address, so it stays the same run to run. */
const DEFAULT_PORT = 5170;

const say = (text: string) => process.stdout.write(`${text}\n`);

/** Newest modification time under `dir` (files only), 0 when it does not exist. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** dist-web is reused when it is newer than every source it is built from. */
function webBuildIsCurrent(): boolean {
  const index = path.join(DIST_WEB, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const sources = ['renderer', 'shared', 'assets'].map((d) => newest(path.join(ROOT, d)));
  return Math.max(...sources, statSync(path.join(ROOT, 'package.json')).mtimeMs) <= built;
}

async function serveInBrowser(): Promise<void> {
  if (!webBuildIsCurrent()) {
    say('Building the web version (about half a minute)…');
    await build({ configFile: WEB_CONFIG, logLevel: 'error' });
  }
  const port = Number(process.env.FAULTLINE_PORT ?? DEFAULT_PORT);
  const server = await preview({
    configFile: WEB_CONFIG,
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
    logLevel: 'error',
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  say('');
  say(`Faultline is running at  ${url}`);
  say('Open that address in your browser. Press Ctrl+C here to stop.');
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runElectron(): void {
  const bin = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [bin, 'preview'], { cwd: ROOT, stdio: 'inherit' });
  child.once('exit', (code) => process.exit(code ?? 0));
}

async function main(): Promise<void> {
  say('Starting Faultline…');
  const binary = findElectronBinary(ROOT);
  if (binary.found) {
    runElectron();
    return;
  }
  say('');
  say(electronMissingMessage(binary.missing, process.version));
  await serveInBrowser();
}

main().catch((e: unknown) => {
  process.stderr.write(`Faultline could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
