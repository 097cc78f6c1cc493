/**
 * The marks of a comparison (before / after a fix, two variants) and of the likelihood view, beside the effect
 * vocabulary (./effects.ts): each mark has a colour, a glyph, an outline style and a word, so colour is never
 * the only signal. "No longer reached" takes the prevented mark's colour, since it says the same thing: the
 * defenders held there. The glyphs are their own (a minus, a plus, a bang cut out of a shape), never an
 * effect's, so a comparison chip is not read as an effect. The app's CSS gets the colours as `--dc-gone`,
 * `--dc-new`, `--dc-changed` and `--lk-hue` (./css.ts).
 */
import type { ThemeColor } from './effects.ts';
import { MARK_LOOKS } from './effects.ts';
import type { GlyphName } from './glyphs.ts';

export type CompareMark = 'gone' | 'new' | 'changed';

interface CompareLook {
  title: string;
  meaning: string;
  glyph: GlyphName;
  /** The glyph and the node's outline on the canvas, in words, for the legend. */
  shape: string;
  color: ThemeColor;
}

export const COMPARE_LOOKS: Record<CompareMark, CompareLook> = {
  gone: {
    title: 'No longer reached',
    meaning: 'reached before, not after',
    glyph: 'minus-circle',
    shape: 'circle with a minus, dashed outline',
    color: MARK_LOOKS.prevented.color,
  },
  new: {
    title: 'Newly reached',
    meaning: 'reached after, not before',
    glyph: 'plus-diamond',
    shape: 'diamond with a plus, double outline',
    // Deeper than a pink: #C2185B met the green of "no longer reached" for deuteranopes (ΔE 3.6).
    color: { light: '#A0106E', dark: '#F472B6' },
  },
  changed: {
    title: 'Changed',
    meaning: 'reached both times, at another level or time',
    glyph: 'bang-triangle',
    shape: 'triangle with a bang, dotted outline',
    color: { light: '#1D5FBF', dark: '#60A5FA' },
  },
};

/** Likelihood: one hue in steps of strength, so lightness carries the scale for every eye and in greyscale. */
export const LIKELIHOOD_LOOK = { color: { light: '#7B1FA2', dark: '#C084FC' } } as const satisfies { color: ThemeColor };
