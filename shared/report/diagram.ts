/**
 * Diagram geometry for the report: the model's own node positions, fitted to a box on a landscape page so that
 * no node, label or boundary leaves it. A model too big to read on one page gets an overview (a grid of
 * lettered regions, like a road atlas) and a close-up page per region that matters.
 *
 * Everything here is in page points; the PDF and the HTML draw exactly these rectangles and lines.
 */
import type { AvailabilityEffect, Boundary, Effect, Model, ModelEdge, ModelNode, ResponseAction, SecurityEffect } from '../domain/index.ts';
import { deadCopies } from '../analysis/index.ts';
import type { SimulationResult } from '../engine/index.ts';
import { KIND_STYLES, EFFECT_STYLES } from './style.ts';
import { ellipsize, wrapText } from './text.ts';
import { formatAt, formatHours } from './format.ts';
import type { DiagramBoundary, DiagramEdge, DiagramNode, DiagramRegion, DiagramView } from './types.ts';
import type { Rect, Size } from '../visual/index.ts';
import { NODE_BOX, boundaryRect, boundsOf, center, fallbackPosition } from '../visual/index.ts';

/** World units of blank around the drawing. */
const PAD = 24;
/** Node boxes never larger than this share of the canvas's: a 3-node model is drawn at a modest size, centred. */
const MAX_SCALE = 0.72;
/** Below this scale labels are too small to read: the view becomes an overview with close-ups. */
const MIN_READABLE_SCALE = 0.36;
/** Close-ups aim at this scale… */
const CLOSEUP_SCALE = 0.5;
/** …and the atlas never has more regions than this (the scale gives way first). */
const MAX_REGIONS = 12;
const MIN_LABEL_FONT = 4;
/** Close-up pages per scenario at most: the regions where the radius reaches most nodes. */
const MAX_RADIUS_CLOSEUPS = 3;

interface Overlay {
  security: Map<string, { effect: SecurityEffect; at: number }>;
  availability: Map<string, { effect: AvailabilityEffect; at: number }>;
  breaks: Set<string>;
  /** Edges that carried an impact, with the effect they carried. */
  carried: Map<string, Effect>;
  /** Edges left out by the scenario. */
  removed: Set<string>;
  /** Stolen secrets whose copy died before it carried anything, with the hour it died. */
  dead: Map<string, number>;
  /** The responses on each node (rotate, revoke), in time order. */
  responses: Map<string, ResponseAction[]>;
}

export function overlayOf(result: SimulationResult, removed: readonly string[] = []): Overlay {
  const overlay: Overlay = {
    security: new Map(),
    availability: new Map(),
    breaks: new Set(result.scenario.breaks.map((b) => b.node)),
    carried: new Map(),
    removed: new Set(removed),
    dead: deadCopies(result),
    responses: new Map(),
  };
  for (const r of [...result.scenario.responses].sort((a, b) => a.at - b.at)) {
    overlay.responses.set(r.node, [...(overlay.responses.get(r.node) ?? []), r.action]);
  }
  for (const i of result.impacts) {
    if (i.effect === 'down' || i.effect === 'degraded') overlay.availability.set(i.node, { effect: i.effect, at: i.at });
    else overlay.security.set(i.node, { effect: i.effect, at: i.at });
    if (i.via && !overlay.carried.has(i.via.edge)) overlay.carried.set(i.via.edge, i.effect);
  }
  for (const t of result.trace) {
    if (t.via && !overlay.carried.has(t.via.edge)) overlay.carried.set(t.via.edge, t.effect);
  }
  return overlay;
}

interface Placed {
  node: ModelNode;
  rect: Rect;
}

interface World {
  nodes: Placed[];
  byId: Map<string, Placed>;
  boundaries: { boundary: Boundary; rect: Rect }[];
  /** Every node box and boundary, padded. */
  bounds: Rect;
  /**
   * How much the node boxes were enlarged about their centres: as far as the layout allows without two boxes
   * touching (canvas layouts leave gaps of about half a box), so labels stay readable on a smaller page.
   */
  inflation: number;
}

const MAX_INFLATION = 1.6;

