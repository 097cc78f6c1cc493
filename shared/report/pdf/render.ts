/**
 * `renderReportPdf(doc, {paper, fonts}) → PDF bytes`, the same in Node (CLI, tests, bench) and in the browser
 * (the app). The fonts are the one platform difference: each front end passes Noto Sans's bytes and a loader for
 * each fallback font, called only when a report's text needs it (`loadNodeReportFonts()` in cli/reportFonts.ts,
 * `loadBrowserReportFonts()` in the renderer).
 *
 * Drawn with pdfkit (document.ts). It replaced @react-pdf/renderer, which spent most of a big report's
 * time re-laying out and copying its node tree: a 300-node report took 9-13 s of CPU there.
 */
import type { Paper, ReportDocument } from '../index.ts';
import { renderWithPdfkit } from './document.ts';
import type { ReportFonts } from './fonts.ts';

export type { Fallback, FallbackFiles, FontFile, ReportFonts } from './fonts.ts';

export interface RenderPdfOptions {
  /** Must be the paper the report was built for: its diagrams are fitted to that page. */
  paper?: Paper;
  fonts: ReportFonts;
}

export class ReportPaperMismatch extends Error {
  constructor(built: Paper, asked: Paper) {
    super(`the report was built for ${built} paper, not ${asked}: build it again with paper: '${asked}'`);
    this.name = 'ReportPaperMismatch';
  }
}

export async function renderReportPdf(doc: ReportDocument, options: RenderPdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  if (options.paper && options.paper !== doc.meta.paper) throw new ReportPaperMismatch(doc.meta.paper, options.paper);
  return renderWithPdfkit(doc, options.fonts);
}
