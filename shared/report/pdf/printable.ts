/**
 * What the PDF makes of characters that are not letters to draw. A model's text may hold anything the loader
 * accepts: a tab pasted from a spreadsheet, Windows line ends, a terminal's escape sequences, NUL, bidi overrides.
 * pdfkit draws whatever it is given, and for a character without a glyph it draws the font's empty box.
 *
 * - A tab is a space. CR LF, a lone CR, NEL, VT, FF and the Unicode line and paragraph separators end a line, as
 *   LF does: they are how the text's author broke it.
 * - Every other C0 and C1 control and DEL is dropped. No font has a glyph for one, a reader can do nothing with
 *   a box or a `\u001b` in a printed sentence, and the app's canvas draws them as nothing too. The exact characters
 *   stay in the model file and the JSON output; the CLI, the Markdown and the HTML (text a reader copies on) show
 *   them as `\uXXXX` (report/inert.ts).
 * - Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) are dropped, not obeyed: an override can
 *   make `rlo\u202Eexe.txt` read as `rlotxt.exe`, and a deliverable must show the characters in the order they are
 *   stored. Right-to-left text is still put in reading order by the implicit bidi algorithm.
 * - Invisible format characters (soft hyphen, zero-width space, word joiner, byte-order mark, and the LRM, RLM and
 *   ALM marks once bidi has read them) are not drawn. Noto Sans gives LRM, RLM and the bidi controls a visible
 *   dotted-box glyph, and gives the word joiner a width, so drawing them would show marks no one typed.
 */

/** Every way a line can end, beside LF. */
const LINE_ENDS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;

/** Controls (tab and LF aside), bidi embeddings/overrides/isolates and invisible format characters. */
// eslint-disable-next-line no-control-regex
const DROPPED = /[\0-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** LRM, ALM and RLM: the bidi algorithm reads them, nothing draws them. */
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;

/** Anything `drawable` changes. */
// eslint-disable-next-line no-control-regex
const NOT_DRAWN = /[\0-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Text for laying out in lines: every line end is LF, a tab is a space, controls are gone (bidi marks stay). */
export function paragraphs(text: string): string {
  return text.replace(LINE_ENDS, '\n').replace(/\t/g, ' ').replace(DROPPED, '');
}

/** Text for one line (a running header, a diagram's label): line ends are spaces too. */
export function oneLine(text: string): string {
  return paragraphs(text).replace(/\n/g, ' ');
}

/** What is drawn of a piece of text: only characters that print, a space for a tab or a line end. */
export function drawable(text: string): string {
  return NOT_DRAWN.test(text) ? oneLine(text).replace(BIDI_MARKS, '') : text;
}