/** The largest factor by which every box can grow about its centre before two of them touch, with a margin. */
export function inflationOf(rects: readonly Rect[]): number {
  const items = rects.map((r) => ({ cx: r.x + r.width / 2, cy: r.y + r.height / 2, w: r.width, h: r.height })).sort((a, b) => a.cx - b.cx);
  let k = MAX_INFLATION / 0.88;
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j];
      const dx = b.cx - a.cx;
      if (dx >= a.w * k) break;
      const dy = Math.abs(b.cy - a.cy);
      if (dy >= a.h * k) continue;
      const touch = Math.max(dx / a.w, dy / a.h);
      if (touch >= 1) k = Math.min(k, touch); // boxes that already overlap on the canvas do not hold the rest back
    }
  }
  return Math.max(1, Math.min(MAX_INFLATION, k * 0.88));
}

/** Node boxes in canvas coordinates: stored positions, or the canvas's fallback grid for nodes without one. */
export function worldOf(model: Model): World {
  const base = model.nodes.map((node, i) => {
    const p = node.position ?? fallbackPosition(i);
    return { node, rect: { x: p.x, y: p.y, width: NODE_BOX.width, height: NODE_BOX.height } };
  });
  const k = inflationOf(base.map((b) => b.rect));
  const nodes = base.map(({ node, rect }) => ({
    node,
    rect: { x: rect.x - (rect.width * (k - 1)) / 2, y: rect.y - (rect.height * (k - 1)) / 2, width: rect.width * k, height: rect.height * k },
  }));
  // A boundary still holds its nodes once they have grown.
  const boundaries = model.boundaries.map((boundary) => {
    const members = nodes.filter((n) => n.node.boundary === boundary.id).map((n) => pad(n.rect, 8));
    return { boundary, rect: boundsOf([boundaryRect(boundary), ...members])! };
  });
  const all = [...nodes.map((n) => n.rect), ...boundaries.map((b) => b.rect)];
  return {
    nodes,
    byId: new Map(nodes.map((n) => [n.node.id, n])),
    boundaries,
    // An empty model: the room of one node.
    bounds: pad(boundsOf(all) ?? { x: 0, y: 0, ...NODE_BOX }, PAD),
    inflation: k,
  };
}

const pad = (r: Rect, p: number): Rect => ({ x: r.x - p, y: r.y - p, width: r.width + 2 * p, height: r.height + 2 * p });

function intersect(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Fits `viewport` (world) into `box` (page), centred, uniform scale. */
interface Transform {
  scale: number;
  point(x: number, y: number): { x: number; y: number };
  rect(r: Rect): Rect;
}

function fit(viewport: Rect, box: Rect, maxScale: number): Transform {
  const scale = Math.min(box.width / viewport.width, box.height / viewport.height, maxScale);
  const ox = box.x + (box.width - viewport.width * scale) / 2 - viewport.x * scale;
  const oy = box.y + (box.height - viewport.height * scale) / 2 - viewport.y * scale;
  // Rounding must never push a box out: clamp to the page box.
  const cx = (x: number) => Math.min(Math.max(x, box.x), box.x + box.width);
  const cy = (y: number) => Math.min(Math.max(y, box.y), box.y + box.height);
  const point = (x: number, y: number) => ({ x: cx(ox + x * scale), y: cy(oy + y * scale) });
  return {
    scale,
    point,
    rect(r) {
      const a = point(r.x, r.y);
      const b = point(r.x + r.width, r.y + r.height);
      return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    },
  };
}

// ------------------------------------------------------------------------------------------------ regions

interface Region {
  id: string;
  /** World rectangle of the grid cell. */
  cell: Rect;
  members: string[];
}

/** Lettered columns, numbered rows: A1 is top-left. */
function regionId(col: number, row: number): string {
  let letters = '';
  let c = col;
  do {
    letters = String.fromCharCode(65 + (c % 26)) + letters;
    c = Math.floor(c / 26) - 1;
  } while (c >= 0);
  return `${letters}${row + 1}`;
}

/** The atlas grid: cells sized so a close-up of one is readable, at most MAX_REGIONS cells. Empty cells dropped. */
export function regionsOf(world: World, box: Rect): Region[] {
  const b = world.bounds;
  let scale = CLOSEUP_SCALE / world.inflation;
  let cols = 1;
  let rows = 1;
  for (;;) {
    cols = Math.max(1, Math.ceil(b.width / (box.width / scale)));
    rows = Math.max(1, Math.ceil(b.height / (box.height / scale)));
    if (cols * rows <= MAX_REGIONS) break;
    scale *= 0.9;
  }
  const cw = b.width / cols;
  const ch = b.height / rows;
  const cells = new Map<string, Region>();
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const id = regionId(col, row);
      cells.set(id, { id, cell: { x: b.x + col * cw, y: b.y + row * ch, width: cw, height: ch }, members: [] });
    }
  }
  for (const { node, rect } of world.nodes) {
    const c = center(rect);
    const col = Math.min(cols - 1, Math.max(0, Math.floor((c.x - b.x) / cw)));
    const row = Math.min(rows - 1, Math.max(0, Math.floor((c.y - b.y) / ch)));
    cells.get(regionId(col, row))!.members.push(node.id);
  }
  return [...cells.values()].filter((r) => r.members.length > 0);
}

