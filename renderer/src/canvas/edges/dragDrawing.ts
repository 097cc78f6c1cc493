/**
 * How the drag layer (DragEdges) draws: React Flow's Bézier from a node's right handle to the next one's
 * left handle, its arrowhead, and KindEdge's label pill, on a 2D canvas in the view's transform. Pure
 * functions of React Flow's state, so the curve can be checked against React Flow's own.
 */
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import type { FlowEdge } from '../adapter.ts';
import type { Box } from '../flowGeometry.ts';
import { viewInFlow } from '../flowGeometry.ts';
import { edgeLabel } from './edgeLabel.ts';
import { NODE_BOX } from '../../../../shared/visual/index.ts';

/** Where an edge leaves (source: right handle) or reaches (target: left handle) a node, as React Flow puts it. */
function endOf(node: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const { x, y } = node.internals.positionAbsolute;
  const handle = (node.internals.handleBounds?.[type] ?? node.handles?.filter((h) => h.type === type))?.[0];
  if (!handle) {
    const height = node.measured.height ?? NODE_BOX.height;
    return { x: type === 'source' ? x + (node.measured.width ?? NODE_BOX.width) : x, y: y + height / 2 };
  }
  const width = handle.width ?? 0;
  const height = handle.height ?? 0;
  return { x: x + handle.x + (type === 'source' ? width : 0), y: y + handle.y + height / 2 };
}

type Point = { x: number; y: number };

/** A cubic Bézier: from, two control points, to. */
interface Curve {
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
function curveOf(edge: FlowEdge, lookup: ReactFlowState['nodeLookup']): Curve | null {
  const source = lookup.get(edge.source);
  const target = lookup.get(edge.target);
  if (!source || !target) return null;
  return bezierOf(endOf(source, 'source'), endOf(target, 'target'));
}

/** The middle of a curve (t = ½), where React Flow puts an edge's label. */
export function middleOf({ from, c1, c2, to }: Curve): Point {
  return {
    x: 0.125 * from.x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * to.x,
    y: 0.125 * from.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * to.y,
  };
}

/** The canvas edges' look (app.css), in model units: a 1.6 stroke, React Flow's closed arrow, the label pill. */
const STROKE = 1.6;
const ARROW = { length: 7.2, half: 5.8 };
const DASH = [6, 4];
const SOLID: number[] = [];
const LABEL = { font: 10.5, padX: 6, height: 10.5 * 1.3 + 4 + 2, radius: 10 };

type Look = 'edge' | 'selected' | 'misfit';

/** The colours and font the edges and labels are drawn with, read from the page's CSS. */
interface Theme {
  stroke: Record<Look, string>;
  label: { background: string; border: string; text: string; selectedText: string };
  font: string;
}

export function themeOf(el: Element): Theme {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    stroke: {
      edge: read('--xy-edge-stroke-default', '#9aa2b1'),
      selected: read('--focus', '#2563eb'),
      misfit: read('--danger', '#dc2626'),
    },
    label: {
      background: read('--panel', '#ffffff'),
      border: read('--border', '#d8dde6'),
      text: read('--muted', '#5b6475'),
      selectedText: read('--text', '#1b2030'),
    },
    font: style.fontFamily || 'sans-serif',
  };
}

/** An edge's label text and width, kept while the same edges are drawn: measuring text every frame is not free. */
export type LabelCache = Map<string, { text: string; width: number }>;

const lookOf = (edge: FlowEdge): Look => (edge.selected ? 'selected' : edge.data?.fits === false ? 'misfit' : 'edge');

/** The view in model units, widened by a label's width: what is outside it is not drawn. */
function viewOf(s: ReactFlowState): Box {
  const margin = 100;
  const { x0, y0, x1, y1 } = viewInFlow(s);
  return { x0: x0 - margin, y0: y0 - margin, x1: x1 + margin, y1: y1 + margin };
}

/** Whether a curve may cross the view: its control polygon's box (which holds the curve) meets it. */
function crosses({ from, c1, c2, to }: Curve, view: Box): boolean {
  return (
    Math.max(from.x, c1.x, c2.x, to.x) >= view.x0 &&
    Math.min(from.x, c1.x, c2.x, to.x) <= view.x1 &&
    Math.max(from.y, to.y) >= view.y0 &&
    Math.min(from.y, to.y) <= view.y1
  );
}

/** Sizes the canvas to the pane and clears it; `count` is how many edges it is about to hold (data-edges). */
export function clear(canvas: HTMLCanvasElement, s: ReactFlowState, count = 0): CanvasRenderingContext2D | null {
  canvas.dataset.edges = String(count);
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(s.width * ratio);
  const height = Math.round(s.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Draws the edges that cross the view `s` holds (and, when the zoom shows labels, their labels). Each
 * look is one path stroked once and one set of arrowheads filled once: a few calls a frame, not one an edge.
 */
export function draw(
  canvas: HTMLCanvasElement,
  edges: readonly FlowEdge[],
  s: ReactFlowState,
  theme: Theme,
  labels: LabelCache | null,
): void {
  const ctx = clear(canvas, s, edges.length);
  if (!ctx || edges.length === 0) return;
  const ratio = window.devicePixelRatio || 1;
  const [tx, ty, zoom] = s.transform;
  ctx.setTransform(zoom * ratio, 0, 0, zoom * ratio, tx * ratio, ty * ratio);
  ctx.lineWidth = STROKE;
  const curves: Record<Look, Curve[]> = { edge: [], selected: [], misfit: [] };
  const drawn: { edge: FlowEdge; curve: Curve }[] = [];
  const view = viewOf(s);
  for (const edge of edges) {
    const curve = curveOf(edge, s.nodeLookup);
    if (!curve || !crosses(curve, view)) continue;
    curves[lookOf(edge)].push(curve);
    drawn.push({ edge, curve });
  }
  for (const look of ['edge', 'misfit', 'selected'] as const) {
    const group = curves[look];
    if (group.length === 0) continue;
    ctx.strokeStyle = ctx.fillStyle = theme.stroke[look];
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
  if (labels) drawLabels(ctx, drawn, theme, labels);
}

/** The labels as KindEdge draws them (`.fl-edge-label`): a pill at the middle of the curve. */
function drawLabels(
  ctx: CanvasRenderingContext2D,
  drawn: readonly { edge: FlowEdge; curve: Curve }[],
  theme: Theme,
  cache: LabelCache,
): void {
  ctx.font = `${LABEL.font}px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (const { edge, curve } of drawn) {
    if (!edge.data) continue;
    let label = cache.get(edge.id);
    if (!label) {
      const text = `${edge.data.fits ? '' : '⚠ '}${edgeLabel(edge.data.edge)}`;
      label = { text, width: ctx.measureText(text).width };
      cache.set(edge.id, label);
    }
    const look = lookOf(edge);
    const { x, y } = middleOf(curve);
    const width = label.width + 2 * LABEL.padX + 2;
    ctx.beginPath();
    ctx.roundRect(x - width / 2, y - LABEL.height / 2, width, LABEL.height, LABEL.radius);
    ctx.fillStyle = theme.label.background;
    ctx.fill();
    ctx.setLineDash(look === 'misfit' ? [3, 2] : SOLID);
    ctx.strokeStyle = look === 'edge' ? theme.label.border : theme.stroke[look];
    ctx.stroke();
    ctx.fillStyle =
      look === 'misfit' ? theme.stroke.misfit : look === 'selected' ? theme.label.selectedText : theme.label.text;
    ctx.fillText(label.text, x, y);
  }
}
