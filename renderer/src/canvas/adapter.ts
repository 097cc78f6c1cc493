/**
 * The one adapter between the model and React Flow. The model never holds React Flow types; React Flow
 * never holds the model's truth. Positions are absolute in the model; in React Flow a boundary's members
 * are its children (`parentId`, positions relative to the frame), so they move with it while dragged.
 *
 * Mapping is incremental: an item whose model object did not change keeps its React Flow object, so a
 * memoized node component does not re-render and React Flow does not re-measure it.
 */
import { Position as Side } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import type { Boundary, Model, ModelEdge, ModelNode, NodeKind, Position } from '../../../shared/domain/index.ts';
import { edgeFits } from '../../../shared/domain/index.ts';
import type { Selection } from '../editor/commands.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

/**
 * `node`: the model node as a card draws it. Its `position` can be older than the flow node's own: a drop
 * keeps the flow node React Flow already holds (see kindFlowNode), so read where a node is from the flow
 * node or the model, never from here.
 */
type KindNodeData = { node: ModelNode };
type BoundaryNodeData = { boundary: Boundary };
type KindEdgeData = {
  edge: ModelEdge;
  /** False when §4 does not name this edge kind for its (source kind, target kind) pair. */
  fits: boolean;
  sourceKind: NodeKind;
  targetKind: NodeKind;
};

export type KindFlowNode = Node<KindNodeData, 'kind'>;
export type BoundaryFlowNode = Node<BoundaryNodeData, 'boundary'>;
export type FlowNode = KindFlowNode | BoundaryFlowNode;
export type FlowEdge = Edge<KindEdgeData, 'kind'>;

const HANDLE = 9;
/** Where a node's two handles sit (app.css: .fl-handle, left and right, centred), until it is measured. */
const ESTIMATED_HANDLES: NonNullable<Node['handles']> = [
  {
    type: 'target',
    position: Side.Left,
    x: -HANDLE / 2,
    y: NODE_BOX.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    type: 'source',
    position: Side.Right,
    x: NODE_BOX.width - HANDLE / 2,
    y: NODE_BOX.height / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];

/** React Flow ids for boundaries live beside node ids; the prefix keeps them apart. */
export const BOUNDARY_PREFIX = 'boundary:';

export const isBoundaryId = (flowId: string) => flowId.startsWith(BOUNDARY_PREFIX);
export const boundaryFlowId = (id: string) => BOUNDARY_PREFIX + id;
export const boundaryModelId = (flowId: string) => flowId.slice(BOUNDARY_PREFIX.length);

/** The React Flow ids of a selection (boundaries prefixed). */
export function selectedFlowIds(sel: Selection): { nodes: Set<string>; edges: Set<string> } {
  return { nodes: new Set([...sel.nodes, ...sel.boundaries.map(boundaryFlowId)]), edges: new Set(sel.edges) };
}

/** A selection from React Flow's selected ids. */
export function selectionFromFlow(nodeIds: Iterable<string>, edgeIds: Iterable<string>): Selection {
  const nodes: string[] = [];
  const boundaries: string[] = [];
  for (const id of nodeIds) (isBoundaryId(id) ? boundaries : nodes).push(isBoundaryId(id) ? boundaryModelId(id) : id);
  return { nodes, edges: [...edgeIds], boundaries };
}

function samePoint(a: Position, b: Position) {
  return a.x === b.x && a.y === b.y;
}

/** Equal but for the position, which a card does not show: the model node after a move. */
export function sameButPosition(a: ModelNode, b: ModelNode): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof ModelNode)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((k) => k === 'position' || a[k] === b[k]);
}

/** Model → React Flow nodes. `prev` lets unchanged items keep their objects; `selected` holds flow ids. */
export function toFlowNodes(
  model: Model,
  prev: readonly FlowNode[] = [],
  selected: ReadonlySet<string> = new Set(),
): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const frames = new Map(model.boundaries.map((b) => [b.id, b]));
  const out: FlowNode[] = [];
  for (const b of model.boundaries) {
    const id = boundaryFlowId(b.id);
    const old = before.get(id) as BoundaryFlowNode | undefined;
    const isSelected = selected.has(id);
    if (old && old.data.boundary === b && (old.selected ?? false) === isSelected) {
      out.push(old);
      continue;
    }
    out.push({
      id,
      type: 'boundary',
      position: b.position,
      width: b.size.width,
      height: b.size.height,
      zIndex: -1,
      selected: isSelected,
      handles: [],
      className: 'fl-boundary-node',
      data: { boundary: b },
    });
  }
  model.nodes.forEach((n, i) => {
    out.push(kindFlowNode(n, i, frames, before.get(n.id) as KindFlowNode | undefined, selected.has(n.id)));
  });
  return out;
}

