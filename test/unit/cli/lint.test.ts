import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/findings.ts';
import { cli, loadRepoModel, SMALL } from './harness.ts';

describe('faultline lint', () => {
  it('prints a count line and each finding with its id, message and mappings; findings are not a failure', async () => {
    const findings = lintModel(loadRepoModel(SMALL));
    const r = await cli(['lint', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${SMALL}: ${findings.length} findings \\(\\d+ critical`));
    for (const f of findings) {
      expect(r.stdout).toContain(`(${f.id})`);
      expect(r.stdout).toContain(f.message);
    }
    expect(r.stdout).toContain('NHI2 · CSF PR.AA-01');
  });

  it('prints the findings as JSON', async () => {
    const r = await cli(['lint', SMALL, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(lintModel(loadRepoModel(SMALL)), null, 2) + '\n');
  });

  it('says so when there is nothing to report', async () => {
    const file = JSON.stringify({ format: 'faultline', version: 1, model: { nodes: [{ id: 'api', kind: 'service' }], edges: [] } });
    expect((await cli(['lint', 'ok.json'], { 'ok.json': file })).stdout).toBe('ok.json: no findings\n');
  });

  it('refuses an unknown format', async () => {
    const r = await cli(['lint', SMALL, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: --format "md": expected text or json\n');
  });
});
