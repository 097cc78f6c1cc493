import { describe, expect, it } from 'vitest';
import { decorRect, hiddenLabels, overlaps, placeDecor } from '../../../renderer/src/canvas/decor.ts';
import type { Rect } from '../../../renderer/src/editor/geometry.ts';

const card = (x: number, y: number): Rect => ({ x, y, width: 184, height: 64 });
const tags = { width: 150, height: 24 };

describe('placing a node’s tags clear of other nodes', () => {
  it('puts them above a node with room above', () => {
    const nodes = new Map([['a', card(0, 200)]]);
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('above');
  });

  it('goes below, then beside, when the way up is taken', () => {
    const nodes = new Map([
      ['a', card(0, 100)],
      ['up', card(0, 10)],
    ]);
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('below');
    nodes.set('down', card(0, 180));
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('right');
    nodes.set('right', card(200, 100));
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('left');
    nodes.set('left', card(-200, 100));
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('inside');
  });

  it('never lands on another node, on a dense grid', () => {
    const nodes = new Map<string, Rect>();
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) nodes.set(`n${i}-${j}`, card(i * 240, j * 140));
    const requests = [...nodes.keys()].map((id) => ({ id, width: 140 + (id.length % 3) * 30, height: 40 }));
    const placed = placeDecor(nodes, requests, 6);
    for (const req of requests) {
      const place = placed.get(req.id)!;
      const box = decorRect(nodes.get(req.id)!, req, place, 6);
      for (const [id, r] of nodes) if (id !== req.id) expect(overlaps(box, r), `${req.id} ${place} on ${id}`).toBe(false);
    }
  });
});

describe('edge labels that would overlap', () => {
  const nodes = new Map([
    ['a', card(0, 0)],
    ['b', card(400, 0)],
    ['c', card(200, 200)],
  ]);
  const label = (id: string, x: number, y: number, extra = {}) => ({ id, x, y, width: 80, height: 18, priority: 2, source: 'a', target: 'b', ...extra });

  it('shows labels that stand apart', () => {
    expect(hiddenLabels(nodes, [label('e1', 290, 32), label('e2', 290, 120)])).toEqual(new Set());
  });

  it('hides the later of two labels on one another, and one lying on a third node', () => {
    expect(hiddenLabels(nodes, [label('e1', 290, 32), label('e2', 300, 36)])).toEqual(new Set(['e2']));
    expect(hiddenLabels(nodes, [label('e3', 290, 230)])).toEqual(new Set(['e3']));
  });

  it('places by priority, and always shows what must show', () => {
    expect(hiddenLabels(nodes, [label('e1', 290, 32), label('e2', 300, 36, { priority: 1 })])).toEqual(new Set(['e1']));
    expect(hiddenLabels(nodes, [label('e1', 290, 32, { priority: 0 }), label('e2', 300, 36, { keep: true, priority: 0 })])).toEqual(new Set(['e1']));
  });
});
