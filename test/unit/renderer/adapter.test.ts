import { describe, expect, it } from 'vitest';
import { BOUNDARY_PREFIX, edgesChanged, modelBounds, selectedFlowIds, selectionFromFlow, toFlowEdges, toFlowNodes, updateFlowNodes } from '../../../renderer/src/canvas/adapter.ts';
import type { KindFlowNode } from '../../../renderer/src/canvas/adapter.ts';
import { move, setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { edge, model, node } from './build.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

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

  it('after a move maps the moved nodes alone, as a full mapping would, and leaves the edges be', () => {
    const m = sample();
    const before = toFlowNodes(m, [], new Set(['key']));
    const next = applyPatch(m, move(m, { nodes: new Map([['key', { x: 400, y: 40 }], ['api', { x: 160, y: 170 }]]) }));
    const after = updateFlowNodes(m, next, before)!;
    expect(after).toEqual(toFlowNodes(next, before, new Set(['key'])));
    expect(after.find((n) => n.id === 'loose')).toBe(before.find((n) => n.id === 'loose'));
    expect(after.find((n) => n.id === 'key')).toMatchObject({ position: { x: 400, y: 40 }, selected: true });
    // A member of a boundary stays relative to its frame.
    expect(after.find((n) => n.id === 'api')?.position).toEqual({ x: 60, y: 70 });
    expect(edgesChanged(m, next)).toBe(false);
  });

  it('hands React Flow back its own nodes after a drop: it already holds them where the model now puts them', () => {
    const m = sample();
    const built = toFlowNodes(m);
    // React Flow's nodes at the end of a drag: 'key' already where it was dropped.
    const dragged = built.map((n) => (n.id === 'key' ? { ...n, position: { x: 400, y: 40 } } : n));
    const dropped = applyPatch(m, move(m, { nodes: new Map([['key', { x: 400, y: 40 }]]) }));
    expect(updateFlowNodes(m, dropped, dragged)).toBe(dragged);
    // The card's node differs from the model's only in position; any other change is mapped again.
    const renamed = applyPatch(dropped, setLabel(dropped, 'key', 'Signing key'));
    const after = updateFlowNodes(dropped, renamed, dragged)!;
    expect(after).not.toBe(dragged);
    expect((after.find((n) => n.id === 'key') as KindFlowNode).data.node.label).toBe('Signing key');
    expect(after.find((n) => n.id === 'key')?.position).toEqual({ x: 400, y: 40 });
  });

  it('maps the whole model again when nodes are added, removed or reordered, and edges when a kind changes', () => {
    const m = sample();
    const flow = toFlowNodes(m);
    expect(updateFlowNodes(m, { ...m, nodes: m.nodes.slice(1) }, flow)).toBeNull();
    expect(updateFlowNodes(m, { ...m, nodes: [...m.nodes].reverse() }, flow)).toBeNull();
    expect(updateFlowNodes(m, { ...m, boundaries: [] }, flow)).toBeNull();
    const identity = model({ nodes: [node('key', 'identity', 800, 100)] }).nodes[0];
    const rekinded = { ...m, nodes: m.nodes.map((n) => (n.id === 'key' ? identity : n)) };
    expect(edgesChanged(m, rekinded)).toBe(true);
    expect(edgesChanged(m, { ...m, edges: m.edges.slice(1) })).toBe(true);
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

describe('the drawing’s extent', () => {
  it('spans every node at its default size, unplaced ones where they are drawn, and every boundary', () => {
    const loose = fallbackPosition(2);
    const b = modelBounds(sample())!;
    expect(b.x).toBe(Math.min(100, loose.x));
    expect(b.y).toBe(Math.min(100, loose.y));
    expect(b.x + b.width).toBe(Math.max(800 + NODE_BOX.width, 600, loose.x + NODE_BOX.width));
    expect(b.y + b.height).toBe(Math.max(400, 100 + NODE_BOX.height, loose.y + NODE_BOX.height));
    expect(modelBounds(model({}))).toBeNull();
  });
});
