/** The visual module's API: what code outside shared/visual uses of it. Kept by test/tools/barrelsCodemod.mjs. */

export { COMPARE_LOOKS, LIKELIHOOD_LOOK } from './compare.ts';
export type { CompareMark } from './compare.ts';
export { effectCss } from './css.ts';
export { DEAD_COPY, EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK, deadColor, effectFill, effectText, saturate } from './effects.ts';
export { GLYPHS, placeGlyph } from './glyphs.ts';
export type { GlyphName } from './glyphs.ts';
export { KIND_COLORS, SEVERITY_COLORS } from './palette.ts';
