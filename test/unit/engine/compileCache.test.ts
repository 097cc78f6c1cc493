/**
 * The compiled form is cached per model object (compile.ts); no edit may leave it stale. An edit made as new
 * objects is seen; an in-place write into what the engine read throws rather than being missed.
 */
import { describe, expect, it } from 'vitest';
import type { ModelEdge, ModelNode } from '../../../shared/domain/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { rankChokepoints } from '../../../shared/analysis/index.ts';
import { breaks, buildModel, impactMap } from './build.ts';

const model = () =>
  buildModel(
    [
      ['key', 'secret'],
      ['role', 'identity'],
      ['db', 'datastore'],
      ['other', 'datastore'],
    ],
    [
      ['e1', 'authenticates', 'key', 'role', { delayHours: 0 }],
      ['e2', 'grants', 'role', 'db', { access: 'read' }],
    ],
  );
const leak = { breaks: breaks('leak:key') };

type Mutable = { nodes: ModelNode[]; edges: ModelEdge[] };

describe('the compiled-model cache', () => {
  it('sees new lists put on the same model object', () => {
    const m = model();
    expect(simulate(m, leak).detection.detectedBy).toBeNull();
    (m as Mutable).nodes = m.nodes.map((n) => (n.id === 'db' ? ({ ...n, props: { ...n.props, monitored: true } } as ModelNode) : n));
    expect(simulate(m, leak).detection.detectedBy).toBe('db');
    (m as Mutable).edges = m.edges.map((e) => (e.id === 'e2' ? ({ ...e, target: 'other', props: { ...e.props, access: 'admin' } } as ModelEdge) : e));
    const r = impactMap(simulate(m, leak));
    expect(r['other:control']).toBe('0.5');
    expect(r['db:read']).toBeUndefined();
  });

  it.each([
    ['a node replaced in its list', (m: Mutable) => (m.nodes[2] = { ...m.nodes[2], props: { ...m.nodes[2].props, monitored: true } } as ModelNode)],
    ['a node added to its list', (m: Mutable) => m.nodes.push({ ...m.nodes[2], id: 'x' })],
    ['a node prop written', (m: Mutable) => ((m.nodes[2].props as Record<string, unknown>).monitored = true)],
    ['a node kind written', (m: Mutable) => ((m.nodes[2] as { kind: string }).kind = 'service')],
    ['an edge replaced in its list', (m: Mutable) => (m.edges[1] = { ...m.edges[1], target: 'other' })],
    ['an edge end written', (m: Mutable) => ((m.edges[1] as { source: string }).source = 'key')],
    ['an edge prop written', (m: Mutable) => ((m.edges[1].props as Record<string, unknown>).access = 'admin')],
  ])('refuses an in-place edit of what it compiled (%s) instead of missing it', (_, edit) => {
    const m = model();
    const before = simulate(m, leak);
    expect(() => edit(m as Mutable)).toThrow(TypeError);
    expect(simulate(m, leak)).toEqual(before);
    expect(rankChokepoints(m, leak).length).toBeGreaterThan(0);
  });
});
