/**
 * A label as the report files (Markdown, HTML) may carry it: a model's text shown, never obeyed. These files are
 * read with `cat` and in viewers that follow control characters, so an escape sequence would run and a
 * right-to-left override would show "rlo\u202eevil.exe" as "rloexe.live".
 */

/** Every way a pasted label breaks a line: \r\n, a lone \r, U+2028 and U+2029 (CommonMark ends a line at a lone \r). */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/**
 * C0 and C1 controls other than \n and \t, and the bidirectional embeddings, overrides and isolates: what a
 * terminal or a viewer obeys instead of showing. U+200E and U+200F are not among them: they sit in ordinary Arabic
 * and Hebrew labels, and cannot turn a run of text around as an override does (the CLI shows them too).
 */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One character as its escape: `\u001b`. */
export const escapedCode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character and bidi override written as \uXXXX; line feeds and tabs stay. */
export const showObeyed = (text: string): string => text.replace(OBEYED, escapedCode);

/** `text` with one kind of line break (\n), tabs as spaces, and every control or bidi override written as \uXXXX. */
export function inertText(text: string): string {
  return showObeyed(text.replace(LINE_BREAK, '\n').replace(/\t/g, ' '));
}
