import { describe, expect, it } from 'vitest';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import { cli, editedFile, loadRepoModel, SMALL } from './harness.ts';

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

  it('shows the time-based fixes among the others, worded as what to change', async () => {
    // The deploy role takes control of the orders DB only after 100 h (it can write to it at 1 h through the API
    // role): a response within 24 h of detection (at 3 h) cuts the control, 5 − 3 points.
    const file = editedFile(SMALL, (m) => {
      (m.edges as { id: string; props?: Record<string, unknown> }[]).find((e) => e.id === 'e4')!.props = { access: 'admin', delayHours: 100 };
    });
    const r = await cli(['rank', 'm.json', '--scenario', 'leaked-ci-token', '--format', 'json'], { 'm.json': file });
    const respond = (JSON.parse(r.stdout) as { id: string }[]).find((c) => c.id === 'respond-faster');
    expect(respond).toMatchObject({ fix: 'respond-faster', description: 'Respond within 24 h of detection (now 27 d)', reduction: 2 });
    const text = await cli(['rank', 'm.json', '--scenario', 'leaked-ci-token', '--format', 'text'], { 'm.json': file });
    expect(text.stdout).toMatch(/^\d+ +Respond within 24 h of detection \(now 27 d\) +the scenario +responseHours: 24 in the scenario +19 +2$/m);
  });

  it('ranks with --respond responses too', async () => {
    const r = await cli(['rank', SMALL, '--scenario', 'leaked-ci-token', '--respond', 'rotate:ci-token@0.25', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(rankChokepoints(loadRepoModel(SMALL), { ...scenario(), responses: [{ action: 'rotate', node: 'ci-token', at: 0.25 }] }));
  });
});
