/**
 * What a layout needs of a model: ids, kinds, labels, boundary membership, positions, edge ends. A slim copy is
 * what goes to the layout worker, so posting a 2,000-node model costs a few milliseconds, not a full clone.
 */
import type { Boundary, EdgeKind, Model, NodeKind, Position } from '../../../../shared/domain/index.ts';
import { NODE_BOX, boundaryRect, boundsOf } from '../../../../shared/visual/index.ts';

export interface LayoutGraph {
  nodes: { id: string; kind: NodeKind; label: string; boundary?: string; position?: Position }[];
  edges: { id: string; kind: EdgeKind; source: string; target: string }[];
  boundaries: Boundary[];
}

export function layoutGraphOf(model: Model, withEdges = true): LayoutGraph {
  return {
    nodes: model.nodes.map(({ id, kind, label, boundary, position }) => ({ id, kind, label, boundary, position })),
    edges: withEdges ? model.edges.map(({ id, kind, source, target }) => ({ id, kind, source, target })) : [],
    boundaries: model.boundaries,
  };
}

/** Where the current drawing starts: layout keeps it there so the view does not jump away. */
export function drawingAnchor(graph: LayoutGraph): Position {
  const rects = [
    ...graph.nodes.filter((n) => n.position).map((n) => ({ ...n.position!, ...NODE_BOX })),
    ...graph.boundaries.map(boundaryRect),
  ];
  const b = boundsOf(rects);
  return b ? { x: b.x, y: b.y } : { x: 0, y: 0 };
}