/** One model node as a React Flow node; `old` (its React Flow node so far) is kept when nothing it shows changed. */
function kindFlowNode(
  n: ModelNode,
  i: number,
  frames: ReadonlyMap<string, Boundary>,
  old: KindFlowNode | undefined,
  isSelected: boolean,
): KindFlowNode {
  const abs = n.position ?? fallbackPosition(i);
  const frame = n.boundary ? frames.get(n.boundary) : undefined;
  const parentId = frame ? boundaryFlowId(frame.id) : undefined;
  const position = frame ? { x: abs.x - frame.position.x, y: abs.y - frame.position.y } : abs;
  // After a drop React Flow already holds the node where the model now puts it: keeping its object (and
  // the card's node, which differs only in position) leaves React Flow nothing to adopt again.
  if (
    old &&
    sameButPosition(old.data.node, n) &&
    old.parentId === parentId &&
    samePoint(old.position, position) &&
    (old.selected ?? false) === isSelected
  ) {
    return old;
  }
  return {
    id: n.id,
    type: 'kind',
    position,
    ...(parentId ? { parentId } : {}),
    selected: isSelected,
    // A size and handle places before React Flow measures the node (then its measurements replace
    // them). Without them React Flow mounts every unmeasured node to measure it, in view or not: all of
    // a large model at once, only to drop most of it a frame later.
    ...(old?.measured
      ? { measured: old.measured }
      : { initialWidth: NODE_BOX.width, initialHeight: NODE_BOX.height, handles: ESTIMATED_HANDLES }),
    data: { node: n },
  };
}

/**
 * React Flow nodes after an edit that replaced some nodes in place (a move, a rename): only those are
 * mapped again, found by identity against the model the nodes were built from; every other React Flow
 * node keeps its object, and no lookup of all nodes is built. Null when the edit was more than that (nodes
 * or boundaries added, removed, reordered; the selection changed): then toFlowNodes maps the model anew.
 */
export function updateFlowNodes(before: Model, model: Model, flow: readonly FlowNode[]): FlowNode[] | null {
  if (model.boundaries !== before.boundaries || model.nodes.length !== before.nodes.length) return null;
  const offset = model.boundaries.length;
  if (flow.length !== offset + model.nodes.length) return null;
  let out: FlowNode[] | null = null;
  const frames = new Map<string, Boundary>();
  for (let i = 0; i < model.nodes.length; i++) {
    const n = model.nodes[i];
    if (n === before.nodes[i]) continue;
    const old = flow[offset + i];
    if (n.id !== before.nodes[i].id || old.id !== n.id || old.type !== 'kind') return null;
    if (frames.size === 0) for (const b of model.boundaries) frames.set(b.id, b);
    const next = kindFlowNode(n, i, frames, old, old.selected ?? false);
    if (next === old) continue;
    out ??= [...flow];
    out[offset + i] = next;
  }
  return out ?? (flow as FlowNode[]);
}

/**
 * Whether React Flow's edges must be mapped again after an edit: edges changed, or nodes were added,
 * removed or changed kind (an edge's fit depends on its ends' kinds). A move leaves 20,000 edges alone.
 */
export function edgesChanged(before: Model, model: Model): boolean {
  if (model.edges !== before.edges || model.nodes.length !== before.nodes.length) return true;
  if (model.nodes === before.nodes) return false;
  for (let i = 0; i < model.nodes.length; i++) {
    const a = before.nodes[i];
    const b = model.nodes[i];
    if (a !== b && (a.id !== b.id || a.kind !== b.kind)) return true;
  }
  return false;
}

/** Model → React Flow edges, each marked with whether its kind fits its pair (§4). */
export function toFlowEdges(
  model: Model,
  prev: readonly FlowEdge[] = [],
  selected: ReadonlySet<string> = new Set(),
): FlowEdge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  return model.edges.map((e) => {
    const sourceKind = kinds.get(e.source) ?? 'service';
    const targetKind = kinds.get(e.target) ?? 'service';
    const fits = edgeFits(e.kind, sourceKind, targetKind);
    const isSelected = selected.has(e.id);
    const old = before.get(e.id);
    if (
      old?.data &&
      old.data.edge === e &&
      old.data.fits === fits &&
      old.data.sourceKind === sourceKind &&
      old.data.targetKind === targetKind &&
      (old.selected ?? false) === isSelected
    ) {
      return old;
    }
    return {
      id: e.id,
      type: 'kind',
      source: e.source,
      target: e.target,
      selected: isSelected,
      // A selected edge's ends can always be dragged to reconnect; on a large model only the selected one
      // carries the drag anchors (two per edge otherwise).
      ...(isSelected ? { reconnectable: true } : {}),
      className: fits ? undefined : 'is-misfit',
      data: { edge: e, fits, sourceKind, targetKind },
    };
  });
}

/**
 * The drawing's extent in model coordinates (unmeasured nodes at their default size), or null when empty.
 * One pass with no rectangle built per node: the canvas asks again after every edit (a drop on 10,000 nodes).
 */
export function modelBounds(model: Model): Rect | null {
  if (model.nodes.length === 0 && model.boundaries.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const add = (x: number, y: number, width: number, height: number) => {
    if (x < x1) x1 = x;
    if (y < y1) y1 = y;
    if (x + width > x2) x2 = x + width;
    if (y + height > y2) y2 = y + height;
  };
  model.nodes.forEach((n, i) => {
    const p = n.position ?? fallbackPosition(i);
    add(p.x, p.y, NODE_BOX.width, NODE_BOX.height);
  });
  for (const b of model.boundaries) add(b.position.x, b.position.y, b.size.width, b.size.height);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
