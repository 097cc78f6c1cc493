/** What `npm start` tells a user when the desktop app cannot open (electron/launch/start.ts). Pure. */

/** Electron 45's installer asks for this Node (npm prints EBADENGINE below it); the rest runs on Node 20. */
export const ELECTRON_NODE = '22.12.0';

export function olderThan(version: string, wanted: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** What happened and what to do, in words, when Electron (the package, or its downloaded runtime) is missing. */
export function electronMissingMessage(missing: 'package' | 'runtime', nodeVersion: string): string {
  const lines =
    missing === 'package'
      ? [
          'Faultline cannot open as a desktop app here: its packages are not installed.',
          'Run  npm install  in this folder, then  npm start  again.',
        ]
      : [
          'Faultline cannot open as a desktop app here: the Electron runtime is not installed.',
          'Electron downloads its runtime from the internet on first run; that download failed or was blocked.',
          'To get the desktop app:',
          '  1. connect to the internet (or allow downloads from github.com),',
          '  2. run  npx install-electron  and then  npm start  again.',
        ];
  if (olderThan(nodeVersion, ELECTRON_NODE)) {
    lines.push(`  Electron 45's installer needs Node.js ${ELECTRON_NODE} or newer; this is Node.js ${nodeVersion.replace(/^v/, '')}.`);
  }
  lines.push('', 'Meanwhile the same app runs in your browser (models stay on this machine, in the browser’s storage).');
  return lines.join('\n');
}
