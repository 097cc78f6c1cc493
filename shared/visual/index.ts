

export { COMPARE_LOOKS, LIKELIHOOD_LOOK } from './compare.ts';
export type { CompareMark } from './compare.ts';
export { effectCss } from './css.ts';
export { DEAD_COPY, EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK, deadColor, effectFill, effectText, saturate } from './effects.ts';
export { GLYPHS, placeGlyph } from './glyphs.ts';
export type { GlyphName } from './glyphs.ts';
export { KIND_COLORS, KIND_STYLES, kindCount } from './kinds.ts';
export type { KindStyle } from './kinds.ts';
export { LABEL_BREAKS_AFTER, NODE_BOX, fallbackPosition } from './node.ts';
export { SEVERITY_COLORS } from './palette.ts';
export { boundaryRect, boundsOf, center } from './rect.ts';
export type { Rect, Size } from './rect.ts';
