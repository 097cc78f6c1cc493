/**
 * `renderReportPdf(doc, {paper, fonts}) → PDF bytes`, in Node (CLI, tests, bench) and in the browser (the app).
 * The fonts are the one platform difference: pass `nodeFontSources()` or `browserFontSources()`.
 */
import { pdf } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { Paper } from '../../../shared/report/page.ts';
import type { ReportDocument } from '../../../shared/report/types.ts';
import type { FontSources } from './fonts.ts';
import { prepareReportFonts, registerReportFonts } from './fonts.ts';
import { ReportPdf, reportPages } from './pdf/ReportPdf.tsx';

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
  registerReportFonts(options.fonts);
  await prepareReportFonts();
  const pages = reportPages(doc);
  const planned = await renderPages(doc, pages, true);
  if (pdfPageCount(planned) === pages.length) return planned;
  // A page ran over its estimate and react-pdf continued it on another: the planned numbers are off from there.
  return renderPages(doc, pages, false);
}

async function renderPages(doc: ReportDocument, pages: readonly ReactElement[], numbered: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await pdf(<ReportPdf doc={doc} pages={pages} numbered={numbered} />).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The page count pdfkit writes in the document's page tree (`/Type /Pages /Count n`); -1 if not found. */
export function pdfPageCount(bytes: Uint8Array): number {
  // pdfkit never compresses object dictionaries, so the page tree is plain text in the file.
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(new TextDecoder('latin1').decode(bytes));
  return m ? Number(m[1]) : -1;
}
