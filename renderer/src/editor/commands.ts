/**
 * Editing commands: each takes the model and returns the patch that makes the edit (nothing is mutated).
 * The store applies and records the patch; undo applies its inverse. Pure: testable in Node.
 */
import type { Boundary, EdgeKind, Model, ModelEdge, ModelNode, NodeKind, Position } from '../../../shared/domain/index.ts';
import { defaultEdgeKind, edgePropsSchemas, nodePropsSchemas } from '../../../shared/domain/index.ts';
import type { Rect, Size } from '../../../shared/visual/index.ts';
import { boundaryAt } from './geometry.ts';
import { freshId, usedIds } from './ids.ts';
import type { Patch } from './patch.ts';
import { PatchBuilder } from './patch.ts';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { NODE_BOX, center } from '../../../shared/visual/index.ts';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
  boundaries: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [], boundaries: [] };

export type Sizes = ReadonlyMap<string, Size>;

const round = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

function nodeCenter(node: ModelNode, position: Position, sizes?: Sizes): Position {
  const size = sizes?.get(node.id) ?? NODE_BOX;
  return center({ ...position, ...size });
}

/** Re-derives `boundary` for the given nodes from where they are now: inside a frame joins it, outside leaves. */
function reassign(b: PatchBuilder, nodeIds: Iterable<string>, sizes?: Sizes): void {
  const boundaries = b.list('boundaries');
  for (const id of nodeIds) {
    const node = b.get('nodes', id);
    if (!node?.position) continue;
    const inside = boundaryAt(boundaries, nodeCenter(node, node.position, sizes));
    if (inside !== node.boundary) {
      b.update('nodes', id, (n) => {
        const { boundary: _old, ...rest } = n;
        return (inside ? { ...rest, boundary: inside } : rest) as ModelNode;
      });
    }
  }
}

function newNode(model: Model, kind: NodeKind, position: Position, used = usedIds(model)): ModelNode {
  const id = freshId(kind, used);
  const n = Number(id.slice(kind.length + 1));
  return {
    id,
    kind,
    label: `${NODE_REGISTRY[kind].label} ${n}`,
    position: round(position),
    props: nodePropsSchemas[kind].parse({}),
  } as ModelNode;
}

/** A new node of `kind` with its top-left at `position`, default props from the schema, named `label` if given. */
export function addNode(model: Model, kind: NodeKind, position: Position, label?: string): { patch: Patch; id: string } {
  const fresh = newNode(model, kind, position);
  const node = label ? { ...fresh, label } : fresh;
  const b = new PatchBuilder(model).add('nodes', node);
  reassign(b, [node.id]);
  return { patch: b.build(), id: node.id };
}

function newEdge(kind: EdgeKind, id: string, source: string, target: string): ModelEdge {
  return { id, kind, source, target, props: edgePropsSchemas[kind].parse({}) } as ModelEdge;
}

/** An edge from `source` to `target`; its kind defaults to the most plausible one for the pair (§4). */
export function addEdge(
  model: Model,
  source: string,
  target: string,
  kind?: EdgeKind,
): { patch: Patch; id: string } | null {
  const s = model.nodes.find((n) => n.id === source);
  const t = model.nodes.find((n) => n.id === target);
  if (!s || !t) return null;
  const id = freshId('e', usedIds(model));
  const edge = newEdge(kind ?? defaultEdgeKind(s.kind, t.kind), id, source, target);
  return { patch: new PatchBuilder(model).add('edges', edge).build(), id };
}

/** Moves an edge end; the kind stays (the edge is marked if it no longer fits the pair). */
export function reconnectEdge(model: Model, id: string, source: string, target: string): Patch {
  if (!model.nodes.some((n) => n.id === source) || !model.nodes.some((n) => n.id === target)) return [];
  return new PatchBuilder(model)
    .update('edges', id, (e) => (e.source === source && e.target === target ? e : { ...e, source, target }))
    .build();
}

/**
 * Deletes the selection, the edges left without an end, and every scenario reference to what goes:
 * a deleted node's breaks and patches, a deleted edge's patches and removals. Members of a deleted
 * boundary stay, outside any boundary.
 */
