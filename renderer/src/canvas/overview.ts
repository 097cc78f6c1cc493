/**
 * Large models: what is drawn as one cheap picture instead of thousands of interactive elements. Pure
 * functions over React Flow's node and edge state.
 */
import type { Model, NodeKind } from '../../../shared/domain/index.ts';
import type { Rect, Size } from '../../../shared/visual/index.ts';
import { overlaps } from '../editor/geometry.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import type { Box } from './flowGeometry.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

export type AbsRect = Rect & { kind: NodeKind | null };

/**
 * Absolute rectangles of every node, from the model (so a drag in progress does not redraw the picture),
 * with the sizes React Flow measured where it has.
 */
export function absoluteRects(
  model: Model,
  measured: ReadonlyMap<string, Size>,
): Map<string, AbsRect> {
  const out = new Map<string, AbsRect>();
  model.nodes.forEach((n, i) => {
    const size = measured.get(n.id) ?? NODE_BOX;
    out.set(n.id, { ...(n.position ?? fallbackPosition(i)), ...size, kind: n.kind });
  });
  return out;
}

/** An edge drawn straight, as every overview picture draws it: the source's right side to the target's left side. */
export const edgeSegment = (s: Rect, t: Rect): Box => ({ x0: s.x + s.width, y0: s.y + s.height / 2, x1: t.x, y1: t.y + t.height / 2 });

/** Whether a segment's box meets `area` (edges included). */
export function segmentMeets(g: Box, area: Rect): boolean {
  return (
    Math.max(g.x0, g.x1) >= area.x &&
    Math.min(g.x0, g.x1) <= area.x + area.width &&
    Math.max(g.y0, g.y1) >= area.y &&
    Math.min(g.y0, g.y1) <= area.y + area.height
  );
}

/** An edge's segment, with the two rectangles it was drawn between. */
interface Segment {
  source: AbsRect;
  target: AbsRect;
  d: string;
}

/**
 * Each edge's segment as last drawn. A drop gives new rectangles to the moved nodes only (updateRects
 * keeps every other one): the path of 20,000 edges is then joined again from strings already written,
 * not formatted again (a 10,000-node drop spent about 40 ms here).
 */
const segments = new WeakMap<FlowEdge, Segment>();

/** Every edge as one straight segment, source's right side to target's left side, in one SVG path. */
export function edgesPath(edges: readonly FlowEdge[], rects: ReadonlyMap<string, AbsRect>): string {
  const parts: string[] = [];
  for (const e of edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (!s || !t) continue;
    let seg = segments.get(e);
    if (!seg || seg.source !== s || seg.target !== t) {
      const g = edgeSegment(s, t);
      const d = `M${Math.round(g.x0)} ${Math.round(g.y0)}L${Math.round(g.x1)} ${Math.round(g.y1)}`;
      segments.set(e, (seg = { source: s, target: t, d }));
    }
    parts.push(seg.d);
  }
  return parts.join('');
}

/**
 * Whether `edges` are drawn the same with `after` as with `before`: each end has the very rectangle it had
 * (updateRects copies the map but keeps the rectangles of nodes that did not move). A drop then leaves
 * the overview's path as it was instead of writing thousands of segments again.
 */
export function sameEnds(
  edges: readonly FlowEdge[],
  before: ReadonlyMap<string, AbsRect>,
  after: ReadonlyMap<string, AbsRect>,
): boolean {
  if (before === after) return true;
  for (const e of edges)
    if (before.get(e.source) !== after.get(e.source) || before.get(e.target) !== after.get(e.target)) return false;
  return true;
}

