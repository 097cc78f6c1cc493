import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/index.ts';
import { cli, editedFile, loadRepoModel, SMALL } from './harness.ts';

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

  it('refuses an unknown format, naming the shared vocabulary', async () => {
    const r = await cli(['lint', SMALL, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: --format "html": expected text, md or json\n');
  });

  it('prints the findings as Markdown', async () => {
    const findings = lintModel(loadRepoModel(SMALL));
    const r = await cli(['lint', SMALL, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`# Findings: ${SMALL}\n`)).toBe(true);
    for (const f of findings) expect(r.stdout).toContain(`(\`${f.id}\`)`);
  });

  it('still reports the model’s findings when a saved scenario is bad, and names that scenario', async () => {
    const file = editedFile(SMALL, (m) => {
      (m.scenarios as { breaks: { mode: string; node: string }[] }[])[1].breaks = [{ mode: 'leak', node: 'ghost' }];
    });
    const findings = lintModel(loadRepoModel(SMALL));
    const r = await cli(['lint', 'm.json'], { 'm.json': file });
    expect(r.code).toBe(2);
    for (const f of findings) expect(r.stdout).toContain(`(${f.id})`);
    expect(r.stderr).toBe('faultline: m.json: scenario "tls-expired" left out: model.scenarios[1].breaks[0].node: no node "ghost"\n');
  });

  it('names every bad scenario, by its place in the file', async () => {
    const file = editedFile(SMALL, (m) => {
      const s = m.scenarios as { breaks: { mode: string; node: string }[]; responses?: unknown[] }[];
      s[0].responses = [{ action: 'rotate', node: 'ci-token', at: -1 }];
      s[2].breaks = [{ mode: 'leak', node: 'pkg' }];
    });
    const r = await cli(['lint', 'm.json', '--format', 'json'], { 'm.json': file });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual(lintModel(loadRepoModel(SMALL)));
    expect(r.stderr.split('\n')).toEqual([
      'faultline: m.json: scenario "leaked-ci-token" left out: model.scenarios[0].responses[0].at: expected a number of hours ≥ 0',
      'faultline: m.json: scenario "hijacked-package" left out: model.scenarios[2].breaks[0].mode: "leak" does not apply to a dependency ("pkg")',
      '',
    ]);
  });

  it('refuses a file whose model itself is bad, as every command does', async () => {
    const file = editedFile(SMALL, (m) => {
      (m.edges as { target: string }[])[0].target = 'ghost';
    });
    const r = await cli(['lint', 'm.json'], { 'm.json': file });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'faultline: m.json: model.edges[0].target: no node "ghost"\n' });
  });
});
