/**
 * The app's Content-Security-Policy, defined once: no remote content, no inline scripts, no network beyond
 * the app itself. Electron sends it as a header with every app:// file; the web build puts it in a <meta>
 * tag, which cannot carry frame-ancestors, so that one directive is left out there.
 */
const DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // React Flow positions nodes with inline styles.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

/** Directives a <meta> policy cannot carry; browsers ignore them there with a console warning. */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function contentSecurityPolicy(delivery: 'header' | 'meta'): string {
  return DIRECTIVES.filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
