/**
 * The view when the canvas changes size. In the editor the middle of the view stays in the middle
 * across when a side panel opens, closes or is resized (React Flow would keep the left edge, and the model
 * would slide aside); the top stays where it is when something opens or closes below the canvas (the
 * dock, the timeline), so nothing slides up under the toolbar. In presentation mode the model is framed
 * whole at every size. Leaving presentation mode puts back the view the editor had, once the panels are
 * back.
 */
import { useReactFlow, useStore } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Rect } from '../../../shared/visual/index.ts';
import { editViewport, presentViewport } from './fit.ts';

/** After leaving presentation mode, resizes within this long are the panels coming back. */
const SETTLE_MS = 600;

/** Whether all of `b` was in a view of that size at that viewport. */
function wholeIn(b: Rect, v: Viewport, width: number, height: number): boolean {
  const x0 = b.x * v.zoom + v.x;
  const y0 = b.y * v.zoom + v.y;
  return x0 >= -1 && y0 >= -1 && x0 + b.width * v.zoom <= width + 1 && y0 + b.height * v.zoom <= height + 1;
}

/** Two viewports that show the same, to the pixel. */
const sameView = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 1e-3;

/**
 * `bounds`: the model's extent; `presentBounds`: as presentation mode draws it (spread, present/stretch.ts).
 * A model framed whole before the canvas changed size (as it opened, or after F) is framed whole again after.
 */
export function useCanvasCamera(presenting: boolean, restore: Viewport | null, bounds: Rect | null, presentBounds: Rect | null) {
  const rf = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const last = useRef({ width, height, presenting });
  const settling = useRef<{ viewport: Viewport; until: number } | null>(null);

  useEffect(() => {
    const prev = last.current;
    last.current = { width, height, presenting };
    if (width === 0 || height === 0) return;
    if (presenting) {
      settling.current = null;
      if (presentBounds) void rf.setViewport(presentViewport(presentBounds, width, height));
      return;
    }
    if (prev.presenting) {
      settling.current = restore ? { viewport: restore, until: performance.now() + SETTLE_MS } : null;
    }
    const s = settling.current;
    if (s && performance.now() < s.until) {
      void rf.setViewport(s.viewport);
      return;
    }
    settling.current = null;
    if (prev.width === 0 || prev.height === 0 || (prev.width === width && prev.height === height)) return;
    const view = rf.getViewport();
    // Only a view that is the model framed (as it opened, or after F): a model drawn node by node on the
    // default view is also whole in view, and framing it would jump the view under the user's hand (the
    // first node dropped on an empty canvas unfolds the scenario dock).
    if (bounds && wholeIn(bounds, view, prev.width, prev.height) && sameView(view, editViewport(bounds, prev.width, prev.height))) {
      void rf.setViewport(editViewport(bounds, width, height));
      return;
    }
    if (prev.width !== width) void rf.setViewport({ x: view.x + (width - prev.width) / 2, y: view.y, zoom: view.zoom });
  }, [width, height, presenting, restore, bounds, presentBounds, rf]);
}
