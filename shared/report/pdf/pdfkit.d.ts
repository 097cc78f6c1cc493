// pdfkit as the pure compile of shared/ sees it (tsconfig.shared.json maps 'pdfkit' here): see pdfDoc.ts.
import type { PdfDoc, PdfDocOptions } from './pdfDoc.ts';

declare const PDFDocument: new (options?: PdfDocOptions) => PdfDoc;
export default PDFDocument;
