/**
 * What a PDF from pdfkit draws, read from its bytes: the fonts it embeds, and how many glyphs it draws as the
 * font's .notdef (the empty box a viewer shows for a character the font lacks). pdfkit writes text as
 * `[<gid gid …> kern <…>] TJ` with 4-digit hex glyph ids in Flate-compressed content streams, and gives each
 * embedded font a `/BaseFont /ABCDEF+PostScriptName` entry in plain text.
 */
import { inflateSync } from 'node:zlib';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The PostScript names of the fonts the PDF embeds (without the subset tag), sorted. */
export function embeddedFonts(pdf: Uint8Array): string[] {
  const names = new Set<string>();
  for (const m of latin1(pdf).matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)) names.add(m[1]);
  return [...names].sort();
}

/** Every content stream, inflated (streams that are not Flate-compressed content, as images, are skipped). */
function contentStreams(pdf: Uint8Array): string[] {
  const raw = latin1(pdf);
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      out.push(
        inflateSync(Buffer.from(raw.slice(start, raw.indexOf('endstream', start)), 'latin1')).toString('latin1'),
      );
    } catch {
      continue;
    }
  }
  return out;
}

/** The text-drawing operators of every content stream. */
function textArrays(pdf: Uint8Array): string[] {
  return contentStreams(pdf).flatMap((content) => [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => tj[1]));
}

/** A PDF literal string's bytes: `\(`, `\)`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` and octal escapes undone. */
function literalBytes(body: string): Buffer {
  const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const text = body.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (named[e] ?? e),
  );
  return Buffer.from(text, 'latin1');
}

/** The ActualText of every marked-content span: the text a run of glyphs stands for when copied or searched. */
export function actualTexts(pdf: Uint8Array): string[] {
  const out: string[] = [];
  for (const content of contentStreams(pdf)) {
    for (const m of content.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)/gs)) {
      const bytes = literalBytes(m[1]);
      // UTF-16BE after its byte-order mark, as pdfkit writes any non-ASCII string.
      out.push(
        bytes[0] === 0xfe && bytes[1] === 0xff
          ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
          : bytes.toString('latin1'),
      );
    }
  }
  return out;
}

/** How many glyphs the PDF draws as .notdef (glyph 0): each is a box on the page. */
export function notdefGlyphs(pdf: Uint8Array): number {
  let count = 0;
  for (const array of textArrays(pdf)) {
    for (const hex of array.matchAll(/<([0-9a-f]*)>/gi)) {
      for (let i = 0; i < hex[1].length; i += 4) if (hex[1].slice(i, i + 4) === '0000') count++;
    }
  }
  return count;
}
