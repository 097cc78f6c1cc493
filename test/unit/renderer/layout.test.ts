import { describe, expect, it } from 'vitest';
import { toElkGraph } from '../../../renderer/src/editor/layout/elk.ts';
import { layoutGraphOf } from '../../../renderer/src/editor/layout/graph.ts';
import { KIND_FLOW } from '../../../renderer/src/editor/layout/grid.ts';
import { LAYOUT_METHODS, chooseLayout, computeLayout } from '../../../renderer/src/editor/layout/methods.ts';
import { LayoutCancelled, startLayout } from '../../../renderer/src/editor/layout/runner.ts';
import { generateModel } from '../../../bench/generate.ts';
import { edge, model, node } from './build.ts';

const m = () =>
  model({
    boundaries: [{ id: 'prod', position: { x: 0, y: 0 }, size: { width: 300, height: 200 } }],
    nodes: [
      node('key', 'secret', 500, 500),
      node('role', 'identity', 0, 0, { boundary: 'prod' }),
      node('db', 'datastore', 0, 0, { boundary: 'prod' }),
      node('lib', 'dependency', 900, 900),
      node('api', 'service', 40, 40),
    ],
    edges: [
      edge('e1', 'authenticates', 'key', 'role'),
      edge('e2', 'grants', 'role', 'db'),
      edge('e3', 'depends-on', 'api', 'lib'),
    ],
  });

describe('auto-layout', () => {
  it('makes boundaries compound nodes holding their members', () => {
    const g = toElkGraph(layoutGraphOf(m()), new Map());
    const frame = g.children?.find((c) => c.id === 'b:prod');
    expect(frame?.children?.map((c) => c.id)).toEqual(['role', 'db']);
  });

  it('lays out edges in the direction compromise flows (depends-on reversed)', () => {
    const g = toElkGraph(layoutGraphOf(m()), new Map());
    expect(g.edges?.find((e) => e.id === 'e3')).toMatchObject({ sources: ['lib'], targets: ['api'] });
    expect(g.edges?.find((e) => e.id === 'e1')).toMatchObject({ sources: ['key'], targets: ['role'] });
  });

  it('places a chain left to right, keeps members inside their frame, and keeps the drawing’s corner', async () => {
    const moves = await computeLayout(layoutGraphOf(m()), new Map(), 'layered');
    const x = (id: string) => moves.nodes!.get(id)!.x;
    expect(x('key')).toBeLessThan(x('role'));
    expect(x('role')).toBeLessThan(x('db'));
    expect(x('lib')).toBeLessThan(x('api'));
    const frame = moves.boundaries!.get('prod')!;
    for (const id of ['role', 'db']) {
      const p = moves.nodes!.get(id)!;
      expect(p.x).toBeGreaterThanOrEqual(frame.x);
      expect(p.x + 184).toBeLessThanOrEqual(frame.x + frame.width);
    }
    const xs = [...moves.nodes!.values(), ...moves.boundaries!.values()].map((p) => p.x);
    expect(Math.min(...xs)).toBe(0);
  });
});

describe('choosing a layout by size', () => {
  it('lays small models out layered, mid-size ones with the quick settings, large ones on the grid', () => {
    expect(chooseLayout({ nodes: 30, edges: 45 })).toBe('layered');
    expect(chooseLayout({ nodes: 100, edges: 500 })).toBe('layered-light');
    expect(chooseLayout({ nodes: 500, edges: 1000 })).toBe('layered-light');
    expect(chooseLayout({ nodes: 2000, edges: 10000 })).toBe('grid');
    expect(chooseLayout({ nodes: 300, edges: 5000 })).toBe('grid');
  });

  it('names every method in words for the progress line and the notice', () => {
    for (const m of Object.values(LAYOUT_METHODS)) expect(m.label.length).toBeGreaterThan(10);
  });
});

describe('grid by boundary and kind', () => {
  const big = () => {
    const g = generateModel({ nodes: 2000, edgesPerNode: 5, seed: 7 });
    g.boundaries = [
      { id: 'prod', label: 'prod', environment: 'prod', position: { x: 0, y: 0 }, size: { width: 300, height: 200 } },
      { id: 'ci', label: 'ci', environment: 'shared', position: { x: 0, y: 0 }, size: { width: 300, height: 200 } },
      { id: 'empty', label: 'empty', environment: 'dev', position: { x: 5, y: 5 }, size: { width: 320, height: 240 } },
    ];
    g.nodes.forEach((n, i) => {
      if (i % 3 === 0) n.boundary = 'prod';
      else if (i % 7 === 0) n.boundary = 'ci';
    });
    return g;
  };

  it('places every node of a 2,000-node model, none on another, each inside its boundary', async () => {
    const g = big();
    const moves = await computeLayout(layoutGraphOf(g), new Map(), 'grid');
    expect(moves.nodes!.size).toBe(2000);
    const seen = new Set<string>();
    for (const p of moves.nodes!.values()) {
      const key = `${p.x},${p.y}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    for (const n of g.nodes) {
      if (!n.boundary) continue;
      const f = moves.boundaries!.get(n.boundary)!;
      const p = moves.nodes!.get(n.id)!;
      expect(p.x >= f.x && p.y >= f.y && p.x + 184 <= f.x + f.width && p.y + 64 <= f.y + f.height, n.id).toBe(true);
    }
    // An empty boundary keeps its size; frames do not overlap.
    expect(moves.boundaries!.get('empty')).toMatchObject({ width: 320, height: 240 });
    const frames = [...moves.boundaries!.values()];
    for (const a of frames)
      for (const b of frames) if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });

  it('puts kinds in columns in the order trust flows: pipelines left of services, services left of secrets', async () => {
    const g = model({
      nodes: [node('db', 'datastore', 0, 0), node('key', 'secret', 0, 0), node('api', 'service', 0, 0), node('ci', 'pipeline', 0, 0)],
      edges: [],
    });
    const moves = await computeLayout(layoutGraphOf(g), new Map(), 'grid');
    const x = (id: string) => moves.nodes!.get(id)!.x;
    expect(x('ci')).toBeLessThan(x('api'));
    expect(x('api')).toBeLessThan(x('key'));
    expect(x('key')).toBeLessThan(x('db'));
    expect(KIND_FLOW).toHaveLength(11);
  });
});

describe('the layout runner without a worker', () => {
  it('says which method it uses and hands back the moves', async () => {
    const job = startLayout(m(), new Map());
    expect(job.method).toBe('layered');
    expect((await job.done).nodes!.size).toBe(5);
  });

  it('rejects with LayoutCancelled once cancelled', async () => {
    const job = startLayout(m(), new Map());
    job.cancel();
    await expect(job.done).rejects.toBeInstanceOf(LayoutCancelled);
  });
});
