/**
 * Drawings as a flat list of primitives (rectangles, lines, paths, text): the one definition of how a diagram
 * and a timeline look. The PDF draws them as pdfkit paths (report/pdf/shapes.ts), the HTML and the
 * canvas export as SVG text.
 */
import type { Effect } from '../domain/index.ts';
import { EFFECTS } from '../domain/index.ts';
import { formatHours } from './format.ts';
import { BREAK_COLOR, BREAK_GLYPH, EFFECT_STYLES, KIND_STYLES, RESPONSE_COLOR, glyphEvenOdd, glyphPath } from './style.ts';
import type { GlyphName, Rect } from '../visual/index.ts';
import { deadColor, effectFill, RESPONSE_LOOK } from '../visual/index.ts';
import { ellipsize, textWidth } from './text.ts';
import type { DiagramEdge, DiagramNode, DiagramView, Timeline } from './types.ts';
import { inertText } from './inert.ts';

export type Primitive =
  | (Rect & {
      type: 'rect';
      rx: number;
      fill: string;
      stroke: string | null;
      strokeWidth: number;
      dash: string | null;
    })
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash: string | null }
  | { type: 'path'; d: string; fill: string; stroke: string | null; strokeWidth: number; dash?: string | null; evenOdd?: boolean }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold: boolean;
      color: string;
      anchor: 'start' | 'middle' | 'end';
    };

export const INK = '#0F172A';
export const MUTED = '#475569';
export const FAINT = '#94A3B8';
export const RULE = '#CBD5E1';

const f = (n: number) => Number(n.toFixed(2));

function arrowHead(e: DiagramEdge, size: number): string {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = e.x2 - ux * size;
  const by = e.y2 - uy * size;
  const w = size * 0.5;
  return `M${f(e.x2)} ${f(e.y2)} L${f(bx - uy * w)} ${f(by + ux * w)} L${f(bx + uy * w)} ${f(by - ux * w)} Z`;
}

function edgePrimitives(e: DiagramEdge, scale: number): Primitive[] {
  const carried = e.carried ? EFFECT_STYLES[e.carried] : null;
  const color = carried ? carried.color : FAINT;
  const width = carried ? Math.max(1.2, 2.6 * scale) : Math.max(0.5, 1.1 * scale);
  const out: Primitive[] = [
    { type: 'line', x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, stroke: color, strokeWidth: width, dash: carried?.dashed ? '3 2' : null },
  ];
  if (e.arrow) {
    const size = Math.min(7, Math.max(2.5, 9 * scale)) * (carried ? 1.15 : 1);
    out.push({ type: 'path', d: arrowHead(e, size), fill: color, stroke: null, strokeWidth: 0 });
  }
  return out;
}

/** A glyph of the vocabulary as a filled path with a thin white edge, so it reads over any fill. */
export function glyphPrimitive(glyph: GlyphName, color: string, cx: number, cy: number, r: number): Primitive {
  return { type: 'path', d: glyphPath(glyph, cx, cy, r), fill: color, stroke: '#FFFFFF', strokeWidth: Math.min(0.4, r * 0.12), evenOdd: glyphEvenOdd(glyph) };
}

/** An effect's strong colour on this node: faded on a dead stolen copy, as on the canvas. */
const effectColor = (n: DiagramNode, e: Effect) => (n.dead && e === n.security ? deadColor(e) : EFFECT_STYLES[e].color);

/** Glyphs of a node's break, effects and responses, right-aligned in its top corner, as the canvas tags show them. */
function markers(n: DiagramNode, effects: Effect[]): Primitive[] {
  const r = Math.min(5, Math.max(1.5, n.rect.height * 0.16));
  const marks: [GlyphName, string][] = effects.map((e) => [EFFECT_STYLES[e].glyph, effectColor(n, e)]);
  if (n.isBreak) marks.push([BREAK_GLYPH, BREAK_COLOR]);
  for (const action of n.responses) marks.push([RESPONSE_LOOK.glyphs[action], RESPONSE_COLOR]);
  const inset = Math.min(3, n.rect.height * 0.1);
  return marks.map(([glyph, color], i) => glyphPrimitive(glyph, color, n.rect.x + n.rect.width - r - inset - i * (2 * r + 2), n.rect.y + r + inset, r));
}

