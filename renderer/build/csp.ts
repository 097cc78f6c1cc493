/** Build-time settings shared by the web build and the Electron build of the renderer. */
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy } from '../../shared/security/index.ts';

/** The app's policy, as a <meta> tag carries it (shared/security/csp.ts). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('meta');

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
