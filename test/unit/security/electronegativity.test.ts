import { describe, expect, it } from 'vitest';
import { findingsFromCsv, judge } from '../../security/electronegativity.ts';
import type { Suppression } from '../../security/suppressions.ts';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/window.ts","36:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://example
NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","electron/x.ts","1:1","a, ""quoted"", b","Info",https://example
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main.ts","9:2","shell.openExternal(url)","Review",https://example
`;

const suppress = (check: string, file: string, sample = ''): Suppression => ({ check, file, sample, reason: 'r', shownBy: 't' });

describe('the electronegativity gate', () => {
  it('reads the CSV report, with commas and quotes inside fields', () => {
    const findings = findingsFromCsv(CSV);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH'],
      ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM'],
    ]);
    expect(findings[1].sample).toBe('a, "quoted", b');
  });

  it('fails on every finding above informational that no suppression explains', () => {
    const { open } = judge(findingsFromCsv(CSV), [suppress('CONTEXT_ISOLATION_JS_CHECK', 'electron/window.ts', 'BrowserWindow')]);
    expect(open.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });

  it('matches a suppression by check, file and line text, not by check alone', () => {
    const { open } = judge(findingsFromCsv(CSV), [
      suppress('CONTEXT_ISOLATION_JS_CHECK', 'electron/other.ts'),
      suppress('OPEN_EXTERNAL_JS_CHECK', 'electron/main.ts', 'shell.openExternal(evil)'),
    ]);
    expect(open).toHaveLength(2);
  });

  it('reports a suppression that no longer matches anything', () => {
    const { stale } = judge(findingsFromCsv(CSV), [suppress('SANDBOX_JS_CHECK', 'electron/window.ts')]);
    expect(stale.map((s) => s.check)).toEqual(['SANDBOX_JS_CHECK']);
  });
});
