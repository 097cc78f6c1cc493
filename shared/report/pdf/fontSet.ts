/**
 * The report's fonts in a pdfkit document: Noto Sans (regular, bold) and Noto Sans JP as the fallback for what
 * Noto Sans lacks (Japanese, CJK ideographs, some arrows and marks). pdfkit has no font fallback of its own, so
 * text is cut into runs, each in the first font that has its glyphs; fontkit embeds only the glyphs used.
 */
import type { PdfDoc } from './pdfDoc.ts';
import type { Face, ReportFonts } from './fonts.ts';
import { installFastLayout } from './fastLayout.ts';
import { drawable } from './printable.ts';

/** A run of text in one face, with its width at the size it was measured for. */
export interface Run {
  text: string;
  face: Face;
  width: number;
}

/** The part of pdfkit's embedded font (doc._font) used here: its fontkit font and its cached width measure. */
interface EmbeddedFont {
  font: { hasGlyphForCodePoint(cp: number): boolean } & Parameters<typeof installFastLayout>[0];
  widthOfString(text: string, size: number): number;
}

export class FontSet {
  private readonly fonts: Record<Face, EmbeddedFont>;
  /** Code point → whether Noto Sans has it (regular and bold cover the same characters). */
  private readonly inSans = new Map<number, boolean>();

  constructor(
    private readonly doc: PdfDoc,
    data: ReportFonts,
  ) {
    const fonts = {} as Record<Face, EmbeddedFont>;
    for (const face of ['regular', 'bold', 'cjk'] as const) {
      doc.registerFont(face, data[face]);
      doc.font(face);
      // pdfkit keeps the current embedded font on the document; its measure caches widths per word.
      fonts[face] = (doc as unknown as { _font: EmbeddedFont })._font;
      installFastLayout(fonts[face].font);
    }
    this.fonts = fonts;
  }

  private sansHas(cp: number): boolean {
    let has = this.inSans.get(cp);
    if (has === undefined) {
      has = cp < 0x250 || this.fonts.regular.font.hasGlyphForCodePoint(cp);
      this.inSans.set(cp, has);
    }
    return has;
  }

  /**
   * `text` cut into runs by the face that can draw each character, measured at `size` with `tracking` between
   * letters. Only what prints is in a run: a tab is a space, controls are dropped (printable.ts).
   */
  runs(text: string, size: number, bold: boolean, tracking = 0): Run[] {
    text = drawable(text);
    const base: Face = bold ? 'bold' : 'regular';
    const out: Run[] = [];
    let current = '';
    let face: Face = base;
    for (const ch of text) {
      const f: Face = this.sansHas(ch.codePointAt(0) ?? 0) ? base : 'cjk';
      if (f !== face && current) {
        out.push(this.run(current, face, size, tracking));
        current = '';
      }
      face = f;
      current += ch;
    }
    if (current) out.push(this.run(current, face, size, tracking));
    return out;
  }

  private run(text: string, face: Face, size: number, tracking: number): Run {
    return { text, face, width: this.fonts[face].widthOfString(text, size) + (tracking ? tracking * [...text].length : 0) };
  }

  width(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (const r of this.runs(text, size, bold)) w += r.width;
    return w;
  }

  /** Draws runs from x with their baseline at y. */
  draw(runs: readonly Run[], x: number, y: number, size: number, color: string, tracking = 0): void {
    const doc = this.doc;
    doc.fillColor(color);
    for (const r of runs) {
      doc.font(r.face).fontSize(size).text(r.text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: tracking });
      x += r.width;
    }
  }
}
