/**
 * The report's fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Sans JP as the fallback for Japanese (and
 * the CJK ideographs it shares with Chinese). Loading the TTF files depends on the platform, so each front end
 * passes their bytes: read from the installed packages in Node (cli/reportFonts.ts), fetched from the app's own
 * origin in the browser (renderer/src/report/fonts.browser.ts). The PDF embeds only the glyphs a report uses
 * (fontSet.ts).
 */

export type Face = 'regular' | 'bold' | 'cjk';

/**
 * TTF bytes of each face. `cjk` is the fallback for what Noto Sans lacks: Japanese and CJK ideographs, arrows,
 * marks. Its regular face is enough (each Noto Sans JP face is 5.4 MB to fetch and parse); bold CJK prints regular.
 */
export type ReportFonts = Readonly<Record<Face, Uint8Array>>;
