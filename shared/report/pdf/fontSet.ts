/**
 * The report's fonts in a pdfkit document: Noto Sans (regular, bold) and the fallbacks a report's text needs
 * (fonts.ts). pdfkit has no font fallback of its own, so text is cut into runs, each in the first font that has
 * its glyphs; fontkit embeds only the glyphs used, and a font nothing is drawn in is not embedded at all.
 */
import type { PdfDoc } from './pdfDoc.ts';
import type { Face, Fallback, FallbackFiles, LoadedFallback, ReportFonts } from './fonts.ts';
import { FALLBACK_ORDER, FALLBACKS } from './fonts.ts';
import { installFastLayout } from './fastLayout.ts';
import { levelSegments, mayBeRtl, paragraphLevels, rightToLeft, visualOrder } from './bidi.ts';
import { drawable, oneLine } from './printable.ts';

/** A run of text in one face, with its width at the size it was measured for. */
export interface Run {
  text: string;
  /** The name the face is registered under: 'regular', 'bold', a fallback ('arabic') or its bold ('arabic-bold'). */
  face: string;
  width: number;
}

/** The part of pdfkit's embedded font (doc._font) used here: its fontkit font and its cached width measure. */
interface EmbeddedFont {
  font: { hasGlyphForCodePoint(cp: number): boolean } & Parameters<typeof installFastLayout>[0];
  widthOfString(text: string, size: number): number;
}

/** A font in the fallback order, with the names of its regular and bold faces. */
interface Member {
  font: EmbeddedFont;
  regular: string;
  bold: string;
}

/** Faces whose runs carry their text as ActualText (fonts.ts, `spellOut`). */
const spelledOut = new Set(FALLBACK_ORDER.filter((f) => FALLBACKS[f].spellOut).flatMap((f) => [f, `${f}-bold`]));

/**
 * A character of the text that a fallback not loaded is for: the drawing stops, the fallback is loaded and the
 * report drawn again (document.ts). Loading what the report's text needs first (`loadFor`) makes this rare.
 */
