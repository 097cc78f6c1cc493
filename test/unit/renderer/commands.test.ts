import { describe, expect, it } from 'vitest';
import {
  addBoundary,
  addEdge,
  addNode,
  deleteItems,
  move,
  reconnectEdge,
} from '../../../renderer/src/editor/commands.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import { changeEdgeKind, changeNodeKind, updateProps } from '../../../renderer/src/editor/props.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { nodePropsSchemas } from '../../../shared/domain/index.ts';
import { parseModelJson } from '../../../shared/file/index.ts';
import { edge, model, node } from './build.ts';

/** A model after an edit must still load: the editor never writes what the loader would refuse. */
function loads(m: Model) {
  const r = parseModelJson({ format: 'faultline', version: 1, model: m });
  expect(r.ok ? 'ok' : r.error.message).toBe('ok');
}

describe('adding', () => {
  it('gives a new node the id <kind>-<n>, unique in the model, and the schema defaults', () => {
    const m = model({ nodes: [node('secret-1', 'secret'), node('e-2', 'service')] });
    const { patch, id } = addNode(m, 'secret', { x: 10, y: 20 });
    const after = applyPatch(m, patch);
    expect(id).toBe('secret-2');
    const added = after.nodes.find((n) => n.id === id)!;
    expect(added.props).toEqual(nodePropsSchemas.secret.parse({}));
    expect(added.position).toEqual({ x: 10, y: 20 });
    loads(after);
  });

  it('a node added inside a boundary belongs to it', () => {
    const m = model({ boundaries: [{ id: 'b-1', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } }] });
    const after = applyPatch(m, addNode(m, 'service', { x: 20, y: 20 }).patch);
    expect(after.nodes[0].boundary).toBe('b-1');
  });

  it('draws an edge with the plausible kind for the pair and a fresh id', () => {
    const m = model({ nodes: [node('api', 'service'), node('key', 'secret')], edges: [] });
    const added = addEdge(m, 'api', 'key')!;
    const after = applyPatch(m, added.patch);
    expect(after.edges[0]).toMatchObject({
      id: 'e-1',
      kind: 'holds',
      source: 'api',
      target: 'key',
      props: { required: true },
    });
    loads(after);
  });

  it('refuses an edge to a node that does not exist', () => {
    expect(addEdge(model({ nodes: [node('a', 'service')] }), 'a', 'ghost')).toBeNull();
  });
});

describe('deleting', () => {
  const m = () =>
    model({
      boundaries: [{ id: 'b', position: { x: 0, y: 0 }, size: { width: 500, height: 500 } }],
      nodes: [node('api', 'service', 10, 10, { boundary: 'b' }), node('key', 'secret', 700, 0)],
      edges: [edge('e1', 'holds', 'api', 'key')],
      scenarios: [
        {
          id: 's',
          breaks: [{ mode: 'leak', node: 'key' }],
          patches: [{ id: 'e1', props: { required: false } }],
          removed: ['e1'],
        },
      ],
    });

  it('removes a node, its edges and every scenario reference, and the result still loads', () => {
    const after = applyPatch(m(), deleteItems(m(), { nodes: ['key'], edges: [], boundaries: [] }));
    expect(after.nodes.map((n) => n.id)).toEqual(['api']);
    expect(after.edges).toEqual([]);
    expect(after.scenarios[0]).toMatchObject({ breaks: [], patches: [], removed: [] });
    loads(after);
  });

  it('deleting a boundary keeps its members, outside any boundary', () => {
    const after = applyPatch(m(), deleteItems(m(), { nodes: [], edges: [], boundaries: ['b'] }));
    expect(after.boundaries).toEqual([]);
    expect(after.nodes[0].boundary).toBeUndefined();
    loads(after);
  });

  it('undoes to the exact model', () => {
    const patch = deleteItems(m(), { nodes: ['api', 'key'], edges: [], boundaries: ['b'] });
    expect(applyPatch(applyPatch(m(), patch), invertPatch(patch))).toEqual(m());
  });
});