/** Whether the whole model reads on one page. */
function fitsOnePage(world: World, box: Rect): boolean {
  return Math.min(box.width / world.bounds.width, box.height / world.bounds.height) * world.inflation >= MIN_READABLE_SCALE;
}

// ---------------------------------------------------------------------------------------------- drawing

interface DrawInput {
  world: World;
  /** Nodes drawn; null = all. */
  members: Set<string> | null;
  viewport: Rect;
  box: Rect;
  overlay: Overlay | null;
  edges: readonly ModelEdge[];
  labels: boolean;
  /** Largest scale allowed; by default node boxes stay modest on a page. */
  maxScale?: number;
}

function drawNode(placed: Placed, t: Transform, overlay: Overlay | null, labels: boolean): DiagramNode {
  const { node } = placed;
  const rect = t.rect(placed.rect);
  const sec = overlay?.security.get(node.id) ?? null;
  const avail = overlay?.availability.get(node.id) ?? null;
  const reached = sec !== null || avail !== null;
  // Sizes inside the box follow the box (canvas node = 184 wide), not the drawing's scale.
  const ns = rect.width / NODE_BOX.width;
  const fontSize = Math.min(10, 14 * ns);
  let text: DiagramNode['text'] = null;
  if (labels && fontSize >= MIN_LABEL_FONT) {
    const padX = 8 * ns + 3;
    const marker = reached ? Math.min(7, rect.height * 0.18) * 2 + 3 : 0;
    const width = rect.width - 2 * padX - marker;
    const captionSize = fontSize * 0.78;
    const room = rect.height - 2 * 6 * ns - captionSize * 1.3;
    const maxLines = room >= fontSize * 2.4 ? 2 : 1;
    const lines = wrapText(node.label || node.id, width, fontSize, maxLines, true);
    const first = overlay && reached ? effectCaption(sec, avail, overlay.dead.get(node.id)) : KIND_STYLES[node.kind].label;
    const caption = captionSize >= MIN_LABEL_FONT * 0.85 ? ellipsize(first, width, captionSize) : null;
    text = { lines, fontSize, caption: caption || null, captionSize };
  }
  return {
    id: node.id,
    label: node.label || node.id,
    kind: node.kind,
    rect,
    security: sec?.effect ?? null,
    availability: avail?.effect ?? null,
    isBreak: overlay?.breaks.has(node.id) ?? false,
    dead: overlay?.dead.has(node.id) ?? false,
    responses: overlay?.responses.get(node.id) ?? [],
    dim: overlay !== null && !reached,
    text,
  };
}

function effectCaption(
  sec: { effect: SecurityEffect; at: number } | null,
  avail: { effect: AvailabilityEffect; at: number } | null,
  deadAt: number | undefined,
): string {
  const parts: string[] = [];
  // A dead stolen copy says when it died, as its tag on the canvas does ("dead 4 h").
  if (sec) parts.push(`${EFFECT_STYLES[sec.effect].label} ${formatAt(sec.at)}${deadAt === undefined ? '' : `, dead ${formatHours(deadAt)}`}`);
  if (avail) parts.push(`${EFFECT_STYLES[avail.effect].label} ${formatAt(avail.at)}`);
  return parts.join(' · ');
}

/** Where the segment from the centre of `r` towards `d` leaves `r`, as a share of the segment. */
function exitShare(r: Rect, dx: number, dy: number): number {
  const tx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  return Math.min(tx, ty);
}

/** Liang–Barsky: the share of the segment p→q at which it leaves `r` (p is inside). */
function leaveShare(p: { x: number; y: number }, q: { x: number; y: number }, r: Rect): number {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t = 1;
  const limits: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.width - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.height - p.y],
  ];
  for (const [den, num] of limits) {
    if (den > 0) t = Math.min(t, num / den);
  }
  return Math.max(0, t);
}

