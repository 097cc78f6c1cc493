/**
 * The OpenGraph export against BloodHound CE's documented ingest format: its own node, edge and metadata JSON
 * schemas (test/fixtures/export/opengraph, from SpecterOps/BloodHound), and the rules its documentation adds
 * that a schema cannot say (unique ids, at most three kinds, lower-case property names, edges between nodes
 * of the payload, homogeneous arrays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { OpenGraphDocument } from '../../../shared/export/index.ts';
import { flatProperties, openGraphText, toOpenGraph } from '../../../shared/export/index.ts';
import { importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { loadRepoModel } from '../cli/harness.ts';
import { fixtureFiles } from '../import/fixtures.ts';

const DIR = join(import.meta.dirname, '../../fixtures/export/opengraph');
const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
const validNode = ajv.compile(read('node.schema.json'));
const validEdge = ajv.compile(read('edge.schema.json'));
const validMetadata = ajv.compile(read('metadata.schema.json'));
/** A plain yes or no: ajv's validators are type guards, which would narrow what they check to never. */
const passes = (validate: (x: unknown) => boolean, x: unknown): boolean => validate(x);

/** Every problem BloodHound would refuse the payload for, as readable lines; empty when it loads. */
function problems(doc: OpenGraphDocument): string[] {
  const out: string[] = [];
  if (!passes(validMetadata, doc.metadata)) out.push(`metadata: ${ajv.errorsText(validMetadata.errors)}`);
  if (!Array.isArray(doc.graph?.nodes) || !Array.isArray(doc.graph?.edges)) return [...out, 'graph.nodes and graph.edges must be arrays'];
  const ids = new Set<string>();
  for (const n of doc.graph.nodes) {
    if (!passes(validNode, n)) out.push(`node ${n.id}: ${ajv.errorsText(validNode.errors)}`);
    if (ids.has(n.id)) out.push(`node ${n.id}: duplicate id`);
    ids.add(n.id);
    if (n.kinds.length < 1 || n.kinds.length > 3) out.push(`node ${n.id}: ${n.kinds.length} kinds (1 to 3)`);
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      if (k !== k.toLowerCase()) out.push(`node ${n.id}: property ${k} is not lower case`);
      if (Array.isArray(v) && new Set(v.map((x) => typeof x)).size > 1) out.push(`node ${n.id}: ${k} mixes types`);
    }
  }
  for (const [i, e] of doc.graph.edges.entries()) {
    if (!passes(validEdge, e)) out.push(`edge ${i}: ${ajv.errorsText(validEdge.errors)}`);
    if (!ids.has(e.start.value)) out.push(`edge ${i}: start ${e.start.value} is not a node`);
    if (!ids.has(e.end.value)) out.push(`edge ${i}: end ${e.end.value} is not a node`);
    for (const k of Object.keys(e.properties ?? {})) if (k !== k.toLowerCase()) out.push(`edge ${i}: property ${k} is not lower case`);
  }
  return out;
}

describe('BloodHound OpenGraph export', () => {
  it('keeps a fixture that loads: the exported sample passes the documented schemas and rules', () => {
    const fixture = read('cicd-pipeline.opengraph.json') as OpenGraphDocument;
    expect(problems(fixture)).toEqual([]);
    expect(fixture.graph.nodes.length).toBeGreaterThan(10);
  });

  it('still writes the fixture byte for byte from the sample (a change to the format shows here)', () => {
    const model = loadRepoModel('assets/samples/cicd-pipeline.faultline.json');
    expect(openGraphText(model)).toBe(readFileSync(join(DIR, 'cicd-pipeline.opengraph.json'), 'utf8'));
  });

  it('passes for both samples and for a large import, with every node and edge kept', () => {
    const models = [loadRepoModel('assets/samples/ai-support-agent.faultline.json')];
    const r = importFiles('github-actions', fixtureFiles('github-actions', '.github/workflows/'));
    if (!r.ok) throw new Error(r.error.message);
    models.push(modelFromImport(r.value, 'CI'));
    for (const model of models) {
      const doc = toOpenGraph(model);
      expect(problems(doc)).toEqual([]);
      const members = model.nodes.filter((n) => n.boundary).length;
      expect(doc.graph.nodes).toHaveLength(model.nodes.length + model.boundaries.length);
      expect(doc.graph.edges).toHaveLength(model.edges.length + members);
    }
  });

  it('names kinds as BloodHound wants them: prefixed, PascalCase, the kind first', () => {
    const doc = toOpenGraph(loadRepoModel('assets/samples/cicd-pipeline.faultline.json'));
    expect(new Set(doc.graph.edges.map((e) => e.kind))).toContain('FL_RunsAs');
    expect(new Set(doc.graph.nodes.map((n) => n.kinds[0]))).toContain('FL_Secret');
    expect(doc.graph.edges.every((e) => /^FL_[A-Za-z]+$/.test(e.kind))).toBe(true);
  });

  it('refuses what BloodHound refuses: the checks catch a bad payload', () => {
    const bad: OpenGraphDocument = {
      metadata: { source_kind: 'x' },
      graph: {
        nodes: [
          { id: 'a', kinds: [], properties: { Name: 'A' } },
          { id: 'a', kinds: ['K'], properties: {} },
        ],
        edges: [{ start: { value: 'a', match_by: 'id' }, end: { value: 'zz', match_by: 'id' }, kind: 'has-dash', properties: {} }],
      },
    };
    const found = problems(bad).join('\n');
    expect(found).toContain('duplicate id');
    expect(found).toContain('0 kinds');
    expect(found).toContain('property Name is not lower case');
    expect(found).toContain('end zz is not a node');
    expect(found).toMatch(/edge 0: .*pattern/);
  });

  it('flattens props to primitives: nulls and empty lists out, one object level in, camelCase to snake_case', () => {
    expect(flatProperties({ ttlHours: null, capabilities: [], tags: ['a', 'b'], mixed: [1, 'x'], source: { file: 'f.yml', line: 3 }, deep: { a: { b: 1 } } })).toEqual({
      tags: ['a', 'b'],
      source_file: 'f.yml',
      source_line: 3,
    });
  });
});
