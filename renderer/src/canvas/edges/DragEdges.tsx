/**
 * The edges of the lifted nodes of a large model (those being dragged, or a block selection ready to be:
 * see useLargeModel), drawn by one component. As React Flow edges, each drag step re-rendered ~200 edge
 * components (each with its own SVG, hit path, label and overlay hooks). As SVG paths, each step still
 * made the browser re-raster every tile the edges cross, nodes and text included (most of a drag's cost
 * without a GPU). Here they are strokes on one canvas the size of the pane, in its own layer: a step
 * redraws the canvas and nothing under it. Same curve, arrowhead, colours and label (dragDrawing.ts); the
 * scenario overlay and the click target come back when the nodes are dropped or deselected.
 */
import { useStoreApi } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { FlowEdge } from '../adapter.ts';
import { useDetail } from '../detail.ts';
import { clear, draw, themeOf } from './dragDrawing.ts';
import type { LabelCache } from './dragDrawing.ts';

/**
 * Mounted for as long as a large model is open, empty and hidden between drags: a drag's first step
 * would otherwise pay for creating the canvas and its context (40 ms on a 2-core machine without a GPU).
 */
export const DragEdges = memo(function DragEdges({ edges }: { edges: readonly FlowEdge[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const { labels } = useDetail();
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (edges.length === 0) {
      // Nothing lifted: cleared, without reading the theme (getComputedStyle would lay out the page, and
      // this runs whenever the zoom crosses the edge labels' threshold).
      clear(canvas, store.getState());
      return;
    }
    let theme = themeOf(canvas);
    const cache: LabelCache | null = labels ? new Map() : null;
    draw(canvas, edges, store.getState(), theme, cache);
    // The theme switched while edges are shown: their colours are read again.
    const themes = new MutationObserver(() => {
      theme = themeOf(canvas);
      draw(canvas, edges, store.getState(), theme, cache);
    });
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    // A drag step changes the store several times; it is drawn at most once a frame, just before the paint.
    // The view moving (pan, zoom) redraws it too: the canvas is in screen space.
    let frame = 0;
    const unsubscribe = store.subscribe((s, before) => {
      if (
        frame ||
        // React Flow updates nodeLookup in place; its nodes array is new whenever a node moves.
        (s.nodes === before.nodes &&
          s.transform === before.transform &&
          s.width === before.width &&
          s.height === before.height)
      )
        return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw(canvas, edges, store.getState(), theme, cache);
      });
    });
    return () => {
      unsubscribe();
      themes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [edges, store, labels]);
  return (
    <canvas
      ref={ref}
      className="fl-drag-edges"
      data-idle={edges.length === 0 || undefined}
      aria-hidden="true"
      data-testid="drag-edges"
    />
  );
});
