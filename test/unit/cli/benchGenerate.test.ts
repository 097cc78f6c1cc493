/** The benchmark's graph generator builds the objects the schema would: a bench measures a real model. */
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate.ts';
import { EDGE_KINDS, edgeFits, NODE_KINDS } from '../../../shared/domain/index.ts';
import { parseModelJson } from '../../../shared/file/index.ts';

describe('bench generator', () => {
  const model = generateModel({ nodes: 600, seed: 5 });

  it('makes a model the load path accepts and leaves unchanged', () => {
    const loaded = parseModelJson({ format: 'faultline', version: 1, model: structuredClone(model) });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value).toEqual(model);
  });

  it('is repeatable by seed', () => {
    expect(generateModel({ nodes: 600, seed: 5 })).toEqual(model);
    expect(generateModel({ nodes: 600, seed: 6 }).edges).not.toEqual(model.edges);
  });

  it('mixes every node and edge kind, about five edges per node, all between kinds their kind names', () => {
    expect(new Set(model.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
    expect(new Set(model.edges.map((e) => e.kind))).toEqual(new Set(EDGE_KINDS));
    expect(model.edges).toHaveLength(3000);
    const kind = new Map(model.nodes.map((n) => [n.id, n.kind]));
    for (const e of model.edges) expect(edgeFits(e.kind, kind.get(e.source) ?? 'service', kind.get(e.target) ?? 'service')).toBe(true);
  });

  it('has a few monitored nodes and varied secrets', () => {
    const monitored = model.nodes.filter((n) => n.props.monitored).length;
    expect(monitored).toBeGreaterThan(0);
    expect(monitored).toBeLessThan(model.nodes.length / 10);
    const secrets = model.nodes.flatMap((n) => (n.kind === 'secret' ? [n.props] : []));
    expect(new Set(secrets.map((s) => s.ttlHours)).size).toBeGreaterThan(2);
    expect(secrets.some((s) => s.bound)).toBe(true);
    expect(secrets.some((s) => s.rotationDays !== null)).toBe(true);
  });

  it('saves one scenario of three breaks', () => {
    expect(model.scenarios[0].breaks.map((b) => b.mode)).toEqual(['compromise', 'leak', 'outage']);
  });
});