function drawEdges(input: DrawInput, t: Transform): DiagramEdge[] {
  const { world, members, viewport, overlay } = input;
  const shown = (id: string) => members === null || members.has(id);
  // Parallel edges between the same two nodes fan out instead of drawing over each other.
  const pairs = new Map<string, ModelEdge[]>();
  for (const e of input.edges) {
    if (overlay?.removed.has(e.id)) continue;
    if (!world.byId.has(e.source) || !world.byId.has(e.target) || e.source === e.target) continue;
    if (!shown(e.source) && !shown(e.target)) continue;
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = pairs.get(key) ?? [];
    list.push(e);
    pairs.set(key, list);
  }
  const out: DiagramEdge[] = [];
  for (const list of pairs.values()) {
    list.sort((a, b) => (a.id < b.id ? -1 : 1));
    list.forEach((e, i) => {
      const a = world.byId.get(e.source)!.rect;
      const b = world.byId.get(e.target)!.rect;
      const ca = center(a);
      const cb = center(b);
      const dx = cb.x - ca.x;
      const dy = cb.y - ca.y;
      const len = Math.hypot(dx, dy) || 1;
      // Fan offset, perpendicular, in world units; always measured from the lower id so both directions agree.
      const sign = e.source < e.target ? 1 : -1;
      const off = (i - (list.length - 1) / 2) * 10 * sign;
      const nx = (-dy / len) * off;
      const ny = (dx / len) * off;
      const s1 = exitShare(a, dx, dy);
      const s2 = exitShare(b, dx, dy);
      if (s1 + s2 >= 1) return; // the boxes overlap: nothing to draw between them
      let p = { x: ca.x + dx * s1 + nx, y: ca.y + dy * s1 + ny };
      let q = { x: cb.x - dx * s2 + nx, y: cb.y - dy * s2 + ny };
      const srcIn = shown(e.source);
      const tgtIn = shown(e.target);
      if (srcIn && !tgtIn) q = lerp(p, q, leaveShare(p, q, viewport));
      if (!srcIn && tgtIn) p = lerp(q, p, leaveShare(q, p, viewport));
      if (Math.hypot(q.x - p.x, q.y - p.y) < 1) return;
      const P = t.point(p.x, p.y);
      const Q = t.point(q.x, q.y);
      out.push({
        id: e.id,
        kind: e.kind,
        x1: P.x,
        y1: P.y,
        x2: Q.x,
        y2: Q.y,
        arrow: tgtIn,
        carried: overlay?.carried.get(e.id) ?? null,
      });
    });
  }
  // Carried edges last, so they are drawn on top.
  return out.sort((x, y) => Number(x.carried !== null) - Number(y.carried !== null) || (x.id < y.id ? -1 : 1));
}

const lerp = (p: { x: number; y: number }, q: { x: number; y: number }, s: number) => ({
  x: p.x + (q.x - p.x) * s,
  y: p.y + (q.y - p.y) * s,
});

function drawBoundaries(world: World, viewport: Rect, t: Transform): DiagramBoundary[] {
  const ns = t.scale * world.inflation;
  const out: DiagramBoundary[] = [];
  for (const { boundary, rect } of world.boundaries) {
    const visible = intersect(rect, viewport);
    if (!visible) continue;
    const page = t.rect(visible);
    const cornerShown = visible.x === rect.x && visible.y === rect.y;
    const fontSize = Math.min(9, Math.max(MIN_LABEL_FONT, 12 * ns));
    const label = `${boundary.label || boundary.id} · ${boundary.environment}`;
    const value = cornerShown ? ellipsize(label, page.width - 12, fontSize, true) : '';
    out.push({
      id: boundary.id,
      label: boundary.label || boundary.id,
      environment: boundary.environment,
      rect: page,
      text: value && page.height > fontSize * 2 ? { value, fontSize } : null,
    });
  }
  return out;
}

/** What a view takes from its drawing, and the transform it was drawn with. */
type Drawing = Pick<DiagramView, 'scale' | 'nodeScale' | 'nodes' | 'edges' | 'boundaries'>;

function draw(input: DrawInput): { t: Transform; drawing: Drawing } {
  const t = fit(input.viewport, input.box, input.maxScale ?? MAX_SCALE / input.world.inflation);
  const placed = input.world.nodes.filter((p) => input.members === null || input.members.has(p.node.id));
  return {
    t,
    drawing: {
      scale: t.scale,
      nodeScale: t.scale * input.world.inflation,
      boundaries: drawBoundaries(input.world, input.viewport, t),
      edges: drawEdges(input, t),
      nodes: placed.map((p) => drawNode(p, t, input.overlay, input.labels)),
    },
  };
}

// ------------------------------------------------------------------------------------------------- views

