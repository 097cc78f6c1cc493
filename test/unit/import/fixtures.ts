/** The real files of test/fixtures/import, read as the CLI and the app hand them to the importers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelEdge, ModelNode } from '../../../shared/domain/index.ts';
import type { ImportKind, ImportOutcome, SourceFile } from '../../../shared/import/index.ts';
import { importFiles } from '../../../shared/import/index.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

/** Every file of a fixture folder, named as under a repository (`.github/workflows/x.yml`), minus schemas. */
export function fixtureFiles(dir: string, prefix = ''): SourceFile[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => !f.endsWith('schema.json'))
    .sort()
    .map((f) => ({ name: `${prefix}${f}`, text: readFileSync(join(FIXTURES, dir, f), 'utf8') }));
}

export function fixture(dir: string, name: string, prefix = ''): SourceFile {
  return { name: `${prefix}${name}`, text: readFileSync(join(FIXTURES, dir, name), 'utf8') };
}

/** Runs an importer and fails the test with the importer's own message when it refuses. */
export function imported(kind: ImportKind, files: SourceFile[]): ImportOutcome {
  const r = importFiles(kind, files);
  if (!r.ok) throw new Error(`${r.error.file} line ${r.error.line}: ${r.error.message}`);
  return r.value;
}

/** Lookups on an outcome's graph that fail loudly when something is missing. */
export function graphOf(outcome: ImportOutcome) {
  const { nodes, edges } = outcome.graph;
  const node = (id: string): ModelNode => {
    const n = nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node "${id}"; nodes: ${nodes.map((x) => x.id).join(', ')}`);
    return n;
  };
  const edge = (kind: ModelEdge['kind'], source: string, target: string): ModelEdge => {
    const e = edges.find((x) => x.kind === kind && x.source === source && x.target === target);
    if (!e) throw new Error(`no ${kind} edge ${source} → ${target}`);
    return e;
  };
  const hasEdge = (kind: ModelEdge['kind'], source: string, target: string) =>
    edges.some((x) => x.kind === kind && x.source === source && x.target === target);
  const props = (id: string) => node(id).props as Record<string, unknown>;
  return { nodes, edges, node, edge, hasEdge, props };
}
