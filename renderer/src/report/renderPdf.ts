/**
 * `renderReportPdf(doc, {paper, fonts}) → PDF bytes`, in Node (CLI, tests, bench) and in the browser (the app).
 * The fonts are the one platform difference: pass `nodeFontSources()` or `browserFontSources()`.
 *
 * Drawn with pdfkit (pdfkit/document.ts). It replaced @react-pdf/renderer, which spent most of a big report's
 * time re-laying out and copying its node tree: a 300-node report took 9-13 s of CPU there.
 */
import type { Paper } from '../../../shared/report/page.ts';
import type { ReportDocument } from '../../../shared/report/types.ts';
import type { FontSources } from './fonts.ts';
import { renderWithPdfkit } from './pdfkit/document.ts';

export interface RenderPdfOptions {
  /** Must be the paper the report was built for: its diagrams are fitted to that page. */
  paper?: Paper;
  fonts: FontSources;
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