function nodePrimitives(n: DiagramNode, scale: number): Primitive[] {
  const { rect } = n;
  const effects = [n.security, n.availability].filter((e): e is Effect => e !== null);
  const main = effects[0] ? EFFECT_STYLES[effects[0]] : null;
  const rx = Math.min(6, 6 * scale);
  const out: Primitive[] = [];
  if (n.isBreak) {
    const o = Math.min(2.5, 10 * scale);
    out.push({
      type: 'rect',
      x: rect.x - o,
      y: rect.y - o,
      width: rect.width + 2 * o,
      height: rect.height + 2 * o,
      rx: rx + o,
      fill: 'none',
      stroke: BREAK_COLOR,
      strokeWidth: Math.max(0.8, 2 * scale),
      dash: null,
    });
  }
  out.push({
    type: 'rect',
    ...rect,
    rx,
    fill: n.dim ? '#F8FAFC' : main ? effectFill(effects[0], n.dead && effects[0] === n.security) : '#FFFFFF',
    stroke: n.dim ? RULE : main ? effectColor(n, effects[0]) : '#64748B',
    strokeWidth: main ? Math.max(0.8, 1.8 * scale) : Math.max(0.4, 1 * scale),
    dash: main && (n.dead || effects.every((e) => EFFECT_STYLES[e].dashed)) ? '3 1.5' : null,
  });
  // The kind's accent bar on the left, as on the canvas.
  const bar = Math.max(1, 4 * scale);
  out.push({
    type: 'rect',
    x: rect.x + Math.min(1, bar / 2),
    y: rect.y + rx * 0.6,
    width: bar,
    height: Math.max(0, rect.height - rx * 1.2),
    rx: 0,
    fill: n.dim ? RULE : KIND_STYLES[n.kind].color,
    stroke: null,
    strokeWidth: 0,
    dash: null,
  });
  out.push(...markers(n, effects));
  if (n.text) {
    const { lines, fontSize, caption, captionSize } = n.text;
    const x = rect.x + bar + 3 + 5 * scale;
    const lineH = fontSize * 1.18;
    const block = lines.length * lineH + (caption ? captionSize * 1.3 : 0);
    let y = rect.y + (rect.height - block) / 2 + fontSize * 0.92;
    for (const line of lines) {
      out.push({ type: 'text', x, y, text: line, size: fontSize, bold: true, color: n.dim ? FAINT : INK, anchor: 'start' });
      y += lineH;
    }
    if (caption) {
      const color = n.dim ? FAINT : main ? shade(main.color) : MUTED;
      out.push({ type: 'text', x, y: y + captionSize * 0.15, text: caption, size: captionSize, bold: false, color, anchor: 'start' });
    }
  }
  return out;
}

/** Effect colours are chosen for fills and marks; text in them needs a darker tone to stay readable. */
function shade(color: string): string {
  const n = parseInt(color.slice(1), 16);
  const ch = (v: number) => Math.round(v * 0.72).toString(16).padStart(2, '0');
  return `#${ch((n >> 16) & 255)}${ch((n >> 8) & 255)}${ch(n & 255)}`;
}

/** Drawing order: every node's box above every edge, every label above every box. */
const LAYERS = {
  boundary: 0,
  boundaryText: 1,
  region: 2,
  edge: 3,
  arrow: 4,
  ring: 5,
  box: 6,
  bar: 7,
  marker: 8,
  label: 9,
  plate: 10,
  plateText: 11,
} as const;

function layerOf(p: Primitive, kind: 'edge' | 'node'): number {
  if (kind === 'edge') return p.type === 'line' ? LAYERS.edge : LAYERS.arrow;
  if (p.type === 'text') return LAYERS.label;
  if (p.type === 'path') return LAYERS.marker;
  if (p.type === 'rect' && p.fill === 'none') return LAYERS.ring;
  return p.type === 'rect' && p.stroke === null ? LAYERS.bar : LAYERS.box;
}

