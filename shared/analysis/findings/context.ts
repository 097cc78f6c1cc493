/**
 * What the findings rules share: the model indexed once (nodes by id, edges in and out by kind), labels for
 * messages, and the model's date. Pure: dates come from `model.asOf`, never from the clock.
 */
import type { EdgeKind, EdgeOf, Model, ModelEdge, ModelNode, NodeKind, NodeOf } from '../../domain/index.ts';
import { WORKLOAD_KINDS } from '../../domain/index.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface LintContext {
  model: Model;
  node(id: string): ModelNode | undefined;
  /** The node's label, or its id when the label is empty. */
  label(id: string): string;
  /** `kind "Label"`, as messages name a node: `secret "CI token"`. */
  named(id: string): string;
  /** `named` for the start of a sentence: `Secret "CI token"`. */
  Named(id: string): string;
  /** Every node of a kind, in id order. */
  nodesOf<K extends NodeKind>(kind: K): NodeOf<K>[];
  /** Every edge, in id order. */
  edges: readonly ModelEdge[];
  /** Every edge of a kind, in id order. */
  edgesOf<K extends EdgeKind>(kind: K): EdgeOf<K>[];
  /** Edges of a kind into a node, in id order. */
  into<K extends EdgeKind>(kind: K, target: string): EdgeOf<K>[];
  /** Edges of a kind out of a node, in id order. */
  outOf<K extends EdgeKind>(kind: K, source: string): EdgeOf<K>[];
  isWorkload(id: string): boolean;
  /** `model.asOf` in ms since the epoch (UTC), or null when the model has no date. */
  asOfMs: number | null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildContext(model: Model): LintContext {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const nodesByKind = new Map<NodeKind, ModelNode[]>();
  for (const n of [...model.nodes].sort(byId)) {
    const list = nodesByKind.get(n.kind);
    if (list) list.push(n);
    else nodesByKind.set(n.kind, [n]);
  }
  const edges = [...model.edges].sort(byId);
  const ofKind = new Map<EdgeKind, ModelEdge[]>();
  // kind → node → edges; nested maps, not `${kind}:${node}` keys: no string is built per edge.
  const inIndex = new Map<EdgeKind, Map<string, ModelEdge[]>>();
  const outIndex = new Map<EdgeKind, Map<string, ModelEdge[]>>();
  const push = (index: Map<EdgeKind, Map<string, ModelEdge[]>>, node: string, e: ModelEdge) => {
    let byNode = index.get(e.kind);
    if (!byNode) index.set(e.kind, (byNode = new Map()));
    const list = byNode.get(node);
    if (list) list.push(e);
    else byNode.set(node, [e]);
  };
  for (const e of edges) {
    const list = ofKind.get(e.kind);
    if (list) list.push(e);
    else ofKind.set(e.kind, [e]);
    push(inIndex, e.target, e);
    push(outIndex, e.source, e);
  }
  const label = (id: string) => nodes.get(id)?.label || id;
  return {
    model,
    edges,
    node: (id) => nodes.get(id),
    label,
    named: (id) => `${nodes.get(id)?.kind ?? 'node'} "${label(id)}"`,
    Named: (id) => {
      const kind = nodes.get(id)?.kind ?? 'node';
      return `${kind[0].toUpperCase()}${kind.slice(1)} "${label(id)}"`;
    },
    nodesOf: <K extends NodeKind>(kind: K) => (nodesByKind.get(kind) ?? []) as NodeOf<K>[],
    edgesOf: <K extends EdgeKind>(kind: K) => (ofKind.get(kind) ?? []) as EdgeOf<K>[],
    into: <K extends EdgeKind>(kind: K, target: string) => (inIndex.get(kind)?.get(target) ?? []) as EdgeOf<K>[],
    outOf: <K extends EdgeKind>(kind: K, source: string) => (outIndex.get(kind)?.get(source) ?? []) as EdgeOf<K>[],
    isWorkload: (id) => {
      const n = nodes.get(id);
      return n !== undefined && WORKLOAD_KINDS.includes(n.kind);
    },
    asOfMs: model.asOf === null ? null : parseIsoUtc(model.asOf),
  };
}

/**
 * An ISO date or date-time (the schema's `isoDate`) in ms since the epoch. A date-time without a zone is read
 * as UTC, so a finding never depends on the machine's time zone. NaN when the text is not a real date.
 */
export function parseIsoUtc(text: string): number {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return Date.parse(dateOnly || hasZone ? text : `${text}Z`);
}

/** The date part of an ISO date or date-time, for messages. */
export const day = (text: string) => text.slice(0, 10);

/** Ids in order, without repeats. */
export const uniqueSorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
