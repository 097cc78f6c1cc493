/**
 * The one rectangle and size of the code base, named as the DOM and React Flow name them (`width`, `height`):
 * the canvas's geometry, its layouts and camera, the report's diagrams and the PDF writer all use these, in
 * model coordinates or page points as the caller says. Beside them, the rectangle maths the editor and the
 * report's diagrams both do, so that both measure a frame, a centre and an extent the same way.
 */
import type { Boundary, Position } from '../domain/index.ts';

export interface Size {
  width: number;
  height: number;
}

/** `x`, `y` is the top-left corner. */
export interface Rect extends Size {
  x: number;
  y: number;
}

/** A trust boundary's frame. */
export function boundaryRect(b: Pick<Boundary, 'position' | 'size'>): Rect {
  return { x: b.position.x, y: b.position.y, width: b.size.width, height: b.size.height };
}

export function center(r: Rect): Position {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The smallest rectangle holding all of `rects`, or null when there are none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
