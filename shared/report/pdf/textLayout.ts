/**
 * Line breaking with the real font metrics: the same layout measures a block (for pagination) and draws it, so
 * what is planned is what prints. Text is a list of spans (bold, colour); words break at spaces, a word too wide
 * for the line breaks after its punctuation or between characters, CJK text between any two characters. Lines
 * are broken in the order of the text, then each is put in display order (right-to-left runs, bidi.ts).
 */
import { LABEL_BREAKS_AFTER } from '../../visual/index.ts';
import type { FontSet, Run } from './fontSet.ts';
import { levelSegments, mayBeRtl, paragraphLevels, rightToLeft, visualOrder } from './bidi.ts';
import { oneLine, paragraphs } from './printable.ts';

export interface Span {
  text: string;
  bold?: boolean;
  color?: string;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
  /** Line height as a multiple of the size. */
  lh?: number;
  align?: 'left' | 'right' | 'center';
  /** Extra space between letters, in points (small capitals labels). */
  tracking?: number;
}

/** A word, or a part of one, in one span's style: what a line is made of, in the order of the text. */
interface Piece {
  text: string;
  bold: boolean;
  runs: Run[];
  width: number;
  color: string;
  /** Preceded by a space in the source. */
  space: boolean;
}

export interface Line {
  pieces: { runs: Run[]; x: number; color: string }[];
  width: number;
}

const CJK = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/;
/** Before and after every CJK character. */
const CJK_BOUNDARY = /(?<=[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef])|(?=[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef])/u;

/** A word too wide for `width`, cut into parts that fit, preferably after punctuation. */
function splitWord(fonts: FontSet, word: string, size: number, bold: boolean, width: number, tracking = 0): string[] {
  const chars = [...word];
  const parts: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let k = i + 1;
    while (k < chars.length && fonts.width(chars.slice(i, k + 1).join(''), size, bold) + tracking * (k + 1 - i) <= width) k++;
    let cut = k;
    if (k < chars.length) {
      for (let j = k; j > i + Math.max(1, (k - i) / 3); j--) {
        if (LABEL_BREAKS_AFTER.includes(chars[j - 1])) {
          cut = j;
          break;
        }
      }
    }
    parts.push(chars.slice(i, cut).join(''));
    i = cut;
  }
  return parts;
}

/** The spans broken into lines no wider than `width` (a word wider than a line is cut), each in display order. */
export function layout(fonts: FontSet, spans: readonly Span[] | string, style: TextStyle, width: number): Line[] {
  const list: readonly Span[] = typeof spans === 'string' ? [{ text: spans }] : spans;
  const lines: Line[] = [];
  const space = fonts.width(' ', style.size, false) + (style.tracking ?? 0);
  /** The lines of the paragraph being laid out, in the order of the text. */
  let paragraph: Piece[][] = [];
  let pieces: Piece[] = [];
  let lineWidth = 0;
  const flush = () => {
    paragraph.push(pieces);
    pieces = [];
    lineWidth = 0;
  };
  const endParagraph = () => {
    lines.push(...placeParagraph(fonts, paragraph, style, space));
    paragraph = [];
  };
  const add = (text: string, bold: boolean, color: string, spaced: boolean, splittable = true) => {
    const runs = fonts.logicalRuns(text, style.size, bold, style.tracking);
    const w = runs.reduce((a, r) => a + r.width, 0);
    const gap = pieces.length && spaced ? space : 0;
    if (pieces.length && lineWidth + gap + w > width) flush();
    if (splittable && !pieces.length && w > width && [...text].length > 1) {
      const parts = splitWord(fonts, text, style.size, bold, width, style.tracking);
      parts.forEach((part, i) => {
        if (i > 0) flush();
        // Each part is as much as fits: it is never split again, so this always ends.
        add(part, bold, color, i === 0 && spaced, false);
      });
      return;
    }
    pieces.push({ text, bold, runs, width: w, color, space: spaced });
    lineWidth += (pieces.length > 1 && spaced ? space : 0) + w;
  };
  let pendingSpace = false;
  for (const span of list) {
    const bold = span.bold ?? style.bold ?? false;
    const color = span.color ?? style.color;
    // Forced breaks first (any line end; a tab is a space, controls are gone), then words; CJK runs are cut into
    // characters, any of which may start a line.
    paragraphs(span.text).split('\n').forEach((para, pi) => {
      if (pi > 0) {
        flush();
        endParagraph();
        pendingSpace = false;
      }
      const tokens = para.split(/( +)/);
      for (const token of tokens) {
        if (token === '') continue;
        if (/^ +$/.test(token)) {
          pendingSpace = true;
          continue;
        }
        // A CJK character may start a line; its neighbours follow it with no space.
        const parts = CJK.test(token) ? token.split(CJK_BOUNDARY).filter(Boolean) : [token];
        parts.forEach((part, i) => add(part, bold, color, i === 0 && pendingSpace));
        pendingSpace = false;
      }
    });
  }
  if (pieces.length || (lines.length === 0 && paragraph.length === 0)) flush();
  endParagraph();
  return lines;
}

