/**
 * The report's fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Sans JP as the fallback for Japanese (and
 * the CJK ideographs it shares with Chinese). Where the TTF files come from depends on the platform, so the
 * caller passes their locations: file paths in Node (fonts.node.ts), URLs in the browser (fonts.browser.ts).
 * react-pdf embeds only the glyphs a report uses.
 */
import { Font } from '@react-pdf/renderer';

export interface FontFaceSources {
  regular: string;
  /** Without a bold face, bold text in this family uses the regular one. */
  bold?: string;
}

export interface FontSources {
  sans: FontFaceSources & { bold: string };
  /**
   * The fallback for what Noto Sans lacks: Japanese and CJK ideographs, arrows, the effect markers in tables.
   * Its regular face is enough (each Noto Sans JP face is 5.4 MB to fetch and parse); bold CJK prints regular.
   */
  cjk: FontFaceSources;
}

export const FONT_FAMILIES = { sans: 'FaultlineSans', cjk: 'FaultlineCJK' } as const;
/** Every text style uses this stack: a glyph missing from the first font comes from the next. */
export const FONT_STACK = [FONT_FAMILIES.sans, FONT_FAMILIES.cjk];

let registered: string | null = null;
let faces: [string, number][] = [];

/** Registers the fonts with react-pdf once per set of sources. */
export function registerReportFonts(sources: FontSources): void {
  const key = JSON.stringify(sources);
  if (registered === key) return;
  faces = [];
  for (const [family, face] of [
    [FONT_FAMILIES.sans, sources.sans],
    [FONT_FAMILIES.cjk, sources.cjk],
  ] as const) {
    const fonts = [{ src: face.regular, fontWeight: 400 }, ...(face.bold ? [{ src: face.bold, fontWeight: 700 }] : [])];
    Font.register({ family, fonts });
    faces.push(...fonts.map((f): [string, number] => [family, f.fontWeight]));
  }
  Font.registerHyphenationCallback(breakableParts);
  registered = key;
}

/**
 * Loads the four faces and gives each a fast path for text that needs no shaping.
 *
 * fontkit shapes every run with the font's full OpenType tables; Noto Sans has 67 features and large kerning
 * tables, so laying out one short string costs 1-3 ms and a report with thousands of strings spends most of its
 * time there. Latin, Greek, Cyrillic, punctuation, kana and CJK ideographs need no shaping to be correct: one
 * glyph per code point, advanced by its width (no kerning, no ligatures). Strings with anything else (combining
 * marks, Arabic, Indic scripts, emoji) still go through fontkit's layout. Measured on the 300-node bench: the
 * PDF renders several times faster, with the same text extracted.
 */
export async function prepareReportFonts(): Promise<void> {
  await Promise.all(faces.map(([fontFamily, fontWeight]) => Font.load({ fontFamily, fontWeight })));
  for (const [fontFamily, fontWeight] of faces) {
    const data = (Font.getFont({ fontFamily, fontWeight }) as unknown as { data: LayoutFont | null } | null)?.data;
    if (data && !FAST.has(data)) {
      installFastLayout(data);
      shortenIdentity(data);
    }
  }
}

/**
 * pdfkit compares fonts on every text run by serialising their whole name table (license text included): a
 * tenth of a big report's time. The PostScript name identifies a face just as well.
 */
function shortenIdentity(font: LayoutFont): void {
  const named = font as unknown as { name?: { records?: object }; postscriptName?: string };
  const records = named.name?.records;
  if (records && !Object.hasOwn(records, 'toJSON')) {
    Object.defineProperty(records, 'toJSON', { value: () => named.postscriptName ?? '' });
  }
}

/** The part of a fontkit font the fast path touches. */
interface LayoutFont {
  layout(text: string, ...rest: unknown[]): GlyphRunLike;
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

function installFastLayout(font: LayoutFont): void {
  const layout = font.layout.bind(font);
  // A real (empty) run gives the class, so the result is a genuine GlyphRun with its getters.
  const proto = Object.getPrototypeOf(layout('')) as object;
  font.layout = (text: string, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !UNSHAPED.test(text)) return layout(text, ...rest);
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

const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/;

/**
 * Where a word may break across lines. Ordinary words do not break (no guessed hyphenation); a long identifier
 * (`arn:aws:iam::123456789012:role/deploy`) breaks after its punctuation and every 12 characters, so a table
 * cell never overflows; a long run of CJK text breaks between characters.
 */
export function breakableParts(word: string): string[] {
  if ([...word].length <= 18) return [word];
  if (CJK.test(word)) return [...word];
  const parts: string[] = [];
  // Not after "-": react-pdf marks a break inside a word with a hyphen, which would double it.
  for (const piece of word.split(/(?<=[/:._@=,;&?#])/)) {
    const chars = [...piece];
    let i = 0;
    while (i < chars.length) {
      let end = Math.min(chars.length, i + 12);
      // Never break next to a hyphen: react-pdf adds one of its own at the break.
      while (end < chars.length && end > i + 1 && (chars[end] === '-' || chars[end - 1] === '-')) end--;
      parts.push(chars.slice(i, end).join(''));
      i = end;
    }
  }
  return parts;
}
