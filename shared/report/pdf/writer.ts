/**
 * The page machinery: portrait text pages that flow (a block that does not fit starts a new page of the same
 * section), landscape diagram pages, and the running header and "Page n of N" footer, written on every page once
 * all pages exist (pdfkit's bufferPages).
 */
import type { PdfDoc } from './pdfDoc.ts';
import type { Paper, ReportMeta } from '../index.ts';
import { DIAGRAM_MARGINS, landscape, PAPER_SIZES, TEXT_MARGINS } from '../index.ts';
import type { FontSet } from './fontSet.ts';
import type { Line, Span, TextStyle } from './textLayout.ts';
import { blockHeight, drawLines, fitLine, layout, lineHeight } from './textLayout.ts';
import { oneLine } from './printable.ts';
import { C, T } from './theme.ts';

interface PageChrome {
  section: string;
  landscape: boolean;
}

export class Writer {
  /** The top of the free space on the current text page. */
  y = 0;
  private readonly pages: PageChrome[] = [];
  private section = '';

  constructor(
    readonly doc: PdfDoc,
    readonly fonts: FontSet,
    readonly meta: ReportMeta,
    /** A small model's report: sections follow each other on a page, diagrams sit in the text (see document.ts). */
    readonly compact = false,
  ) {}

  get paper(): Paper {
    return this.meta.paper;
  }
  get left(): number {
    return TEXT_MARGINS.left;
  }
  get width(): number {
    return PAPER_SIZES[this.paper].width - TEXT_MARGINS.left - TEXT_MARGINS.right;
  }
  get bottom(): number {
    return PAPER_SIZES[this.paper].height - TEXT_MARGINS.bottom;
  }

  /** A new portrait page; `section` is the running header's right side. */
  textPage(section: string, bookmark?: string): void {
    this.section = section;
    this.addPage(section, false, bookmark);
    this.y = TEXT_MARGINS.top;
  }

  /**
   * Where a section starts: a new page, or in a compact report the rest of this one when `room` points are left
   * (a section title with a few lines under it), so a small model does not get half-empty pages.
   */
  sectionPage(section: string, bookmark?: string, room = 200): void {
    const onText = this.pages.length > 0 && !this.pages[this.pages.length - 1].landscape;
    if (this.compact && onText && this.y > TEXT_MARGINS.top + 1 && this.bottom - this.y >= room) {
      this.section = section;
      this.y += 22;
      if (bookmark) this.doc.outline.addItem(oneLine(bookmark));
      return;
    }
    this.textPage(section, bookmark);
  }

  landscapePage(section: string, bookmark?: string): void {
    this.addPage(section, true, bookmark);
  }

  private addPage(section: string, landscape: boolean, bookmark: string | undefined): void {
    const layout = landscape ? 'landscape' : 'portrait';
    this.doc.addPage({ size: this.paper === 'Letter' ? 'LETTER' : 'A4', layout, margin: 0 });
    this.pages.push({ section, landscape });
    if (bookmark) this.doc.outline.addItem(oneLine(bookmark));
  }

  /** A horizontal rule `weight` points thick at `y`, across the text column unless told otherwise. */
  rule(weight: number, color: string, y = this.y, x = this.left, width = this.width): void {
    this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(weight).strokeColor(color).stroke();
  }

