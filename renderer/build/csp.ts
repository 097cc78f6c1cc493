/** Build-time settings shared by the web build and the Electron build of the renderer. */
import { readFileSync } from 'node:fs';

/** No remote content, no inline scripts, no network beyond the app itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // react-pdf lays pages out with yoga, WebAssembly compiled from a data: URL: compiling needs
  // 'wasm-unsafe-eval' (it does not allow eval of JavaScript) and fetching the data: URL needs connect-src data:.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React Flow positions nodes with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
