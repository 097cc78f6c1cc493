/**
 * Stepwise migrations of the file envelope. Each step takes the raw JSON of version n to version n + 1.
 * A shipped step is never edited; a format change adds a step and bumps CURRENT_VERSION.
 */

/**
 * The file format version this build writes. When it changes: add a migration step below, add a fixture
 * of the old version to test/fixtures, and update domain.md §10.
 */
export const CURRENT_VERSION = 1;

type Json = Record<string, unknown>;
type Migration = (file: Json) => Json;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A migration refuses what it cannot read, naming where (a JSON path in the file as given): it never
 * guesses, and never returns an empty model for a file whose content it did not find.
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/**
 * v0 was the pre-release sketch format: `graph.title`, nodes with `type`/`name`/`x`/`y`, edges as `links`
 * with `from`/`to`/`type`. v1 is domain.md §10.
 */
const v0ToV1: Migration = (file) => {
  const graph = file.graph;
  if (!isObject(graph)) {
    const hint = 'model' in file ? ' This file has "model" instead: if it was written by Faultline 1 or later, its "version" should be 1.' : '';
    throw new MigrationError('graph', `missing: a version 0 file keeps its content under "graph".${hint}`);
  }
  if (!Array.isArray(graph.nodes)) throw new MigrationError('graph.nodes', 'expected a list of nodes');
  if (graph.links !== undefined && !Array.isArray(graph.links)) throw new MigrationError('graph.links', 'expected a list of links');
  const nodes = graph.nodes.map((n) => {
    if (!isObject(n)) return n;
    const { type, name, x, y, ...rest } = n;
    const hasPosition = typeof x === 'number' && typeof y === 'number';
    return { ...rest, kind: type, label: name ?? '', ...(hasPosition ? { position: { x, y } } : {}) };
  });
  const edges = ((graph.links ?? []) as unknown[]).map((l) => {
    if (!isObject(l)) return l;
    const { from, to, type, ...rest } = l;
    return { ...rest, source: from, target: to, kind: type };
  });
  return {
    format: 'faultline',
    version: 1,
    model: {
      id: typeof graph.id === 'string' ? graph.id : 'model',
      name: typeof graph.title === 'string' ? graph.title : 'Untitled model',
      nodes,
      edges,
    },
  };
};

const V0_NODE_KEYS: Readonly<Record<string, string>> = { kind: 'type', label: 'name' };
const V0_LINK_KEYS: Readonly<Record<string, string>> = { kind: 'type', source: 'from', target: 'to' };

/**
 * A JSON path in the model v0ToV1 made, as the v0 file writes it, so that a problem found after the
 * migration is named where the user can find it: `model.edges[1].target` is `graph.links[1].to`.
 */
export function v0Path(path: string): string {
  const item = /^model\.(nodes|edges)(\[\d+\])?(?:\.(\w+))?(.*)$/.exec(path);
  if (item) {
    const [, list, at = '', key, rest] = item;
    const nodes = list === 'nodes';
    // A node's position was its x and y: `position.x` is `x`, `position` both.
    if (nodes && key === 'position') return `graph.nodes${at}${rest.startsWith('.') ? rest : ''}`;
    const renamed = key === undefined ? '' : `.${(nodes ? V0_NODE_KEYS : V0_LINK_KEYS)[key] ?? key}`;
    return `graph.${nodes ? 'nodes' : 'links'}${at}${renamed}${rest}`;
  }
  if (path === 'model.name') return 'graph.title';
  return path.replace(/^model(?=$|[.[])/, 'graph');
}

/** MIGRATIONS[n] takes version n to n + 1. */
const MIGRATIONS: readonly Migration[] = [v0ToV1];

export function migrate(file: Json, from: number): Json {
  let current = file;
  for (let v = from; v < CURRENT_VERSION; v++) current = MIGRATIONS[v](current);
  return current;
}
