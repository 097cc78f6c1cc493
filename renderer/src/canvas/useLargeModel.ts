/**
 * How a large model (hundreds of nodes) is drawn at the current zoom. React Flow draws only what is in
 * view; on top of that, edges with both ends out of view, and everything zoomed far out, go into one
 * overview picture (ModelOverview). The view is tracked in coarse tiles so panning recomputes this only
 * when it has moved a good way.
 */
import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Model } from '../../../shared/domain/schema.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import type { Detail } from './detail.ts';
import { absoluteRects, cullEdges } from './overview.ts';

/** React Flow draws only what is in view above this many nodes; above it this hook takes over too. */
export const LARGE_MODEL = 500;
const TILE = 250;

/** The view in model coordinates, widened to whole tiles plus one tile around. */
const tileKey = (s: ReactFlowState): string => {
  const [tx, ty, zoom] = s.transform;
  const x0 = Math.floor(-tx / zoom / TILE) - 1;
  const y0 = Math.floor(-ty / zoom / TILE) - 1;
  const x1 = Math.ceil((s.width - tx) / zoom / TILE) + 1;
  const y1 = Math.ceil((s.height - ty) / zoom / TILE) + 1;
  return `${x0},${y0},${x1},${y1}`;
};

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

/**
 * The ids of the nodes a drag is moving (React Flow marks them `dragging`; a dragged boundary moves its
 * members), as one string so that it changes when a drag starts or ends, not on every step.
 */
function movingKey(nodes: readonly FlowNode[]): string {
  const ids: string[] = [];
  const frames = new Set<string>();
  for (const n of nodes) {
    if (!n.dragging) continue;
    ids.push(n.id);
    if (n.type === 'boundary') frames.add(n.id);
  }
  if (frames.size) for (const n of nodes) if (n.parentId && frames.has(n.parentId)) ids.push(n.id);
  return ids.join('\n');
}

/** Edges split into those React Flow keeps drawing and those touching a moving node (see DragEdges). */
function splitMoving(edges: FlowEdge[], key: string): { still: FlowEdge[]; moving: FlowEdge[] } {
  if (!key) return { still: edges, moving: NO_EDGES };
  const ids = new Set(key.split('\n'));
  const still: FlowEdge[] = [];
  const moving: FlowEdge[] = [];
  for (const e of edges) (ids.has(e.source) || ids.has(e.target) ? moving : still).push(e);
  return { still, moving };
}

/**
 * What React Flow draws and what goes into the overview. Nothing here is recomputed while nodes are
 * dragged: the picture follows the model (committed on drop), and the edges handed to React Flow keep
 * their array unless the set changes (a new array makes React Flow rebuild its edge lookups). When a
 * drag starts, the edges of the moving nodes leave React Flow for DragEdges; they come back on drop.
 */
export function useLargeModel(model: Model, nodes: FlowNode[], edges: FlowEdge[], detail: Detail) {
  const large = model.nodes.length > LARGE_MODEL;
  const key = useStore((s) => (large && detail === 'full' ? tileKey(s) : ''));
  const latest = useRef(nodes);
  latest.current = nodes;
  const rects = useMemo(() => {
    if (!large) return null;
    const measured = new Map<string, { width: number; height: number }>();
    for (const n of latest.current)
      if (n.measured?.width && n.measured.height)
        measured.set(n.id, { width: n.measured.width, height: n.measured.height });
    return absoluteRects(model, measured);
  }, [large, model]);
  const moving = large ? movingKey(nodes) : '';
  const previous = useRef<FlowEdge[]>(NO_EDGES);
  const drawn = useMemo(() => {
    if (!large || !rects) return { edges, moving: NO_EDGES, overview: null, far: false };
    if (detail === 'far')
      return { edges: NO_EDGES, moving: NO_EDGES, overview: { rects, edges, withNodes: true }, far: true };
    if (detail === 'simple')
      return { edges: NO_EDGES, moving: NO_EDGES, overview: { rects, edges, withNodes: false }, far: false };
    const [x0, y0, x1, y1] = key.split(',').map(Number);
    const area = { x: x0 * TILE, y: y0 * TILE, width: (x1 - x0) * TILE, height: (y1 - y0) * TILE };
    const { interactive, backdrop } = cullEdges(edges, rects, area);
    const split = splitMoving(interactive, moving);
    const same =
      split.still.length === previous.current.length && split.still.every((e, i) => e === previous.current[i]);
    return {
      edges: same ? previous.current : split.still,
      moving: split.moving,
      overview: { rects, edges: backdrop, withNodes: false },
      far: false,
    };
  }, [large, rects, edges, detail, key, moving]);
  previous.current = drawn.edges;
  return {
    nodes: drawn.far ? NO_NODES : nodes,
    edges: drawn.edges,
    moving: drawn.moving,
    overview: drawn.overview,
    rects,
  };
}
