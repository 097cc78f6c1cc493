import { describe, expect, it } from 'vitest';
import { alignRects, boundaryAt } from '../../../renderer/src/editor/geometry.ts';
import { absoluteRects, cullEdges, edgesPath, nodesPaths, recull, sameEnds, updateRects } from '../../../renderer/src/canvas/overview.ts';
import { tileAt } from '../../../renderer/src/canvas/useLargeModel.ts';
import { toFlowEdges } from '../../../renderer/src/canvas/adapter.ts';
import { edge, model, node } from './build.ts';

const rects = () =>
  new Map([
    ['a', { x: 0, y: 0, width: 100, height: 40 }],
    ['b', { x: 300, y: 50, width: 100, height: 60 }],
    ['c', { x: 120, y: 200, width: 100, height: 40 }],
  ]);

describe('align and distribute', () => {
  it('aligns left edges to the leftmost and bottoms to the lowest', () => {
    expect([...alignRects(rects(), 'align-left')]).toEqual([
      ['b', { x: 0, y: 50 }],
      ['c', { x: 0, y: 200 }],
    ]);
    expect(alignRects(rects(), 'align-bottom').get('b')).toEqual({ x: 300, y: 180 });
  });

  it('centres on the middle of the selection', () => {
    expect(alignRects(rects(), 'align-center').get('a')).toEqual({ x: 150, y: 0 });
  });

  it('distributes with equal gaps, the outermost staying put', () => {
    const out = alignRects(rects(), 'distribute-horizontal');
    expect(out.has('a')).toBe(false);
    expect(out.has('b')).toBe(false);
    expect(out.get('c')).toEqual({ x: 150, y: 200 });
  });

  it('needs two items to align and three to distribute', () => {
    const two = new Map([...rects()].slice(0, 2));
    expect(alignRects(new Map([...rects()].slice(0, 1)), 'align-left').size).toBe(0);
    expect(alignRects(two, 'distribute-vertical').size).toBe(0);
  });

  it('a node belongs to the innermost boundary around its centre', () => {
    const frames = [
      {
        id: 'outer',
        label: '',
        environment: 'prod' as const,
        position: { x: 0, y: 0 },
        size: { width: 1000, height: 1000 },
      },
      {
        id: 'inner',
        label: '',
        environment: 'prod' as const,
        position: { x: 100, y: 100 },
        size: { width: 200, height: 200 },
      },
    ];
    expect(boundaryAt(frames, { x: 150, y: 150 })).toBe('inner');
    expect(boundaryAt(frames, { x: 500, y: 500 })).toBe('outer');
    expect(boundaryAt(frames, { x: 1500, y: 0 })).toBeUndefined();
  });
});

