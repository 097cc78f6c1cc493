/**
 * Reading PDFs back in tests as a viewer does, with pdfjs-dist (Mozilla's PDF.js) in Node: the text of each
 * page, page sizes, and text boxes. No system package needed (pdfjs-dist 5.6: 6 needs Node 22).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api.d.ts';

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}

async function eachPage<T>(bytes: Uint8Array, fn: (page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>, index: number) => Promise<T>): Promise<T[]> {
  const doc = await open(bytes);
  try {
    const out: T[] = [];
    for (let i = 1; i <= doc.numPages; i++) out.push(await fn(await doc.getPage(i), i));
    return out;
  } finally {
    await doc.destroy();
  }
}

const isText = (item: unknown): item is TextItem => typeof (item as TextItem).str === 'string';

/** The text of each page in drawing order: runs on one baseline joined by a space, lines by a newline. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return eachPage(bytes, async (page) => {
    const { items } = await page.getTextContent();
    let text = '';
    let lastY: number | null = null;
    for (const item of items) {
      if (!isText(item)) continue;
      const y = item.transform[5];
      if (item.str) {
        if (lastY !== null) text += Math.abs(y - lastY) > 0.5 ? '\n' : ' ';
        text += item.str;
        lastY = y;
      }
      if (item.hasEOL && lastY !== null) lastY = Number.NaN;
    }
    return text;
  });
}

/** Text compared without spaces, line breaks and hyphens, which wrapping adds and moves. */
export const squash = (text: string) => text.replace(/[\s\u00a0\-‐]+/g, '');

export interface PageInfo {
  width: number;
  height: number;
}

export async function pdfPageSizes(bytes: Uint8Array): Promise<PageInfo[]> {
  return eachPage(bytes, async (page) => {
    const [x0, y0, x1, y1] = page.view;
    return { width: Math.round((x1 - x0) * 100) / 100, height: Math.round((y1 - y0) * 100) / 100 };
  });
}

/** A run of text with its box, in points from the page's top-left. */
export interface TextBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every run of text with its box: the font's full height (ascent to descent) over the run's width. */
export async function pdfTextBoxes(bytes: Uint8Array): Promise<TextBox[]> {
  const pages = await eachPage(bytes, async (page, index) => {
    const [x0, y0, x1, y1] = page.view;
    const pageWidth = x1 - x0;
    const pageHeight = y1 - y0;
    const { items, styles } = await page.getTextContent();
    const boxes: TextBox[] = [];
    for (const item of items) {
      if (!isText(item) || !item.str.trim()) continue;
      const [a, b, , , x, y] = item.transform;
      const size = Math.hypot(a, b);
      const style = styles[item.fontName];
      const ascent = style?.ascent ?? 0.9;
      const descent = style?.descent ?? -0.2;
      boxes.push({
        page: index,
        text: item.str,
        xMin: x - x0,
        xMax: x - x0 + item.width,
        yMin: pageHeight - (y - y0) - ascent * size,
        yMax: pageHeight - (y - y0) - descent * size,
        pageWidth,
        pageHeight,
      });
    }
    return boxes;
  });
  return pages.flat();
}

/** Every colour the PDF fills with (lower-case `#rrggbb`): what a printed page shows, read from the drawing. */
export async function pdfFillColours(bytes: Uint8Array): Promise<Set<string>> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pages = await eachPage(bytes, async (page) => {
    const ops = await page.getOperatorList();
    return ops.fnArray.flatMap((fn, i) => (fn === OPS.setFillRGBColor ? [String(ops.argsArray[i][0]).toLowerCase()] : []));
  });
  return new Set(pages.flat());
}
