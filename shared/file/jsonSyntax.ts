/**
 * Where text that JSON.parse refused first stops being JSON, said for a person: the line and column, the JSON
 * path of the value it was in, and what was wrong there in words ("a comma before ]", "a comment"). V8's own
 * messages give a character offset at best, and for some mistakes only a piece of the file, newlines and all.
 * Run only after JSON.parse has refused the text; one pass, nothing built but the path's keys.
 */
export interface JsonSyntaxProblem {
  /** 1-based, counting lines as an editor does (LF, CRLF). */
  line: number;
  /** 1-based, in characters of the line. */
  column: number;
  /** Keys and indices down to the value being read. */
  path: PropertyKey[];
  detail: string;
}

interface Frame {
  array: boolean;
  /** The array's index being read, or the object's key once read (null before the first). */
  at: number | string | null;
}

/** A character as the message shows it: quoted (a double quote in single quotes), a control character by its code. */
function shown(c: string | undefined): string {
  if (c === undefined) return 'the end of the file';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return c === '"' ? `'"'` : `"${c}"`;
}

/** A character where another was expected; a comment by name. */
const expected = (what: string, c: string | undefined) => (c === '/' ? 'a comment: JSON has none' : `expected ${what}, found ${shown(c)}`);

/** What a value cannot start with, in words: the usual hand-editing mistakes by name. */
function notAValue(text: string, i: number, close: string | null): string {
  const c = text[i];
  if (c === undefined) return 'the file ends where a value should be';
  if (close !== null && c === close) return `a comma before "${close}": JSON allows none after the last item`;
  if (c === "'") return 'a single quote: JSON strings are in double quotes';
  for (const word of ['NaN', 'Infinity', 'undefined']) if (text.startsWith(word, i)) return `${word} is not a JSON value`;
  return expected('a value', c);
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first place `text` is not JSON, or null when it is. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const stack: Frame[] = [];
  let i = 0;
  const fail = (detail: string): JsonSyntaxProblem => {
    let line = 1;
    let lineStart = 0;
    for (let nl = text.indexOf('\n'); nl !== -1 && nl < i; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    const path = stack.map((f) => f.at).filter((k): k is number | string => k !== null);
    return { line, column: i - lineStart + 1, path, detail };
  };
  const skip = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };
  /** Reads a string from its opening quote: a problem, or its value (a key's only) with `i` after the closing quote. */
  const string = (isKey: boolean): { problem: string } | { value: string } => {
    const start = i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') return { value: isKey ? (JSON.parse(text.slice(start, ++i)) as string) : (i++, '') };
      if (c.charCodeAt(0) < 0x20) return { problem: `${shown(c)} inside a string: write it as an escape (\\n, \\t, \\u…)` };
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' ? !HEX.test(text.slice(i + 2, i + 6)) : !ESCAPES.has(e)) {
          const written = e === 'u' ? `u${/^[0-9a-fA-F]*/.exec(text.slice(i + 2, i + 6))![0]}` : (e ?? '');
          return { problem: `an escape JSON does not have: \\${written}` };
        }
        i += e === 'u' ? 6 : 2;
      } else i++;
    }
    i = start;
    return { problem: 'a string that is never closed' };
  };
  /** Set when the last value read opened an array or object. */
  let opened = false;
  /** A value starts at `i` (whitespace skipped): a scalar is read whole; an array or object is opened. */
  const value = (close: string | null): string | null => {
    const c = text[i];
    opened = c === '{' || c === '[';
    if (opened) {
      i++;
      stack.push({ array: c === '[', at: c === '[' ? 0 : null });
      return null;
    }
    if (c === '"') {
      const s = string(false);
      return 'problem' in s ? s.problem : null;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return null;
    }
    return notAValue(text, i, close);
  };
  /** In an object, at a key (whitespace skipped): read it and its colon. */
  const key = (frame: Frame, afterComma: boolean): string | null => {
    frame.at = null;
    if (text[i] !== '"') {
      if (afterComma && text[i] === '}') return 'a comma before "}": JSON allows none after the last item';
      if (text[i] === "'") return 'a single quote: JSON keys are in double quotes';
      return expected('a key in double quotes', text[i]);
    }
    const s = string(true);
    if ('problem' in s) return s.problem;
    frame.at = s.value;
    skip();
    if (text[i] !== ':') return expected('":" after the key', text[i]);
    i++;
    return null;
  };

  skip();
  if (i === text.length) return fail('the file is empty');
  let problem = value(null);
  if (problem !== null) return fail(problem);
  for (;;) {
    skip();
    const top = stack.at(-1);
    if (top === undefined) return i < text.length ? fail(`more after the end of the JSON, from ${shown(text[i])}`) : null;
    const close = top.array ? ']' : '}';
    // A container just opened may close at once; otherwise the last item is followed by a comma or the close.
    const first = opened;
    if (text[i] === close) {
      i++;
      stack.pop();
      opened = false;
      continue;
    }
    if (!first) {
      if (text[i] !== ',') return fail(expected(`"," or "${close}"`, text[i]));
      i++;
      skip();
      if (top.array) (top.at as number)++;
    }
    if (!top.array) {
      problem = key(top, !first);
      if (problem !== null) return fail(problem);
      skip();
    }
    problem = value(top.array && !first ? close : null);
    if (problem !== null) return fail(problem);
  }
}
