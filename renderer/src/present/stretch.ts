/**
 * Presentation mode on a wide screen: a model drawn in the editor is usually taller, for its width, than
 * a projector's 16:9 canvas, so framed whole it leaves the sides empty and its columns narrow. The room's
 * view spreads the columns apart (every x distance times the same factor, rows untouched) and widens the
 * cards into the room made, so that labels large enough for the back row keep their words whole. Only the
 * view changes: the model, its file and its history are untouched, and leaving presentation mode shows it
 * as drawn. Pure.
 */
import type { Model } from '../../../shared/domain/index.ts';
import { modelBounds } from '../canvas/adapter.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { NODE_BOX, boundsOf, fallbackPosition } from '../../../shared/visual/index.ts';

/** At most this much wider: past it, edges become long flat lines. */
const MAX_STRETCH = 2.2;
/** Cards grow with the spread, to at most this many times their width (gaps grow too). */
const MAX_CARD = 1.5;

interface Stretched {
  model: Model;
  /** The factor applied to x distances (1: unchanged). */
  factor: number;
  /** The cards' width in model px. */
  cardWidth: number;
  /** The drawing's extent with those cards, or null for an empty model. */
  bounds: Rect | null;
  /**
   * How far a label may reach past its card on each side, in model px: half the narrowest gap between
   * two cards side by side, less a margin, so neighbours' labels never meet.
   */
  spill: number;
}

/** Cards whose rows overlap this much are side by side. */
const SAME_ROW = NODE_BOX.height / 2;
const MAX_SPILL = 40;

/** Room kept between a card and the next one down, in model px. */
const ROOM_BELOW = 8;

/**
 * How many lines each card's label may take at `labelPx` without its card reaching into the next card
 * down (1 where two do not fit; cards with room are left out: they take two).
 */
export function labelLines(model: Model, cardWidth: number, labelPx: number): Map<string, number> {
  const line = labelPx * 1.08;
  const twoLines = Math.max(NODE_BOX.height, 2 * line + 10);
  const out = new Map<string, number>();
  const rects = model.nodes.map((n, i) => ({ id: n.id, ...(n.position ?? fallbackPosition(i)) }));
  for (const a of rects) {
    let below = Infinity;
    for (const b of rects) if (b !== a && b.y > a.y && Math.abs(b.x - a.x) < cardWidth) below = Math.min(below, b.y - a.y);
    if (twoLines + ROOM_BELOW > below) out.set(a.id, 1);
  }
  return out;
}

/** Half the narrowest horizontal gap between cards side by side, less 6 px, between 0 and MAX_SPILL. */
function spillOf(rects: readonly Rect[]): number {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  let gap = Infinity;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      const d = b.x - (a.x + a.width);
      if (d >= gap) break;
      if (Math.abs(a.y - b.y) < SAME_ROW) gap = Math.max(0, Math.min(gap, d));
    }
  }
  return Math.max(0, Math.min(MAX_SPILL, Math.floor((gap - 12) / 2)));
}

/**
 * The model spread to the canvas's proportions (`width` × `height` screen px, after the insets and the
 * room kept above and below: `extraHeight` model px).
 */
export function stretchModel(model: Model, width: number, height: number, extraHeight = 0): Stretched {
  const bounds = modelBounds(model);
  const rectsOf = (m: Model, w: number) => m.nodes.map((n, i) => ({ ...(n.position ?? fallbackPosition(i)), width: w, height: NODE_BOX.height }));
  const same = { model, factor: 1, cardWidth: NODE_BOX.width, bounds, spill: spillOf(rectsOf(model, NODE_BOX.width)) };
  if (!bounds || width <= 0 || height <= 0 || bounds.width <= 0) return same;
  const wanted = (width / height) * (bounds.height + extraHeight);
  const factor = Math.max(1, Math.min(MAX_STRETCH, wanted / bounds.width));
  if (factor < 1.02) return same;
  const cardWidth = Math.round(NODE_BOX.width * Math.min(factor, MAX_CARD));
  const x0 = bounds.x;
  const sx = (x: number) => x0 + (x - x0) * factor;
  // A frame spreads with its members: their centres move by the factor, their cards grow by less.
  const boundaries = model.boundaries.map((b) => ({ ...b, position: { ...b.position, x: sx(b.position.x) }, size: { ...b.size, width: b.size.width * factor } }));
  const nodes = model.nodes.map((n, i) => {
    const p = n.position ?? fallbackPosition(i);
    return { ...n, position: { x: sx(p.x + NODE_BOX.width / 2) - cardWidth / 2, y: p.y } };
  });
  const spread = boundsOf([
    ...nodes.map((n) => ({ ...n.position, width: cardWidth, height: NODE_BOX.height })),
    ...boundaries.map((b) => ({ ...b.position, ...b.size })),
  ]);
  const spreadModel = { ...model, nodes, boundaries };
  return { model: spreadModel, factor, cardWidth, bounds: spread, spill: spillOf(rectsOf(spreadModel, cardWidth)) };
}
