import { describe, expect, it } from 'vitest';
import { RectIndex, decorRect, hiddenLabels, placeDecor, placeOne, separateTags, tagArea, tagsCover } from '../../../renderer/src/canvas/decor.ts';
import { overlaps } from '../../../renderer/src/editor/geometry.ts';
import type { Rect } from '../../../shared/visual/index.ts';

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
    // The gap above (26 px) is too narrow for the row and its gap, wide enough for half of it: the top edge.
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('edge');
    expect(decorRect(nodes.get('a')!, tags, 'edge', 4)).toEqual({ x: 8, y: 88, width: 150, height: 24 });
    nodes.set('up', card(0, 30));
    expect(placeDecor(nodes, [{ id: 'a', ...tags }], 4).get('a')).toBe('inside');
  });

  it('keeps tags off the tags placed before them: the later node moves, the earlier keeps its place', () => {
    const nodes = new Map([
      ['up', card(0, -80)],
      ['a', card(0, 0)],
      ['b', card(0, 110)],
    ]);
    const a = { id: 'a', ...tags };
    const b = { id: 'b', ...tags };
    // Among the nodes alone, a's tags go below it and b's above it, into the same narrow gap.
    const place = placeDecor(nodes, [a, b], 4);
    expect([place.get('a'), place.get('b')]).toEqual(['below', 'above']);
    separateTags(new RectIndex(nodes), nodes, [a, b], place, 4);
    expect([place.get('a'), place.get('b')]).toEqual(['below', 'below']);
    // b first: a gives way, and its way up is taken by another node.
    const other = placeDecor(nodes, [a, b], 4);
    separateTags(new RectIndex(nodes), nodes, [b, a], other, 4);
    expect([other.get('b'), other.get('a')]).toEqual(['above', 'right']);
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
    // Kept off one another too, still off every other node.
    separateTags(new RectIndex(nodes), nodes, requests, placed, 6);
    const boxes = requests.map((req) => ({ id: req.id, box: decorRect(nodes.get(req.id)!, req, placed.get(req.id)!, 6) }));
    for (const { id, box } of boxes) {
      for (const [other, r] of nodes) if (other !== id) expect(overlaps(box, r), `${id} on ${other}`).toBe(false);
      for (const t of boxes) if (t.id !== id) expect(overlaps(box, t.box), `${id}'s tags on ${t.id}'s`).toBe(false);
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

describe('the size of a node’s tag row', async () => {
  const { decorSize, decorTight } = await import('../../../renderer/src/scenarios/NodeFx.tsx');
  const { UNAFFECTED_NODE } = await import('../../../renderer/src/scenarios/overlay.ts');
  const stolen = { ...UNAFFECTED_NODE, effect: 'control' as const, security: 'control' as const, securityAt: 0, at: 0, breaks: ['leak' as const] };

  it('counts every tag drawn in the row: break, effect, a dead copy’s hour, each response', () => {
    const base = decorSize(stolen, 12, true)!;
    const dead = decorSize({ ...stolen, deadAfter: 0.25 }, 12, true)!;
    const rotated = decorSize({ ...stolen, responses: [{ action: 'rotate', at: 4 }] }, 12, true)!;
    const both = decorSize({ ...stolen, deadAfter: 0.25, responses: [{ action: 'rotate', at: 0.25 }, { action: 'revoke', at: 30 }] }, 12, true)!;
    expect(dead.width).toBeGreaterThan(base.width + 40);
    expect(rotated.width).toBeGreaterThan(base.width + 60);
    expect(both.width).toBeGreaterThan(rotated.width + 80);
    // Terse tags (no words) are narrower but still count the response's glyph and hour.
    expect(decorSize({ ...stolen, responses: [{ action: 'rotate', at: 4 }] }, 12, false)!.width).toBeGreaterThan(decorSize(stolen, 12, false)!.width + 30);
    // A response alone (on a node the break never reaches) still gets a row.
    expect(decorSize({ ...UNAFFECTED_NODE, responses: [{ action: 'revoke', at: 3 }] }, 12, true)).not.toBeNull();
  });

  it('on a card too narrow for it, a row drops its words, then its hours', () => {
    const rotated = { ...stolen, breaks: [], responses: [{ action: 'rotate' as const, at: 8 }] };
    const whole = decorSize(rotated, 12, true)!.width;
    const terse = decorSize(rotated, 12, false)!.width;
    expect(decorTight(rotated, 12, true, whole)).toBeNull();
    expect(decorTight(rotated, 12, true, whole - 1)).toBe('words');
    expect(decorTight(rotated, 12, true, terse - 1)).toBe('glyphs');
    // Without words to drop (presentation mode), the hours go first.
    expect(decorTight(rotated, 12, false, terse)).toBeNull();
    expect(decorTight(rotated, 12, false, terse - 1)).toBe('glyphs');
    expect(decorTight(UNAFFECTED_NODE, 12, true, 10)).toBeNull();
  });

  it('a row widened by a response goes where it covers no neighbour', () => {
    const nodes = new Map([
      ['tok', card(0, 100)],
      ['up-right', card(200, 40)],
    ]);
    const narrow = decorSize(stolen, 12, true)!;
    const wide = decorSize({ ...stolen, responses: [{ action: 'rotate', at: 4 }, { action: 'revoke', at: 30 }] }, 12, true)!;
    expect(narrow.width).toBeLessThan(200);
    expect(placeDecor(nodes, [{ id: 'tok', ...narrow }], 4).get('tok')).toBe('above');
    expect(wide.width).toBeGreaterThan(203);
    expect(placeDecor(nodes, [{ id: 'tok', ...wide }], 4).get('tok')).toBe('below');
  });
});

describe('the index of node rectangles', () => {
  it('answers for a rectangle added, and no longer once it is taken out or moved', () => {
    const index = new RectIndex([['a', card(0, 0)]]);
    const far = card(1000, -900);
    index.add('b', far);
    expect(index.hits({ x: 1100, y: -880, width: 10, height: 10 })).toBe(true);
    expect(index.hits({ x: 1100, y: -880, width: 10, height: 10 }, 'b')).toBe(false);
    index.remove('b', far);
    expect(index.hits({ x: 1100, y: -880, width: 10, height: 10 })).toBe(false);
    const moved = card(-600, 300);
    index.add('b', moved);
    expect(index.hits({ x: -500, y: 310, width: 10, height: 10 })).toBe(true);
    expect(index.hits({ x: 100, y: 10, width: 10, height: 10 })).toBe(true);
  });

  it('tells apart rectangles millions of px apart, whose grid cells share a key, and wide ones', () => {
    const apart = 16_384 * 256;
    const index = new RectIndex([['near', card(0, 0)]]);
    expect(index.hits({ x: apart + 10, y: 10, width: 10, height: 10 })).toBe(false);
    expect(index.hits({ x: 10, y: -apart + 10, width: 10, height: 10 })).toBe(false);
    index.add('far', card(apart * 3, -apart));
    expect(index.hits({ x: apart * 3 + 10, y: -apart + 10, width: 10, height: 10 })).toBe(true);
    expect(index.hits({ x: 10, y: 10, width: 10, height: 10 }, 'near')).toBe(false);
    // A box across 40 × 30 cells: more than the kept list of keys held at first.
    index.add('wide', { x: -5000, y: -4000, width: 10_000, height: 7_500 });
    expect(index.hits({ x: 4_900, y: 3_400, width: 10, height: 10 }, 'near')).toBe(true);
    expect(index.hits({ x: 10, y: 10, width: 10, height: 10 }, 'near', 'wide')).toBe(false);
  });
});

describe('a large model’s tags, placed near the view only', () => {
  // A grid with room above each card for one row of tags, rows wider than the gap between cards and of
  // several widths, reached in a mixed order: many rows give way to their neighbours'.
  const nodes = new Map<string, Rect>();
  for (let i = 0; i < 40; i++) for (let j = 0; j < 30; j++) nodes.set(`n${i}-${j}`, card(i * 208, j * 114));
  const requests = [...nodes.keys()].map((id, k) => ({ id, width: 60 + (k % 5) * 45, height: 34, at: (k * 7) % 23 }));
  const gap = 6;
  const reach = Math.max(...requests.map((r) => r.width)) + gap;
  /** Every node placed (placeOne), then kept off one another in the order reached (as useDecor does). */
  const place = (ids: ReadonlySet<string> | null) => {
    const index = new RectIndex(nodes);
    const order = requests.filter((r) => !ids || ids.has(r.id)).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const out = new Map(order.map((r) => [r.id, placeOne(index, nodes, r, gap)!]));
    separateTags(index, nodes, order, out, gap);
    return out;
  };
  const view = { x0: 3000, y0: 1000, x1: 4700, y1: 2200 };
  const inView = [...nodes].filter(([, r]) => overlaps(r, { x: view.x0, y: view.y0, width: view.x1 - view.x0, height: view.y1 - view.y0 }));

  it('gives the cards in view the places a placement of the whole model gives them', () => {
    const area = tagArea(view, reach);
    const near = new Set([...nodes].filter(([, r]) => overlaps(r, area)).map(([id]) => id));
    expect(near.size).toBeLessThan(nodes.size / 2);
    const whole = place(null);
    const some = place(near);
    expect(inView.length).toBeGreaterThan(50);
    for (const [id] of inView) expect(some.get(id), id).toBe(whole.get(id));
    // Rows gave way to one another in view: the test is about more than the first place tried.
    expect(new Set(inView.map(([id]) => whole.get(id))).size).toBeGreaterThan(1);
    // The cards in view placed alone would not do: the tags of their neighbours out of view decide theirs.
    const alone = place(new Set(inView.map(([id]) => id)));
    expect(inView.some(([id]) => alone.get(id) !== whole.get(id))).toBe(true);
  });

  it('is placed again once the view leaves what the last placement covers, not at every small pan', () => {
    const area = tagArea(view, reach);
    expect(tagsCover(area, view, reach)).toBe(true);
    const by = (dx: number, dy: number) => ({ x0: view.x0 + dx, y0: view.y0 + dy, x1: view.x1 + dx, y1: view.y1 + dy });
    expect(tagsCover(area, by(300, -200), reach)).toBe(true);
    expect(tagsCover(area, by(600, 0), reach)).toBe(false);
    expect(tagsCover(area, by(0, -600), reach)).toBe(false);
    // Zoomed out: a view twice as large is not covered.
    expect(tagsCover(area, { x0: 2150, y0: 300, x1: 5550, y1: 2300 }, reach)).toBe(false);
  });
});
