/**
 * The part of a pdfkit document the report draws with. The report code is typed against this rather than
 * @types/pdfkit, whose `/// <reference types="node" />` would bring all of Node's globals (`Buffer`, `process`,
 * `fetch`) into the pure compile of shared/ (tsconfig.shared.json maps 'pdfkit' to pdfkit.d.ts beside this).
 * The full compile checks a real PDFDocument against it (document.ts).
 */
type FillRule = 'even-odd' | 'non-zero';

export interface PdfDocOptions {
  autoFirstPage?: boolean;
  bufferPages?: boolean;
  margin?: number;
  font?: string;
  lang?: string;
  displayTitle?: boolean;
  info?: Record<string, string>;
}

export interface PdfDoc {
  addPage(options: { size: 'A4' | 'LETTER'; layout: 'portrait' | 'landscape'; margin: number }): this;
  switchToPage(index: number): unknown;
  readonly outline: { addItem(title: string): unknown };
  registerFont(name: string, src: Uint8Array): this;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  lineWidth(width: number): this;
  text(text: string, x: number, y: number, options: { lineBreak: boolean; baseline: 'alphabetic'; characterSpacing: number }): this;
  /** Marked content; a Span's `actual` is the text it stands for (ActualText), for copying and searching. */
  markContent(tag: 'Span', options: { actual: string }): this;
  endMarkedContent(): this;
  save(): this;
  restore(): this;
  translate(x: number, y: number): this;
  scale(factor: number): this;
  rect(x: number, y: number, w: number, h: number): this;
  roundedRect(x: number, y: number, w: number, h: number, r: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  path(d: string): this;
  clip(): this;
  dash(length: number, options: { space: number }): this;
  undash(): this;
  fill(color?: string, rule?: FillRule): this;
  stroke(color?: string): this;
  fillAndStroke(fill: string, stroke: string, rule?: FillRule): this;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: unknown) => void): this;
  end(): void;
}
