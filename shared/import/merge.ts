/**
 * What an import adds to a model. Importers give stable ids, so importing the same files again finds its own
 * nodes: a node whose id and kind are already in the model is kept as the user has it (their edits win) and
 * new edges attach to it. An id taken by something else gets a suffix. The plan is data: the app turns it into
 * one undoable edit, the CLI into a file.
 */
import type { Boundary, Model, ModelEdge, ModelNode } from '../domain/index.ts';
import { slug } from './graph.ts';
import type { ImportedGraph, PendingNote } from './types.ts';

export interface ImportPlan {
  nodes: ModelNode[];
  edges: ModelEdge[];
  boundaries: Boundary[];
  notes: PendingNote[];
  /** Imported things the model already has (same id and kind): left as they are. */
  already: { nodes: number; edges: number; boundaries: number; notes: number };
  /** Imported ids that were taken by something else and got a suffix. */
  renamed: number;
}


export function planImport(model: Model, graph: ImportedGraph): ImportPlan {
  const nodesById = new Map(model.nodes.map((n) => [n.id, n]));
  const taken = new Set<string>([...model.nodes.map((n) => n.id), ...model.edges.map((e) => e.id), ...model.notes.map((n) => n.id)]);
  const boundaryIds = new Set(model.boundaries.map((b) => b.id));
  const already = { nodes: 0, edges: 0, boundaries: 0, notes: 0 };
  let renamed = 0;
  const fresh = (id: string, used: Set<string>) => {
    let i = 2;
    while (used.has(`${id}-${i}`)) i++;
    renamed++;
    return `${id}-${i}`;
  };

  const boundaryMap = new Map<string, string>();
  const boundaries: Boundary[] = [];
  for (const b of graph.boundaries) {
    if (boundaryIds.has(b.id)) {
      already.boundaries++;
      boundaryMap.set(b.id, b.id);
      continue;
    }
    boundaryIds.add(b.id);
    boundaryMap.set(b.id, b.id);
    boundaries.push(b);
  }

  const nodeMap = new Map<string, string>();
  const nodes: ModelNode[] = [];
  for (const n of graph.nodes) {
    const existing = nodesById.get(n.id);
    if (existing && existing.kind === n.kind) {
      already.nodes++;
      nodeMap.set(n.id, n.id);
      continue;
    }
    const id = taken.has(n.id) ? fresh(n.id, taken) : n.id;
    taken.add(id);
    nodeMap.set(n.id, id);
    const boundary = n.boundary ? boundaryMap.get(n.boundary) : undefined;
    const { boundary: _b, ...rest } = n;
    nodes.push({ ...rest, id, ...(boundary ? { boundary } : {}) } as ModelNode);
  }

  const edgeIds = new Set(model.edges.map((e) => e.id));
  const edges: ModelEdge[] = [];
  for (const e of graph.edges) {
    const source = nodeMap.get(e.source) ?? e.source;
    const target = nodeMap.get(e.target) ?? e.target;
    const natural = `${source}>${e.kind}>${target}`;
    if (edgeIds.has(natural)) {
      already.edges++;
      continue;
    }
    const id = taken.has(natural) ? fresh(slug(natural), taken) : natural;
    taken.add(id);
    edgeIds.add(id);
    edges.push({ ...e, id, source, target });
  }

  const noteIds = new Set(model.notes.map((n) => n.id));
  const notes: PendingNote[] = [];
  for (const n of graph.notes) {
    if (noteIds.has(n.id)) {
      already.notes++;
      continue;
    }
    const id = taken.has(n.id) ? fresh(n.id, taken) : n.id;
    taken.add(id);
    notes.push({ ...n, id, near: n.near ? (nodeMap.get(n.near) ?? n.near) : null });
  }
  return { nodes, edges, boundaries, notes, already, renamed };
}
