/**
 * A large model's cards as one faded bitmap (CardPicture): with a scenario shown, at the label-only zoom,
 * the cards the break does not reach are drawn here alone; React Flow draws the ones it lights, over their
 * twins here. A jump of the camera to the next hop then mounts only the cards the spread lights, not the
 * hundred around them (canvas/usePictured.ts). Pure functions: the label's lines, and the drawing of the
 * cards as the CSS draws a label card (`.fl-node` at data-card="label": its background and border, a 4 px
 * stripe of the kind's colour on the left, the label centred on at most two balanced lines).
 */
import type { Rect } from '../../../shared/visual/index.ts';
import { NODE_BOX } from '../../../shared/visual/index.ts';
import { overlaps } from '../editor/geometry.ts';
import { labelBreaks } from './labelText.ts';
import type { Cover } from './movingBitmap.ts';

/** One card to draw: where it is (its height follows its label), its kind's colour and its label (already shortened). */
export interface PictureCard {
  rect: Rect;
  color: string;
  label: string;
}

/** The colours and the font of a card, read from the theme (see CardPicture). */
export interface CardStyle {
  background: string;
  border: string;
  text: string;
  /** The font family of the app (the card's `font-family`). */
  family: string;
  /** Label size in model px (--label-px). */
  labelPx: number;
}

/** The card's box as the CSS lays it out: 4 px stripe, 1 px border, 5 px by 6 px padding, line-height 1.1. */
const STRIPE = 4;
const BORDER = 1;
const PAD_X = 6;
const PAD_Y = 5;
const RADIUS = 8;
const LINE_HEIGHT = 1.1;
const MAX_LINES = 2;
const ELLIPSIS = '…';

/**
 * A label's lines in `width`: one line when it fits; else two, split at the break that balances them (CSS
 * `text-wrap: balance`; a label breaks at its spaces and after its separators, labelText.ts), a part longer
 * than the line broken anywhere (`overflow-wrap: anywhere`), and the second line ended with an ellipsis
 * when the rest does not fit (`line-clamp: 2`).
 */
export function labelLines(text: string, width: number, measure: (s: string) => number): string[] {
  if (measure(text) <= width) return [text];
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (const cut of labelBreaks(text)) {
    const first = text.slice(0, cut).trimEnd();
    const second = text.slice(cut);
    const widest = Math.max(measure(first), measure(second));
    if (measure(first) <= width && widest < bestWidth) {
      best = [first, second];
      bestWidth = widest;
    }
  }
  if (best && measure(best[1]) <= width) return best;
  // A first line as full as it can be (whole parts when one fits, else characters), the rest clamped.
  const first = best ? best[0] : fitStart(text, width, measure);
  return [first, clamp(text.slice(first.length).trimStart(), width, measure)];
}

/** The longest start of `text` that fits `width` (at least one character). */
function fitStart(text: string, width: number, measure: (s: string) => number): string {
  let n = 1;
  while (n < text.length && measure(text.slice(0, n + 1)) <= width) n++;
  return text.slice(0, n);
}

/** `text` cut to `width` with an ellipsis, when it does not fit. */
function clamp(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  let n = text.length;
  while (n > 1 && measure(text.slice(0, n - 1) + ELLIPSIS) > width) n--;
  return text.slice(0, n - 1).trimEnd() + ELLIPSIS;
}

/** The drawing calls the cards need: a CanvasRenderingContext2D has them all. */
export type CardContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'roundRect'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'save'
  | 'restore'
  | 'clip'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'font'
  | 'letterSpacing'
  | 'textAlign'
  | 'textBaseline'
  | 'lineWidth'
  | 'strokeStyle'
  | 'fillStyle'
>;

/**
 * Draws the cards that meet the cover's area onto a context sized to it. Labels are measured once per text
 * and size (`widths`, kept by the caller across drawings).
 */
export function drawCards(
  ctx: CardContext,
  cover: Cover,
  cards: readonly PictureCard[],
  style: CardStyle,
  widths: Map<string, number>,
): number {
  const { area, scale } = cover;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, Math.ceil(area.width * scale), Math.ceil(area.height * scale));
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  const px = style.labelPx;
  ctx.font = `600 ${px}px ${style.family}`;
  ctx.letterSpacing = `${-0.01 * px}px`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  // Where CSS puts a baseline in a line box: the font's ascent and descent centred in the line height.
  const font = ctx.measureText('x');
  const baseline = (px * LINE_HEIGHT - font.fontBoundingBoxAscent - font.fontBoundingBoxDescent) / 2 + font.fontBoundingBoxAscent;
  ctx.lineWidth = BORDER;
  const measure = (s: string) => {
    let w = widths.get(s);
    if (w === undefined) widths.set(s, (w = ctx.measureText(s).width));
    return w;
  };
  let drawn = 0;
  const lh = px * LINE_HEIGHT;
  const inner = NODE_BOX.width - STRIPE - BORDER - 2 * PAD_X;
  for (const { rect, color, label } of cards) {
    if (!overlaps(rect, area)) continue;
    drawn++;
    const lines = labelLines(label, inner, measure).slice(0, MAX_LINES);
    // A card is at least its default height, more when two lines of label need it (min-height in the CSS).
    const r = { x: rect.x, y: rect.y, width: NODE_BOX.width, height: Math.max(NODE_BOX.height, lines.length * lh + 2 * (PAD_Y + BORDER)) };
    ctx.beginPath();
    ctx.roundRect(r.x + BORDER / 2, r.y + BORDER / 2, r.width - BORDER, r.height - BORDER, RADIUS);
    ctx.fillStyle = style.background;
    ctx.fill();
    ctx.strokeStyle = style.border;
    ctx.stroke();
    // The kind's stripe: the card's left border, 4 px, inside its rounded corners.
    ctx.save();
    ctx.clip();
    ctx.fillStyle = color;
    ctx.fillRect(r.x, r.y, STRIPE, r.height);
    ctx.restore();
    const cx = r.x + STRIPE + PAD_X + inner / 2;
    const top = r.y + r.height / 2 - (lines.length * lh) / 2;
    ctx.fillStyle = style.text;
    lines.forEach((line, i) => ctx.fillText(line, cx, top + lh * i + baseline));
  }
  return drawn;
}
