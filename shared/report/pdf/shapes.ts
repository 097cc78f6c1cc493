/** The shared drawing primitives (shared/report/draw.ts) as pdfkit paths and text: diagrams, timeline, markers. */
import type { PdfDoc } from './pdfDoc.ts';
import type { Primitive } from '../index.ts';
import { glyphEvenOdd, glyphPath } from '../index.ts';
import type { GlyphName } from '../../visual/index.ts';
import type { Writer } from './writer.ts';

function dash(doc: PdfDoc, pattern: string | null | undefined): void {
  const parts = (pattern ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  if (parts.length >= 1 && parts[0] > 0) doc.dash(parts[0], { space: parts[1] ?? parts[0] });
  else doc.undash();
}

/** Fill, stroke or both, as the primitive asks; `evenOdd` fills with the even-odd rule (a glyph's holes). */
function paint(doc: PdfDoc, fill: string, stroke: string | null, strokeWidth: number, pattern: string | null | undefined, evenOdd = false): void {
  const filled = fill !== 'none';
  const stroked = stroke !== null && strokeWidth > 0;
  const rule = evenOdd ? 'even-odd' : 'non-zero';
  if (stroked) {
    doc.lineWidth(strokeWidth);
    dash(doc, pattern);
  }
  if (filled && stroked) doc.fillAndStroke(fill, stroke, rule);
  else if (filled) doc.fill(fill, rule);
  else if (stroked) doc.stroke(stroke);
  if (stroked) doc.undash();
}

export function drawPrimitives(w: Writer, primitives: readonly Primitive[]): void {
  const doc = w.doc;
  for (const p of primitives) {
    switch (p.type) {
      case 'rect':
        if (p.rx > 0.01) doc.roundedRect(p.x, p.y, p.width, p.height, Math.min(p.rx, p.width / 2, p.height / 2));
        else doc.rect(p.x, p.y, p.width, p.height);
        paint(doc, p.fill, p.stroke, p.strokeWidth, p.dash);
        break;
      case 'line':
        doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2);
        paint(doc, 'none', p.stroke, p.strokeWidth, p.dash);
        break;
      case 'path':
        doc.path(p.d);
        paint(doc, p.fill, p.stroke, p.strokeWidth, p.dash, p.evenOdd);
        break;
      case 'text': {
        const runs = w.fonts.runs(p.text, p.size, p.bold);
        const width = runs.reduce((a, r) => a + r.width, 0);
        const x = p.anchor === 'middle' ? p.x - width / 2 : p.anchor === 'end' ? p.x - width : p.x;
        w.fonts.draw(runs, x, p.y, p.size, p.color);
        break;
      }
      default:
        return p satisfies never;
    }
  }
}

/** A glyph of the vocabulary (an effect's, the break's) of `size` points with its top-left at (x, y). */
export function marker(w: Writer, glyph: GlyphName, color: string, x: number, y: number, size = 7): void {
  w.doc.path(glyphPath(glyph, x + size / 2, y + size / 2, size / 2)).fill(color, glyphEvenOdd(glyph) ? 'even-odd' : 'non-zero');
}
