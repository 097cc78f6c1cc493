/** Reading sizes and absolute positions out of React Flow's internal node lookup. */
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { Model, Position } from '../../../shared/domain/index.ts';
import type { Sizes } from '../editor/commands.ts';
import type { Rect, Size } from '../../../shared/visual/index.ts';
import type { FlowNode } from './adapter.ts';
import { isBoundaryId } from './adapter.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

/** A box by its corners: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of the model in view, in flow coordinates. */
export function viewInFlow(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Box {
  const [tx, ty, zoom] = s.transform;
  return { x0: -tx / zoom, y0: -ty / zoom, x1: (s.width - tx) / zoom, y1: (s.height - ty) / zoom };
}

type Lookup = ReadonlyMap<string, InternalNode<FlowNode>> | ReadonlyMap<string, InternalNode>;

/** Measured sizes of kind nodes, by model id (unmeasured nodes are left out: the default size applies). */
export function measuredSizes(lookup: Lookup): Sizes {
  const sizes = new Map<string, Size>();
  for (const [id, n] of lookup as ReadonlyMap<string, InternalNode>) {
    if (isBoundaryId(id)) continue;
    const { width, height } = n.measured;
    if (width && height) sizes.set(id, { width, height });
  }
  return sizes;
}

/** A node's absolute rectangle as drawn now (during a drag or an animation, too). */
export function drawnRect(lookup: Lookup, id: string): Rect | null {
  const n = (lookup as ReadonlyMap<string, InternalNode>).get(id);
  if (!n) return null;
  const p: Position = n.internals.positionAbsolute;
  return {
    x: p.x,
    y: p.y,
    width: n.measured.width ?? n.width ?? NODE_BOX.width,
    height: n.measured.height ?? n.height ?? NODE_BOX.height,
  };
}

/**
 * A node's rectangle: as drawn when React Flow has it, else from the model (a large model zoomed far out
 * is drawn as a picture and React Flow holds none of its nodes).
 */
export function nodeRect(lookup: Lookup, model: Model, id: string): Rect | null {
  const drawn = drawnRect(lookup, id);
  if (drawn) return drawn;
  const i = model.nodes.findIndex((n) => n.id === id);
  if (i < 0) return null;
  return { ...(model.nodes[i].position ?? fallbackPosition(i)), ...NODE_BOX };
}
