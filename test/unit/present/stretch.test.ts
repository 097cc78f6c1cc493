import { describe, expect, it } from 'vitest';
import { stretchModel } from '../../../renderer/src/present/stretch.ts';
import { model, node } from '../renderer/build.ts';
import { NODE_BOX } from '../../../shared/visual/index.ts';

/** A model three columns wide and six rows tall, in a frame. */
function tall() {
  const nodes = [];
  for (let c = 0; c < 3; c++) for (let r = 0; r < 6; r++) nodes.push(node(`n${c}${r}`, 'service', c * 240, r * 140, r === 0 ? { boundary: 'f' } : {}));
  return model({ nodes, boundaries: [{ id: 'f', label: 'F', position: { x: -20, y: -40 }, size: { width: 700, height: 120 } }] });
}

describe('the room view of a tall model on a wide screen', () => {
  it('spreads the columns to the screen’s proportions and widens the cards, rows untouched', () => {
    const m = tall();
    const s = stretchModel(m, 1224, 500);
    expect(s.factor).toBeGreaterThan(1.5);
    expect(s.cardWidth).toBeGreaterThan(NODE_BOX.width);
    expect(s.model.nodes.map((n) => n.id)).toEqual(m.nodes.map((n) => n.id));
    for (const [i, n] of s.model.nodes.entries()) expect(n.position!.y).toBe(m.nodes[i].position!.y);
    // Side by side, cards are never closer than they were drawn.
    const row = s.model.nodes.filter((n) => n.position!.y === 140).sort((a, b) => a.position!.x - b.position!.x);
    for (let i = 1; i < row.length; i++) expect(row[i].position!.x - (row[i - 1].position!.x + s.cardWidth)).toBeGreaterThanOrEqual(240 - NODE_BOX.width);
    // The frame spreads with its members.
    const f = s.model.boundaries[0];
    for (const n of s.model.nodes.filter((x) => x.boundary === 'f')) {
      expect(n.position!.x).toBeGreaterThanOrEqual(f.position.x);
      expect(n.position!.x + s.cardWidth).toBeLessThanOrEqual(f.position.x + f.size.width);
    }
    // Labels may reach into the gaps, never as far as a neighbour's own reach.
    expect(2 * s.spill).toBeLessThan(row[1].position!.x - (row[0].position!.x + s.cardWidth));
  });

  it('leaves a model as wide as the screen as it is', () => {
    const m = tall();
    const s = stretchModel(m, 300, 900);
    expect(s.factor).toBe(1);
    expect(s.model).toBe(m);
    expect(s.spill).toBe((240 - NODE_BOX.width - 12) / 2);
  });

  it('leaves the model it was given untouched', () => {
    const m = tall();
    const copy = structuredClone(m);
    stretchModel(m, 1224, 500);
    expect(m).toEqual(copy);
  });
});
