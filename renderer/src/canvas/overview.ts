/**
 * Large models: what is drawn as one cheap picture instead of thousands of interactive elements. Pure
 * functions over React Flow's node and edge state.
 */
import type { NodeKind } from '../../../shared/domain/kinds.ts';
import type { Rect } from '../editor/geometry.ts';
import { DEFAULT_NODE_SIZE } from '../editor/geometry.ts';
import type { Model } from '../../../shared/domain/schema.ts';
import type { FlowEdge } from './adapter.ts';
import { fallbackPosition } from './adapter.ts';

export type AbsRect = Rect & { kind: NodeKind | null };

/**
 * Absolute rectangles of every node, from the model (so a drag in progress does not redraw the picture),
 * with the sizes React Flow measured where it has.
 */
export function absoluteRects(
  model: Model,
  measured: ReadonlyMap<string, { width: number; height: number }>,
): Map<string, AbsRect> {
  const out = new Map<string, AbsRect>();
  model.nodes.forEach((n, i) => {
    const size = measured.get(n.id) ?? DEFAULT_NODE_SIZE;
    out.set(n.id, { ...(n.position ?? fallbackPosition(i)), ...size, kind: n.kind });
  });
  return out;
}

/** Every edge as one straight segment, source's right side to target's left side, in one SVG path. */
export function edgesPath(edges: readonly FlowEdge[], rects: ReadonlyMap<string, AbsRect>): string {
  const parts: string[] = [];
  for (const e of edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (s && t)
      parts.push(
        `M${Math.round(s.x + s.width)} ${Math.round(s.y + s.height / 2)}L${Math.round(t.x)} ${Math.round(t.y + t.height / 2)}`,
      );
  }
  return parts.join('');
}

/** Node boxes as one path per kind (so each gets its colour). */
export function nodesPaths(rects: ReadonlyMap<string, AbsRect>): Map<NodeKind, string> {
  const parts = new Map<NodeKind, string[]>();
  for (const r of rects.values()) {
    if (!r.kind) continue;
    const list = parts.get(r.kind) ?? [];
    list.push(
      `M${Math.round(r.x)} ${Math.round(r.y)}h${Math.round(r.width)}v${Math.round(r.height)}h${-Math.round(r.width)}z`,
    );
    parts.set(r.kind, list);
  }
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Splits edges into those drawn as React Flow edges (an end in `area`, or selected) and those only drawn
 * in the overview path (both ends out of view: long links crossing it).
 */
export function cullEdges(
  edges: readonly FlowEdge[],
  rects: ReadonlyMap<string, AbsRect>,
  area: Rect,
): { interactive: FlowEdge[]; backdrop: FlowEdge[] } {
  const inView = new Set<string>();
  for (const [id, r] of rects) if (intersects(r, area)) inView.add(id);
  const interactive: FlowEdge[] = [];
  const backdrop: FlowEdge[] = [];
  for (const e of edges) (e.selected || inView.has(e.source) || inView.has(e.target) ? interactive : backdrop).push(e);
  return { interactive, backdrop };
}
