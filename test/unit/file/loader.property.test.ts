import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDGE_KINDS, ENVIRONMENTS, NODE_KINDS, SECRET_TYPES } from '../../../shared/domain/index.ts';
import { parseModelFile, parseModelJson, serializeModel } from '../../../shared/file/index.ts';

const label = fc.string({ maxLength: 12 });

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  label,
  position: fc.option(fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }), { nil: undefined }),
  props: fc.record(
    {
      criticality: fc.integer({ min: 1, max: 5 }),
      environment: fc.constantFrom(...ENVIRONMENTS),
      owner: label,
      monitored: fc.boolean(),
      secretType: fc.constantFrom(...SECRET_TYPES),
      ttlHours: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      'x-custom': fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
});

const noteArb = fc.record(
  {
    text: label,
    position: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }),
    size: fc.record({ w: fc.integer({ min: 1, max: 600 }), h: fc.integer({ min: 1, max: 600 }) }),
    color: fc.constantFrom('yellow', 'blue'),
  },
  { requiredKeys: ['position'] },
);

/** Valid raw models: unique ids, edges between existing nodes. Kind-specific props land on any kind and are kept. */
const rawModelArb = fc
  .tuple(
    fc.array(nodeArb, { minLength: 1, maxLength: 15 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...EDGE_KINDS)), { maxLength: 30 }),
    fc.array(noteArb, { maxLength: 3 }),
  )
  .map(([nodes, edges, notes]) => ({
    id: 'm',
    name: 'generated',
    nodes: nodes.map((n, i) => ({ ...n, id: `n${i}` })),
    edges: edges.map(([s, t, kind], i) => ({ id: `e${i}`, kind, source: `n${s % nodes.length}`, target: `n${t % nodes.length}` })),
    notes: notes.map((n, i) => ({ ...n, id: `note${i}` })),
  }));

describe('the load path, on generated input', () => {
  it('serialize then parse is the identity on valid models', () => {
    fc.assert(
      fc.property(rawModelArb, (raw) => {
        const first = parseModelJson({ format: 'faultline', version: 1, model: JSON.parse(JSON.stringify(raw)) });
        if (!first.ok) throw new Error(first.error.message);
        const text = serializeModel(first.value);
        const second = parseModelFile(text);
        expect(second.ok).toBe(true);
        if (!second.ok) return;
        expect(second.value).toEqual(first.value);
        expect(serializeModel(second.value)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON, and every error names a path inside the file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseModelFile(JSON.stringify(value));
        if (!result.ok) expect(typeof result.error.message).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage inside a valid envelope', () => {
    const garbageModel = fc.record(
      {
        nodes: fc.array(fc.oneof(fc.jsonValue(), nodeArb.map((n) => ({ ...n, id: 'x' })))),
        edges: fc.array(fc.jsonValue()),
        boundaries: fc.jsonValue(),
        scenarios: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(garbageModel, fc.integer({ min: -1, max: 3 }), (model, version) => {
        const result = parseModelFile(JSON.stringify({ format: 'faultline', version, model }));
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseModelFile(text);
      }),
    );
  });
});
