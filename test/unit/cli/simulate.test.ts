import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../../shared/analysis/index.ts';
import { explainPath, simulate } from '../../../shared/engine/index.ts';
import { formatPercent } from '../../../shared/format.ts';
import { cli, editedFile, loadRepoModel, SMALL } from './harness.ts';

const model = () => loadRepoModel(SMALL);
const saved = (id: string) => {
  const s = model().scenarios.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('faultline simulate', () => {
  it('prints the engine result of a saved scenario, exactly, as 2-space JSON', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(simulate(model(), saved('leaked-ci-token')), null, 2) + '\n');
  });

  it('simulates breaks given with --break, repeated', async () => {
    const r = await cli(['simulate', SMALL, '--break', 'leak:ci-token', '--break', 'outage:pkg']);
    expect(r.code).toBe(0);
    const expected = simulate(model(), {
      id: 'cli',
      name: 'Breaks from the command line',
      breaks: [
        { mode: 'leak', node: 'ci-token' },
        { mode: 'outage', node: 'pkg' },
      ],
    });
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it('writes to --out instead of standard output', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'tls-expired', '--out', 'out/r.json']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(r.written.get('out/r.json') ?? '')).toEqual(simulate(model(), saved('tls-expired')));
  });

  it('says when --out cannot be written', async () => {
    const r = await cli(['simulate', SMALL, '--scenario', 'tls-expired', '--out', '/readonly/r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: /readonly/r.json: cannot write (permission denied)\n');
  });

  describe('markdown', () => {
    it('summarises score, exposure and detection', async () => {
      const result = simulate(model(), saved('leaked-ci-token'));
      const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'md']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('# CI token leaked from the build log (leaked-ci-token)');
      expect(r.stdout).toContain(`- Score: **${Number(result.summary.score.toFixed(2))}**`);
      expect(r.stdout).toContain(`- Exposure: **${formatPercent(result.summary.exposure)}**`);
      expect(r.stdout).toMatch(/- Detection: (detected at|not detected)/);
    });

    it('has one table row per impact, with its path sentences', async () => {
      const m = model();
      const result = simulate(m, saved('leaked-ci-token'));
      const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'md']);
      const rows = r.stdout.split('\n').filter((l) => /^\| [\d.]+ (h|min) \|/.test(l));
      expect(rows).toHaveLength(result.impacts.length);
      const last = result.impacts[result.impacts.length - 1];
      const sentences = explainPath(m, result, last.node, last.effect).map((s) => s.sentence);
      expect(sentences.length).toBeGreaterThan(0);
      for (const s of sentences) expect(r.stdout).toContain(s.replace(/\|/g, '\\|'));
    });

    it('says when a break was prevented', async () => {
      const file = editedFile(SMALL, (m) => {
        const tls = (m.nodes as { id: string; props: Record<string, unknown> }[]).find((n) => n.id === 'tls');
        if (tls) tls.props.autoRenew = true;
      });
      const r = await cli(['simulate', 'm.json', '--break', 'expire:tls', '--format', 'md'], { 'm.json': file });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Prevented: **expire** API TLS certificate (tls)');
    });
  });

  describe('probabilistic', () => {
    it('prints the Monte Carlo shares for the given runs and seed', async () => {
      const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--probabilistic', '--runs', '200', '--seed', '7']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(monteCarlo(model(), saved('leaked-ci-token'), { runs: 200, seed: 7 }));
    });

    it('repeats a run with the same seed', async () => {
      const args = ['simulate', SMALL, '--break', 'leak:ci-token', '--probabilistic', '--seed', '3', '--format', 'md'];
      const a = await cli(args);
      expect(a.code).toBe(0);
      expect(a.stdout).toContain('1000 runs, seed 3');
      expect((await cli(args)).stdout).toBe(a.stdout);
    });

    it('refuses --runs without --probabilistic, and a bad count', async () => {
      expect((await cli(['simulate', SMALL, '--break', 'leak:ci-token', '--runs', '10'])).stderr).toBe(
        'faultline: simulate: --runs and --seed need --probabilistic\n',
      );
      const r = await cli(['simulate', SMALL, '--break', 'leak:ci-token', '--probabilistic', '--runs', '0']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('faultline: --runs "0": expected a whole number from 1 to 1000000\n');
    });
  });

  describe('bad input', () => {
    const refused = async (args: string[]) => {
      const r = await cli(['simulate', SMALL, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2);
      return r.stderr;
    };

    it('names an unknown scenario and the saved ones', async () => {
      expect(await refused(['--scenario', 'nope'])).toBe(
        `faultline: ${SMALL}: no scenario "nope" (saved scenarios: leaked-ci-token, tls-expired, hijacked-package)\n`,
      );
    });

    it('refuses --break without a colon or with an unknown mode', async () => {
      expect(await refused(['--break', 'ci-token'])).toBe('faultline: --break "ci-token": expected MODE:NODE, as in leak:ci-token\n');
      expect(await refused(['--break', 'steal:ci-token'])).toMatch(/^faultline: --break "steal:ci-token": unknown mode "steal"; modes are leak, /);
    });

    it('names the JSON path and the option of a break on a missing node', async () => {
      expect(await refused(['--break', 'leak:nope'])).toBe(
        `faultline: ${SMALL}: scenario.breaks[0].node: no node "nope" (--break leak:nope)\n`,
      );
    });

    it('refuses a break whose mode does not apply to the node', async () => {
      expect(await refused(['--break', 'leak:ci-token', '--break', 'leak:db'])).toBe(
        `faultline: ${SMALL}: scenario.breaks[1].mode: "leak" does not apply to a datastore ("db") (--break leak:db)\n`,
      );
    });

    it('wants --scenario or --break, not both, not neither', async () => {
      expect(await refused([])).toContain('give --scenario ID or --break MODE:NODE');
      expect(await refused(['--scenario', 'tls-expired', '--break', 'leak:ci-token'])).toContain('not both');
    });

    it('refuses formats it does not write', async () => {
      expect(await refused(['--scenario', 'tls-expired', '--format', 'docx'])).toBe('faultline: --format "docx": expected text, md, json, html or pdf\n');
    });
  });

  describe('--respond', () => {
    const withResponses = (responses: { action: 'rotate' | 'revoke'; node: string; at: number }[]) => ({
      ...saved('leaked-ci-token'),
      responses,
    });

    it('adds a rotation to a saved scenario: the steps the stolen copy carried after it are gone', async () => {
      const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--respond', 'rotate:ci-token@0.25']);
      expect(r.code).toBe(0);
      const expected = simulate(model(), withResponses([{ action: 'rotate', node: 'ci-token', at: 0.25 }]));
      expect(JSON.parse(r.stdout)).toEqual(expected);
      expect(expected.scenario.responses).toEqual([{ action: 'rotate', node: 'ci-token', at: 0.25 }]);
      // the token authenticated as the deploy role at 0.5 h without the rotation
      const before = simulate(model(), saved('leaked-ci-token'));
      expect(before.impacts.some((i) => i.node === 'deploy-role')).toBe(true);
      expect(expected.impacts.some((i) => i.node === 'deploy-role')).toBe(false);
    });

    it('takes several, rotate and revoke, with --break too', async () => {
      const r = await cli(['simulate', SMALL, '--break', 'leak:ci-token', '--respond', 'rotate:ci-token@4', '--respond', 'revoke:deploy-role@0.75h']);
      expect(r.code).toBe(0);
      const expected = simulate(model(), {
        id: 'cli',
        name: 'Breaks from the command line',
        breaks: [{ mode: 'leak', node: 'ci-token' }],
        responses: [
          { action: 'rotate', node: 'ci-token', at: 4 },
          { action: 'revoke', node: 'deploy-role', at: 0.75 },
        ],
      });
      expect(JSON.parse(r.stdout)).toEqual(expected);
      expect(expected.impacts.find((i) => i.node === 'deploy-role' && i.effect === 'down')).toMatchObject({ at: 0.75, via: null });
    });

    it('says the responses and the stolen copy that died in Markdown and text', async () => {
      const md = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--respond', 'rotate:ci-token@0.25', '--format', 'md']);
      expect(md.stdout).toContain('Responses: **rotate** CI deploy token (ci-token) at 15 min');
      expect(md.stdout).toContain('| 0 h | CI deploy token (ci-token) | control (stolen, dead after 15 min) |');
      const text = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--respond', 'rotate:ci-token@0.25', '--format', 'text']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Responses: rotate CI deploy token (ci-token) at 15 min');
      expect(text.stdout).toMatch(/^ *At +Node +Effect +Path$/m);
      expect(text.stdout).toMatch(/^0 h +CI deploy token \(ci-token\) +control \(stolen, dead after 15 min\) +CI deploy token leaked at 0 h$/m);
    });

    it.each([
      [['--respond', 'rotate:ci-token'], '--respond "rotate:ci-token": expected ACTION:NODE@HOURS, as in rotate:ci-token@4'],
      [['--respond', 'shred:ci-token@1'], '--respond "shred:ci-token@1": unknown action "shred"; actions are rotate, revoke'],
      [['--respond', 'rotate:ci-token@soon'], '--respond "rotate:ci-token@soon": expected hours ≥ 0 after @, as in rotate:ci-token@4'],
      [['--respond', 'rotate:ci-token@-1'], '--respond "rotate:ci-token@-1": expected hours ≥ 0 after @, as in rotate:ci-token@4'],
      [['--respond', 'rotate:ghost@1'], `${SMALL}: scenario.responses[0].node: no node "ghost" (--respond rotate:ghost@1)`],
      [['--respond', 'rotate:deploy-role@1'], `${SMALL}: scenario.responses[0].action: "rotate" does not apply to an identity ("deploy-role") (--respond rotate:deploy-role@1)`],
    ])('refuses %j with one line', async (args, message) => {
      const r = await cli(['simulate', SMALL, '--break', 'leak:ci-token', ...args]);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: `faultline: ${message}\n` });
    });

    it('names the option after a saved scenario’s own responses', async () => {
      const file = editedFile(SMALL, (m) => {
        (m.scenarios as { responses?: unknown[] }[])[0].responses = [{ action: 'rotate', node: 'ci-token', at: 2 }];
      });
      const r = await cli(['simulate', 'm.json', '--scenario', 'leaked-ci-token', '--respond', 'revoke:db@1'], { 'm.json': file });
      expect(r.stderr).toBe('faultline: m.json: scenario.responses[1].action: "revoke" does not apply to a datastore ("db") (--respond revoke:db@1)\n');
    });
  });

  describe('words of the Markdown', () => {
    it('says "at" for the absolute times of the steps, and joins each path with " → "', async () => {
      const m = model();
      const result = simulate(m, saved('leaked-ci-token'));
      const r = await cli(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--format', 'md']);
      expect(r.stdout).not.toMatch(/ after \d/);
      const last = result.impacts.at(-1)!;
      const sentences = explainPath(m, result, last.node, last.effect).map((s) => s.sentence);
      expect(sentences.length).toBeGreaterThan(1);
      expect(r.stdout).toContain(sentences.join(' → '));
    });
  });
});
