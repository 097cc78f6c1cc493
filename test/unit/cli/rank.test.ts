import { describe, expect, it } from 'vitest';
import { rankChokepoints } from '../../../shared/analysis/chokepoints.ts';
import { cli, loadRepoModel, SMALL } from './harness.ts';

const scenario = () => {
  const s = loadRepoModel(SMALL).scenarios.find((x) => x.id === 'leaked-ci-token');
  if (!s) throw new Error('fixture');
  return s;
};

describe('faultline rank', () => {
  it('prints the chokepoints as JSON, as the analysis ranks them', async () => {
    const r = await cli(['rank', SMALL, '--scenario', 'leaked-ci-token', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(rankChokepoints(loadRepoModel(SMALL), scenario()), null, 2) + '\n');
  });

  it('prints a Markdown table by default, best fix first', async () => {
    const points = rankChokepoints(loadRepoModel(SMALL), scenario());
    expect(points.length).toBeGreaterThan(0);
    const r = await cli(['rank', SMALL, '--scenario', 'leaked-ci-token']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Chokepoints: CI token leaked from the build log (leaked-ci-token)');
    const rows = r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(points.length);
    expect(rows[0]).toContain(points[0].description.replace(/\|/g, '\\|'));
  });

  it('ranks --break scenarios too', async () => {
    const r = await cli(['rank', SMALL, '--break', 'supply-chain:pkg', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });

  it('needs a scenario', async () => {
    const r = await cli(['rank', SMALL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: rank: give --scenario ID or --break MODE:NODE (see faultline rank --help)\n');
  });
});
