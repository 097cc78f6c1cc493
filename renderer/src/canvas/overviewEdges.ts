/**
 * The overview's edges as many small paths instead of one: each holds the edges whose source sat in one
 * tile of the drawing when the paths were built. A drop then writes again only the paths holding an edge
 * of a moved node (a block of 50 nodes on the 10,000-node bench model: a few dozen of ~200 paths), not
 * 20,000 segments: building that string, handing it to the DOM and parsing it held a drop's frame.
 *
 * Cut by place, not by order in the model: the edges of a few nodes next to each other are spread over
 * the whole edge list (see 535f4a1, where runs of 500 edges in list order were all rewritten on a drop),
 * but a drawing's links are mostly short, so they share a few tiles.
 */
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { edgesPath } from './overview.ts';

/** About this many edges per path, on average. */
const EDGES_PER_CHUNK = 100;
/** No tile smaller than this (model px): a small picture stays a few paths. */
const MIN_TILE = 400;

export interface EdgeChunk {
  edges: readonly FlowEdge[];
  /** The SVG path of its edges. */
  d: string;
}

export interface ChunkedEdges {
  /** The edges cut into the chunks. */
  edges: readonly FlowEdge[];
  chunks: readonly EdgeChunk[];
  /** Which chunks hold an edge of each node (as source or target). */
  byNode: ReadonlyMap<string, readonly number[]>;
  /** The rectangles the paths were drawn with. */
  rects: ReadonlyMap<string, AbsRect>;
}

/** The nodes whose rectangles were replaced (`ids`) in a copy of `base` (useLargeModel, updateRects). */
export interface Moved {
  base: ReadonlyMap<string, AbsRect> | null;
  ids: ReadonlySet<string>;
}

/** Cuts `edges` into chunks by the tile their source sits in and draws each. */
export function chunkEdges(edges: readonly FlowEdge[], rects: ReadonlyMap<string, AbsRect>): ChunkedEdges {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const e of edges) {
    const s = rects.get(e.source);
    if (!s) continue;
    if (s.x < x0) x0 = s.x;
    if (s.y < y0) y0 = s.y;
    if (s.x > x1) x1 = s.x;
    if (s.y > y1) y1 = s.y;
  }
  const tiles = Math.max(1, edges.length / EDGES_PER_CHUNK);
  const tile = Math.max(MIN_TILE, Math.sqrt(((x1 - x0 || 1) * (y1 - y0 || 1)) / tiles));
  const byTile = new Map<string, FlowEdge[]>();
  for (const e of edges) {
    const s = rects.get(e.source);
    if (!s || !rects.has(e.target)) continue;
    const key = `${Math.floor((s.x - x0) / tile)},${Math.floor((s.y - y0) / tile)}`;
    const list = byTile.get(key);
    if (list) list.push(e);
    else byTile.set(key, [e]);
  }
  const chunks: EdgeChunk[] = [];
  const byNode = new Map<string, number[]>();
  const note = (id: string, i: number) => {
    const list = byNode.get(id);
    if (!list) byNode.set(id, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (const list of byTile.values()) {
    const i = chunks.length;
    chunks.push({ edges: list, d: edgesPath(list, rects) });
    for (const e of list) {
      note(e.source, i);
      note(e.target, i);
    }
  }
  return { edges, chunks, byNode, rects };
}

/**
 * The overview's edges drawn with `rects`, from what was drawn before (`prev`). Same edges, and only some
 * nodes' rectangles new objects (updateRects keeps the rectangles of nodes that did not move): the chunks
 * holding their edges are drawn again, every other chunk keeps its object (and its <path> its `d`); `prev`
 * itself when no end of its edges moved. Other edges, or most chunks touched: cut and drawn anew.
 */
export function drawEdges(
  prev: ChunkedEdges | null,
  edges: readonly FlowEdge[],
  rects: ReadonlyMap<string, AbsRect>,
  moved?: Moved,
): ChunkedEdges {
  if (!prev || prev.edges !== edges) return chunkEdges(edges, rects);
  if (prev.rects === rects) return prev;
  const dirty = new Set<number>();
  // The ids updateRects replaced, when `rects` came from the very rectangles drawn before: no look at
  // every node's rectangle.
  const ids = moved && moved.base === prev.rects ? moved.ids : prev.byNode.keys();
  for (const id of ids) if (rects.get(id) !== prev.rects.get(id)) for (const i of prev.byNode.get(id) ?? []) dirty.add(i);
  if (dirty.size === 0) return prev;
  if (dirty.size > prev.chunks.length / 2) return chunkEdges(edges, rects);
  const chunks = [...prev.chunks];
  for (const i of dirty) chunks[i] = { edges: chunks[i].edges, d: edgesPath(chunks[i].edges, rects) };
  return { edges, chunks, byNode: prev.byNode, rects };
}
