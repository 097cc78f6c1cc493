/**
 * The one adapter between the model and React Flow. The model never holds React Flow types; React Flow
 * never holds the model's truth. Positions are absolute in both (boundaries are drawn behind, not parents).
 */
import type { Edge, Node } from '@xyflow/react';
import type { Boundary, Model, ModelEdge, ModelNode, Position } from '../../../shared/domain/schema.ts';

export type KindNodeData = { node: ModelNode };
export type BoundaryNodeData = { boundary: Boundary };
export type KindEdgeData = { edge: ModelEdge };

export type KindFlowNode = Node<KindNodeData, 'kind'>;
export type BoundaryFlowNode = Node<BoundaryNodeData, 'boundary'>;
export type FlowNode = KindFlowNode | BoundaryFlowNode;
export type FlowEdge = Edge<KindEdgeData, 'kind'>;

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
const GRID_GAP = 80;

/** Where a node without a stored position is drawn: a grid in file order, so nothing overlaps. */
export function fallbackPosition(index: number, columns = 6): Position {
  return {
    x: (index % columns) * (NODE_WIDTH + GRID_GAP),
    y: Math.floor(index / columns) * (NODE_HEIGHT + GRID_GAP),
  };
}

/** React Flow ids for boundaries live beside node ids; the prefix keeps them apart. */
export const BOUNDARY_PREFIX = 'boundary:';

export function toFlowNodes(model: Model): FlowNode[] {
  const boundaries: BoundaryFlowNode[] = model.boundaries.map((b) => ({
    id: BOUNDARY_PREFIX + b.id,
    type: 'boundary',
    position: b.position,
    width: b.size.width,
    height: b.size.height,
    zIndex: -1,
    selectable: true,
    data: { boundary: b },
  }));
  const nodes: KindFlowNode[] = model.nodes.map((n, i) => ({
    id: n.id,
    type: 'kind',
    position: n.position ?? fallbackPosition(i),
    data: { node: n },
  }));
  return [...boundaries, ...nodes];
}

export function toFlowEdges(model: Model): FlowEdge[] {
  return model.edges.map((e) => ({
    id: e.id,
    type: 'kind',
    source: e.source,
    target: e.target,
    data: { edge: e },
  }));
}

/** Positions React Flow reports back, folded into the model without touching anything else. */
export function withPositions(model: Model, positions: ReadonlyMap<string, Position>): Model {
  if (positions.size === 0) return model;
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: p.x, y: p.y } } : n;
    }),
    boundaries: model.boundaries.map((b) => {
      const p = positions.get(BOUNDARY_PREFIX + b.id);
      return p ? { ...b, position: { x: p.x, y: p.y } } : b;
    }),
  };
}