export class FallbackNeeded extends Error {
  constructor(
    readonly codePoint: number,
    readonly fallback: Fallback,
  ) {
    super(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} needs the ${fallback} font, which is not loaded`);
    this.name = 'FallbackNeeded';
  }
}

/** Text that Noto Sans draws whole with no look-up: printable ASCII and Latin up to U+024F. */
const LATIN = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u024f]*$/;

const MARK = /\p{M}/u;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/** Code points a font need not have to draw a cluster: joiners, variation selectors, tags (fontkit hides them). */
const ignorable = (cp: number) => cp === ZWNJ || cp === ZWJ || isVariationSelector(cp) || (cp >= 0xe0000 && cp <= 0xe0fff);

/** A code point drawn with the one before it: a combining mark, a joiner, a variation selector, a skin tone, a tag. */
const extendsCluster = (cp: number, ch: string) => ignorable(cp) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || MARK.test(ch);

/** The code points of every string in `value` (the report model) that Noto Sans may lack: what it will draw. */
export function codePointsIn(value: unknown): Set<number> {
  const out = new Set<number>();
  const seen = new WeakSet<object>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!LATIN.test(v)) for (const ch of v) out.add(ch.codePointAt(0)!);
    } else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
    }
  };
  visit(value);
  return out;
}

export class FontSet {
  /** Every face registered, by name. */
  private readonly faces = new Map<string, EmbeddedFont>();
  /** Noto Sans, then the fallbacks loaded, in FALLBACK_ORDER (loadFor adds them in that order). */
  private readonly chain: Member[];
  private readonly loaded = new Set<Fallback>();
  /** Code point → the member that draws it alone (regular and bold faces cover the same characters). */
  private readonly memberOf = new Map<number, Member>();

  constructor(
    private readonly doc: PdfDoc,
    fonts: Pick<ReportFonts, Face>,
  ) {
    const regular = this.embed('regular', fonts.regular);
    this.embed('bold', fonts.bold);
    this.chain = [{ font: regular, regular: 'regular', bold: 'bold' }];
  }

  private embed(name: string, bytes: Uint8Array): EmbeddedFont {
    this.doc.registerFont(name, bytes);
    this.doc.font(name);
    // pdfkit keeps the current embedded font on the document; its measure caches widths per word.
    const font = (this.doc as unknown as { _font: EmbeddedFont })._font;
    installFastLayout(font.font);
    this.faces.set(name, font);
    return font;
  }

  /**
   * Loads, in order, each fallback that a character of `codePoints` is for and that the fonts loaded before it
   * lack; `cache` keeps the bytes for the next document. Called once, before anything is measured.
   */
  async loadFor(codePoints: Iterable<number>, files: Readonly<Record<Fallback, FallbackFiles>>, cache: Map<Fallback, LoadedFallback>): Promise<void> {
    let left = [...codePoints].filter((cp) => !this.has(cp));
    for (const fallback of FALLBACK_ORDER) {
      if (left.length === 0) return;
      if (!this.loaded.has(fallback) && left.some((cp) => FALLBACKS[fallback].for.test(String.fromCodePoint(cp)))) {
        let bytes = cache.get(fallback);
        if (!bytes) {
          const f = files[fallback];
          const [regular, bold] = await Promise.all([f.regular(), f.bold?.()]);
          bytes = bold ? { regular, bold } : { regular };
          cache.set(fallback, bytes);
        }
        const bold = bytes.bold ? `${fallback}-bold` : fallback;
        this.chain.push({ font: this.embed(fallback, bytes.regular), regular: fallback, bold });
        if (bytes.bold) this.embed(bold, bytes.bold);
        this.loaded.add(fallback);
      }
      left = left.filter((cp) => !this.has(cp));
    }
  }

  /** Whether a loaded font draws `cp`. */
  has(cp: number): boolean {
    return this.chain.some((m) => m.font.font.hasGlyphForCodePoint(cp));
  }

  /** The member that draws `cp` alone: the first that has it, else Noto Sans (a box: no font has it). */
  private memberFor(cp: number): Member {
    let member = this.memberOf.get(cp);
    if (!member) {
      member = (cp < 0x250 ? this.chain[0] : this.chain.find((m) => m.font.font.hasGlyphForCodePoint(cp))) ?? this.missing(cp);
      this.memberOf.set(cp, member);
    }
    return member;
  }

  /** A character no loaded font has: the fallback not loaded that is for it, or a box when there is none. */
  private missing(cp: number): Member {
    const ch = String.fromCodePoint(cp);
    const fallback = FALLBACK_ORDER.find((f) => !this.loaded.has(f) && FALLBACKS[f].for.test(ch));
    if (fallback) throw new FallbackNeeded(cp, fallback);
    return this.chain[0];
  }

  /** The member for a cluster: the first font that has all of it, else the one for its first character. */
  private clusterMember(cluster: readonly number[]): Member {
    const first = this.memberFor(cluster[0]);
    const needed = cluster.filter((cp) => !ignorable(cp));
    if (needed.every((cp) => first.font.font.hasGlyphForCodePoint(cp))) return first;
    return this.chain.find((m) => needed.every((cp) => m.font.font.hasGlyphForCodePoint(cp))) ?? first;
  }

  /**
   * One line of text as it is drawn: cut into runs by face, measured at `size` with `tracking` between letters,
   * in display order (right-to-left text reordered, bidi.ts).
   */
  runs(text: string, size: number, bold: boolean, tracking = 0): Run[] {
    if (!mayBeRtl(text)) return this.logicalRuns(text, size, bold, tracking);
    text = oneLine(text);
    const levels = paragraphLevels(text);
    const runs = levelSegments(text, levels, 0).flatMap((s) => this.logicalRuns(s.text, size, bold, tracking).map((r) => ({ ...r, level: s.level })));
    return visualOrder(runs).map(({ level, ...r }) => (level % 2 ? { ...r, text: rightToLeft(r.text) } : r));
  }

  /**
   * `text` cut into runs by the face that can draw each character, in the order of the text, measured at `size`
   * with `tracking` between letters. A character and the marks, joiners and modifiers after it stay in one face.
   * Only what prints is in a run: a tab is a space, controls are dropped (printable.ts).
   */
  logicalRuns(text: string, size: number, bold: boolean, tracking = 0): Run[] {
    text = drawable(text);
    if (LATIN.test(text)) return text ? [this.run(text, bold ? 'bold' : 'regular', size, tracking)] : [];
    const out: Run[] = [];
    let current = '';
    let face = '';
    const push = (cluster: number[]) => {
      const member = cluster.length === 1 ? this.memberFor(cluster[0]) : this.clusterMember(cluster);
      const f = bold ? member.bold : member.regular;
      if (f !== face && current) {
        out.push(this.run(current, face, size, tracking));
        current = '';
      }
      face = f;
      current += String.fromCodePoint(...cluster);
    };
    let cluster: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cluster.length && (extendsCluster(cp, ch) || cluster[cluster.length - 1] === ZWJ)) cluster.push(cp);
      else {
        if (cluster.length) push(cluster);
        cluster = [cp];
      }
    }
    if (cluster.length) push(cluster);
    if (current) out.push(this.run(current, face, size, tracking));
    return out;
  }

  private run(text: string, face: string, size: number, tracking: number): Run {
    const width = this.faces.get(face)!.widthOfString(text, size);
    return { text, face, width: width + (tracking ? tracking * [...text].length : 0) };
  }

  width(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (const r of this.logicalRuns(text, size, bold)) w += r.width;
    return w;
  }

  /** Draws runs from x with their baseline at y. */
  draw(runs: readonly Run[], x: number, y: number, size: number, color: string, tracking = 0): void {
    const doc = this.doc;
    doc.fillColor(color);
    for (const r of runs) {
      const spell = spelledOut.has(r.face);
      if (spell) doc.markContent('Span', { actual: r.text });
      doc.font(r.face).fontSize(size).text(r.text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: tracking });
      if (spell) doc.endMarkedContent();
      x += r.width;
    }
  }
}
