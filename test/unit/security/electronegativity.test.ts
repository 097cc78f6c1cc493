import { describe, expect, it } from 'vitest';
import { findingsFromIssues, judge } from '../../security/electronegativity.ts';
import type { Suppression } from '../../security/suppressions.ts';

const issue = (id: string, severity: string, file: string, sample?: string) => ({ id, severity: { name: severity }, confidence: { name: 'FIRM' }, file, location: { line: 1, column: 2 }, sample, description: ' Review ' });
const ISSUES = [
  issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/window.ts', 'const win = new BrowserWindow({'),
  issue('NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', 'electron/x.ts', 'a, "quoted", b'),
  issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main.ts', 'shell.openExternal(url)'),
  issue('CSP_GLOBAL_CHECK', 'LOW', 'electron/harden.ts'),
];

const suppress = (check: string, file: string, sample = ''): Suppression => ({ check, file, sample, reason: 'r', shownBy: 't' });

describe('the electronegativity gate', () => {
  it('reads the issues the runner returns, a global check without a sample line included', () => {
    const findings = findingsFromIssues(ISSUES);
    expect(findings.map((f) => [f.check, f.severity, f.location])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', '1:2'],
      ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', '1:2'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', '1:2'],
      ['CSP_GLOBAL_CHECK', 'LOW', '1:2'],
    ]);
    expect(findings[1].sample).toBe('a, "quoted", b');
    expect(findings[3].sample).toBe('');
  });

  it('fails on every finding above informational that no suppression explains', () => {
    const { open } = judge(findingsFromIssues(ISSUES), [suppress('CONTEXT_ISOLATION_JS_CHECK', 'electron/window.ts', 'BrowserWindow')]);
    expect(open.map((f) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);
  });

  it('matches a suppression by check, file and line text, not by check alone', () => {
    const { open } = judge(findingsFromIssues(ISSUES), [
      suppress('CONTEXT_ISOLATION_JS_CHECK', 'electron/other.ts'),
      suppress('OPEN_EXTERNAL_JS_CHECK', 'electron/main.ts', 'shell.openExternal(evil)'),
    ]);
    expect(open).toHaveLength(3);
  });

  it('reports a suppression that no longer matches anything', () => {
    const { stale } = judge(findingsFromIssues(ISSUES), [suppress('SANDBOX_JS_CHECK', 'electron/window.ts')]);
    expect(stale.map((s) => s.check)).toEqual(['SANDBOX_JS_CHECK']);
  });
});