interface ViewSetInput {
  model: Model;
  world: World;
  box: Rect;
  page: Size;
  /** Prefix of view ids: `model`, `scenario:<id>`. */
  idPrefix: string;
  /** Title stem: "Model diagram", "Blast radius". */
  title: string;
  overlay: Overlay | null;
}

/**
 * The views of one diagram: one `full` view when it reads on one page, else an `overview` and a `closeup` per
 * region (with an overlay: only the regions the radius touches).
 */
export function diagramViews(input: ViewSetInput): DiagramView[] {
  const { world, box, page, overlay, model } = input;
  const base = { page, box, overlay: overlay !== null };
  if (fitsOnePage(world, box)) {
    const { drawing } = draw({ world, members: null, viewport: world.bounds, box, overlay, edges: model.edges, labels: true });
    return [
      {
        ...base,
        id: `${input.idPrefix}:full`,
        kind: 'full',
        title: input.title,
        caption: captionOf(model, overlay),
        ...drawing,
        regions: [],
      },
    ];
  }
  const regions = regionsOf(world, box);
  const reachedIn = (r: Region) =>
    overlay === null ? r.members.length : r.members.filter((id) => overlay.security.has(id) || overlay.availability.has(id)).length;
  // The bare model gets every region; a radius gets the regions it touches most (the impacts table lists all).
  const closeUps = regions
    .filter((r) => reachedIn(r) > 0)
    .sort((a, b) => reachedIn(b) - reachedIn(a) || (a.id < b.id ? -1 : 1))
    .slice(0, overlay === null ? regions.length : MAX_RADIUS_CLOSEUPS)
    .sort((a, b) => regions.indexOf(a) - regions.indexOf(b));
  const touchedCount = regions.filter((r) => reachedIn(r) > 0).length;
  const over = draw({ world, members: null, viewport: world.bounds, box, overlay, edges: model.edges, labels: false });
  const closeIds = new Set(closeUps.map((r) => r.id));
  const views: DiagramView[] = [
    {
      ...base,
      id: `${input.idPrefix}:overview`,
      kind: 'overview',
      title: `${input.title}: overview`,
      caption:
        overlay === null || closeUps.length === touchedCount
          ? `${captionOf(model, overlay)} Too many nodes to label at this size: the outlined regions have close-ups on the next pages.`
          : `${captionOf(model, overlay)} Close-ups follow for the ${closeUps.length} regions the radius touches most (${closeUps.map((r) => r.id).join(', ')}); the impacts table lists every node reached.`,
      ...over.drawing,
      regions: regions.map(
        (r): DiagramRegion => ({ id: r.id, rect: over.t.rect(r.cell), hasCloseUp: closeIds.has(r.id) }),
      ),
    },
  ];
  for (const r of closeUps) {
    const members = new Set(r.members);
    const viewport = pad(boundsOf(r.members.map((id) => world.byId.get(id)!.rect))!, PAD);
    const { drawing } = draw({ world, members, viewport, box, overlay, edges: model.edges, labels: true });
    views.push({
      ...base,
      id: `${input.idPrefix}:${r.id}`,
      kind: 'closeup',
      title: `${input.title}: region ${r.id}`,
      caption: `${r.members.length} nodes of region ${r.id}. Edges to other regions end at the frame.`,
      ...drawing,
      regions: [],
    });
  }
  return views;
}

function captionOf(model: Model, overlay: Overlay | null): string {
  const n = model.nodes.length;
  const e = model.edges.length;
  if (!overlay) return `${n} nodes, ${e} edges, ${model.boundaries.length} trust boundaries.`;
  const reached = new Set([...overlay.security.keys(), ...overlay.availability.keys()]).size;
  return `${reached} of ${n} nodes reached. Faint nodes are not reached; thick edges carried the break.`;
}

/**
 * The whole model at canvas scale, one view whatever its size: what "Export diagram as SVG/PNG" saves. With an
 * overlay, the radius of a scenario drawn on it.
 */
export function canvasView(model: Model, overlay: Overlay | null = null, title = model.name || 'Model'): DiagramView {
  const world = worldOf(model);
  const b = world.bounds;
  const box = { x: 0, y: 0, width: b.width, height: b.height };
  const { drawing } = draw({ world, members: null, viewport: b, box, overlay, edges: model.edges, labels: true, maxScale: 1 });
  return {
    id: 'canvas',
    kind: 'full',
    title,
    caption: captionOf(model, overlay),
    page: { width: b.width, height: b.height },
    box,
    ...drawing,
    regions: [],
    overlay: overlay !== null,
  };
}
