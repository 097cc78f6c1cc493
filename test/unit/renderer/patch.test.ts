import { describe, expect, it } from 'vitest';
import { PatchBuilder, applyPatch, composePatches, invertPatch, setHead } from '../../../renderer/src/editor/patch.ts';
import { model, node } from './build.ts';

const base = () => model({ nodes: ['a', 'b', 'c', 'd', 'e'].map((id, i) => node(id, 'service', i * 10, 0)) });

describe('patches', () => {
  it('removes several items and restores them at their places on invert', () => {
    const m = base();
    const patch = new PatchBuilder(m).remove('nodes', 'b').remove('nodes', 'd').build();
    const after = applyPatch(m, patch);
    expect(after.nodes.map((n) => n.id)).toEqual(['a', 'c', 'e']);
    expect(applyPatch(after, invertPatch(patch))).toEqual(m);
  });

  it('adds, updates and removes in one patch, and inverts it', () => {
    const m = base();
    const b = new PatchBuilder(m);
    b.update('nodes', 'a', (n) => ({ ...n, label: 'A' }));
    b.remove('nodes', 'c');
    b.add('nodes', { ...m.nodes[0], id: 'f' });
    b.update('nodes', 'f', (n) => ({ ...n, label: 'F' }));
    const patch = b.build();
    const after = applyPatch(m, patch);
    expect(after.nodes.map((n) => `${n.id}:${n.label}`)).toEqual(['a:A', 'b:b', 'd:d', 'e:e', 'f:F']);
    expect(applyPatch(after, invertPatch(patch))).toEqual(m);
    expect(applyPatch(applyPatch(after, invertPatch(patch)), patch)).toEqual(after);
  });

  it('an update then a removal of the same item restores the original on undo', () => {
    const m = base();
    const patch = new PatchBuilder(m)
      .update('nodes', 'b', (n) => ({ ...n, label: 'changed' }))
      .remove('nodes', 'b')
      .build();
    expect(applyPatch(applyPatch(m, patch), invertPatch(patch))).toEqual(m);
  });

  it('leaves untouched collections and items identical', () => {
    const m = base();
    const after = applyPatch(m, new PatchBuilder(m).update('nodes', 'a', (n) => ({ ...n, label: 'A' })).build());
    expect(after.edges).toBe(m.edges);
    expect(after.nodes[1]).toBe(m.nodes[1]);
  });

  it('an update that returns the same item records nothing', () => {
    const m = base();
    expect(new PatchBuilder(m).update('nodes', 'a', (n) => n).build()).toEqual([]);
  });

  it('composes consecutive updates of one item into one op', () => {
    const m = base();
    const p1 = new PatchBuilder(m).update('nodes', 'a', (n) => ({ ...n, label: '1' })).build();
    const m1 = applyPatch(m, p1);
    const p2 = new PatchBuilder(m1).update('nodes', 'a', (n) => ({ ...n, label: '2' })).build();
    const both = composePatches(p1, p2);
    expect(both).toHaveLength(1);
    expect(applyPatch(m, both).nodes[0].label).toBe('2');
    expect(applyPatch(applyPatch(m, both), invertPatch(both))).toEqual(m);
  });
});

describe("the model's own fields in patches", () => {
  const base = () => model({ nodes: [node('a', 'service', 0, 0)], edges: [] });

  it('sets the name, description and as-of date, and inverts back exactly', () => {
    const m = base();
    const patch = setHead(m, { name: 'Checkout', description: 'Only prod', asOf: '2027-01-15' });
    expect(patch).toHaveLength(3);
    const next = applyPatch(m, patch);
    expect({ name: next.name, description: next.description, asOf: next.asOf }).toEqual({ name: 'Checkout', description: 'Only prod', asOf: '2027-01-15' });
    expect(next.nodes).toBe(m.nodes);
    expect(applyPatch(next, invertPatch(patch))).toEqual(m);
  });

  it('records nothing for a field that does not change', () => {
    const m = base();
    expect(setHead(m, { name: m.name })).toEqual([]);
  });

  it('squashes typing in one field into one step from the first value to the last', () => {
    const m = base();
    const a = setHead(m, { name: 'C' });
    const b = setHead(applyPatch(m, a), { name: 'Ch' });
    const both = composePatches(a, b);
    expect(both).toHaveLength(1);
    expect(applyPatch(applyPatch(m, both), invertPatch(both)).name).toBe(m.name);
  });
});
