/**
 * A node's label as a card shows it. Real systems name things by paths (SPIFFE IDs, image references,
 * repositories: "spiffe://acme/ns/web/sa/frontend"), and a card broke them wherever the line ended
 * ("spiffe://ac|me/ns/w…"), so four identities in a row all read "spiffe://ac…". A label now breaks after
 * its separators, as the report's figures do (shared/report/text.ts), and a card that shows the label
 * alone gives a long path its last parts, where its names differ. The whole label stays in the card's
 * tooltip, the inspector and every sentence about the node. Pure.
 */
import { LABEL_BREAKS_AFTER } from '../../../shared/visual/index.ts';

/** A label card's label keeps at most this many characters of a long path (at least its last part). */
const TAIL_CHARS = 14;

/**
 * A label without its trailing parenthesis, when what is left still says something ("LLM trace store
 * (self-hosted Langfuse)" → "LLM trace store"); then a long path without spaces, of three parts or more,
 * as its last parts ("spiffe://acme/ns/web/sa/frontend" → "…/sa/frontend").
 */
export function shortLabel(label: string): string {
  const m = /^(.{3,}?)\s*\([^()]*\)\s*$/.exec(label);
  return pathTail(m ? m[1] : label);
}

function pathTail(label: string): string {
  if (label.length <= TAIL_CHARS || /\s/.test(label)) return label;
  const parts = label.split('/').filter(Boolean);
  if (parts.length < 3) return label;
  let tail = parts[parts.length - 1];
  for (let i = parts.length - 2; i >= 1 && parts[i].length + 1 + tail.length <= TAIL_CHARS; i--) tail = `${parts[i]}/${tail}`;
  return `…/${tail}`;
}


/**
 * Where `text` may break besides its spaces: after a run of separators between a word and a letter
 * ("spiffe://|acme/|ns", "billing-|batch"; never "v1.|2" or "node:|20", as CSS keeps a hyphen before a digit,
 * nor "@|acme", where the separator starts the word).
 */
export function separatorBreaks(text: string): number[] {
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (!LABEL_BREAKS_AFTER.includes(text[i])) continue;
    if (i === 0 || !LABEL_BREAKS_AFTER.includes(text[i - 1])) start = i;
    const next = text[i + 1];
    if (next !== undefined && !LABEL_BREAKS_AFTER.includes(next) && start > 0 && text[start - 1] !== ' ' && /\p{L}/u.test(next)) out.push(i + 1);
  }
  return out;
}

/** Every place `text` may break: after each space and each separator run, in order. */
export function labelBreaks(text: string): number[] {
  const out: number[] = [];
  const seps = separatorBreaks(text);
  let s = 0;
  for (let i = 1; i < text.length; i++) {
    if (seps[s] === i) {
      out.push(i);
      s++;
    } else if (text[i - 1] === ' ' && text[i] !== ' ') out.push(i);
  }
  return out;
}

/** `text` cut at its separator breaks, for a card to put a break opportunity (`<wbr>`) between the pieces. */
export function labelPieces(text: string): string[] {
  const cuts = separatorBreaks(text);
  if (cuts.length === 0) return [text];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}
