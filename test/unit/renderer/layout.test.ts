import { describe, expect, it } from 'vitest';
import { computeLayout, toElkGraph } from '../../../renderer/src/editor/layout.ts';
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
    const g = toElkGraph(m(), new Map());
    const frame = g.children?.find((c) => c.id === 'b:prod');
    expect(frame?.children?.map((c) => c.id)).toEqual(['role', 'db']);
  });

  it('lays out edges in the direction compromise flows (depends-on reversed)', () => {
    const g = toElkGraph(m(), new Map());
    expect(g.edges?.find((e) => e.id === 'e3')).toMatchObject({ sources: ['lib'], targets: ['api'] });
    expect(g.edges?.find((e) => e.id === 'e1')).toMatchObject({ sources: ['key'], targets: ['role'] });
  });

  it('places a chain left to right, keeps members inside their frame, and keeps the drawing’s corner', async () => {
    const moves = await computeLayout(m(), new Map());
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