describe('moving', () => {
  const m = () =>
    model({
      boundaries: [{ id: 'b', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } }],
      nodes: [node('in', 'service', 20, 20, { boundary: 'b' }), node('out', 'secret', 600, 20)],
    });

  it('a node dropped inside a boundary joins it; dropped outside, it leaves', () => {
    const after = applyPatch(
      m(),
      move(m(), {
        nodes: new Map([
          ['out', { x: 100, y: 100 }],
          ['in', { x: 900, y: 900 }],
        ]),
        reassign: ['out', 'in'],
      }),
    );
    expect(after.nodes.find((n) => n.id === 'out')?.boundary).toBe('b');
    expect(after.nodes.find((n) => n.id === 'in')?.boundary).toBeUndefined();
  });

  it('drawing a boundary over nodes takes them in', () => {
    const { patch, id } = addBoundary(m(), { x: 550, y: 0, width: 300, height: 200 });
    expect(applyPatch(m(), patch).nodes.find((n) => n.id === 'out')?.boundary).toBe(id);
  });

  it('rounds positions and changes nothing for a move to the same place', () => {
    expect(move(m(), { nodes: new Map([['out', { x: 600.2, y: 19.8 }]]) })).toEqual([]);
  });

  it('reconnects an edge end', () => {
    const mm = model({
      nodes: [node('a', 'service'), node('b', 'secret'), node('c', 'secret')],
      edges: [edge('e', 'holds', 'a', 'b')],
    });
    expect(applyPatch(mm, reconnectEdge(mm, 'e', 'a', 'c')).edges[0]).toMatchObject({ source: 'a', target: 'c' });
  });
});

describe('props', () => {
  const m = () =>
    model({
      nodes: [node('k1', 'secret'), node('k2', 'secret'), node('api', 'service')],
      edges: [edge('e', 'grants', 'k1', 'api', { access: 'admin' })],
    });

  it('sets a prop on every selected node as one patch', () => {
    const edit = updateProps(m(), 'nodes', ['k1', 'k2'], { ttlHours: 24 });
    expect(edit.ok).toBe(true);
    if (edit.ok)
      expect(
        applyPatch(m(), edit.patch)
          .nodes.slice(0, 2)
          .map((n) => n.props),
      ).toMatchObject([{ ttlHours: 24 }, { ttlHours: 24 }]);
  });

  it('refuses an invalid value with the schema’s message and the prop it is about', () => {
    const edit = updateProps(m(), 'nodes', ['k1'], { criticality: 9 });
    expect(edit).toMatchObject({ ok: false, prop: 'criticality' });
  });

  it('changing a node’s kind keeps common props and drops the old kind’s own', () => {
    const edit = updateProps(m(), 'nodes', ['k1'], { criticality: 5, ttlHours: 1 });
    if (!edit.ok) throw new Error(edit.message);
    const withProps = applyPatch(m(), edit.patch);
    const after = applyPatch(withProps, changeNodeKind(withProps, ['k1'], 'service'));
    const k1 = after.nodes[0];
    expect(k1.kind).toBe('service');
    expect(k1.props).toMatchObject({ criticality: 5, healthCheck: false });
    expect(k1.props).not.toHaveProperty('ttlHours');
  });

  it('changing an edge’s kind keeps what the new kind accepts and takes its default delay', () => {
    const after = applyPatch(m(), changeEdgeKind(m(), ['e'], 'calls'));
    expect(after.edges[0]).toMatchObject({ kind: 'calls', props: { access: 'admin', required: true, delayHours: 0 } });
    const back = applyPatch(after, changeEdgeKind(after, ['e'], 'grants'));
    expect(back.edges[0].props).toMatchObject({ access: 'admin', delayHours: 0.5 });
    loads(back);
  });
});
