/**
 * Keeping the canvas's small print off the nodes. Pure geometry in model coordinates.
 *
 * - A node's tags (its effect with the hour, its break) go above it, else below it, else beside it,
 *   else on its top edge (half in the gap above, half over the card's top), else in a row of their own
 *   inside the card: wherever they cover no other node. The top edge fits where the gap between two
 *   rows is too narrow for a whole row of tags, and it keeps the label's second line, which the row
 *   inside takes.
 * - Edge labels sit halfway along their edge; one that would lie on another label or on a node is hidden.
 *   Selected edges and misfits (their label is a warning) always show; then edges that carried the shown
 *   scenario are placed first.
 */
import type { Rect, Size } from '../../../shared/visual/index.ts';
import { overlaps } from '../editor/geometry.ts';

export type DecorPlace = 'above' | 'below' | 'right' | 'left' | 'edge' | 'inside';

/** A tag row to place: its node and its size in model px. */
export interface DecorRequest extends Size {
  id: string;
}

const CELL = 256;
/**
 * A cell's key: its coordinates, each wrapped to 14 bits, packed in one small integer. A string key per cell
 * and query was most of a rebuild's cost, and a key past 2^30 is a boxed number, made anew at every lookup.
 * Cells 16,384 apart (4 million px) share a key: harmless, every candidate is checked against the box.
 */
const WRAP = (1 << 14) - 1;
const cellKey = (x: number, y: number) => ((x & WRAP) << 14) | (y & WRAP);

/**
 * A coarse grid of rectangles for "what does this box touch" questions. It runs for every tag of every
 * node at each hop of a played break: the cells a box touches go in one typed array kept from call to call,
 * with no callback or array per call (what those allocated was most of the garbage the collector paused for).
 */
export class RectIndex {
  private cells = new Map<number, { id: string; rect: Rect }[]>();
  private touched = new Int32Array(16);

  constructor(rects: Iterable<[string, Rect]>) {
    for (const [id, rect] of rects) this.add(id, rect);
  }

  add(id: string, rect: Rect): void {
    const entry = { id, rect };
    const n = this.cellsOf(rect);
    for (let k = 0; k < n; k++) {
      const list = this.cells.get(this.touched[k]);
      if (list) list.push(entry);
      else this.cells.set(this.touched[k], [entry]);
    }
  }

  /** Takes out what `add(id, rect)` put in (the same rect object). */
  remove(id: string, rect: Rect): void {
    const n = this.cellsOf(rect);
    for (let k = 0; k < n; k++) {
      const list = this.cells.get(this.touched[k]);
      const i = list ? list.findIndex((o) => o.id === id && o.rect === rect) : -1;
      if (i >= 0) list!.splice(i, 1);
    }
  }

  /** True when `rect` overlaps any rectangle but those of `except` and `also` (an edge's two ends). */
  hits(rect: Rect, except?: string, also?: string): boolean {
    const n = this.cellsOf(rect);
    for (let k = 0; k < n; k++) {
      const list = this.cells.get(this.touched[k]);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const other = list[i];
        if (other.id !== except && other.id !== also && overlaps(rect, other.rect)) return true;
      }
    }
    return false;
  }

  /** Writes the keys of the cells `rect` touches into `touched` (read them before the next call); returns how many. */
  private cellsOf(rect: Rect): number {
    const x0 = Math.floor(rect.x / CELL);
    const x1 = Math.floor((rect.x + rect.width) / CELL);
    const y0 = Math.floor(rect.y / CELL);
    const y1 = Math.floor((rect.y + rect.height) / CELL);
    const n = (x1 - x0 + 1) * (y1 - y0 + 1);
    if (n > this.touched.length) this.touched = new Int32Array(2 ** Math.ceil(Math.log2(n)));
    let k = 0;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.touched[k++] = cellKey(x, y);
    return k;
  }
}

/** How far tags on a card's top edge stand in from its corners (scenarios.css: data-decor='edge'). */
const EDGE_INSET = 8;

