import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate.ts';
import { parseModelFile, serializeModel, serializeModelInSlices } from '../../../shared/file/index.ts';

const SAMPLES = join(import.meta.dirname, '../../../assets/samples');

function samples() {
  return readdirSync(SAMPLES).map((f) => {
    const r = parseModelFile(readFileSync(join(SAMPLES, f), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

describe('serializeModelInSlices', () => {
  it('writes exactly what serializeModel writes, for the samples and a generated 2,000-node model', async () => {
    const pause = () => Promise.resolve();
    const models = [...samples(), generateModel({ nodes: 2000, edgesPerNode: 5, seed: 3 }), { ...generateModel({ nodes: 3, seed: 1 }), edges: [] }];
    for (const m of models) expect(await serializeModelInSlices(m, pause, 97)).toBe(serializeModel(m));
  });

  it('pauses between slices', async () => {
    let pauses = 0;
    const m = generateModel({ nodes: 1000, edgesPerNode: 2, seed: 3 });
    await serializeModelInSlices(m, async () => void pauses++, 200);
    expect(pauses).toBe(Math.ceil(m.nodes.length / 200) + Math.ceil(m.edges.length / 200));
  });
});
