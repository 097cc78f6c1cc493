/**
 * Right-to-left text in reading order. pdfkit draws runs left to right and fontkit reverses the glyphs of a run
 * in a right-to-left script, so an Arabic or Hebrew word came out right but a phrase of them in the wrong word
 * order, and a label mixing them with Latin or digits scrambled. Each line is put in display order by the
 * Unicode Bidirectional Algorithm (UAX #9, from bidi-js): levels are resolved over the whole paragraph, then
 * the runs of each line are reordered (rule L2).
 *
 * Every paragraph is left-to-right (level 0), as in the app and the HTML report, which set no direction: an
 * Arabic label reads right to left inside an English sentence or a table cell, and a paragraph that is all
 * Arabic keeps its text in reading order, aligned as the report aligns it. Explicit embeddings, overrides and
 * isolates never reach here (printable.ts drops them); LRM, RLM and ALM do, and count.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Hebrew, Arabic and the other right-to-left blocks, RLM and ALM: text without any of them needs no reordering. */
const MAY_BE_RTL = /[\u0590-\u08ff\u200f\u061c\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export const mayBeRtl = (text: string): boolean => MAY_BE_RTL.test(text);

/** The embedding level of each UTF-16 unit of a paragraph (left-to-right, see above). */
export function paragraphLevels(text: string): Uint8Array {
  return bidi.getEmbeddingLevels(text, 'ltr').levels;
}

/** `text`, starting at `offset` in a paragraph with `levels`, cut where its level changes. */
export function levelSegments(text: string, levels: Uint8Array, offset: number): { text: string; level: number }[] {
  const out: { text: string; level: number }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    // A surrogate pair has one level: never cut between its halves.
    if (i < text.length && (levels[offset + i] === levels[offset + start] || /[\udc00-\udfff]/.test(text[i]))) continue;
    out.push({ text: text.slice(start, i), level: levels[offset + start] });
    start = i;
  }
  return out;
}

/** The items of one line in display order: from the highest level down to 1, each run of items at that level or above is reversed (L2). */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  let max = 0;
  for (const item of out) max = Math.max(max, item.level);
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i].level < level) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1].level >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}

const STRONG_RTL = new Set(['R', 'AL']);

/** Whether `text` has a right-to-left letter (bidi class R or AL). */
export function hasRtlLetter(text: string): boolean {
  if (!MAY_BE_RTL.test(text)) return false;
  for (const ch of text) if (STRONG_RTL.has(bidi.getBidiCharTypeName(ch))) return true;
  return false;
}

const MARK = /\p{M}/u;

/**
 * A run at an odd level, as it must be given to the font to show right to left. A run with right-to-left
 * letters is given as it is: fontkit lays it out right to left (fastLayout.ts). Any other (spaces, brackets,
 * punctuation between right-to-left words) is reversed here, a character with its marks, mirrored: "(" shows ")".
 */
export function rightToLeft(text: string): string {
  if (hasRtlLetter(text)) return text;
  const clusters: string[] = [];
  for (const ch of text) {
    if (clusters.length && MARK.test(ch)) clusters[clusters.length - 1] += ch;
    else clusters.push(bidi.getMirroredCharacter(ch) ?? ch);
  }
  return clusters.reverse().join('');
}