/** Per place, the tag row's box written into `out`: left-aligned with the node, `gap` away from it. */
const BOXES: Record<DecorPlace, (out: Rect, node: Rect, size: Size, gap: number) => Rect> = {
  above: (o, n, s, gap) => put(o, n.x - 3, n.y - gap - s.height, s.width, s.height),
  below: (o, n, s, gap) => put(o, n.x - 3, n.y + n.height + gap, s.width, s.height),
  right: (o, n, s, gap) => put(o, n.x + n.width + gap, n.y, s.width, s.height),
  left: (o, n, s, gap) => put(o, n.x - gap - s.width, n.y, s.width, s.height),
  edge: (o, n, s) => put(o, n.x + EDGE_INSET, n.y - s.height / 2, Math.min(s.width, n.width - 2 * EDGE_INSET), s.height),
  inside: (o, n, s) => put(o, n.x + 2, n.y + 2, Math.min(s.width, n.width - 4), s.height),
};

function put(out: Rect, x: number, y: number, width: number, height: number): Rect {
  out.x = x;
  out.y = y;
  out.width = width;
  out.height = height;
  return out;
}

/** The tag row's box for a placement. */
export const decorRect = (node: Rect, size: Size, place: DecorPlace, gap: number): Rect => BOXES[place]({ x: 0, y: 0, width: 0, height: 0 }, node, size, gap);

/**
 * The box being tried. Placing tries up to six boxes per node and keeps one; each try wrote a new
 * rectangle, at every hop, for every node placed.
 */
const probe: Rect = { x: 0, y: 0, width: 0, height: 0 };

const inside = (r: Rect, area: Rect) => r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

/** Whether a node's tag box covers no other node and, with `within`, stays on screen. */
const clearOfNodes = (index: RectIndex, box: Rect, id: string, within?: Rect) => !index.hits(box, id) && (!within || inside(box, within));

/**
 * Where each node's tags go: above, below, beside, on its top edge, or inside when all would cover
 * another node. With `within` (the part of the model on screen, in presentation mode), tags also stay on
 * screen.
 */
export function placeDecor(nodes: ReadonlyMap<string, Rect>, requests: readonly DecorRequest[], gap: number, within?: Rect): Map<string, DecorPlace> {
  const index = new RectIndex(nodes);
  const out = new Map<string, DecorPlace>();
  for (const req of requests) {
    const place = placeOne(index, nodes, req, gap, within);
    if (place) out.set(req.id, place);
  }
  return out;
}

/** The places outside a card's text, in the order they are tried. */
const PLACES = ['above', 'below', 'right', 'left', 'edge'] as const;

/** One node's place (placeDecor), against an index of the nodes built once; null for an unknown node. */
export function placeOne(index: RectIndex, nodes: ReadonlyMap<string, Rect>, req: DecorRequest, gap: number, within?: Rect): DecorPlace | null {
  const node = nodes.get(req.id);
  if (!node) return null;
  for (const p of PLACES) if (clearOfNodes(index, BOXES[p](probe, node, req, gap), req.id, within)) return p;
  return 'inside';
}

