/**
 * Hostile files: 10,000 generated documents through the load path (issue #15). None throws or hangs, none
 * pollutes a prototype, and each either loads (and then saves and reloads the same) or is refused with a
 * typed error naming a JSON path inside the document. Seeded, so a failure repeats; FUZZ_SEED picks another.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK_APPLIES_TO, BREAK_MODES, EDGE_KINDS, NODE_KINDS } from '../../../shared/domain/index.ts';
import type { LoadErrorCode } from '../../../shared/file/index.ts';
import { parseModelFile, serializeModel } from '../../../shared/file/index.ts';

export const FUZZ_DOCUMENTS = 10_000;
/** The longest one document may take before it counts as a hang. */
const MAX_MS_PER_DOCUMENT = 1_000;
const SEED = Number(process.env.FUZZ_SEED ?? 15);

const CODES: ReadonlySet<LoadErrorCode> = new Set<LoadErrorCode>([
  'not-utf8',
  'invalid-json',
  'too-deep',
  'missing-envelope',
  'wrong-format',
  'newer-version',
  'unknown-kind',
  'invalid-value',
  'duplicate-id',
  'dangling-reference',
  'invalid-break',
  'migration-failed',
]);

// ---------------------------------------------------------------------------------------------------
// Generators

/** Keys that have bitten JavaScript parsers: prototype names, JSON-path characters, empty, long. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'a.b', 'x[0]', 'props', 'id'),
  fc.string({ maxLength: 8 }),
);

/**
 * A value nested `levels` deep under one key: around the nesting limit, and far past it (3,000+). It stands
 * in the document as a placeholder string and becomes real JSON text in `toText`, because building (and
 * stringifying) such a value recursively would overflow this test's own stack.
 */
const DEEP = '\u0000deep:';
const deepValue = fc
  .tuple(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 3000, max: 4000 })), fc.constantFrom('deeper', 'x-y', '__proto__'), fc.boolean())
  .map(([levels, key, arrays]) => `${DEEP}${levels}:${arrays ? '[' : key}`);

function deepText(spec: string): string {
  const [levels, key] = spec.slice(DEEP.length).split(/:(.*)/s);
  const n = Number(levels);
  return key === '[' ? `${'['.repeat(n)}"bottom"${']'.repeat(n)}` : `${`{${JSON.stringify(key)}:`.repeat(n)}"bottom"${'}'.repeat(n)}`;
}

/** The file text of a document, deep placeholders expanded. */
function toText(doc: unknown): string {
  return JSON.stringify(doc).replace(/"\\u0000deep:[^"]*"/g, (quoted) => deepText(JSON.parse(quoted) as string));
}

const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1e300, 1_000_000, 1_000_000.5, -1, -0, 0.5, 5e-324, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);

/** A valid model: ids unique, edges between its nodes, breaks that apply, patches on real edges. */
const validModel = fc
  .record({
    kinds: fc.array(fc.constantFrom(...NODE_KINDS), { minLength: 1, maxLength: 10 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...EDGE_KINDS), fc.double({ min: 0, max: 1000, noNaN: true })), { maxLength: 14 }),
    boundaries: fc.integer({ min: 0, max: 2 }),
    breaks: fc.array(fc.tuple(fc.constantFrom(...BREAK_MODES), fc.nat()), { maxLength: 3 }),
    unknown: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
  })
  .map(({ kinds, edges, boundaries, breaks, unknown }) => {
    const nodes = kinds.map((kind, i) => ({
      id: `n${i}`,
      kind,
      label: `Node ${i}`,
      ...(boundaries > 0 ? { boundary: `b${i % boundaries}` } : {}),
      props: { criticality: (i % 5) + 1, monitored: i % 2 === 0, ...(unknown === undefined ? {} : { 'x-extra': unknown }) },
    }));
    const edgeList = edges.map(([s, t, kind, delay], i) => ({
      id: `e${i}`,
      kind,
      source: `n${s % nodes.length}`,
      target: `n${t % nodes.length}`,
      props: { delayHours: delay },
    }));
    const applicable = breaks.flatMap(([mode, n]) => {
      const node = nodes[n % nodes.length];
      return BREAK_APPLIES_TO[mode].includes(node.kind) ? [{ mode, node: node.id }] : [];
    });
    return {
      format: 'faultline',
      version: 1,
      model: {
        id: 'fuzz',
        name: 'Fuzzed',
        nodes,
        edges: edgeList,
        boundaries: Array.from({ length: boundaries }, (_, i) => ({ id: `b${i}`, label: `Zone ${i}` })),
        scenarios: [
          {
            id: 's1',
            breaks: applicable,
            patches: edgeList.slice(0, 1).map((e) => ({ id: e.id, props: { likelihood: 0.5 } })),
            removed: edgeList.slice(1, 2).map((e) => e.id),
            params: { responseHours: 24 },
          },
        ],
      },
    };
  });

/** Every [container, key] in a document, so a mutation can strike anywhere. */
function slots(root: unknown): [Record<PropertyKey, unknown>, PropertyKey][] {
  const out: [Record<PropertyKey, unknown>, PropertyKey][] = [];
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    const obj = v as Record<PropertyKey, unknown>;
    const keys: PropertyKey[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const k of keys) {
      out.push([obj, k]);
      stack.push(obj[k]);
    }
  }
  return out;
}

type Mutation = { at: number; kind: 'replace' | 'delete' | 'add' | 'duplicate'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'replace', 'delete', 'add', 'duplicate'),
  key: hostileKey,
  value: hostileValue,
});

