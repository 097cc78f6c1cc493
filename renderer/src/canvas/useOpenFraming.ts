/**
 * A different model (open, new, sample) is framed before its first paint, from the model's own geometry: no
 * frame is drawn (and thrown away) at the previous view. Edits keep the viewport.
 *
 * Until anything else moves the view (the user, a keyboard zoom, a panel framing a path) or the model is edited,
 * a canvas that changes size frames the model again: the scenario dock opening below the canvas as the model's
 * scenarios load would otherwise leave the opened model cut off at an edge. After that, the view is the user's.
 */
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useModelStoreApi } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { modelBounds } from './adapter.ts';

export const MIN_ZOOM = 0.05;
/** Below this zoom no label can be read (see detail.ts). */
const READABLE_ZOOM = 0.2;
const OPEN_ZOOM = 0.75;
export const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
const FIT_OPTIONS = { padding: 0.15, maxZoom: 1.25, duration: 0 };

/** Frames each model as it opens; returns `onMoveStart`, which ends the re-framing when anything else moves the view. */
export function useOpenFraming(modelId: string): () => void {
  const { fitView, setViewport } = useReactFlow();
  const store = useModelStoreApi();
  const rf = useStoreApi<FlowNode, FlowEdge>();
  /** The model as this hook framed it, while the view is still the one it chose; null once anything else moved it. */
  const framed = useRef<unknown>(null);
  /** This hook is moving the view right now (React Flow reports the move synchronously). */
  const framing = useRef(false);

  const frame = useCallback((): (() => void) | undefined => {
    const { width, height } = rf.getState();
    const bounds = modelBounds(store.getState().model);
    const move = (f: () => void) => {
      framing.current = true;
      try {
        f();
      } finally {
        framing.current = false;
      }
    };
    if (!bounds) move(() => void setViewport(DEFAULT_VIEWPORT));
    else if (width > 0 && height > 0) {
      const fit = getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
      // A model too big to read when all of it fits (hundreds of nodes) opens at a working zoom on its
      // centre; the minimap shows the whole, F fits it all.
      if (fit.zoom >= READABLE_ZOOM) move(() => void setViewport(fit));
      else {
        const cx = bounds.x + bounds.width / 2;
        const cy = bounds.y + bounds.height / 2;
        move(() => void setViewport({ x: width / 2 - cx * OPEN_ZOOM, y: height / 2 - cy * OPEN_ZOOM, zoom: OPEN_ZOOM }));
      }
    } else {
      const id = requestAnimationFrame(() => move(() => void fitView(FIT_OPTIONS)));
      return () => cancelAnimationFrame(id);
    }
  }, [fitView, setViewport, store, rf]);

  useLayoutEffect(() => {
    framed.current = modelBounds(store.getState().model) ? store.getState().model : null;
    return frame();
  }, [modelId, frame, store]);

  useEffect(
    () =>
      rf.subscribe((s, prev) => {
        if (s.width === prev.width && s.height === prev.height) return;
        // An edit since the framing makes a new model object: the view is the user's from then on.
        if (framed.current === null || framed.current !== store.getState().model) framed.current = null;
        else if (s.width > 0 && s.height > 0) frame();
      }),
    [rf, frame, store],
  );

  return useCallback(() => {
    if (!framing.current) framed.current = null;
  }, []);
}
