/**
 * Every command over the CLI fixture and every sample model shipped in assets/samples: the samples are what
 * people try first, so each must lint, simulate, rank and check without a bad-input exit.
 */
import { describe, expect, it } from 'vitest';
import { loadRepoModel, cli, samplePaths, SMALL } from './harness.ts';

const files = [SMALL, ...samplePaths()];

describe.each(files)('%s', (file) => {
  const model = loadRepoModel(file);

  it('lints as text and as JSON', async () => {
    expect((await cli(['lint', file])).code).toBe(0);
    const json = await cli(['lint', file, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it('checks every saved scenario with a verdict, never bad input', async () => {
    const r = await cli(['check', file]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout.split('\n').filter((l) => /^(PASS|FAIL) {2}/.test(l))).toHaveLength(model.scenarios.length);
  });

  it.each(model.scenarios.map((s) => s.id))('simulates and ranks scenario %s', async (id) => {
    for (const args of [
      ['simulate', file, '--scenario', id],
      ['simulate', file, '--scenario', id, '--format', 'md'],
      ['rank', file, '--scenario', id],
    ]) {
      const r = await cli(args);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
