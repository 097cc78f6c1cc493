/**
 * The read-only test hook `window.__faultline` ships in no production build (issue #15): the web build
 * leaves it out, and the e2e build, which the end-to-end tests run against, has it (so this test can fail).
 * The same holds for the tripwire through which a test makes a part of the window fail (PanelBoundary.tsx).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../../..');
let out: string;

async function bundleText(mode: string): Promise<string> {
  const outDir = path.join(out, mode);
  // Vitest runs with NODE_ENV=test, which Vite would keep (a development React); build as `vite build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.web.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const assets = path.join(outDir, 'assets');
  const js = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  return (await Promise.all(js.map((f) => readFile(path.join(assets, f), 'utf8')))).join('\n');
}

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'faultline-builds-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the test hook', () => {
  it('is absent from the production web build', async () => {
    const text = await bundleText('production');
    expect(text.includes('react-stack-top-frame'), 'a production React').toBe(false);
    expect(text.includes('__faultline'), 'the hook in the production bundle').toBe(false);
    expect(text.includes('was made to fail'), 'the tripwire in the production bundle').toBe(false);
    expect(text.includes('could not be drawn'), 'the failure notice itself').toBe(true);
  }, 120_000);

  it('is present in the e2e build the end-to-end tests use', async () => {
    const text = await bundleText('e2e');
    expect(text.includes('__faultline')).toBe(true);
    expect(text.includes('was made to fail')).toBe(true);
  }, 120_000);
});
