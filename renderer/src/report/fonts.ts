/**
 * The report's fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Sans JP as the fallback for Japanese (and
 * the CJK ideographs it shares with Chinese). Where the TTF files come from depends on the platform, so the
 * caller passes their locations: file paths in Node (fonts.node.ts), URLs in the browser (fonts.browser.ts).
 * The PDF embeds only the glyphs a report uses (pdfkit/fontSet.ts).
 */

export interface FontFaceSources {
  regular: string;
  /** Without a bold face, bold text in this family uses the regular one. */
  bold?: string;
}

export interface FontSources {
  sans: FontFaceSources & { bold: string };
  /**
   * The fallback for what Noto Sans lacks: Japanese and CJK ideographs, arrows, marks. Its regular face is
   * enough (each Noto Sans JP face is 5.4 MB to fetch and parse); bold CJK prints regular.
   */
  cjk: FontFaceSources;
}
