import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { formatPercent as pct } from '../../../shared/format.ts';
import { cli, editedFile, loadRepoModel, SMALL } from './harness.ts';

describe('faultline check', () => {
  it('prints one PASS line per saved scenario with exposure and limit, and exits 0', async () => {
    const model = loadRepoModel(SMALL);
    const r = await cli(['check', SMALL]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(model.scenarios.length + 2);
    model.scenarios.forEach((s, i) => {
      const exposure = simulate(model, s).summary.exposure;
      expect(lines[i]).toMatch(/^PASS {2}/);
      expect(lines[i]).toContain(`${s.name} (${s.id})`);
      expect(lines[i]).toContain(`exposure ${pct(exposure).padStart(6)}`);
      expect(lines[i]).toContain(s.params.maxExposure === undefined ? 'no limit' : `limit ${pct(s.params.maxExposure)}`);
    });
    expect(lines.at(-1)).toBe(`${SMALL}: all 3 scenarios within their limits`);
  });

  it('fails a scenario over its own maxExposure and exits 1', async () => {
    const file = editedFile(SMALL, (m) => {
      (m.scenarios as { params: { maxExposure: number } }[])[0].params.maxExposure = 0;
    });
    const r = await cli(['check', 'm.json'], { 'm.json': file });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^FAIL {2}CI token leaked from the build log \(leaked-ci-token\) +exposure +[\d.]+% {2}limit 0%$/);
    expect(r.stdout).toContain('m.json: 1 of 3 scenarios over their limits');
  });

  it('fails scenarios over --max-exposure, the lower limit counting', async () => {
    const r = await cli(['check', SMALL, '--max-exposure', '1%']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/limit 1%/);
    const loose = await cli(['check', SMALL, '--max-exposure', '1']);
    expect(loose.stdout).toContain('limit 90%');
    expect(loose.stdout).toContain('limit 100%');
    expect(loose.stdout).not.toContain('no limit');
  });

  it('refuses a limit outside 0-1', async () => {
    const r = await cli(['check', SMALL, '--max-exposure', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: --max-exposure "1.5": expected a share from 0 to 1 (0.3) or a percentage (30%)\n');
  });

  it('passes a model with no saved scenarios, saying so', async () => {
    const file = editedFile(SMALL, (m) => {
      m.scenarios = [];
    });
    const r = await cli(['check', 'm.json'], { 'm.json': file });
    expect(r).toMatchObject({ code: 0, stdout: 'm.json: no saved scenarios to check\n' });
  });

  describe('--format json (for CI)', () => {
    it('prints every scenario with exposure, limit and verdict, and keeps the exit status', async () => {
      const model = loadRepoModel(SMALL);
      const r = await cli(['check', SMALL, '--format', 'json', '--max-exposure', '0.2']);
      const report = JSON.parse(r.stdout);
      const expected = model.scenarios.map((s) => {
        const exposure = simulate(model, s).summary.exposure;
        const limit = Math.min(0.2, s.params.maxExposure ?? 1);
        return { id: s.id, name: `${s.name} (${s.id})`, exposure, limit, pass: exposure <= limit };
      });
      const failed = expected.filter((s) => !s.pass).length;
      expect(failed).toBeGreaterThan(0);
      expect(report).toEqual({ file: SMALL, pass: false, total: 3, failed, scenarios: expected });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
    });

    it('passes with exit 0, and says so for a model with no saved scenarios', async () => {
      const ok = await cli(['check', SMALL, '--format', 'json']);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ pass: true, failed: 0, total: 3 });
      const empty = editedFile(SMALL, (m) => {
        m.scenarios = [];
      });
      const none = await cli(['check', 'm.json', '--format', 'json'], { 'm.json': empty });
      expect(none.code).toBe(0);
      expect(JSON.parse(none.stdout)).toEqual({ file: 'm.json', pass: true, total: 0, failed: 0, scenarios: [] });
    });

    it('prints a Markdown table for a pull request', async () => {
      const r = await cli(['check', SMALL, '--format', 'md', '--max-exposure', '10%']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('| Result | Scenario | Exposure | Limit |');
      expect(r.stdout).toContain('| **FAIL** | CI token leaked from the build log (leaked-ci-token) |');
    });

    it('refuses a format it does not write', async () => {
      const r = await cli(['check', SMALL, '--format', 'pdf']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('faultline: --format "pdf": expected text, md or json\n');
    });
  });
});