describe('the overview of a large model', () => {
  const m = () =>
    model({
      nodes: [node('near', 'service', 0, 0), node('far1', 'secret', 5000, 0), node('far2', 'identity', 6000, 3000)],
      edges: [edge('e1', 'holds', 'near', 'far1'), edge('e2', 'authenticates', 'far1', 'far2')],
    });

  it('keeps an edge interactive when an end is in view, and pictures a link that only crosses the view', () => {
    const r = absoluteRects(m(), new Map());
    // e2 runs from (5184, 32) to (6000, 3032): it crosses the area, with both ends out of it.
    const { interactive, backdrop } = cullEdges(toFlowEdges(m()), r, { x: 5300, y: 1000, width: 400, height: 400 });
    expect(interactive.map((e) => e.id)).toEqual([]);
    expect(backdrop.map((e) => e.id)).toEqual(['e2']);
    const near = cullEdges(toFlowEdges(m()), r, { x: -100, y: -100, width: 1000, height: 800 });
    expect(near.interactive.map((e) => e.id)).toEqual(['e1']);
  });

  it('leaves out of the picture an edge nowhere near the view', () => {
    const r = absoluteRects(m(), new Map());
    const { backdrop } = cullEdges(toFlowEdges(m()), r, { x: -100, y: -100, width: 1000, height: 800 });
    expect(backdrop).toEqual([]);
  });

  it('after a move, updates the moved nodes’ rectangles only and keeps measured sizes', () => {
    const before = m();
    const r = absoluteRects(before, new Map([['far1', { width: 200, height: 80 }]]));
    const moved = { ...before, nodes: before.nodes.map((n) => (n.id === 'far2' ? { ...n, position: { x: 10, y: 20 } } : n)) };
    const next = updateRects(r, before, moved, [])!;
    expect(next).not.toBe(r);
    expect(next.get('far2')).toMatchObject({ x: 10, y: 20, kind: 'identity' });
    expect(next.get('far1')).toBe(r.get('far1'));
    expect(r.get('far2')).toMatchObject({ x: 6000, y: 3000 });
    expect(updateRects(r, before, before, [])).toBe(r);
    // Nodes added or removed: no update in place.
    expect(updateRects(r, before, { ...before, nodes: before.nodes.slice(1) }, [])).toBeNull();
  });

  it('a selected edge stays interactive wherever it is', () => {
    const r = absoluteRects(m(), new Map());
    const { interactive } = cullEdges(toFlowEdges(m(), [], new Set(['e2'])), r, {
      x: -100,
      y: -100,
      width: 1000,
      height: 800,
    });
    expect(interactive.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('after a move, makes the moved nodes’ edges interactive and leaves every other edge where it was', () => {
    const r = absoluteRects(m(), new Map());
    const edges = toFlowEdges(m());
    const area = { x: 5300, y: 1000, width: 400, height: 400 };
    const before = cullEdges(edges, r, area);
    expect(recull(before, edges, new Set())).toBe(before);
    const after = recull(before, edges, new Set(['far2']));
    expect(after.interactive.map((e) => e.id)).toEqual(['e2']);
    expect(after.backdrop).toEqual([]);
    // Nothing changes place: the same arrays.
    expect(recull(after, edges, new Set(['far2']))).toBe(after);
  });

  it('after a move, keeps the picture of the edges whose ends stayed put, and redraws one whose end moved', () => {
    const before = m();
    const r = absoluteRects(before, new Map());
    const edges = toFlowEdges(before);
    const moved = { ...before, nodes: before.nodes.map((n) => (n.id === 'near' ? { ...n, position: { x: 10, y: 20 } } : n)) };
    const next = updateRects(r, before, moved, [])!;
    expect(sameEnds(edges.filter((e) => e.id === 'e2'), r, next)).toBe(true);
    expect(sameEnds(edges, r, next)).toBe(false);
  });

  it('draws each edge as one segment from the source’s right side to the target’s left side', () => {
    const r = absoluteRects(m(), new Map([['far1', { width: 200, height: 80 }]]));
    expect(edgesPath(toFlowEdges(m()).slice(1), r)).toBe('M5200 40L6000 3032');
  });

  it('draws a segment again where one of its ends moved, from the same edge objects', () => {
    const before = m();
    const r = absoluteRects(before, new Map([['far1', { width: 200, height: 80 }]]));
    const edges = toFlowEdges(before).slice(1);
    expect(edgesPath(edges, r)).toBe('M5200 40L6000 3032');
    const moved = { ...before, nodes: before.nodes.map((n) => (n.id === 'far1' ? { ...n, position: { x: 5100, y: 100 } } : n)) };
    const next = updateRects(r, before, moved, [])!;
    expect(edgesPath(edges, next)).toBe('M5300 140L6000 3032');
    expect(edgesPath(edges, r)).toBe('M5200 40L6000 3032');
  });

  it('far out, boxes only the nodes near the view, each kind in its own path', () => {
    const r = absoluteRects(m(), new Map([['far1', { width: 200, height: 80 }]]));
    const paths = nodesPaths(r, { x: 4000, y: -100, width: 2000, height: 400 });
    expect([...paths]).toEqual([['secret', 'M5000 0h200v80h-200z']]);
    expect([...nodesPaths(r, { x: -1000, y: -1000, width: 9000, height: 5000 }).keys()]).toEqual(['service', 'secret', 'identity']);
  });

  it('tracks the view in tiles that grow as the view widens, a handful across at any zoom', () => {
    expect(tileAt(1)).toBe(250);
    expect(tileAt(0.52)).toBe(250);
    expect(tileAt(0.3)).toBe(500);
    expect(tileAt(0.06)).toBe(4000);
    // 1,440 px of screen at the least zoom of a 10,000-node model is 24,000 px of model: six tiles.
    expect(24_000 / tileAt(0.06)).toBe(6);
  });
});