/** The boxes of the nodes in `area` as one path per kind (so each gets its colour). */
export function nodesPaths(rects: ReadonlyMap<string, AbsRect>, area: Rect): Map<NodeKind, string> {
  const parts = new Map<NodeKind, string[]>();
  for (const r of rects.values()) {
    if (!r.kind || !overlaps(r, area)) continue;
    const list = parts.get(r.kind) ?? [];
    list.push(
      `M${Math.round(r.x)} ${Math.round(r.y)}h${Math.round(r.width)}v${Math.round(r.height)}h${-Math.round(r.width)}z`,
    );
    parts.set(r.kind, list);
  }
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

/**
 * Splits edges into those drawn as React Flow edges (an end in `area`, or selected) and those drawn in
 * the overview path: long links crossing `area` with both ends out of it (their straight segment's box
 * meets it). Edges nowhere near `area` are in neither: the overview is rebuilt when the view moves to
 * another tile, so a large model's picture holds what crosses the view, not all of its 20,000 links.
 */
export function cullEdges(
  edges: readonly FlowEdge[],
  rects: ReadonlyMap<string, AbsRect>,
  area: Rect,
): { interactive: FlowEdge[]; backdrop: FlowEdge[] } {
  const inView = new Set<string>();
  for (const [id, r] of rects) if (overlaps(r, area)) inView.add(id);
  const interactive: FlowEdge[] = [];
  const backdrop: FlowEdge[] = [];
  for (const e of edges) {
    if (e.selected || inView.has(e.source) || inView.has(e.target)) {
      interactive.push(e);
      continue;
    }
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (s && t && segmentMeets(edgeSegment(s, t), area)) backdrop.push(e);
  }
  return { interactive, backdrop };
}

export type Culled = { interactive: FlowEdge[]; backdrop: FlowEdge[] };

/**
 * The split after nodes moved (a drop), without going over every edge's ends again: each edge of a moved
 * node becomes interactive (React Flow culls it itself if it left the view), every other edge keeps its
 * place. The arrays are the same objects when nothing changes place, so nothing downstream redraws.
 */
export function recull(prev: Culled, edges: readonly FlowEdge[], moved: ReadonlySet<string>): Culled {
  if (moved.size === 0) return prev;
  const shown = new Set(prev.interactive);
  const added: FlowEdge[] = [];
  for (const e of edges) if ((moved.has(e.source) || moved.has(e.target)) && !shown.has(e)) added.push(e);
  if (added.length === 0) return prev;
  const gone = new Set(added);
  const backdrop = prev.backdrop.filter((e) => !gone.has(e));
  return { interactive: [...prev.interactive, ...added], backdrop: backdrop.length === prev.backdrop.length ? prev.backdrop : backdrop };
}

/**
 * The rectangles after an edit that replaced some nodes in place (a drop): a copy of `prev` with those
 * nodes' rectangles again, sized as React Flow measured them (`flow`: its nodes, boundaries first, then
 * the model's nodes in order), their ids added to `moved`. Null when nodes were added, removed or
 * reordered: absoluteRects then.
 */
export function updateRects(
  prev: ReadonlyMap<string, AbsRect>,
  before: Model,
  model: Model,
  flow: readonly FlowNode[],
  moved?: Set<string>,
): Map<string, AbsRect> | null {
  if (model.nodes.length !== before.nodes.length) return null;
  if (model.nodes === before.nodes) return prev as Map<string, AbsRect>;
  const offset = model.boundaries.length;
  let out: Map<string, AbsRect> | null = null;
  for (let i = 0; i < model.nodes.length; i++) {
    const n = model.nodes[i];
    if (n === before.nodes[i]) continue;
    if (n.id !== before.nodes[i].id) return null;
    const f = flow[offset + i];
    const old = prev.get(n.id);
    const size =
      f?.id === n.id && f.measured?.width && f.measured.height
        ? { width: f.measured.width, height: f.measured.height }
        : old
          ? { width: old.width, height: old.height }
          : NODE_BOX;
    out ??= new Map(prev);
    out.set(n.id, { ...(n.position ?? fallbackPosition(i)), ...size, kind: n.kind });
    moved?.add(n.id);
  }
  return out ?? (prev as Map<string, AbsRect>);
}
