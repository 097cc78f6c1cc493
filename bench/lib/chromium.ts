/** Debian's Chromium and the flags that keep it off the network (toolchain.md). */
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The one command that installs what the browser tests need, on the Debian machines they run on. */
export const INSTALL_CHROMIUM = 'sudo apt-get update && sudo apt-get install -y chromium';

/** Null when Chromium is there to run; else what is missing and the one command that fixes it. */
export function chromiumMissing(path = CHROMIUM_PATH): string | null {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH (${path})` : path;
    return [
      `The end-to-end tests run in Chromium, and there is none at ${where}.`,
      `Install it with:  ${INSTALL_CHROMIUM}`,
      'Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n');
  }
}
