/**
 * Framing the model: one place says how much room to leave around it. In the editor the toolbar floats
 * over the top of the canvas and the zoom buttons sit at the bottom left, so a framed model starts below
 * the one and right of the other. In presentation mode nothing floats over the canvas; room is left for
 * the tags above the top row and for labels, which grow there (detail.ts).
 */
import { getViewportForBounds } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import type { Rect } from '../../../shared/visual/index.ts';

/**
 * How far the canvas may zoom out: 0.05 holds a model of a few thousand nodes whole; a larger one (10,000
 * nodes on a grid is some 24,000 × 12,000 px) needs less, so the least zoom follows the model (minZoomFor)
 * and a framed model is never clamped: "fit all" shows all of it, never stops with the drawing running off
 * the canvas.
 */
const MIN_ZOOM = 0.05;
/** The closest a framed model is drawn (a small model is not blown up past it). */
export const FIT_MAX_ZOOM = 1.25;
/** No floor when framing: the model fits, whatever its size. */
const NO_FLOOR = 1e-4;

/** Insets around a framed model, in screen px (React Flow's padding object). */
const EDIT_PADDING = { top: '48px', right: '32px', bottom: '28px', left: '60px' } as const;
const PRESENT_PADDING = { top: '16px', right: '28px', bottom: '12px', left: '28px' } as const;
/** Model px above and below the drawing kept clear in presentation mode (tags above, taller labels below). */
const PRESENT_ROOM = { above: 24, below: 24 };

/** Model px kept clear above a framed model in the editor: the top row's tags go there. */
const EDIT_ROOM_ABOVE = 24;

export function editViewport(bounds: Rect, width: number, height: number): Viewport {
  const room = { ...bounds, y: bounds.y - EDIT_ROOM_ABOVE, height: bounds.height + EDIT_ROOM_ABOVE };
  return getViewportForBounds(room, width, height, NO_FLOOR, FIT_MAX_ZOOM, EDIT_PADDING);
}

/** The least zoom for a model of these bounds in a view of this size: MIN_ZOOM, or lower so it fits whole. */
export function minZoomFor(bounds: Rect | null, width: number, height: number): number {
  if (!bounds || width <= 0 || height <= 0) return MIN_ZOOM;
  // A little below the fit, so a narrower view (a panel opened) still takes it whole after a wheel step or two.
  return Math.min(MIN_ZOOM, editViewport(bounds, width, height).zoom * 0.8);
}

/** The canvas a presentation frames the model into, in screen px, and the model px kept clear above and below. */
export function presentArea(width: number, height: number) {
  return { width: width - 56, height: height - 28, extraHeight: PRESENT_ROOM.above + PRESENT_ROOM.below };
}

export function presentViewport(bounds: Rect, width: number, height: number): Viewport {
  const room = { ...bounds, y: bounds.y - PRESENT_ROOM.above, height: bounds.height + PRESENT_ROOM.above + PRESENT_ROOM.below };
  return getViewportForBounds(room, width, height, NO_FLOOR, 1.6, PRESENT_PADDING);
}
