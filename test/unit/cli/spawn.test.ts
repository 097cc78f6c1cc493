/** The real executable, as CI runs it: `npx tsx cli/faultline.ts`. A few cases; the rest run in-process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL, editedFile } from './harness.ts';

function faultline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'cli/faultline.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('faultline, spawned', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));

  it('lints the fixture and exits 0', async () => {
    const r = await faultline(['lint', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${SMALL}: `)).toBe(true);
  });

  it('writes --out and prints nothing', async () => {
    const out = join(dir, 'result.json');
    const r = await faultline(['simulate', SMALL, '--scenario', 'leaked-ci-token', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario.id).toBe('leaked-ci-token');
  });

  it('exits 1 when a check fails', async () => {
    const r = await faultline(['check', SMALL, '--max-exposure', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}/m);
  });

  it('exits 2 with one line naming file and JSON path for a bad model', async () => {
    const bad = join(dir, 'bad.faultline.json');
    writeFileSync(
      bad,
      editedFile(SMALL, (m) => {
        (m.edges as { target: string }[])[3].target = 'db-1';
      }),
    );
    const r = await faultline(['simulate', bad, '--scenario', 'leaked-ci-token']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`faultline: ${bad}: model.edges[3].target: no node "db-1"\n`);
  });

  it('exits 2 with one line for a missing file, without a stack trace', async () => {
    const r = await faultline(['check', 'no/such.faultline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('faultline: no/such.faultline.json: no such file\n');
  });
});
