/**
 * The edges of the lifted nodes of a large model (those being dragged, or a block selection ready to be:
 * see useLargeModel), drawn by one component. As React Flow edges, each drag step re-rendered ~200 edge
 * components (each with its own SVG, hit path, label and overlay hooks). As SVG paths, each step still
 * made the browser re-raster every tile the edges cross, nodes and text included (most of a drag's cost
 * without a GPU). Here they are strokes on one canvas the size of the pane, in its own layer: a step
 * redraws the canvas and nothing under it. Same curve, arrowhead and colours; the label, the scenario
 * overlay and the click target come back when the nodes are dropped or deselected.
 */
import { useStoreApi } from '@xyflow/react';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../adapter.ts';
import type { FlowEdge } from '../adapter.ts';

/** Where an edge leaves (source: right handle) or reaches (target: left handle) a node, as React Flow puts it. */
function endOf(node: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const { x, y } = node.internals.positionAbsolute;
  const handle = (node.internals.handleBounds?.[type] ?? node.handles?.filter((h) => h.type === type))?.[0];
  if (!handle) {
    const height = node.measured.height ?? NODE_HEIGHT;
    return { x: type === 'source' ? x + (node.measured.width ?? NODE_WIDTH) : x, y: y + height / 2 };
  }
  const width = handle.width ?? 0;
  const height = handle.height ?? 0;
  return { x: x + handle.x + (type === 'source' ? width : 0), y: y + handle.y + height / 2 };
}

type Point = { x: number; y: number };

/** A cubic Bézier: from, two control points, to. */
export interface Curve {
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

/** React Flow's control offset for a Bézier edge (its `getBezierPath`, curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/**
 * The curve React Flow's `getBezierPath` draws from a right-hand source handle to a left-hand target
 * handle, as points: no path string to build and parse on every drag step.
 */
export function bezierOf(from: Point, to: Point): Curve {
  return {
    from,
    c1: { x: from.x + controlOffset(to.x - from.x), y: from.y },
    c2: { x: to.x - controlOffset(to.x - from.x), y: to.y },
    to,
  };
}

/** The edge's curve as React Flow draws it; null when an end is not in the model. */
export function curveOf(edge: FlowEdge, lookup: ReactFlowState['nodeLookup']): Curve | null {
  const source = lookup.get(edge.source);
  const target = lookup.get(edge.target);
  if (!source || !target) return null;
  return bezierOf(endOf(source, 'source'), endOf(target, 'target'));
}

/** The canvas edges' look (app.css), in model units: a 1.6 stroke, React Flow's closed arrow. */
const STROKE = 1.6;
const ARROW = { length: 7.2, half: 5.8 };
const DASH = [6, 4];
const SOLID: number[] = [];

type Look = 'edge' | 'selected' | 'misfit';
type Colours = Record<Look, string>;

function coloursOf(el: Element): Colours {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    edge: read('--xy-edge-stroke-default', '#9aa2b1'),
    selected: read('--focus', '#2563eb'),
    misfit: read('--danger', '#dc2626'),
  };
}

const lookOf = (edge: FlowEdge): Look => (edge.selected ? 'selected' : edge.data?.fits === false ? 'misfit' : 'edge');

/** Each look is one path stroked once and one set of arrowheads filled once: a few calls per frame, not one per edge. */
function draw(canvas: HTMLCanvasElement, edges: readonly FlowEdge[], s: ReactFlowState, colours: Colours): void {
  canvas.dataset.edges = String(edges.length);
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(s.width * ratio);
  const height = Math.round(s.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const [tx, ty, zoom] = s.transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (edges.length === 0) return;
  ctx.setTransform(zoom * ratio, 0, 0, zoom * ratio, tx * ratio, ty * ratio);
  ctx.lineWidth = STROKE;
  const curves: Record<Look, Curve[]> = { edge: [], selected: [], misfit: [] };
  for (const edge of edges) {
    const curve = curveOf(edge, s.nodeLookup);
    if (curve) curves[lookOf(edge)].push(curve);
  }
  for (const look of ['edge', 'misfit', 'selected'] as const) {
    const group = curves[look];
    if (group.length === 0) continue;
    ctx.strokeStyle = ctx.fillStyle = colours[look];
    ctx.setLineDash(look === 'misfit' ? DASH : SOLID);
    ctx.beginPath();
    for (const { from, c1, c2, to } of group) {
      ctx.moveTo(from.x, from.y);
      ctx.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, to.x, to.y);
    }
    ctx.stroke();
    // Every edge reaches its target's left side heading right, so the arrow points right.
    ctx.beginPath();
    for (const { to } of group) {
      ctx.moveTo(to.x, to.y);
      ctx.lineTo(to.x - ARROW.length, to.y - ARROW.half);
      ctx.lineTo(to.x - ARROW.length, to.y + ARROW.half);
      ctx.closePath();
    }
    ctx.fill();
  }
}

/**
 * Mounted for as long as a large model is open, empty and hidden between drags: a drag's first step
 * would otherwise pay for creating the canvas and its context (40 ms on a 2-core machine without a GPU).
 */
export const DragEdges = memo(function DragEdges({ edges }: { edges: readonly FlowEdge[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let colours = coloursOf(canvas);
    draw(canvas, edges, store.getState(), colours);
    if (edges.length === 0) return;
    // The theme switched while edges are shown: their colours are read again.
    const themes = new MutationObserver(() => {
      colours = coloursOf(canvas);
      draw(canvas, edges, store.getState(), colours);
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
        draw(canvas, edges, store.getState(), colours);
      });
    });
    return () => {
      unsubscribe();
      themes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [edges, store]);
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
