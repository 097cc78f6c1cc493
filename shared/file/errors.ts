/**
 * Typed load errors. Every message names the JSON path of the first problem and says what was wrong;
 * the UI switches over `code` and the CLI prints `message`.
 */
export type LoadErrorCode =
  | 'not-utf8'
  | 'too-large'
  | 'invalid-json'
  | 'too-deep'
  | 'missing-envelope'
  | 'wrong-format'
  | 'newer-version'
  | 'unknown-kind'
  | 'invalid-value'
  | 'duplicate-id'
  | 'dangling-reference'
  | 'invalid-break'
  | 'invalid-response'
  | 'migration-failed';

export interface LoadError {
  code: LoadErrorCode;
  /** JSON path from the file's root, like `model.edges[3].target`; empty for the whole file. */
  path: string;
  /** One line for a person: `model.edges[3].target: no node "db-1"`. */
  message: string;
}

export function loadError(code: LoadErrorCode, path: string, detail: string): LoadError {
  return { code, path, message: path ? `${path}: ${detail}` : detail };
}

/** How much of a long value from the file a message repeats. */
const SHOWN_CHARS = 60;

/**
 * A value from the file as a message quotes it: as JSON (quotes and control characters escaped), a long one cut
 * to its start with its length said, so that a 10 MB id is named, not repeated into a notice or a terminal.
 */
export function quoted(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= SHOWN_CHARS) return text;
  const length = typeof value === 'string' ? `${value.length.toLocaleString('en')} characters` : `${text.length.toLocaleString('en')} characters of JSON`;
  // Cut before a lone half of a surrogate pair or an escape.
  const cut = text.slice(0, SHOWN_CHARS - 10).replace(/[\uD800-\uDBFF]$|\\[^"]{0,5}$/, '');
  return `${cut}…${typeof value === 'string' ? '"' : ''} (${length})`;
}

/** Keys written plainly after a dot; any other key is quoted in brackets so the path stays unambiguous. */
const PLAIN_KEY = /^[^.[\]"'\s]+$/;

/** `['model', 'edges', 3, 'target']` → `model.edges[3].target`; an odd key: `model["a.b"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (!PLAIN_KEY.test(String(s))) out += `[${JSON.stringify(String(s))}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}
