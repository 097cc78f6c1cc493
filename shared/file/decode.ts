/**
 * The one way file bytes become text, for the CLI, the web build and Electron alike: UTF-8, a leading
 * byte-order mark dropped, invalid UTF-8 refused with the offset of the first bad byte (never replaced by
 * U+FFFD, which would silently change labels and ids).
 */
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { LoadError } from './errors.ts';
import { loadError } from './errors.ts';

const BOM = '\uFEFF';

/**
 * TextDecoder is in every runtime Faultline runs in (Node, browsers, workers: the WinterCG minimum common
 * API), but shared/ compiles without DOM or Node types, so it is typed here by what this file uses.
 */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
const { TextDecoder } = globalThis as unknown as {
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => Utf8Decoder;
};

/** UTF-8 bytes to text; a BOM is dropped, invalid UTF-8 is an error naming the first bad byte. */
export function decodeFileBytes(bytes: Uint8Array): Result<string, LoadError> {
  try {
    // `ignoreBOM: false` drops a leading BOM; `fatal` refuses instead of substituting U+FFFD.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Valid UTF-8 the decoder still refused: longer than the runtime's longest string (about 512 MB in V8).
    if (at === bytes.length) {
      return err(loadError('too-large', '', `too large to read: ${bytes.length.toLocaleString('en')} bytes is more text than this program can hold, and far more than a model needs`));
    }
    const hex = ` (0x${bytes[at].toString(16).padStart(2, '0')})`;
    return err(loadError('not-utf8', '', `not UTF-8 text: byte ${at}${hex} is not valid UTF-8, so nothing was read`));
  }
}

/** Text that may still start with a BOM (a string from an older reader, the clipboard) without it. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f]; // no UTF-16 surrogates
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f]; // nothing above U+10FFFF
    else return i;
    // The second byte has the narrowed range; the rest are plain continuation bytes. A sequence cut short
    // or broken is reported at its first byte.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