export function deleteItems(model: Model, sel: Selection): Patch {
  const b = new PatchBuilder(model);
  const nodes = new Set(sel.nodes);
  const edges = new Set(sel.edges);
  for (const e of model.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
  const boundaries = new Set(sel.boundaries);
  for (const n of model.nodes) {
    if (nodes.has(n.id)) b.remove('nodes', n.id);
    else if (n.boundary && boundaries.has(n.boundary)) {
      b.update('nodes', n.id, (x) => {
        const { boundary: _gone, ...rest } = x;
        return rest as ModelNode;
      });
    }
  }
  for (const id of edges) b.remove('edges', id);
  for (const id of boundaries) b.remove('boundaries', id);
  const gone = (id: string) => nodes.has(id) || edges.has(id);
  for (const s of model.scenarios) {
    const breaks = s.breaks.filter((x) => !nodes.has(x.node));
    const patches = s.patches.filter((x) => !gone(x.id));
    const removed = s.removed.filter((x) => !edges.has(x));
    if (
      breaks.length !== s.breaks.length ||
      patches.length !== s.patches.length ||
      removed.length !== s.removed.length
    ) {
      b.update('scenarios', s.id, (x) => ({ ...x, breaks, patches, removed }));
    }
  }
  return b.build();
}

/** Scenarios that would lose a break if these nodes went: each with the breaks it keeps after. */
export function breaksLostBy(model: Model, nodeIds: readonly string[]): { name: string; lost: string[]; left: number }[] {
  const gone = new Set(nodeIds);
  const label = (id: string) => model.nodes.find((n) => n.id === id)?.label || id;
  return model.scenarios.flatMap((s) => {
    const lost = s.breaks.filter((b) => gone.has(b.node));
    return lost.length ? [{ name: s.name || s.id, lost: [...new Set(lost.map((b) => label(b.node)))], left: s.breaks.length - lost.length }] : [];
  });
}

export function setLabel(model: Model, id: string, label: string, coll: 'nodes' | 'boundaries' = 'nodes'): Patch {
  return new PatchBuilder(model).update(coll, id, (x) => (x.label === label ? x : { ...x, label })).build();
}

export function setBoundaryEnvironment(model: Model, id: string, environment: Boundary['environment']): Patch {
  return new PatchBuilder(model)
    .update('boundaries', id, (x) => (x.environment === environment ? x : { ...x, environment }))
    .build();
}

export interface Moves {
  /** New top-left positions of nodes, by node id. */
  nodes?: ReadonlyMap<string, Position>;
  /** New frames of boundaries, by boundary id. */
  boundaries?: ReadonlyMap<string, Rect>;
  /** Nodes whose boundary is re-derived from where they land (dropped nodes, nodes under a resized frame). */
  reassign?: Iterable<string>;
  sizes?: Sizes;
}

/** One gesture's worth of moves: a drag, a nudge, an alignment, a layout, a resize. */
export function move(model: Model, moves: Moves): Patch {
  const b = new PatchBuilder(model);
  for (const [id, p] of moves.nodes ?? []) {
    const q = round(p);
    b.update('nodes', id, (n) => (n.position?.x === q.x && n.position?.y === q.y ? n : { ...n, position: q }));
  }
  for (const [id, r] of moves.boundaries ?? []) {
    const q = round(r);
    const size = { width: Math.max(40, Math.round(r.width)), height: Math.max(40, Math.round(r.height)) };
    b.update('boundaries', id, (x) =>
      x.position.x === q.x && x.position.y === q.y && x.size.width === size.width && x.size.height === size.height
        ? x
        : { ...x, position: q, size },
    );
  }
  if (moves.reassign) reassign(b, moves.reassign, moves.sizes);
  return b.build();
}

/** A new boundary over `rect`; nodes whose centre it encloses join it. */
export function addBoundary(model: Model, rect: Rect, sizes?: Sizes): { patch: Patch; id: string } {
  const id = freshId('b', usedIds(model));
  const boundary: Boundary = {
    id,
    label: `Boundary ${id.slice(2)}`,
    environment: 'prod',
    position: round(rect),
    size: { width: Math.max(40, Math.round(rect.width)), height: Math.max(40, Math.round(rect.height)) },
  };
  const b = new PatchBuilder(model).add('boundaries', boundary);
  reassign(
    b,
    model.nodes.map((n) => n.id),
    sizes,
  );
  return { patch: b.build(), id };
}
