/**
 * Electronegativity findings that are false positives, one by one, each with why and the test that shows
 * the setting it could not see. A suppression matches a finding by check, file and the code on its line,
 * never by line number; one that matches nothing any more fails the run, so this list cannot go stale.
 */
export interface Suppression {
  check: string;
  /** Path of the scanned file, relative to the repository. */
  file: string;
  /** Text on the reported line. */
  sample: string;
  reason: string;
  /** The test that proves the real behaviour. */
  shownBy: string;
}

const WINDOW_PREFS_REASON =
  'webPreferences come from secureWebPreferences() (electron/security.ts), which electronegativity cannot follow into';

export const SUPPRESSIONS: readonly Suppression[] = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/window.ts',
    sample: 'new BrowserWindow({',
    reason: `${WINDOW_PREFS_REASON}; it sets contextIsolation: true.`,
    shownBy: 'test/unit/electron/security.test.ts › secureWebPreferences; test/electron/app.e2e.ts checks `require` and `process` are absent in the page',
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/window.ts',
    sample: 'new BrowserWindow({',
    reason: `${WINDOW_PREFS_REASON}; it sets sandbox: true, and main calls app.enableSandbox() for every renderer.`,
    shownBy: 'test/unit/electron/security.test.ts › secureWebPreferences',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'electron/window.ts',
    sample: 'new BrowserWindow({',
    reason: `${WINDOW_PREFS_REASON}; it sets disableBlinkFeatures: 'Auxclick', and setWindowOpenHandler denies every new window.`,
    shownBy: 'test/unit/electron/security.test.ts › secureWebPreferences; test/unit/electron/harden.test.ts › links to the outside',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main.ts',
    sample: 'shell.openExternal(url)',
    reason:
      'hardenWebContents calls it only with an https: URL without credentials (externalUrl) that the user confirmed in a prompt showing the whole URL, Cancel by default.',
    shownBy: 'test/unit/electron/harden.test.ts › links to the outside',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'electron/harden.ts',
    sample: '',
    reason:
      'The check cannot read a policy held in a variable. The development-server policy is devContentSecurityPolicy(), and app:// responses carry CONTENT_SECURITY_POLICY, both parsed directive by directive in tests.',
    shownBy: 'test/unit/electron/security.test.ts › CONTENT_SECURITY_POLICY; test/unit/electron/appProtocol.test.ts; test/e2e/navigation-security.spec.ts',
  },
];