  /** Room for `height` more points on this page, or a new page of the same section. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > TEXT_MARGINS.top + 1) this.textPage(this.section);
  }

  layout(spans: readonly Span[] | string, style: TextStyle, width = this.width): Line[] {
    return layout(this.fonts, spans, style, width);
  }

  /** At most `max` lines, the last cut with an ellipsis when text is left over. */
  clampedLayout(text: string, style: TextStyle, width: number, max: number): Line[] {
    const lines = this.layout(text, style, width);
    if (lines.length <= max) return lines;
    // Find how much of the text fits in max - 1 lines, and cut the rest onto the last one.
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.layout(chars.slice(0, mid).join(''), style, width).length <= max - 1) lo = mid;
      else hi = mid - 1;
    }
    const head = chars.slice(0, lo).join('');
    const cut = head.lastIndexOf(' ');
    const kept = cut > 0 && max > 1 ? head.slice(0, cut) : max > 1 ? head : '';
    const rest = fitLine(this.fonts, text.slice(kept.length).trim(), style.size, style.bold ?? false, width);
    return [...(kept ? this.layout(kept, style, width) : []), ...this.layout(rest, style, width)].slice(0, max);
  }

  height(spans: readonly Span[] | string, style: TextStyle, width = this.width): number {
    return blockHeight(this.layout(spans, style, width), style);
  }

  /** Draws text at a fixed place; returns its height. */
  textAt(spans: readonly Span[] | string, x: number, y: number, width: number, style: TextStyle): number {
    return drawLines(this.fonts, this.layout(spans, style, width), x, y, width, style);
  }

  /** A paragraph in the flow, continued line by line on the next page when it does not fit. */
  paragraph(spans: readonly Span[] | string, style: TextStyle = T.body, gap = 5, indent = 0): void {
    const lines = this.layout(spans, style, this.width - indent);
    const lh = lineHeight(style);
    let i = 0;
    while (i < lines.length) {
      this.ensure(lh);
      const fit = Math.max(1, Math.min(lines.length - i, Math.floor((this.bottom - this.y) / lh)));
      this.y += drawLines(this.fonts, lines.slice(i, i + fit), this.left + indent, this.y, this.width - indent, style);
      i += fit;
    }
    this.y += gap;
  }

  /** A heading kept with `next` points of what follows it. */
  h2(spans: readonly Span[] | string, next = 60): void {
    const h = this.height(spans, T.h2);
    this.ensure(16 + h + 6 + next);
    if (this.y > TEXT_MARGINS.top + 1) this.y += 16;
    this.y += this.textAt(spans, this.left, this.y, this.width, T.h2) + 6;
  }

  h3(text: string, next = 40): void {
    const style = { size: 10, bold: true, color: C.ink, lh: 1.42 };
    this.ensure(12 + this.height(text, style) + 4 + next);
    this.y += 12;
    this.y += this.textAt(text, this.left, this.y, this.width, style) + 4;
  }

  sectionTitle(number: number | string, title: string): void {
    this.ensure(80);
    this.y += this.textAt([{ text: `${number} `, color: C.accent }, { text: title }], this.left, this.y, this.width, T.h1);
    this.doc.rect(this.left, this.y + 6, 48, 2).fill(C.ink);
    this.y += 6 + 2 + 14;
  }

  bullets(items: readonly (readonly Span[] | string)[], gap = 3): void {
    for (const item of items) {
      const lines = this.layout(item, T.body, this.width - 12);
      const h = blockHeight(lines, T.body);
      this.ensure(h);
      this.textAt('•', this.left, this.y, 12, T.muted);
      this.y += drawLines(this.fonts, lines, this.left + 12, this.y, this.width - 12, T.body) + gap;
    }
    this.y += 6 - gap;
  }

  /** Text on a pale panel with an accent bar on the left. */
  callout(paragraphs: readonly string[]): void {
    const inner = this.width - 3 - 20;
    const laid = paragraphs.map((p) => this.layout(p, T.callout, inner));
    const h = 16 + laid.reduce((a, l) => a + blockHeight(l, T.callout) + 3, 0);
    this.ensure(h);
    this.doc.rect(this.left, this.y, this.width, h).fill(C.panel);
    this.doc.rect(this.left, this.y, 3, h).fill(C.accent);
    let y = this.y + 8;
    for (const l of laid) y += drawLines(this.fonts, l, this.left + 13, y, inner, T.callout) + 3;
    this.y += h + 12;
  }

  /** A row of big figures, each with a rule above and a label below. */
  stats(items: readonly { value: string; label: string; tone?: string }[]): void {
    const w = (this.width + 8) / items.length;
    this.ensure(50);
    items.forEach((s, i) => {
      const x = this.left + i * w;
      const tone = s.tone ?? C.ink;
      this.doc.rect(x, this.y, w - 8, 2).fill(tone);
      this.textAt(fitLine(this.fonts, s.value, 15, true, w - 8), x, this.y + 6, w - 8, { size: 15, bold: true, color: tone, lh: 1.15 });
      this.textAt(s.label, x, this.y + 6 + 17.25, w - 8, { size: 7.5, color: C.muted, lh: 1.4 });
    });
    this.y += 6 + 17.25 + 2 * 10.5 + 8;
  }

  /** Tags on tinted plates, wrapped in `width`; returns the height (draws only when `draw`). */
  chips(items: readonly string[], x: number, y: number, width: number, draw: boolean, size = 7): number {
    const lh = size * 1.6;
    if (items.length === 0) {
      if (draw) this.textAt('—', x, y, width, { size, color: C.faint, lh: 1.6 });
      return lh;
    }
    const style = { size, color: C.muted, lh: 1.6 };
    let cx = 0;
    let row = 0;
    const plate = (line: Line) => {
      if (draw) {
        this.doc.rect(x + cx, y + row * lh + 1, line.width + 4, lh - 2).fill(C.chip);
        drawLines(this.fonts, [line], x + cx + 2, y + row * lh, line.width + 4, style);
      }
      cx += line.width + 4 + 3;
    };
    for (const item of items) {
      // A tag too long for the column wraps onto plates of its own lines: nothing is cut.
      const lines = this.layout(item, style, width - 4);
      if (cx > 0 && (lines.length > 1 || cx + lines[0].width + 4 > width)) {
        cx = 0;
        row++;
      }
      lines.forEach((line, i) => {
        if (i > 0) {
          cx = 0;
          row++;
        }
        plate(line);
      });
    }
    return (row + 1) * lh;
  }

  /** Running header and footer on every page, now that the page count is known. */
  finish(): void {
    const total = this.pages.length;
    const stamp = [this.meta.generator, this.meta.modelName, this.meta.date].filter(Boolean).join(' · ');
    const small = { size: 7.5, color: C.muted, lh: 1.3 };
    this.pages.forEach((page, i) => {
      this.doc.switchToPage(i);
      const m = page.landscape ? DIAGRAM_MARGINS : TEXT_MARGINS;
      const size = page.landscape ? landscape(this.paper) : PAPER_SIZES[this.paper];
      const w = size.width - m.left - m.right;
      const right = fitLine(this.fonts, page.section, 7.5, false, w * 0.38);
      this.textAt(fitLine(this.fonts, this.meta.title, 7.5, false, w * 0.6), m.left, 22, w * 0.6, small);
      this.textAt(right, m.left + w * 0.62, 22, w * 0.38, { ...small, align: 'right' });
      this.rule(0.6, C.ruleStrong, 22 + 9.75 + 4, m.left, w);
      const top = size.height - 32;
      this.textAt(fitLine(this.fonts, stamp, 7.5, false, w * 0.7), m.left, top, w * 0.7, small);
      this.textAt(`Page ${i + 1} of ${total}`, m.left + w - 90, top, 90, { ...small, align: 'right' });
    });
  }
}
