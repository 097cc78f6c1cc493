/**
 * The canvas as a picture to paste into a slide or a ticket: a title and caption above the drawing, each edge's
 * kind on it, and the legend below, in the one visual vocabulary (shared/visual/). A picture has to explain
 * itself: nobody has the app open beside it.
 */
import type { Primitive } from './draw.ts';
import { FAINT, INK, MUTED, RULE, diagramPrimitives, primitivesToSvg } from './draw.ts';
import { diagramLegend } from './legend.ts';
import { EFFECT_STYLES } from './style.ts';
import { textWidth } from './text.ts';
import type { DiagramView } from './types.ts';

const PAD = 24;
const TITLE = 20;
const CAPTION = 12;
const HEADER = PAD + TITLE * 1.2 + CAPTION * 1.6 + 10;
const LEGEND_ROW = 22;
const LEGEND_TEXT = 12;
/** Above this many edges, their kinds would cover the drawing: the picture leaves them out. */
const MAX_EDGE_LABELS = 400;
const EDGE_TEXT = 9;

/**
 * Each edge's kind at its middle, on a white plate, edged in the colour of what it carried. A label that would
 * cover a node is left out: the node's own text matters more.
 */
export function edgeLabelPrimitives(view: DiagramView): Primitive[] {
  if (view.edges.length > MAX_EDGE_LABELS) return [];
  const out: Primitive[] = [];
  const covers = (x: number, y: number, w: number, h: number) =>
    view.nodes.some((n) => x < n.rect.x + n.rect.width && n.rect.x < x + w && y < n.rect.y + n.rect.height && n.rect.y < y + h);
  for (const e of view.edges) {
    const w = textWidth(e.kind, EDGE_TEXT) + 8;
    const h = EDGE_TEXT + 5;
    const cx = (e.x1 + e.x2) / 2;
    const cy = (e.y1 + e.y2) / 2;
    if (covers(cx - w / 2, cy - h / 2, w, h)) continue;
    const stroke = e.carried ? EFFECT_STYLES[e.carried].color : RULE;
    out.push({ type: 'rect', x: cx - w / 2, y: cy - h / 2, width: w, height: h, rx: 3, fill: '#FFFFFF', stroke, strokeWidth: e.carried ? 1 : 0.6, dash: null });
    out.push({ type: 'text', x: cx, y: cy + EDGE_TEXT * 0.35, text: e.kind, size: EDGE_TEXT, bold: false, color: e.carried ? INK : MUTED, anchor: 'middle' });
  }
  return out;
}

/** The legend laid out in rows across `width`, from (x0, y0); returns its primitives and height. */
function legend(view: DiagramView, x0: number, y0: number, width: number): { primitives: Primitive[]; height: number } {
  const primitives: Primitive[] = [];
  let x = x0;
  let y = y0 + LEGEND_ROW / 2;
  for (const item of diagramLegend(view)) {
    const sw = item.width(LEGEND_TEXT) + 6;
    const w = sw + textWidth(item.label, LEGEND_TEXT) + 18;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += LEGEND_ROW;
    }
    primitives.push(...item.swatch(x, y, LEGEND_TEXT));
    primitives.push({ type: 'text', x: x + sw, y: y + LEGEND_TEXT * 0.35, text: item.label, size: LEGEND_TEXT, bold: false, color: MUTED, anchor: 'start' });
    x += w;
  }
  return { primitives, height: y - y0 + LEGEND_ROW / 2 };
}

/** The picture as a standalone SVG document on a white sheet: title, caption, drawing with edge kinds, legend. */
export function pictureSvg(view: DiagramView): string {
  const width = Math.max(view.box.width, 480) + 2 * PAD;
  const top = HEADER;
  const leg = legend(view, PAD, top + view.box.height + 12, width - 2 * PAD);
  const height = Math.ceil(top + view.box.height + 12 + leg.height + PAD);
  const chrome: Primitive[] = [
    { type: 'text', x: PAD, y: PAD + TITLE, text: view.title, size: TITLE, bold: true, color: INK, anchor: 'start' },
    { type: 'text', x: PAD, y: PAD + TITLE * 1.2 + CAPTION * 1.3, text: view.caption, size: CAPTION, bold: false, color: MUTED, anchor: 'start' },
    { type: 'line', x1: PAD, y1: top - 6, x2: width - PAD, y2: top - 6, stroke: FAINT, strokeWidth: 0.6, dash: null },
    ...leg.primitives,
  ];
  const drawing = primitivesToSvg([...diagramPrimitives(view), ...edgeLabelPrimitives(view)], view.box, {
    width: String(view.box.width),
    height: String(view.box.height),
  }).replace('<svg ', `<svg x="${PAD}" y="${top}" `);
  const sheet = primitivesToSvg(chrome, { x: 0, y: 0, width: width, height: height }, { title: view.title, width: String(Math.ceil(width)), height: String(height) });
  // The white sheet first, the drawing nested after the header: one SVG file, no external reference.
  return sheet
    .replace(/(<svg[^>]*>(?:<title>.*?<\/title>)?)/, `$1<rect x="0" y="0" width="${Math.ceil(width)}" height="${height}" fill="#ffffff"/>`)
    .replace(/<\/svg>$/, `${drawing}</svg>`);
}
