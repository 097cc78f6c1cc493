/**
 * Boundary membership, alignment, free spots. Pure maths on model coordinates; the rectangle maths the report
 * shares (a frame, a centre, an extent) is in shared/visual/rect.ts.
 */
import type { Boundary, Position } from '../../../shared/domain/index.ts';
import type { Rect, Size } from '../../../shared/visual/index.ts';
import { boundaryRect, boundsOf } from '../../../shared/visual/index.ts';

/** Whether a point lies in a rectangle, edges included. */
export function contains(r: Rect, p: Position): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

/**
 * The boundary a node belongs to when its centre lies at `c`: the smallest boundary containing that
 * point (nested frames: the innermost wins), or undefined.
 */
export function boundaryAt(boundaries: readonly Boundary[], c: Position): string | undefined {
  let best: Boundary | undefined;
  for (const b of boundaries) {
    if (!contains(boundaryRect(b), c)) continue;
    if (!best || b.size.width * b.size.height < best.size.width * best.size.height) best = b;
  }
  return best?.id;
}

/** A rectangle from two corners in any order. */
export function rectFromCorners(a: Position, b: Position): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export const ALIGN_MODES = [
  'align-left',
  'align-center',
  'align-right',
  'align-top',
  'align-middle',
  'align-bottom',
  'distribute-horizontal',
  'distribute-vertical',
] as const;
export type AlignMode = (typeof ALIGN_MODES)[number];

/**
 * New top-left positions for the given rects (keyed by id). Aligning needs two items, distributing three:
 * the outermost stay put and the others get equal gaps between them.
 */
export function alignRects(rects: ReadonlyMap<string, Rect>, mode: AlignMode): Map<string, Position> {
  const entries = [...rects.entries()];
  const out = new Map<string, Position>();
  const bounds = boundsOf(entries.map(([, r]) => r));
  if (!bounds || entries.length < 2) return out;
  const set = (id: string, r: Rect, x: number, y: number) => {
    if (x !== r.x || y !== r.y) out.set(id, { x, y });
  };
  if (mode === 'distribute-horizontal' || mode === 'distribute-vertical') {
    if (entries.length < 3) return out;
    const horizontal = mode === 'distribute-horizontal';
    const sorted = entries.sort(([, a], [, b]) => (horizontal ? a.x - b.x : a.y - b.y));
    const total = sorted.reduce((s, [, r]) => s + (horizontal ? r.width : r.height), 0);
    const span = horizontal ? bounds.width : bounds.height;
    const gap = (span - total) / (sorted.length - 1);
    let cursor = horizontal ? bounds.x : bounds.y;
    for (const [id, r] of sorted) {
      if (horizontal) set(id, r, Math.round(cursor), r.y);
      else set(id, r, r.x, Math.round(cursor));
      cursor += (horizontal ? r.width : r.height) + gap;
    }
    return out;
  }
  for (const [id, r] of entries) {
    switch (mode) {
      case 'align-left':
        set(id, r, bounds.x, r.y);
        break;
      case 'align-center':
        set(id, r, Math.round(bounds.x + bounds.width / 2 - r.width / 2), r.y);
        break;
      case 'align-right':
        set(id, r, bounds.x + bounds.width - r.width, r.y);
        break;
      case 'align-top':
        set(id, r, r.x, bounds.y);
        break;
      case 'align-middle':
        set(id, r, r.x, Math.round(bounds.y + bounds.height / 2 - r.height / 2));
        break;
      case 'align-bottom':
        set(id, r, r.x, bounds.y + bounds.height - r.height);
        break;
      default:
        return mode satisfies never;
    }
  }
  return out;
}

/** True when two rectangles share some area (touching edges do not). */
export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The top-left nearest to `start` where a box of `size` overlaps none of `taken` (with a gap around it),
 * searched ring by ring on a grid of the box's size: nodes added one after another sit side by side.
 */
export function freeSpot(start: Position, size: Size, taken: readonly Rect[], gap = 24): Position {
  const step = { x: size.width + gap, y: size.height + gap };
  const free = (p: Position) => {
    const box = { x: p.x - gap / 2, y: p.y - gap / 2, width: size.width + gap, height: size.height + gap };
    return !taken.some((r) => overlaps(box, r));
  };
  if (free(start)) return start;
  for (let ring = 1; ring < 50; ring++) {
    // Right first, then below, left and above: reading order from where the user looks.
    const candidates: Position[] = [];
    for (let i = -ring; i <= ring; i++) {
      candidates.push({ x: start.x + ring * step.x, y: start.y + i * step.y });
      candidates.push({ x: start.x + i * step.x, y: start.y + ring * step.y });
      candidates.push({ x: start.x - ring * step.x, y: start.y + i * step.y });
      candidates.push({ x: start.x + i * step.x, y: start.y - ring * step.y });
    }
    candidates.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y));
    const hit = candidates.find(free);
    if (hit) return hit;
  }
  return start;
}
