import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../../shared/file/index.ts';
import { cli } from './harness.ts';

const WORKFLOWS = 'test/fixtures/import/github-actions';

describe('faultline import', () => {
  it('imports a workflow folder to a model file, printing warnings, findings and a summary', async () => {
    const r = await cli(['import', 'github-actions', WORKFLOWS, '--out', 'ci.faultline.json']);
    expect(r.code).toBe(0);
    const loaded = parseModelFile(r.written.get('ci.faultline.json')!);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.nodes.filter((n) => n.kind === 'pipeline')).toHaveLength(32);
    expect(loaded.value.nodes.every((n) => n.position)).toBe(true);
    expect(r.stderr).toContain(`finding (high): ${WORKFLOWS}/react-compiler-discord-notify.yml line 3: Runs on pull requests from forks`);
    expect(r.stderr).toContain(`warning: ${WORKFLOWS}/powertools-publish.yml line 1: no permissions block`);
    expect(r.stderr).toMatch(/imported 12 files: 103 nodes, 144 edges, 12 boundaries, 4 notes; 8 warnings, 4 findings\n$/);
  });

  it('takes files and folders together, and writes to standard output without --out', async () => {
    const r = await cli(['import', 'kubernetes', 'test/fixtures/import/kubernetes/cronjob.yaml', 'test/fixtures/import/kubernetes/dashboard-admin-user.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).model.nodes.length).toBeGreaterThan(3);
  });

  it('refuses malformed YAML naming the file and line, and writes nothing', async () => {
    const r = await cli(['import', 'github-actions', 'bad/ci.yml', '--out', 'x.json'], { 'bad/ci.yml': 'on: push\njobs:\n  a: [\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^faultline: bad\/ci\.yml line 4: not valid YAML: .*; nothing was written\n$/);
    expect(r.written.size).toBe(0);
  });

  it('refuses an unknown kind, a missing path, and a folder without the files the kind reads', async () => {
    expect((await cli(['import', 'terraform', 'x'])).stderr).toContain('unknown kind "terraform"; kinds are github-actions, kubernetes, compose, threat-dragon, otm');
    expect((await cli(['import', 'compose'])).stderr).toContain('import: missing PATH');
    const r = await cli(['import', 'threat-dragon', WORKFLOWS]);
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toContain(`${WORKFLOWS}: no .json files in this folder`);
  });
});

describe('faultline export', () => {
  it('writes OTM and OpenGraph JSON for a model', async () => {
    const otm = await cli(['export', 'assets/samples/cicd-pipeline.faultline.json', '--format', 'otm']);
    expect(otm.code).toBe(0);
    expect(JSON.parse(otm.stdout)).toMatchObject({ otmVersion: '0.2.0', project: { id: 'sample-cicd-pipeline' } });
    const og = await cli(['export', 'assets/samples/cicd-pipeline.faultline.json', '--format', 'opengraph', '--out', 'g.json']);
    expect(JSON.parse(og.written.get('g.json')!)).toMatchObject({ metadata: { source_kind: 'Faultline' } });
  });

  it('needs a format it knows', async () => {
    expect((await cli(['export', 'assets/samples/cicd-pipeline.faultline.json'])).stderr).toContain('--format otm or --format opengraph is required');
    expect((await cli(['export', 'assets/samples/cicd-pipeline.faultline.json', '--format', 'xml'])).stderr).toContain('--format "xml": expected otm or opengraph');
  });
});
