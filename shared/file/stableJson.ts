/**
 * JSON with object keys sorted (arrays keep their order) and 2-space indent, so the same model always
 * writes the same bytes. The envelope keeps its documented order: format, version, model.
 */
const ENVELOPE_ORDER = ['format', 'version', 'model'];

export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value, true), null, 2);
}

/** One value as stableStringify writes it `depth` levels down: its lines after the first indented to match. */
export function stableStringifyAt(value: unknown, depth: number): string {
  return JSON.stringify(sortKeys(value), null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

function sortKeys(value: unknown, isRoot = false): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(isRoot ? byEnvelopeOrder : undefined);
  return Object.fromEntries(keys.map((k) => [k, sortKeys(obj[k])]));
}

function byEnvelopeOrder(a: string, b: string): number {
  const ia = ENVELOPE_ORDER.indexOf(a);
  const ib = ENVELOPE_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
