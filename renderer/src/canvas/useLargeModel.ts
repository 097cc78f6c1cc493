/**
 * How a large model (hundreds of nodes) is drawn at the current zoom. React Flow draws only what is in
 * view; on top of that, edges with both ends out of view go into one overview picture (ModelOverview),
 * and zoomed out every edge near the view does (far out, every node box too). The view is tracked in
 * coarse tiles so panning recomputes this only when it has moved a good way. Only what is near the view
 * goes into the picture while the view is still: a path of all 20,000 edges of a 10,000-node model cost
 * raster work in every tile, and a drop repainted it all. While the user moves the view, zoomed out, the
 * picture is a bitmap of the model around the view instead (MovingPicture).
 */
import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Model } from '../../../shared/domain/index.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import type { Detail } from './detail.ts';
import { viewInFlow } from './flowGeometry.ts';
import type { AbsRect, Culled } from './overview.ts';
import { absoluteRects, cullEdges, recull, updateRects } from './overview.ts';
import type { Rect, Size } from '../../../shared/visual/index.ts';

/** React Flow draws only what is in view above this many nodes; above it this hook takes over too. */
export const LARGE_MODEL = 500;
const TILE = 250;

/**
 * The side of a tile at a zoom, in model px: 250 at the working zoom, doubling as the view widens (zoomed
 * out to a whole 10,000-node model, 4,000), so a view is a handful of tiles across at any zoom.
 */
export const tileAt = (zoom: number): number => TILE * 2 ** Math.max(0, Math.ceil(Math.log2(0.5 / zoom)));

/** The view in model coordinates, widened to whole tiles plus one tile around: "tile:x0,y0,x1,y1". */
const tileKey = (s: ReactFlowState): string => {
  const view = viewInFlow(s);
  const tile = tileAt(s.transform[2]);
  const x0 = Math.floor(view.x0 / tile) - 1;
  const y0 = Math.floor(view.y0 / tile) - 1;
  const x1 = Math.ceil(view.x1 / tile) + 1;
  const y1 = Math.ceil(view.y1 / tile) + 1;
  return `${tile}:${x0},${y0},${x1},${y1}`;
};

/**
 * The key while the user pans or zooms, zoomed out: the view is not tracked, and the moving bitmap
 * (MovingPicture) draws what is around it.
 */
const MOVING = 'moving';

/** The area a tile key covers, in model px. */
function areaOf(key: string): Rect {
  const [tile, x0, y0, x1, y1] = key.split(/[:,]/).map(Number);
  return { x: x0 * tile, y: y0 * tile, width: (x1 - x0) * tile, height: (y1 - y0) * tile };
}

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];
/** No edge to React Flow or the picture (the same object each time: nothing downstream redraws). */
const NO_LINKS: Culled = { interactive: NO_EDGES, backdrop: NO_EDGES };

/**
 * A selection of this many nodes or more is a block, and lifted as soon as it is selected (see liftKeys).
 * Below it, lifting waits for the drag: a few nodes' edges leave React Flow in well under a frame.
 */
const BLOCK_SELECTION = 10;

/**
 * The ids of the nodes whose edges leave React Flow for DragEdges ("lifted"), as one string so that it
 * changes when a drag or a selection starts or ends, not on every step: the nodes a drag is moving (React
 * Flow marks them `dragging`; a dragged boundary moves its members), and a block selection even before it
 * is dragged (`liftBlocks`). Taking ~200 edges out of React Flow costs a long frame; paid when the block is
 * selected, the first step of its drag is as cheap as the others. While lifted, those edges are drawn with
 * their labels but cannot be clicked, and show no scenario overlay (the canvas keeps blocks down while a
 * scenario is shown). `block`: the block selection alone, in the same form ('' when there is none), which
 * zoomed out has its edges in a path of its own (ModelOverview). One pass over the nodes gives both.
 */