/** The view as primitives, one per shape, in drawing order. */
export function diagramShapes(view: DiagramView): Primitive[] {
  const tagged: { layer: number; p: Primitive }[] = [];
  const add = (layer: number, p: Primitive) => tagged.push({ layer, p });
  for (const b of view.boundaries) {
    add(LAYERS.boundary, { type: 'rect', ...b.rect, rx: 8 * view.nodeScale, fill: '#F1F5F9', stroke: FAINT, strokeWidth: 0.8, dash: '4 3' });
    if (b.text) {
      add(LAYERS.boundaryText, {
        type: 'text',
        x: b.rect.x + 6,
        y: b.rect.y + b.text.fontSize + 4,
        text: b.text.value,
        size: b.text.fontSize,
        bold: true,
        color: MUTED,
        anchor: 'start',
      });
    }
  }
  for (const r of view.regions) {
    add(LAYERS.region, { type: 'rect', ...r.rect, rx: 0, fill: 'none', stroke: r.hasCloseUp ? '#64748B' : RULE, strokeWidth: 0.6, dash: '2 3' });
  }
  // Edges that carried the break go above the others.
  for (const e of view.edges) for (const p of edgePrimitives(e, view.nodeScale)) add(layerOf(p, 'edge') + (e.carried ? 0.5 : 0), p);
  for (const n of view.nodes) for (const p of nodePrimitives(n, view.nodeScale)) add(layerOf(p, 'node'), p);
  // Region letters last, on top of the nodes, with a white plate so they read over anything.
  for (const r of view.regions) {
    const size = Math.min(16, Math.max(8, r.rect.height * 0.12));
    const w = size * 1.6;
    add(LAYERS.plate, { type: 'rect', x: r.rect.x + 3, y: r.rect.y + 3, width: w, height: size * 1.3, rx: 2, fill: '#FFFFFF', stroke: r.hasCloseUp ? INK : RULE, strokeWidth: 0.6, dash: null });
    add(LAYERS.plateText, { type: 'text', x: r.rect.x + 3 + w / 2, y: r.rect.y + 3 + size * 1.02, text: r.id, size, bold: true, color: r.hasCloseUp ? INK : FAINT, anchor: 'middle' });
  }
  // Stable: within a layer, shapes of one paint end up next to each other, ready to be merged.
  return tagged
    .map((t, i) => ({ ...t, i, key: paintKey(t.p) }))
    .sort((a, b) => a.layer - b.layer || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((t) => t.p);
}

/**
 * The view as few primitives: shapes of the same paint merged into one path. A 300-node overview is a few
 * dozen paths instead of thousands of elements, which is what keeps the PDF small and fast to make.
 */
export function diagramPrimitives(view: DiagramView): Primitive[] {
  return mergeShapes(diagramShapes(view));
}

const paintKey = (p: Primitive): string =>
  p.type === 'text'
    ? 'text'
    : p.type === 'line'
      ? `L|${p.stroke}|${p.strokeWidth}|${p.dash}`
      : `${p.fill}|${p.stroke}|${p.strokeWidth}|${p.dash ?? null}${p.type === 'path' && p.evenOdd ? '|evenodd' : ''}`;

function shapePath(p: Exclude<Primitive, { type: 'text' }>): string {
  switch (p.type) {
    case 'line':
      return `M${f(p.x1)} ${f(p.y1)}L${f(p.x2)} ${f(p.y2)}`;
    case 'path':
      return p.d;
    case 'rect': {
      const r = Math.max(0, Math.min(p.rx, p.width / 2, p.height / 2));
      const { x, y, width: w, height: h } = p;
      if (r < 0.01) return `M${f(x)} ${f(y)}H${f(x + w)}V${f(y + h)}H${f(x)}Z`;
      return (
        `M${f(x + r)} ${f(y)}H${f(x + w - r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + w)} ${f(y + r)}` +
        `V${f(y + h - r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + w - r)} ${f(y + h)}` +
        `H${f(x + r)}A${f(r)} ${f(r)} 0 0 1 ${f(x)} ${f(y + h - r)}` +
        `V${f(y + r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + r)} ${f(y)}Z`
      );
    }
    default:
      return p satisfies never;
  }
}

/** Consecutive shapes of one paint become one path; text stays as it is. */
function mergeShapes(shapes: readonly Primitive[]): Primitive[] {
  const out: Primitive[] = [];
  let key = '';
  let parts: string[] = [];
  let paint: { fill: string; stroke: string | null; strokeWidth: number; dash: string | null } | null = null;
  const flush = () => {
    if (paint && parts.length) out.push({ type: 'path', d: parts.join(''), ...paint });
    parts = [];
    paint = null;
    key = '';
  };
  for (const p of shapes) {
    // Text stays as it is; even-odd glyphs too: merged, two that overlap would cut holes in each other.
    if (p.type === 'text' || (p.type === 'path' && p.evenOdd)) {
      flush();
      out.push(p);
      continue;
    }
    const k = paintKey(p);
    if (k !== key) {
      flush();
      key = k;
      paint =
        p.type === 'line'
          ? { fill: 'none', stroke: p.stroke, strokeWidth: p.strokeWidth, dash: p.dash }
          : { fill: p.fill, stroke: p.stroke, strokeWidth: p.strokeWidth, dash: p.dash ?? null };
    }
    parts.push(shapePath(p));
  }
  flush();
  return out;
}

// ------------------------------------------------------------------------------------------------ timeline

const TICKS: [number, string][] = [
  [0, '0'],
  [1, '1 h'],
  [6, '6 h'],
  [24, '1 d'],
  [72, '3 d'],
  [168, '1 w'],
  [720, '30 d'],
  [2160, '90 d'],
  [8760, '1 y'],
];

/**
 * The timeline of a scenario on a logarithmic hour axis (a minute and a month both stay visible): impacts as
 * their effect's marker, the exposure window as a band, detection and containment as labelled lines.
 */
/** The lane under the axis where responses are named: clear of the impact markers and the flags above. */
const RESPONSE_LANE = 14;

/** A timeline's height: `base`, and a lane for the responses when there are some. */
/** Impact markers one spot of the timeline stacks, at most. */
const STACK = 4;

export const timelineHeight = (t: Timeline, base: number) => base + (t.events.some((e) => e.kind === 'response') ? RESPONSE_LANE : 0);

export function timelinePrimitives(t: Timeline, width: number, height: number): Primitive[] {
  const x0 = 6;
  const x1 = width - 6;
  const lane = t.events.some((e) => e.kind === 'response') ? RESPONSE_LANE : 0;
  const axisY = height - 16 - lane;
  const horizon = t.horizon;
  const pos = (h: number) => x0 + ((x1 - x0) * Math.log1p(Math.max(0, h))) / Math.log1p(horizon);
  const out: Primitive[] = [];
  const security = t.events.some((e) => e.effect === 'control' || e.effect === 'write' || e.effect === 'read');

  if (security) {
    const end = t.exposureWindow === null ? x1 : pos(t.exposureWindow);
    out.push({ type: 'rect', x: x0, y: 14, width: Math.max(1, end - x0), height: axisY - 18, rx: 0, fill: '#FBE9E1', stroke: null, strokeWidth: 0, dash: null });
    const label =
      t.exposureWindow === null ? 'Exposure window: open-ended (never detected)' : `Exposure window: ${formatHours(t.exposureWindow)}`;
    out.push({ type: 'text', x: x0 + 4, y: 24, text: ellipsize(label, Math.max(40, end - x0 - 8), 7, true), size: 7, bold: true, color: '#8A2D00', anchor: 'start' });
  }

  out.push({ type: 'line', x1: x0, y1: axisY, x2: x1, y2: axisY, stroke: MUTED, strokeWidth: 0.8, dash: null });
  let lastX = -Infinity;
  const ticks = TICKS.filter(([h]) => h <= horizon);
  if (horizon > ticks[ticks.length - 1][0] * 1.3) ticks.push([horizon, formatHours(horizon)]);
  for (const [h, label] of ticks) {
    const x = pos(h);
    out.push({ type: 'line', x1: x, y1: axisY, x2: x, y2: axisY + 3, stroke: MUTED, strokeWidth: 0.6, dash: null });
    if (x - lastX < 26 || x > x1 - 4 && h !== horizon) continue;
    out.push({ type: 'text', x, y: axisY + 11, text: label, size: 6.5, bold: false, color: MUTED, anchor: x > x1 - 14 ? 'end' : x < x0 + 8 ? 'start' : 'middle' });
    lastX = x;
  }

  // Impacts: one marker each; markers at the same spot stack upwards, every effect there first, strongest lowest.
  // A stack holds four: past that, three markers and "+N", so no impact is left out without a word.
  const stacks = new Map<number, { x: number; effects: Effect[] }>();
  for (const e of t.events) {
    if (e.kind !== 'impact' || !e.effect) continue;
    const x = pos(e.at);
    const bucket = Math.round(x / 5);
    const stack = stacks.get(bucket) ?? { x, effects: [] };
    stack.effects.push(e.effect);
    stacks.set(bucket, stack);
  }
  for (const { x, effects } of stacks.values()) {
    const rank = (effect: Effect) => EFFECTS.indexOf(effect);
    const sorted = [...effects].sort((a, b) => rank(a) - rank(b));
    const order = [...new Set(sorted), ...sorted.filter((e, i) => sorted[i - 1] === e)];
    const drawn = order.length > STACK ? order.slice(0, STACK - 1) : order;
    drawn.forEach((effect, level) => {
      const s = EFFECT_STYLES[effect];
      out.push(glyphPrimitive(s.glyph, s.color, x, axisY - 6 - level * 7.5, 3.2));
    });
    if (drawn.length < order.length) {
      out.push({ type: 'text', x, y: axisY - 6 - drawn.length * 7.5 + 2.5, text: `+${order.length - drawn.length}`, size: 6, bold: true, color: MUTED, anchor: 'middle' });
    }
  }
  // The break itself at 0.
  out.push(glyphPrimitive(BREAK_GLYPH, BREAK_COLOR, x0, axisY, 4.5));

  const flag = (at: number, text: string, dash: string | null, row: number) => {
    const x = pos(at);
    out.push({ type: 'line', x1: x, y1: 30 + row * 10, x2: x, y2: axisY, stroke: INK, strokeWidth: 0.9, dash });
    const anchor = x > x1 - 60 ? 'end' : 'start';
    out.push({ type: 'text', x: anchor === 'end' ? x - 3 : x + 3, y: 37 + row * 10, text, size: 7, bold: true, color: INK, anchor });
  };
  if (t.detectedAt !== null) flag(t.detectedAt, `Detected +${formatHours(t.detectedAt)}`, '2 1.5', 0);
  if (t.containedAt !== null) flag(t.containedAt, `Contained +${formatHours(t.containedAt)}`, null, 1);
  // Responses (§6): a dotted line at each hour through the plot; below the axis, in their own lane, the
  // action's glyph (as its tag on the canvas shows it) and its words, where there is room for them.
  let free = -Infinity;
  const responses = t.events.filter((e) => e.kind === 'response').sort((a, b) => a.at - b.at);
  responses.forEach((e, i) => {
    const x = pos(e.at);
    // Words never run under the next response's glyph.
    const next = i + 1 < responses.length ? pos(responses[i + 1].at) - 6 : x1;
    const y = axisY + 16 + RESPONSE_LANE / 2;
    out.push({ type: 'line', x1: x, y1: 30, x2: x, y2: axisY, stroke: RESPONSE_COLOR, strokeWidth: 1.1, dash: '1 1.2' });
    if (e.action) out.push(glyphPrimitive(RESPONSE_LOOK.glyphs[e.action], RESPONSE_COLOR, x, y - 2, 3.6));
    // Its words to the right of the glyph, or to its left when the right has no room; none when neither has.
    const text = `${e.text} +${formatHours(e.at)}`;
    const w = textWidth(text, 6.5, true);
    const right = x + 6 + w <= next && x + 6 >= free;
    const left = x - 6 - w >= Math.max(x0, free);
    if (right) {
      out.push({ type: 'text', x: x + 6, y: y + 0.5, text, size: 6.5, bold: true, color: RESPONSE_COLOR, anchor: 'start' });
      free = x + 6 + w + 8;
    } else if (left) {
      out.push({ type: 'text', x: x - 6, y: y + 0.5, text, size: 6.5, bold: true, color: RESPONSE_COLOR, anchor: 'end' });
      free = x + 6;
    }
  });
  return out;
}

// --------------------------------------------------------------------------------------------------- svg

/** A half of a surrogate pair standing alone: XML forbids it (it is no character). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as SVG may hold it: a control character a label can carry (XML 1.0 forbids most, and one made the whole
 * picture unreadable, and so its PNG) or a bidi override is written as \uXXXX, as in the other report files.
 */
const esc = (s: string) =>
  inertText(s)
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Primitives as SVG elements, in a `<svg>` whose viewBox is (x, y, w, h). */
export function primitivesToSvg(
  primitives: readonly Primitive[],
  viewBox: Rect,
  attrs: { title?: string; fontFamily?: string; width?: string; height?: string } = {},
): string {
  const body = primitives.map((p) => {
    switch (p.type) {
      case 'rect':
        return `<rect x="${f(p.x)}" y="${f(p.y)}" width="${f(p.width)}" height="${f(p.height)}" rx="${f(p.rx)}" fill="${p.fill}"${p.stroke ? ` stroke="${p.stroke}" stroke-width="${f(p.strokeWidth)}"` : ''}${p.dash ? ` stroke-dasharray="${p.dash}"` : ''}/>`;
      case 'line':
        return `<line x1="${f(p.x1)}" y1="${f(p.y1)}" x2="${f(p.x2)}" y2="${f(p.y2)}" stroke="${p.stroke}" stroke-width="${f(p.strokeWidth)}"${p.dash ? ` stroke-dasharray="${p.dash}"` : ''}/>`;
      case 'path':
        return `<path d="${p.d}" fill="${p.fill}"${p.evenOdd ? ' fill-rule="evenodd"' : ''}${p.stroke ? ` stroke="${p.stroke}" stroke-width="${f(p.strokeWidth)}"` : ''}${p.dash ? ` stroke-dasharray="${p.dash}"` : ''}/>`;
      case 'text':
        return `<text x="${f(p.x)}" y="${f(p.y)}" font-size="${f(p.size)}"${p.bold ? ' font-weight="700"' : ''} fill="${p.color}"${p.anchor !== 'start' ? ` text-anchor="${p.anchor}"` : ''}>${esc(p.text)}</text>`;
      default:
        return p satisfies never;
    }
  });
  const font = attrs.fontFamily ?? "'Noto Sans', 'Noto Sans JP', 'Segoe UI', system-ui, sans-serif";
  const size = `${attrs.width ? ` width="${attrs.width}"` : ''}${attrs.height ? ` height="${attrs.height}"` : ''}`;
  const title = attrs.title ? `<title>${esc(attrs.title)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(viewBox.x)} ${f(viewBox.y)} ${f(viewBox.width)} ${f(viewBox.height)}"${size} font-family="${esc(font)}" role="img">${title}${body.join('')}</svg>`;
}

/** The drawing's own extent in the view (nodes, boundaries, regions), with a margin, never beyond the box. */
export function drawnBounds(view: DiagramView, margin = 8): Rect {
  const rects = [...view.nodes.map((n) => n.rect), ...view.boundaries.map((b) => b.rect), ...view.regions.map((r) => r.rect)];
  if (rects.length === 0) return view.box;
  const x0 = Math.max(view.box.x, Math.min(...rects.map((r) => r.x)) - margin);
  const y0 = Math.max(view.box.y, Math.min(...rects.map((r) => r.y)) - margin);
  const x1 = Math.min(view.box.x + view.box.width, Math.max(...rects.map((r) => r.x + r.width)) + margin);
  const y1 = Math.min(view.box.y + view.box.height, Math.max(...rects.map((r) => r.y + r.height)) + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A diagram view as a standalone SVG: for the HTML report and the canvas's "Export SVG". `tight` crops the page
 * box to what is drawn (a screen has no page to fill).
 */
export function diagramSvg(view: DiagramView, attrs: { width?: string; height?: string; tight?: boolean } = {}): string {
  const { tight, ...size } = attrs;
  return primitivesToSvg(diagramPrimitives(view), tight ? drawnBounds(view) : view.box, { title: view.title, ...size });
}
