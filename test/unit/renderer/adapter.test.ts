import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_PREFIX,
  fallbackPosition,
  selectedFlowIds,
  selectionFromFlow,
  toFlowEdges,
  toFlowNodes,
} from '../../../renderer/src/canvas/adapter.ts';
import type { KindFlowNode } from '../../../renderer/src/canvas/adapter.ts';
import { setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { edge, model, node } from './build.ts';

const sample = () =>
  model({
    boundaries: [{ id: 'prod', label: 'Prod', position: { x: 100, y: 100 }, size: { width: 500, height: 300 } }],
    nodes: [
      node('api', 'service', 150, 160, { boundary: 'prod' }),
      node('key', 'secret', 800, 100),
      { id: 'loose', kind: 'identity' },
    ],
    edges: [edge('e1', 'holds', 'api', 'key'), edge('e2', 'holds', 'key', 'api')],
  });

describe('model → React Flow', () => {
  it('draws boundaries first, behind, with their size, and nodes after them', () => {
    const flow = toFlowNodes(sample());
    expect(flow.map((n) => n.id)).toEqual([`${BOUNDARY_PREFIX}prod`, 'api', 'key', 'loose']);
    const frame = flow[0];
    expect(frame).toMatchObject({
      type: 'boundary',
      position: { x: 100, y: 100 },
      width: 500,
      height: 300,
      zIndex: -1,
    });
  });

  it('makes boundary members children with positions relative to the frame', () => {
    const api = toFlowNodes(sample()).find((n) => n.id === 'api')!;
    expect(api.parentId).toBe(`${BOUNDARY_PREFIX}prod`);
    expect(api.position).toEqual({ x: 50, y: 60 });
  });

  it('keeps free nodes at their absolute position and gives unplaced nodes a grid slot', () => {
    const flow = toFlowNodes(sample());
    expect(flow.find((n) => n.id === 'key')).toMatchObject({ position: { x: 800, y: 100 } });
    expect(flow.find((n) => n.id === 'key')?.parentId).toBeUndefined();
    expect(flow.find((n) => n.id === 'loose')?.position).toEqual(fallbackPosition(2));
  });

  it('carries the model node itself as data, nothing copied', () => {
    const m = sample();
    const api = toFlowNodes(m).find((n) => n.id === 'api') as KindFlowNode;
    expect(api.data.node).toBe(m.nodes[0]);
  });

  it('reuses the React Flow object of every node the edit did not touch', () => {
    const m = sample();
    const before = toFlowNodes(m);
    const after = toFlowNodes(applyPatch(m, setLabel(m, 'key', 'Deploy key')), before);
    expect(after.find((n) => n.id === 'api')).toBe(before.find((n) => n.id === 'api'));
    expect(after.find((n) => n.id === 'key')).not.toBe(before.find((n) => n.id === 'key'));
  });

  it('keeps measured sizes of a changed node so React Flow does not hide it to re-measure', () => {
    const m = sample();
    const before = toFlowNodes(m).map((n) => (n.id === 'key' ? { ...n, measured: { width: 184, height: 80 } } : n));
    const after = toFlowNodes(applyPatch(m, setLabel(m, 'key', 'x')), before);
    expect(after.find((n) => n.id === 'key')?.measured).toEqual({ width: 184, height: 80 });
  });

  it('marks the selection on nodes, boundaries and edges', () => {
    const ids = selectedFlowIds({ nodes: ['api'], edges: ['e2'], boundaries: ['prod'] });
    const flow = toFlowNodes(sample(), [], ids.nodes);
    expect(flow.filter((n) => n.selected).map((n) => n.id)).toEqual([`${BOUNDARY_PREFIX}prod`, 'api']);
    expect(
      toFlowEdges(sample(), [], ids.edges)
        .filter((e) => e.selected)
        .map((e) => e.id),
    ).toEqual(['e2']);
  });

  it('marks an edge whose kind does not fit its pair', () => {
    const [fits, misfit] = toFlowEdges(sample());
    expect(fits.data).toMatchObject({ fits: true, sourceKind: 'service', targetKind: 'secret' });
    expect(misfit.data?.fits).toBe(false);
    expect(misfit.className).toBe('is-misfit');
  });

  it('never puts React Flow state into the model', () => {
    const m = sample();
    const copy = structuredClone(m);
    toFlowNodes(m, [], new Set(['api']));
    toFlowEdges(m, [], new Set(['e1']));
    expect(m).toEqual(copy);
  });
});

describe('React Flow → model', () => {
  it('splits selected React Flow ids into nodes and boundaries', () => {
    expect(selectionFromFlow(['api', `${BOUNDARY_PREFIX}prod`], ['e1'])).toEqual({
      nodes: ['api'],
      edges: ['e1'],
      boundaries: ['prod'],
    });
  });
});