function liftKeys(nodes: readonly FlowNode[], liftBlocks: boolean): { lifted: string; block: string } {
  const ids: string[] = [];
  const selected: string[] = [];
  const frames = new Set<string>();
  for (const n of nodes) {
    if (n.selected && n.type === 'kind') selected.push(n.id);
    if (!n.dragging) continue;
    ids.push(n.id);
    if (n.type === 'boundary') frames.add(n.id);
  }
  if (frames.size) for (const n of nodes) if (n.parentId && frames.has(n.parentId)) ids.push(n.id);
  const block = liftBlocks && selected.length >= BLOCK_SELECTION ? selected.sort().join('\n') : '';
  if (block) ids.push(...selected);
  return { lifted: [...new Set(ids)].sort().join('\n'), block };
}

/** Edges split into those React Flow keeps drawing and those touching a lifted node (see DragEdges). */
function splitLifted(edges: FlowEdge[], key: string): { still: FlowEdge[]; lifted: FlowEdge[] } {
  if (!key) return { still: edges, lifted: NO_EDGES };
  const ids = new Set(key.split('\n'));
  const still: FlowEdge[] = [];
  const lifted: FlowEdge[] = [];
  for (const e of edges) (ids.has(e.source) || ids.has(e.target) ? lifted : still).push(e);
  return { still, lifted };
}

const sameEdges = (a: readonly FlowEdge[], b: readonly FlowEdge[]) =>
  a.length === b.length && a.every((e, i) => e === b[i]);

/**
 * What React Flow draws and what goes into the overview. Nothing here is recomputed while nodes are
 * dragged: the picture follows the model (committed on drop), and the edges handed to React Flow keep
 * their array unless the set changes (a new array makes React Flow rebuild its edge lookups). The edges
 * of lifted nodes leave React Flow for DragEdges; they come back on drop, or when the block is deselected.
 * `scenario`: a blast radius is shown (blocks keep their edges and overlay; see below for the backdrop).
 * `spreadOnly`: it is shown at the label-only zoom, where the model's own links are left out (see below).
 * `moving`: the user is panning or zooming.
 */
