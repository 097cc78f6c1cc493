/**
 * Finds the Electron executable without crashing the test run when it is missing. `require('electron')`
 * downloads the binary on first use; here that runs in a child process, so a machine without internet
 * gets a clean skip instead of a stack trace, and a machine with internet downloads it once.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ELECTRON_MISSING =
  'Electron binary not installed (it downloads on first run and this machine has no internet): see toolchain.md';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `missing`: the npm package itself (run npm install) or only its downloaded runtime. */
type ElectronBinary = { found: true; path: string } | { found: false; missing: 'package' | 'runtime'; reason: string };

export function findElectronBinary(projectRoot: string): ElectronBinary {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, missing: 'package', reason: 'The electron package is not installed: run npm ci' };
  }

  // Already downloaded: electron records the executable's name in path.txt.
  const pathFile = path.join(packageDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && existsSync(pathFile)) {
    const executable = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (isExecutable(executable)) return { found: true, path: executable };
  }

  // Let electron resolve it (honours ELECTRON_OVERRIDE_DIST_PATH, downloads when it can).
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const resolved = result.status === 0 ? result.stdout.trim() : '';
  if (resolved && isExecutable(resolved)) return { found: true, path: resolved };
  return { found: false, missing: 'runtime', reason: ELECTRON_MISSING };
}

/** Electron needs a display on Linux; `xvfb-run -a` provides one on a headless machine. */
export function missingDisplay(): string | null {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'No display for Electron: run the Electron end-to-end tests under `xvfb-run -a`';
}