/** A valid model struck by 1–3 mutations: a value replaced by junk, a key deleted or added, an item duplicated. */
const mutatedModel = fc.tuple(validModel, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([doc, mutations]) => {
  for (const m of mutations) {
    const all = slots(doc);
    const [container, key] = all[m.at % all.length];
    if (m.kind === 'replace') container[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key];
    } else if (m.kind === 'duplicate' && Array.isArray(container)) container.push(structuredClone(container[Number(key)]));
    else if (typeof container[key] === 'object' && container[key] !== null && !Array.isArray(container[key])) {
      // An own property even for "__proto__", as JSON.parse makes it.
      Object.defineProperty(container[key], m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return doc;
});

const v0Document = fc
  .record({
    graph: fc.option(
      fc.record({
        title: fc.string(),
        nodes: fc.oneof(
          fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), type: fc.constantFrom(...NODE_KINDS, 'robot'), name: fc.string(), x: hostileNumber, y: hostileNumber })),
          hostileValue,
        ),
        links: fc.option(fc.array(fc.record({ id: fc.constantFrom('l1', 'l2'), from: fc.constantFrom('a', 'b', 'x'), to: fc.constantFrom('a', 'c'), type: fc.constantFrom(...EDGE_KINDS) })), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    model: fc.option(validModel.map((d) => d.model), { nil: undefined }),
  })
  .map(({ graph, model }) => ({ format: 'faultline', version: 0, ...(graph ? { graph } : {}), ...(model ? { model } : {}) }));

/** Documents, as the JSON text a file would hold. */
const documents = fc.oneof(
  { weight: 2, arbitrary: validModel },
  { weight: 12, arbitrary: mutatedModel },
  { weight: 3, arbitrary: v0Document },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

// ---------------------------------------------------------------------------------------------------
// What must hold

const protoNames = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));

/** Every object in a loaded model is a plain object or array: nothing swapped its prototype. */
function plainThroughout(root: unknown): boolean {
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== Array.prototype) return false;
    stack.push(...Object.values(v));
  }
  return true;
}

/** Resolves as much of a JSON path (`model.nodes[3].props.x`) as the document has; how many segments it found. */
function resolvedSegments(doc: unknown, path: string): { found: number; total: number } {
  const segments = path.match(/\["(?:[^"\\]|\\.)*"\]|\[\d+\]|[^.[\]]+/g) ?? [];
  let v: unknown = doc;
  let found = 0;
  for (const s of segments) {
    // A deep placeholder stands for the whole nested value below it.
    if (typeof v === 'string' && v.startsWith(DEEP)) return { found: segments.length, total: segments.length };
    const key = s.startsWith('["') ? (JSON.parse(s.slice(1, -1)) as string) : s.startsWith('[') ? Number(s.slice(1, -1)) : s;
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, key)) break;
    v = (v as Record<PropertyKey, unknown>)[key];
    found++;
  }
  return { found, total: segments.length };
}

describe('the loader against hostile files', () => {
  it(`survives ${FUZZ_DOCUMENTS} generated documents`, () => {
    const before = protoNames();
    const tally = { loaded: 0, refused: 0, threw: 0, slowest: 0 };
    const byCode = new Map<string, number>();
    fc.assert(
      fc.property(documents, (doc) => {
        const text = toText(doc);
        const started = performance.now();
        let result: ReturnType<typeof parseModelFile>;
        try {
          result = parseModelFile(text);
        } catch (e) {
          tally.threw++;
          throw new Error(`the loader threw ${(e as Error).name}: ${(e as Error).message}`);
        }
        const ms = performance.now() - started;
        tally.slowest = Math.max(tally.slowest, ms);
        expect(ms, 'milliseconds for one document').toBeLessThan(MAX_MS_PER_DOCUMENT);
        expect(protoNames()).toEqual(before);
        expect(({} as Record<string, unknown>).bottom).toBeUndefined();

        const isV0 = typeof doc === 'object' && doc !== null && (doc as { version?: unknown }).version === 0;
        // A migration refuses what it cannot read: a version 0 file without its "graph" never loads (as empty).
        if (isV0 && !Object.prototype.hasOwnProperty.call(doc, 'graph')) expect(result.ok, 'a version 0 file without "graph" loaded').toBe(false);
        if (result.ok) {
          tally.loaded++;
          expect(plainThroughout(result.value)).toBe(true);
          // Whatever loads can be saved, and loads again the same.
          const again = parseModelFile(serializeModel(result.value));
          expect(again.ok && again.value).toEqual(result.value);
          return;
        }
        tally.refused++;
        const { code, path, message } = result.error;
        byCode.set(code, (byCode.get(code) ?? 0) + 1);
        expect(CODES.has(code), code).toBe(true);
        expect(path, `${code} without a path: ${message}`).not.toBe('');
        expect(message.startsWith(`${path}: `)).toBe(true);
        expect(message).not.toMatch(/\n\s+at /); // no stack
        // The path points into this document: every segment but the one found missing exists. A version 0
        // file is refused by paths into "graph", or into the model it became.
        if (!isV0 || path.startsWith('graph')) {
          const { found, total } = resolvedSegments(doc, path);
          expect(found, `${path} in ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(Math.min(total - 1, 2));
        }
      }),
      { numRuns: FUZZ_DOCUMENTS, seed: SEED, endOnFailure: true },
    );
    const codes = [...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(
      `loader fuzz (seed ${SEED}): ${FUZZ_DOCUMENTS} documents, ${tally.loaded} loaded, ${tally.refused} refused (${codes}), ` +
        `${tally.threw} threw, slowest ${tally.slowest.toFixed(1)} ms`,
    );
    expect(tally.loaded + tally.refused).toBe(FUZZ_DOCUMENTS);
  }, 180_000);
});