/**
 * A paragraph's lines placed: each piece at its x, a space between words. When the paragraph has right-to-left
 * text, its levels are resolved over the whole paragraph and each line is drawn in display order (bidi.ts).
 */
function placeParagraph(fonts: FontSet, paragraph: readonly Piece[][], style: TextStyle, space: number): Line[] {
  // The paragraph's text, one space where the source had any: what the bidi algorithm reads.
  let text = '';
  const starts = paragraph.map((line) =>
    line.map((p) => {
      if (text && p.space) text += ' ';
      const at = text.length;
      text += p.text;
      return at;
    }),
  );
  if (!mayBeRtl(text)) {
    return paragraph.map((line) => {
      let x = 0;
      const out = line.map((p, i) => {
        if (i > 0 && p.space) x += space;
        const piece = { runs: p.runs, x, color: p.color };
        x += p.width;
        return piece;
      });
      return { pieces: out, width: x };
    });
  }
  const levels = paragraphLevels(text);
  return paragraph.map((line, li) => {
    type Item = { level: number; run?: Run; color: string };
    const items: Item[] = line.flatMap((p, i) => {
      const start = starts[li][i];
      const gap: Item[] = i > 0 && p.space ? [{ level: levels[start - 1], color: p.color }] : [];
      const words = levelSegments(p.text, levels, start).flatMap((s) =>
        fonts.logicalRuns(s.text, style.size, p.bold, style.tracking).map((run) => ({ level: s.level, run, color: p.color })),
      );
      return [...gap, ...words];
    });
    let x = 0;
    const pieces: Line['pieces'] = [];
    for (const { level, run, color } of visualOrder(items)) {
      if (!run) {
        x += space;
        continue;
      }
      pieces.push({ runs: [level % 2 ? { ...run, text: rightToLeft(run.text) } : run], x, color });
      x += run.width;
    }
    return { pieces, width: x };
  });
}

export const lineHeight = (style: TextStyle) => style.size * (style.lh ?? 1.42);

export function blockHeight(lines: readonly Line[], style: TextStyle): number {
  return lines.length * lineHeight(style);
}

/** Draws lines from (x, top) in a box `width` wide; returns the height used. */
export function drawLines(fonts: FontSet, lines: readonly Line[], x: number, top: number, width: number, style: TextStyle): number {
  const lh = lineHeight(style);
  // Noto's ascent and descent span 1.362 em: centre that in the line, as CSS line-height does.
  const baseline = (lh - 1.362 * style.size) / 2 + 1.069 * style.size;
  lines.forEach((line, i) => {
    const dx = style.align === 'right' ? width - line.width : style.align === 'center' ? (width - line.width) / 2 : 0;
    for (const p of line.pieces) fonts.draw(p.runs, x + dx + p.x, top + i * lh + baseline, style.size, p.color, style.tracking);
  });
  return lines.length * lh;
}

/** `text` cut with an ellipsis to fit `width` on one line: its line ends are spaces. */
export function fitLine(fonts: FontSet, text: string, size: number, bold: boolean, width: number): string {
  text = oneLine(text);
  if (fonts.width(text, size, bold) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fonts.width(`${chars.slice(0, mid).join('').trimEnd()}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
