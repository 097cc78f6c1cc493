/**
 * Framing the model: one place says how much room to leave around it. In the editor the toolbar floats
 * over the top of the canvas and the zoom buttons sit at the bottom left, so a framed model starts below
 * the one and right of the other. In presentation mode nothing floats over the canvas; room is left for
 * the tags above the top row and for labels, which grow there (detail.ts).
 */
import { getViewportForBounds } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import type { Rect } from '../editor/geometry.ts';

export const MIN_ZOOM = 0.05;
export const FIT_MAX_ZOOM = 1.25;

/** Insets around a framed model, in screen px (React Flow's padding object). */
export const EDIT_PADDING = { top: '48px', right: '32px', bottom: '28px', left: '60px' } as const;
const PRESENT_PADDING = { top: '16px', right: '28px', bottom: '12px', left: '28px' } as const;
/** Model px above and below the drawing kept clear in presentation mode (tags above, taller labels below). */
const PRESENT_ROOM = { above: 24, below: 24 };

/** Model px kept clear above a framed model in the editor: the top row's tags go there. */
const EDIT_ROOM_ABOVE = 24;

export function editViewport(bounds: Rect, width: number, height: number): Viewport {
  const room = { ...bounds, y: bounds.y - EDIT_ROOM_ABOVE, height: bounds.height + EDIT_ROOM_ABOVE };
  return getViewportForBounds(room, width, height, MIN_ZOOM, FIT_MAX_ZOOM, EDIT_PADDING);
}

/** The canvas a presentation frames the model into, in screen px, and the model px kept clear above and below. */
export function presentArea(width: number, height: number) {
  return { width: width - 56, height: height - 28, extraHeight: PRESENT_ROOM.above + PRESENT_ROOM.below };
}

export function presentViewport(bounds: Rect, width: number, height: number): Viewport {
  const room = { ...bounds, y: bounds.y - PRESENT_ROOM.above, height: bounds.height + PRESENT_ROOM.above + PRESENT_ROOM.below };
  return getViewportForBounds(room, width, height, MIN_ZOOM, 1.6, PRESENT_PADDING);
}