/** separateTags' rows placed so far (x, y, width, height each). */
let placedTags = new Float64Array(4 * 256);
const grown = (a: Float64Array) => {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * Tags clear of one another too. In `order` (the nodes reached first first), a node whose tags would lie
 * on tags placed before it takes the first of its places that covers neither another node nor those tags,
 * else a row inside its card (no other node's tags are ever on a card). Tags placed earlier never move for
 * later ones: going forward, a hop's new tags give way to those already on screen (between nodes reached
 * in the same hour, the order is by id). Changes `place` in place.
 */
export function separateTags(
  index: RectIndex,
  nodes: ReadonlyMap<string, Rect>,
  order: readonly DecorRequest[],
  place: Map<string, DecorPlace>,
  gap: number,
  within?: Rect,
): void {
  // The rows placed so far, four numbers each, in an array kept from one call to the next: an index of
  // them built at every hop was garbage, and a few hundred rows are scanned in well under a millisecond.
  let count = 0;
  const onTags = (b: Rect): boolean => {
    for (let i = 0; i < count * 4; i += 4) {
      const x = placedTags[i];
      const y = placedTags[i + 1];
      if (b.x < x + placedTags[i + 2] && x < b.x + b.width && b.y < y + placedTags[i + 3] && y < b.y + b.height) return true;
    }
    return false;
  };
  // Whether the tag row is free at `p` (the probe then holds its box). A loop, not find() with a closure
  // per node: this runs for every reached node at each hop.
  const free = (node: Rect, req: DecorRequest, p: DecorPlace): boolean => {
    const box = BOXES[p](probe, node, req, gap);
    return p === 'inside' || (!onTags(box) && clearOfNodes(index, box, req.id, within));
  };
  for (const req of order) {
    const node = nodes.get(req.id);
    const was = place.get(req.id);
    if (!node || !was) continue;
    let now: DecorPlace = was;
    let found = free(node, req, was);
    for (let i = 0; !found && i < PLACES.length; i++) if ((found = free(node, req, PLACES[i]))) now = PLACES[i];
    if (!found) free(node, req, (now = 'inside'));
    place.set(req.id, now);
    if (placedTags.length < (count + 1) * 4) placedTags = grown(placedTags);
    const at = 4 * count++;
    placedTags[at] = probe.x;
    placedTags[at + 1] = probe.y;
    placedTags[at + 2] = probe.width;
    placedTags[at + 3] = probe.height;
  }
}

export interface LabelRequest {
  id: string;
  /** The label's centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lower goes first. */
  priority: number;
  /** Shown whatever it covers (a selected edge, a misfit's warning); the others keep clear of it. */
  keep?: boolean;
  source: string;
  target: string;
}

/** The edge labels to hide: each one that would overlap a label already placed or a node. */
export function hiddenLabels(nodes: ReadonlyMap<string, Rect> | RectIndex, labels: readonly LabelRequest[]): Set<string> {
  const nodeIndex = nodes instanceof RectIndex ? nodes : new RectIndex(nodes);
  const placed = new RectIndex([]);
  const hidden = new Set<string>();
  const order = [...labels].sort((a, b) => Number(!a.keep) - Number(!b.keep) || a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const l of order) {
    const rect = { x: l.x - l.width / 2, y: l.y - l.height / 2, width: l.width, height: l.height };
    // A label may touch its own edge's ends (a short edge between neighbours), never a third node.
    if (!l.keep && (nodeIndex.hits(rect, l.source, l.target) || placed.hits(rect))) hidden.add(l.id);
    else placed.add(l.id, rect);
  }
  return hidden;
}

/** A box by its corners (flowGeometry.ts's Box), for the view. */
interface Corners {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A large model's tags are placed only near the view: React Flow draws the cards in view alone, and placing
 * all 800 a played break reaches, at each hop, was most of the garbage its pauses collected.
 *
 * `reach` is how far a node's tags go from it (the widest tag row and its gap). The tags of a card in view lie
 * within one reach of it, and any tag that could lie on them belongs to a node within one more: with every
 * node within two reaches of the view placed, the cards in view get the places a whole-model placement gives
 * them (short of a chain of tags giving way to one another from further out). The area reaches a quarter of
 * the view further, so that a pan does not place them all again at every step (see `tagsCover`).
 */
export function tagArea(view: Corners, reach: number): Rect {
  const m = 2 * reach + Math.max(view.x1 - view.x0, view.y1 - view.y0) / 4;
  return { x: view.x0 - m, y: view.y0 - m, width: view.x1 - view.x0 + 2 * m, height: view.y1 - view.y0 + 2 * m };
}

/** Whether the tags placed in `area` still give the cards in `view` their places (see tagArea). */
export function tagsCover(area: Rect, view: Corners, reach: number): boolean {
  const m = 2 * reach;
  return view.x0 - m >= area.x && view.y0 - m >= area.y && view.x1 + m <= area.x + area.width && view.y1 + m <= area.y + area.height;
}
