/**
 * YAML and JSON text to plain values, with the line of every mapping and list kept on the side so importers can
 * say where each thing came from. js-yaml's parse listener reports where each value opened: a mapping opens on
 * the line of the key that holds it, a list item on its `- ` line. JSON goes through the same parser (JSON is
 * YAML), so both formats give the same errors with a line. Pure, and no eval: safe under the app's CSP.
 */
import { YAMLException, load, loadAll } from 'js-yaml';
import type { LoadOptions, State } from 'js-yaml';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { ImportError, SourceFile, SourceRef } from './types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asObject = (v: unknown): JsonObject => (isObject(v) ? v : {});
export const asArray = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** One parsed file: its documents and where their parts sit. */
export class ParsedFile {
  private readonly lineStarts: number[] = [];
  private lines: string[] | null = null;

  constructor(
    readonly file: SourceFile,
    readonly docs: readonly Json[],
    private readonly opened: WeakMap<object, number>,
  ) {}

  /** 1-based line where a mapping or list opened (its key's line, or its `- ` line), null for a scalar. */
  lineOf(value: unknown): number | null {
    if (typeof value !== 'object' || value === null) return null;
    const line = this.opened.get(value);
    return line === undefined ? null : line + 1;
  }

  /** The line of `key` inside the mapping `obj`: exact when its value is a mapping or list, else the first such key below. */
  keyLine(obj: unknown, key: string): number | null {
    if (!isObject(obj)) return null;
    const exact = this.lineOf(obj[key]);
    if (exact !== null) return exact;
    const from = this.lineOf(obj);
    return from === null ? null : this.findLine(from, (l) => keyPattern(key).test(l));
  }

  /** The first line at or after `from` (1-based) that contains `needle`; `from` when none does. */
  textLine(from: number | null, needle: string): number | null {
    if (from === null) return null;
    return this.findLine(from, (l) => l.includes(needle)) ?? from;
  }

  /** The first line at or after `from` that matches `pattern`; `from` when none does. */
  matchLine(from: number | null, pattern: RegExp): number | null {
    if (from === null) return null;
    return this.findLine(from, (l) => pattern.test(l)) ?? from;
  }

  ref(value: unknown): SourceRef {
    return { file: this.file.name, line: this.lineOf(value) };
  }

  private findLine(from: number, test: (line: string) => boolean): number | null {
    this.lines ??= this.file.text.split(/\r?\n/);
    for (let i = from - 1; i < this.lines.length; i++) if (test(this.lines[i] ?? '')) return i + 1;
    return null;
  }
}

const patterns = new Map<string, RegExp>();
function keyPattern(key: string): RegExp {
  let p = patterns.get(key);
  if (!p) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    p = new RegExp(`^\\s*(?:-\\s+)?["']?${escaped}["']?\\s*:`);
    patterns.set(key, p);
  }
  return p;
}

/**
 * Parses YAML (or JSON) text. `multi` reads every `---` document (Kubernetes manifests); `json` gives JSON's
 * rules (a repeated key keeps the last value, as JSON.parse does). Malformed text is an error with its line.
 */
export function parseText(file: SourceFile, options: { multi?: boolean; json?: boolean } = {}): Result<ParsedFile, ImportError> {
  const opened = new WeakMap<object, number>();
  const stack: number[] = [];
  const loadOptions: LoadOptions = {
    filename: file.name,
    json: options.json ?? false,
    listener(event: 'open' | 'close', state: State) {
      if (event === 'open') {
        stack.push(state.line);
        return;
      }
      const line = stack.pop();
      const value: unknown = state.result;
      if (line !== undefined && typeof value === 'object' && value !== null && !opened.has(value)) opened.set(value, line);
    },
  };
  try {
    const docs = options.multi ? (loadAll(file.text, null, loadOptions) as Json[]) : [load(file.text, loadOptions) as Json];
    return ok(new ParsedFile(file, docs, opened));
  } catch (e) {
    if (e instanceof YAMLException) {
      const line = e.mark ? e.mark.line + 1 : null;
      const what = options.json ? 'not valid JSON' : 'not valid YAML';
      // A Helm chart's templates (or any Go template) are YAML only once rendered; a workflow's ${{ }} is not one.
      if (!options.json && /(^|[^$])\{\{.*\}\}/m.test(file.text))
        return err({ file: file.name, line, message: `${what}: it is a template ({{ … }}); render it first (helm template, or the tool that fills it in) and import the result` });
      return err({ file: file.name, line, message: `${what}: ${e.reason}` });
    }
    return err({ file: file.name, line: null, message: `could not be read (${(e as Error).message})` });
  }
}