export function useLargeModel(
  model: Model,
  nodes: FlowNode[],
  edges: FlowEdge[],
  detail: Detail,
  { scenario = false, spreadOnly = false, moving = false }: { scenario?: boolean; spreadOnly?: boolean; moving?: boolean } = {},
) {
  const liftBlocks = !scenario;
  const large = model.nodes.length > LARGE_MODEL;
  // Zoomed out, while the user pans or zooms, the picture is a bitmap that follows the view itself
  // (MovingPicture): nothing here is recomputed until the move ends. An SVG picture rebuilt for each tile
  // the view reached was rastered again each time (10,000 nodes: 17 fps panning, against 26).
  const key = useStore((s) => (!large ? '' : moving && detail !== 'full' ? MOVING : tileKey(s)));
  // No area while the view moves: the moving picture follows the view itself.
  const area = useMemo(() => (key && key !== MOVING ? areaOf(key) : null), [key]);
  const latest = useRef(nodes);
  latest.current = nodes;
  // A drop replaces a few nodes: their rectangles are updated in a copy, not all 10,000 built again, and
  // the edges are split again only around them (recull).
  const rectsFrom = useRef<{ model: Model; rects: Map<string, AbsRect> } | null>(null);
  const moved = useRef<{ base: Map<string, AbsRect> | null; ids: Set<string> }>({ base: null, ids: new Set() });
  const rects = useMemo(() => {
    if (!large) return null;
    const from = rectsFrom.current;
    const ids = new Set<string>();
    const updated = from && updateRects(from.rects, from.model, model, latest.current, ids);
    moved.current = { base: updated && updated !== from.rects ? from.rects : null, ids };
    if (updated) return updated;
    const measured = new Map<string, Size>();
    for (const n of latest.current)
      if (n.measured?.width && n.measured.height)
        measured.set(n.id, { width: n.measured.width, height: n.measured.height });
    return absoluteRects(model, measured);
  }, [large, model]);
  rectsFrom.current = rects ? { model, rects } : null;
  const { lifted: liftedIds, block: blockIds } = useMemo(
    () => (large ? liftKeys(nodes, liftBlocks) : { lifted: '', block: '' }),
    [large, nodes, liftBlocks],
  );
  const culled = useRef<{ edges: FlowEdge[]; key: string; rects: Map<string, AbsRect>; split: Culled } | null>(null);
  // A blast radius shown at the label-only zoom: the picture holds none of the model's links (see below),
  // and a follow hop, which moves the view to other tiles, sorts none.
  const linkless = spreadOnly && detail === 'simple';
  const split = useMemo(() => {
    if (!large || !rects) return null;
    // The moving picture draws every edge near the view itself (MovingPicture).
    if (key === MOVING) return { interactive: edges, backdrop: NO_EDGES };
    if (!area) return null;
    if (linkless) return NO_LINKS;
    const prev = culled.current;
    let next: Culled;
    if (prev && prev.edges === edges && prev.key === key && prev.rects === moved.current.base)
      next = recull(prev.split, edges, moved.current.ids);
    else next = cullEdges(edges, rects, area);
    culled.current = { edges, key, rects, split: next };
    return next;
  }, [large, rects, edges, key, area, linkless]);
  const previous = useRef({ edges: NO_EDGES, lifted: NO_EDGES });
  const drawn = useMemo(() => {
    if (!large || !rects || !split) return { edges, lifted: NO_EDGES, overview: null, moving: null, far: false };
    const { interactive, backdrop } = split;
    if (key === MOVING) {
      const far = detail === 'far';
      return { edges: NO_EDGES, lifted: NO_EDGES, overview: null, moving: { rects, edges: interactive, boxes: far }, far };
    }
    // Zoomed out, the picture holds every edge near the view (React Flow draws none), and far out every
    // node box near it: in a still view not the whole model, whose 20,000 segments each raster tile would
    // go through.
    // With a blast radius shown, at the cards' zoom, it holds the links of the cards near the view, not
    // those only crossing it: the spread's own lines are drawn over it whatever they cross, and a grey line
    // with neither end in sight told the room nothing while each follow hop rastered it again.
    // At the label-only zoom it holds none: the cards are faded labels, their links hairlines under them,
    // and the spread's lines are the story. Every tile they crossed was rastered again at each follow hop,
    // which then took three frames (50 ms) in most bench runs, and two (33 ms) in most without them.
    if (detail !== 'full') {
      const far = detail === 'far';
      const parts = splitLifted(scenario && !far ? interactive : interactive.concat(backdrop), blockIds);
      return { edges: NO_EDGES, lifted: NO_EDGES, overview: { rects, edges: parts.still, lifted: parts.lifted, boxesIn: far ? area : null }, moving: null, far };
    }
    const parts = splitLifted(interactive, liftedIds);
    const before = previous.current;
    return {
      edges: sameEdges(parts.still, before.edges) ? before.edges : parts.still,
      // A new array would make DragEdges redraw and measure its labels again (on every drop, say).
      lifted: sameEdges(parts.lifted, before.lifted) ? before.lifted : parts.lifted,
      overview: { rects, edges: backdrop, lifted: NO_EDGES, boxesIn: null },
      moving: null,
      far: false,
    };
  }, [large, rects, edges, detail, split, key, liftedIds, blockIds, area, scenario]);
  previous.current = drawn;
  return {
    nodes: drawn.far ? NO_NODES : nodes,
    edges: drawn.edges,
    lifted: drawn.lifted,
    overview: drawn.overview,
    /** While the user moves the view zoomed out: the picture is a bitmap (MovingPicture), not the overview. */
    moving: drawn.moving,
    rects,
    /** The view's tiles and one tile around them, in model px: null while the view moves. */
    area,
  };
}
