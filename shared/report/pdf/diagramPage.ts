/** A diagram view on its own landscape page: title, the drawing inside the page box, the legend below. */
import type { DiagramView } from '../index.ts';
import { DIAGRAM_MARGINS, diagramLegend, diagramPrimitives, drawnBounds } from '../index.ts';
import { drawPrimitives } from './shapes.ts';
import { drawLines, fitLine } from './textLayout.ts';
import { C } from './theme.ts';
import type { Writer } from './writer.ts';

const LABEL = { size: 7.5, color: C.muted, lh: 1.3 };

/** The diagram's legend (shared/report/legend.ts) left to right, wrapping. Returns its height. */
function legend(w: Writer, view: DiagramView, x0: number, y0: number, width: number): number {
  const SWATCH = 8;
  let x = x0;
  let y = y0;
  for (const item of diagramLegend(view)) {
    const sw = item.width(SWATCH) + 3;
    const need = sw + w.fonts.width(item.label, LABEL.size, false) + 12;
    if (x > x0 && x + need > x0 + width) {
      x = x0;
      y += 12;
    }
    drawPrimitives(w, item.swatch(x, y + 5, SWATCH));
    x += sw;
    w.textAt(item.label, x, y, width, LABEL);
    x += w.fonts.width(item.label, LABEL.size, false) + 12;
  }
  return y - y0 + 12;
}

/** Text drawn smaller than this is not legible on paper: a diagram that would need it gets its own page. */
const SMALLEST_TEXT = 6;

/**
 * A diagram in the flow of a portrait page (compact reports): cropped to what is drawn and scaled to the text
 * width. Returns false, drawing nothing, when it would not be legible there or not fit on a page.
 */
export function drawDiagramInline(w: Writer, view: DiagramView): boolean {
  const crop = drawnBounds(view);
  const k = Math.min(1, w.width / crop.width);
  const smallest = Math.min(...view.nodes.flatMap((n) => (n.text ? [n.text.fontSize] : [])), 10);
  const height = crop.height * k;
  if (smallest * k < SMALLEST_TEXT || height > (w.bottom - 90) * 0.75) return false;
  w.h3(view.title, height + 24);
  w.paragraph(view.caption, { size: 8, color: C.muted, lh: 1.35 }, 4);
  w.ensure(height + 24);
  const doc = w.doc;
  const x = w.left + (w.width - crop.width * k) / 2;
  doc.save();
  doc.translate(x, w.y).scale(k).translate(-crop.x, -crop.y);
  doc.rect(crop.x, crop.y, crop.width, crop.height).clip();
  drawPrimitives(w, diagramPrimitives(view));
  doc.restore();
  w.y += height + 6;
  w.y += legend(w, view, w.left, w.y, w.width) + 6;
  return true;
}

export function drawDiagramPage(w: Writer, view: DiagramView, section: string, bookmark?: string): void {
  w.landscapePage(section, bookmark);
  const { box } = view;
  const doc = w.doc;
  w.textAt(fitLine(w.fonts, view.title, 13, true, box.width), box.x, DIAGRAM_MARGINS.top, box.width, { size: 13, bold: true, color: C.ink, lh: 1.3 });
  const caption = { size: 8, color: C.muted, lh: 1.35 };
  drawLines(w.fonts, w.clampedLayout(view.caption, caption, box.width, 2), box.x, DIAGRAM_MARGINS.top + 13 * 1.3, box.width, caption);
  doc.roundedRect(box.x, box.y, box.width, box.height, 3).lineWidth(0.5).strokeColor(C.rule).stroke();
  doc.save();
  // Nothing of the drawing may leave its box.
  doc.rect(box.x, box.y, box.width, box.height).clip();
  drawPrimitives(w, diagramPrimitives(view));
  doc.restore();
  legend(w, view, box.x, box.y + box.height + 8, box.width);
}
