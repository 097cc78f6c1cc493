/**
 * Text that must fit a box without a font at hand: a conservative width estimate (Noto Sans runs a little
 * narrower than this), ellipsis and line wrapping. Used for diagram labels, where overflow would leave the box.
 */
import { LABEL_BREAKS_AFTER } from '../visual/index.ts';

/** Wide characters: CJK, kana, hangul, full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

const NARROW = new Set([...'iljtfrI.,:;|!\'"()[]{} ']);
const BROAD = new Set([...'mwMW@%&']);

/** Width of one character in ems. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isWide(code)) return 1.0;
  if (NARROW.has(ch)) return 0.3;
  if (BROAD.has(ch)) return 0.88;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  if (ch >= '0' && ch <= '9') return 0.58;
  return 0.56;
}

/** Estimated width in points of `text` at `fontSize`, never below the real width of Noto Sans. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.07 : 1);
}

/** `text`, cut with an ellipsis so it fits `maxWidth`. Empty when not even the ellipsis fits. */
export function ellipsize(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  const ell = textWidth('…', fontSize, bold);
  let width = 0;
  let out = '';
  for (const ch of chars) {
    const w = textWidth(ch, fontSize, bold);
    if (width + w + ell > maxWidth) break;
    out += ch;
    width += w;
  }
  out = out.trimEnd();
  return out === '' ? (ell <= maxWidth ? '…' : '') : `${out}…`;
}

/**
 * Up to `maxLines` lines no wider than `maxWidth`, broken at spaces where possible and inside a word when it
 * alone is too wide; the last line ends in an ellipsis when text is left over.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let current = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    let rest = [...word];
    while (rest.length > 0 && !fits(rest.join(''))) {
      let k = 1;
      while (k < rest.length && fits(rest.slice(0, k + 1).join(''))) k++;
      // Prefer to break after punctuation (payments-|worker, acme/|config) when it leaves a useful piece.
      let cut = k;
      for (let j = k; j > Math.max(1, k / 3); j--) {
        if (LABEL_BREAKS_AFTER.includes(rest[j - 1])) {
          cut = j;
          break;
        }
      }
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    current = rest.join('');
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines - 1));
  const last = ellipsize(lines.slice(kept.length).join(' '), maxWidth, fontSize, bold);
  return last ? [...kept, last] : kept;
}
