import { describe, expect, it } from 'vitest';
import { diffModels, isEmptyDiff } from '../../../shared/domain/index.ts';
import { model } from './helpers.ts';

describe('diffModels', () => {
  it('finds nothing between a model and itself', () => {
    expect(isEmptyDiff(diffModels(model('a'), model('a')))).toBe(true);
  });

  it('names added and removed nodes and edges', () => {
    const d = diffModels(model('a', 2), model('a', 4));
    expect(d.nodes.added.map((n) => n.id)).toEqual(['n2', 'n3']);
    expect(d.nodes.removed).toEqual([]);
    const back = diffModels(model('a', 4), model('a', 1));
    expect(back.nodes.removed.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(back.edges.removed.map((e) => e.id)).toEqual(['e0']);
  });

  it('names the changed fields, down to props', () => {
    const before = model('a');
    const after = structuredClone(before);
    after.nodes[1].label = 'Renamed';
    after.nodes[1].props.criticality = 5;
    after.name = 'New name';
    const d = diffModels(before, after);
    expect(d.nodes.changed).toHaveLength(1);
    expect(d.nodes.changed[0]).toMatchObject({ id: 'n1', fields: ['label', 'props.criticality'] });
    expect(d.fields).toEqual(['name']);
  });
});
