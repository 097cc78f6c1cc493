/**
 * The report's fonts: Noto Sans (regular, bold) for Latin, Greek, Cyrillic and Devanagari, then a fallback per
 * script for what it lacks. Loading a font file depends on the platform, so each front end passes the bytes of
 * Noto Sans and a loader per fallback: read from the installed packages in Node (cli/reportFonts.ts), fetched
 * from the app's own origin in the browser (renderer/src/report/fonts.browser.ts). A fallback is loaded only
 * when the report's text has a character it is for, and the PDF embeds only the glyphs a report uses
 * (fontSet.ts), so a font adds nothing to a report that does not need it.
 */

/** Noto Sans, which every report uses. */
export type Face = 'regular' | 'bold';

/**
 * The fallbacks, in the order a character tries them after Noto Sans: it is drawn in the first that has its
 * glyph. Noto Sans JP comes first, as before: it also draws the arrows and geometric marks of every report (→, ◆).
 * Noto Sans SC then draws the Chinese characters JP lacks (8,229 of the 20,992 in the main CJK block, among them
 * common simplified ones: 访, 续, 账). KR draws Hangul; the others their own script; Noto Emoji (one colour: a PDF
 * from pdfkit cannot carry colour glyphs) is last, so a symbol JP has keeps the look it had.
 */
export const FALLBACK_ORDER = ['jp', 'sc', 'kr', 'arabic', 'hebrew', 'thai', 'emoji'] as const;

export type Fallback = (typeof FALLBACK_ORDER)[number];

export interface FallbackFont {
  /**
   * The characters it is loaded for, as CSS's unicode-range: a report whose text has one that the fonts before
   * it lack loads the fallback. Which font draws a character is decided by the fonts themselves.
   */
  for: RegExp;
  /**
   * Its glyphs do not map back to the text: Noto Sans Arabic draws ب, ت, ن and ي as one dotless shape plus dot
   * marks, so a viewer copying or searching the PDF would read the wrong letters. Its runs carry their text as
   * ActualText (read by Acrobat and poppler; PDF.js reads the glyphs).
   */
  spellOut: boolean;
}

export const FALLBACKS: Readonly<Record<Fallback, FallbackFont>> = {
  // Punctuation, arrows, symbols and shapes (U+2000-2BFF), CJK, kana, full-width forms.
  jp: { for: /[\u2000-\u2bff\u2e80-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u, spellOut: false },
  sc: {
    for: /[\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u,
    spellOut: false,
  },
  kr: { for: /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]/, spellOut: false },
  arabic: { for: /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/, spellOut: true },
  hebrew: { for: /[\u0590-\u05ff\ufb1d-\ufb4f]/, spellOut: false },
  thai: { for: /[\u0e00-\u0e7f]/, spellOut: false },
  emoji: { for: /[\u00a9\u00ae\u2000-\u2bff\u3030\u303d\u3297\u3299\u{1f000}-\u{1faff}]/u, spellOut: false },
};

/** A font file's bytes, loaded when a report first needs them. */
export type FontFile = () => Promise<Uint8Array>;

/**
 * A fallback's files. A bold face is given where it is small (Arabic, Hebrew, Thai: 9-200 KB); each CJK face is
 * 5-10 MB to load and parse, so bold CJK prints regular, and Noto Emoji has one weight.
 */
export interface FallbackFiles {
  regular: FontFile;
  bold?: FontFile;
}

export interface ReportFonts {
  /** Noto Sans, TTF bytes. */
  regular: Uint8Array;
  bold: Uint8Array;
  fallbacks: Readonly<Record<Fallback, FallbackFiles>>;
}

/** A fallback's bytes once loaded. */
export interface LoadedFallback {
  regular: Uint8Array;
  bold?: Uint8Array;
}
