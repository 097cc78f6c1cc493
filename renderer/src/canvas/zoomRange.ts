/**
 * How far the canvas may zoom out. 0.05 holds any model of a few thousand nodes whole; a larger one
 * (10,000 nodes on a grid is some 24,000 × 12,000 px) needs less to fit the view, so the least zoom follows
 * the model: "fit all" must show all of it, never stop at a floor with the drawing running off the canvas.
 */
import type { Rect } from '../editor/geometry.ts';

export const MIN_ZOOM = 0.05;
/** Room around a model framed whole (React Flow's fit padding: a share of the view). */
export const FIT_PADDING = 0.15;

/** The zoom at which `bounds` fits a view of `width` × `height` with FIT_PADDING around it. */
export function zoomToFit(bounds: Rect, width: number, height: number): number {
  const w = bounds.width * (1 + FIT_PADDING);
  const h = bounds.height * (1 + FIT_PADDING);
  return Math.min(width / Math.max(w, 1), height / Math.max(h, 1));
}

/** The least zoom for a model of these bounds in a view of this size: MIN_ZOOM, or lower so it fits whole. */
export function minZoomFor(bounds: Rect | null, width: number, height: number): number {
  if (!bounds || width <= 0 || height <= 0) return MIN_ZOOM;
  // A little below the fit, so a narrower view (a panel opened) still fits it after a wheel step or two.
  return Math.min(MIN_ZOOM, zoomToFit(bounds, width, height) * 0.8);
}
