/**
 * A fast path for fontkit's layout of text that needs no shaping.
 *
 * fontkit shapes every run with the font's full OpenType tables; Noto Sans has 67 features and large kerning
 * tables, so laying out one short string costs 1-3 ms and a report with thousands of strings spends most of its
 * time there. Latin, Greek, Cyrillic, punctuation, kana and CJK ideographs need no shaping to be correct: one
 * glyph per code point, advanced by its width (no kerning, no ligatures). Strings with anything else (combining
 * marks, Arabic, Indic scripts, emoji) still go through fontkit's layout.
 *
 * Still worth it with pdfkit 0.20.1: the 300-node bench report renders in a median 7.5 s with it, 8.8 s without
 * (warm runs, 3 rounds at load 13-15), and without it fontkit's kerning changes the PDF.
 */
import { hasRtlLetter } from './bidi.ts';

/** The part of a fontkit font the fast path touches. */
interface LayoutFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: 'ltr' | 'rtl'): GlyphRunLike;
  glyphsForString(text: string): { advanceWidth: number }[];
}

interface GlyphRunLike {
  glyphs: unknown[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] | null;
}

const FAST = new WeakSet<object>();

/** Code points that map one-to-one to glyphs, with no mark positioning or contextual forms needed. */
const UNSHAPED =
  /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf\u2100-\u215f\u2190-\u21ff\u2200-\u22ff\u2500-\u25ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;

export function installFastLayout(font: LayoutFont): void {
  if (FAST.has(font)) return;
  const layout = font.layout.bind(font);
  // A real (empty) run gives the class, so the result is a genuine GlyphRun with its getters.
  const proto = Object.getPrototypeOf(layout('')) as object;
  font.layout = (text: string, features?: unknown) => {
    // fontkit guesses a run's direction from its script, so a run of Arabic digits (level 2 between Arabic words,
    // shown left to right) came out reversed. The runs it is given are in one direction (bidi.ts): a run is
    // right to left exactly when it has right-to-left letters.
    if (typeof text !== 'string') return layout(text, features);
    if (!UNSHAPED.test(text)) return layout(text, features, undefined, undefined, hasRtlLetter(text) ? 'rtl' : 'ltr');
    const glyphs = font.glyphsForString(text);
    const run = Object.create(proto) as GlyphRunLike & Record<string, unknown>;
    run.glyphs = glyphs;
    run.positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    run.script = 'latn';
    run.language = null;
    run.direction = 'ltr';
    run.features = {};
    return run;
  };
  FAST.add(font);
}

