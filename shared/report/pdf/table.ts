/**
 * Tables: a cell is a few typed lines (text, bold, small, chips, an effect marker, a bar). Row heights come from
 * the same layout that draws them; a row never splits, and a table continued on a new page repeats its header.
 */
import type { Effect } from '../../domain/index.ts';
import { EFFECT_STYLES } from '../index.ts';
import type { Line, TextStyle } from './textLayout.ts';
import { blockHeight, drawLines } from './textLayout.ts';
import { marker } from './shapes.ts';
import { C } from './theme.ts';
import type { Writer } from './writer.ts';

export type CellItem =
  | { kind: 'text' | 'bold' | 'small' | 'id' | 'weak' | 'note'; text: string }
  | { kind: 'chips'; items: readonly string[] }
  | { kind: 'effect'; effect: Effect; text: string }
  /** A horizontal bar for a share, scaled to `max`, with the share as text. */
  | { kind: 'bar'; share: number; max: number; text: string };

export const cellText = (text: string): CellItem => ({ kind: 'text', text });
export const cellBold = (text: string): CellItem => ({ kind: 'bold', text });
export const cellSmall = (text: string): CellItem => ({ kind: 'small', text });

const STYLES: Record<Exclude<CellItem['kind'], 'chips'>, TextStyle> = {
  text: { size: 8, lh: 1.35, color: C.text },
  bold: { size: 8, lh: 1.35, bold: true, color: C.ink },
  small: { size: 7, lh: 1.35, color: C.muted },
  id: { size: 6.5, lh: 1.3, color: C.faint },
  weak: { size: 8, lh: 1.35, bold: true, color: C.accent },
  note: { size: 7, lh: 1.35, color: C.accent },
  effect: { size: 8, lh: 1.35, bold: true, color: C.ink },
  bar: { size: 8, lh: 1.35, bold: true, color: C.ink },
};

export interface Column<R> {
  title: string;
  /** Share of the table's width, in percent; the shares of a table add up to 100. */
  width: number;
  align?: 'left' | 'right';
  cell(row: R, index: number): CellItem[];
}

const PAD_X = 4;
const PAD_Y = 3.5;
const HEAD: TextStyle = { size: 6.8, lh: 1.3, bold: true, color: C.muted, tracking: 0.4 };
const MARK = 10;

/** One cell laid out: its height and how to draw it. */
interface LaidCell {
  height: number;
  draw(x: number, y: number): void;
}

function layCell(w: Writer, items: readonly CellItem[], width: number, align: 'left' | 'right'): LaidCell {
  const parts: { h: number; draw(x: number, y: number): void }[] = [];
  for (const item of items) {
    if (item.kind === 'chips') {
      const h = w.chips(item.items, 0, 0, width, false);
      parts.push({ h, draw: (x, y) => w.chips(item.items, x, y, width, true) });
    } else if (item.kind === 'bar') {
      const style = { ...STYLES.bar, align: 'right' as const };
      const h = style.size * (style.lh ?? 1.35);
      parts.push({
        h,
        draw: (x, y) => {
          const barW = width - 34 - 5;
          w.doc.rect(x, y + (h - 7) / 2, barW, 7).fill('#F1F5F9');
          if (item.max > 0) w.doc.rect(x, y + (h - 7) / 2, barW * Math.max(0.015, item.share / item.max), 7).fill(C.accent);
          w.textAt(item.text, x + width - 34, y, 34, style);
        },
      });
    } else {
      const style: TextStyle = { ...STYLES[item.kind], align };
      const indent = item.kind === 'effect' ? MARK : 0;
      const lines: Line[] = w.layout(item.text, style, width - indent);
      const h = blockHeight(lines, style);
      parts.push({
        h,
        draw: (x, y) => {
          if (item.kind === 'effect') {
            const st = EFFECT_STYLES[item.effect];
            marker(w, st.glyph, st.color, x, y + (style.size * 1.35 - 7) / 2, 7);
          }
          drawLines(w.fonts, lines, x + indent, y, width - indent, style);
        },
      });
    }
  }
  return {
    height: parts.reduce((a, p) => a + p.h, 0),
    draw: (x, y) => {
      for (const p of parts) {
        p.draw(x, y);
        y += p.h;
      }
    },
  };
}

/** Draws a table in the flow, `gap` points below it. */
export function table<R>(w: Writer, columns: readonly Column<R>[], rows: readonly R[], gap = 10): void {
  const widths = columns.map((c) => (c.width / 100) * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  // A column title never breaks inside a word: in a narrow column it may reach into the padding instead.
  const headWidth = (title: string, i: number) =>
    Math.max(widths[i] - 2 * PAD_X, ...title.split(' ').map((word) => w.fonts.width(word, HEAD.size, true) + (HEAD.tracking ?? 0) * word.length));
  const heads = columns.map((c, i) => w.layout(c.title.toUpperCase(), HEAD, headWidth(c.title.toUpperCase(), i)));
  const headH = 2 * PAD_Y + Math.max(...heads.map((l) => blockHeight(l, HEAD)));
  const drawHead = () => {
    w.rule(1, C.ink);
    columns.forEach((c, i) => {
      const over = headWidth(c.title.toUpperCase(), i) - (widths[i] - 2 * PAD_X);
      drawLines(w.fonts, heads[i], xs[i] + PAD_X - (c.align === 'right' ? over : 0), w.y + PAD_Y, widths[i] - 2 * PAD_X + over, { ...HEAD, align: c.align });
    });
    w.y += headH;
    w.rule(0.6, C.ruleStrong);
  };
  const laid = rows.map((r, ri) => columns.map((c, ci) => layCell(w, c.cell(r, ri), widths[ci] - 2 * PAD_X, c.align ?? 'left')));
  const rowH = laid.map((cells) => 2 * PAD_Y + Math.max(...cells.map((c) => c.height)));
  // The header stays with the first row.
  w.ensure(headH + (rowH[0] ?? 0));
  drawHead();
  laid.forEach((cells, ri) => {
    const before = w.y;
    w.ensure(rowH[ri]);
    if (w.y < before) drawHead();
    if (ri % 2 === 1) w.doc.rect(w.left, w.y, w.width, rowH[ri]).fill('#FAFBFC');
    cells.forEach((c, ci) => c.draw(xs[ci] + PAD_X, w.y + PAD_Y));
    w.y += rowH[ri];
    w.rule(0.4, C.rule);
  });
  w.y += gap;
}
