/**
 * While the user pans or zooms a large model zoomed out, its picture is a bitmap: every edge and node box
 * around the view, drawn once into a <canvas> at the zoom of the moment. Moving or scaling a bitmap costs
 * the same whatever it shows; an SVG picture of 20,000 segments was rastered again in every tile a pan
 * exposed and at every wheel step (10,000 nodes: about 1.2 s of raster CPU in 1.5 s of wheel zoom).
 * Pure functions: where the bitmap lies, when it must be drawn again, and the drawing itself.
 */
import type { NodeKind } from '../../../shared/domain/index.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import type { FlowEdge } from './adapter.ts';
import type { Box } from './flowGeometry.ts';
import { overlaps } from '../editor/geometry.ts';
import type { AbsRect } from './overview.ts';
import { edgeSegment, segmentMeets } from './overview.ts';

/** What a bitmap covers: an area of the model (model px), at a zoom, with this many bitmap px per model px. */
export interface Cover {
  area: Rect;
  zoom: number;
  scale: number;
}

/** The most pixels a bitmap may hold: 16 MB of memory, while the view moves. */
export const PICTURE_PIXELS = 4_000_000;
/** Zoomed in past this factor of the zoom it was drawn at, the bitmap looks soft: it is drawn again. */
const SOFTEST = 1.5;

/**
 * The cover for a view (`transform`: React Flow's [x, y, zoom]): the view with half of it again on each
 * side (a pan of half a screen needs no new drawing; zooming out, the view outgrows it after a halving), at
 * the zoom times the screen's pixel ratio, less when that would pass PICTURE_PIXELS. Its corner falls on
 * a screen pixel: a bitmap shown between pixels is resampled, and its one-pixel lines smeared over two.
 * `margin` (a fraction of the view, each side) and `pixels` change those two for another picture.
 */
export function coverFor(
  view: Box,
  transform: readonly [number, number, number],
  pixelRatio = 1,
  { margin = 0.5, pixels = PICTURE_PIXELS }: { margin?: number; pixels?: number } = {},
): Cover {
  const [tx, ty, zoom] = transform;
  const width = view.x1 - view.x0;
  const height = view.y1 - view.y0;
  const onPixel = (at: number, t: number) => {
    const screen = t + at * zoom;
    return at + (Math.round(screen * pixelRatio) / pixelRatio - screen) / zoom;
  };
  const area = {
    x: onPixel(view.x0 - width * margin, tx),
    y: onPixel(view.y0 - height * margin, ty),
    width: width * (1 + 2 * margin),
    height: height * (1 + 2 * margin),
  };
  const scale = Math.min(zoom * pixelRatio, Math.sqrt(pixels / (area.width * area.height)));
  return { area, zoom, scale };
}

/** Whether the bitmap drawn for `cover` still serves a view: it holds all of it, and is not blown up soft. */
export function covers(cover: Cover, view: Box, zoom: number): boolean {
  const { area } = cover;
  return (
    zoom <= cover.zoom * SOFTEST &&
    view.x0 >= area.x &&
    view.y0 >= area.y &&
    view.x1 <= area.x + area.width &&
    view.y1 <= area.y + area.height
  );
}

/** The drawing calls the picture makes: a CanvasRenderingContext2D has them all. */
export type PictureContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'rect'
  | 'fill'
  | 'fillRect'
  | 'globalCompositeOperation'
  | 'stroke'
  | 'globalAlpha'
  | 'lineWidth'
  | 'strokeStyle'
  | 'fillStyle'
>;

/** How the picture looks: the same strokes and fills as the SVG overview (editor.css `.fl-overview-*`). */
export interface PictureStyle {
  edgeColor: string;
  kindColor: (kind: NodeKind) => string;
  /** Draw the node boxes too (far out, where React Flow draws no node). */
  boxes: boolean;
}

/**
 * Draws the edges (one straight segment each, as in the SVG overview) and, with `boxes`, the node boxes that
 * meet the cover's area, onto a context already cleared and sized to it. Lines keep their width on screen at
 * any zoom, as the SVG's non-scaling strokes do.
 */
export function drawPicture(
  ctx: PictureContext,
  cover: Cover,
  rects: ReadonlyMap<string, AbsRect>,
  edges: readonly FlowEdge[],
  style: PictureStyle,
): void {
  const { area, scale } = cover;
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  // One screen pixel, in model px (or one bitmap pixel when the bitmap is coarser than the screen).
  const pixel = Math.max(1 / cover.zoom, 1 / scale);
  // Chromium draws the SVG overview's one-pixel lines thinner than a canvas's: half a pixel here gives the
  // same ink (mean brightness of the bench's view, 210 against 209 for the SVG; 199 at a whole pixel).
  ctx.lineWidth = pixel / 2;
  ctx.strokeStyle = style.edgeColor;
  ctx.beginPath();
  for (const e of edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (!s || !t) continue;
    const g = edgeSegment(s, t);
    if (!segmentMeets(g, area)) continue;
    ctx.moveTo(g.x0, g.y0);
    ctx.lineTo(g.x1, g.y1);
  }
  ctx.stroke();
  // The SVG path has opacity 0.6 as a whole: where lines cross, the ink stops at 0.6. Stroked at 0.6 here,
  // each thin line would blend on its own and a bundle of them go dark. So they are drawn opaque, then the
  // whole bitmap (edges alone so far) is faded to 0.6.
  ctx.globalCompositeOperation = 'destination-in';
  ctx.globalAlpha = 0.6;
  ctx.fillRect(area.x, area.y, area.width + 1 / scale, area.height + 1 / scale);
  ctx.globalCompositeOperation = 'source-over';
  if (!style.boxes) return;
  const byKind = new Map<NodeKind, AbsRect[]>();
  for (const r of rects.values()) {
    if (!r.kind || !overlaps(r, area)) continue;
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  ctx.lineWidth = pixel;
  for (const [kind, list] of byKind) {
    ctx.beginPath();
    for (const r of list) ctx.rect(r.x, r.y, r.width, r.height);
    ctx.fillStyle = ctx.strokeStyle = style.kindColor(kind);
    ctx.globalAlpha = 0.35;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.stroke();
  }
}
