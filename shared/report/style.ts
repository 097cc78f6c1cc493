/**
 * How effects and kinds look in every report format: taken from the one visual vocabulary (shared/visual/),
 * which the canvas draws with too. Effects differ by colour (apart for colour-vision deficiencies and in
 * greyscale) AND by glyph and line, so a greyscale print still tells them apart.
 */
import type { Effect } from '../domain/index.ts';
import { EFFECT_WEIGHTS, EFFECTS } from '../domain/index.ts';
import type { GlyphName } from '../visual/index.ts';
import { EFFECT_LOOKS, effectFill, GLYPHS, MARK_LOOKS, placeGlyph, RESPONSE_LOOK } from '../visual/index.ts';

export { SEVERITY_COLORS } from '../visual/index.ts';

interface EffectStyle {
  label: string;
  meaning: string;
  /** Strong colour: marker, border, carried edges. */
  color: string;
  /** Light fill for the node box. */
  fill: string;
  glyph: GlyphName;
  /** Node border dashed: availability effects. */
  dashed: boolean;
  weight: number;
}

export const EFFECT_STYLES: Record<Effect, EffectStyle> = Object.fromEntries(
  EFFECTS.map((e) => {
    const look = EFFECT_LOOKS[e];
    return [e, { label: look.label, meaning: look.meaning, color: look.color.light, fill: effectFill(e), glyph: look.glyph, dashed: look.dashed, weight: EFFECT_WEIGHTS[e] }];
  }),
) as Record<Effect, EffectStyle>;

export const BREAK_COLOR = MARK_LOOKS.break.color.light;
export const BREAK_GLYPH = MARK_LOOKS.break.glyph!;

/** A response (rotate, revoke, §6): the defenders' colour, apart from every effect's; on the canvas and in the report. */
export const RESPONSE_COLOR = RESPONSE_LOOK.color.light;

export { KIND_STYLES, kindCount } from '../visual/index.ts';
export type { KindStyle } from '../visual/index.ts';

/** A glyph of the vocabulary centred on (cx, cy) with half-size r, as an SVG path: for the PDF, the HTML and the canvas picture. */
export function glyphPath(glyph: GlyphName, cx: number, cy: number, r: number): string {
  return placeGlyph(glyph, cx, cy, 2 * r);
}

/** Whether a glyph's path is filled with the even-odd rule (its holes). */
export const glyphEvenOdd = (glyph: GlyphName): boolean => GLYPHS[glyph].evenOdd;
