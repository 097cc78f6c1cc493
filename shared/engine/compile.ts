/**
 * The model compiled once for the engine: integer node and edge indices, CSR adjacency, and the params
 * of the saved model (params.ts). String ids appear only at the boundary.
 */
import type { Model, ModelEdge, ModelNode } from '../domain/index.ts';
import { EDGE_KINDS } from '../domain/index.ts';
import { cmpStr, E, K } from './codes.ts';
import { IdOrder } from './idOrder.ts';
import { EDGE_RULES } from './rules.ts';
import type { EdgeRule } from './rules.ts';
import type { Params } from './params.ts';
import { deriveEdge, deriveNode, emptyParams, permuteEdges, sumCrit, syncReverse } from './params.ts';

type Props = Record<string, unknown>;

export interface CompiledModel {
  readonly model: Model;
  readonly n: number;
  readonly m: number;
  /**
   * Nodes are numbered in id order, not file order: within an hour the run takes steps in id order (the
   * tie-break of §7), so numbering by id makes it read the per-node arrays front to back.
   */
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** the model's node objects in that numbering */
  readonly nodes: readonly ModelNode[];
  /** position of each node in id order, ties are broken by it (§7); with nodes numbered by id, rank[v] = v */
  readonly rank: Int32Array;
  readonly nodeKind: Uint8Array;
  readonly nodeProps: readonly Props[];
  /**
   * Edges are numbered by source node (stable in file order), so a node's outgoing edges are the range
   * outStart[v] .. outStart[v + 1] and the forward scan reads the per-edge arrays in order.
   */
  readonly edgeIds: readonly string[];
  /** the order of the edge ids, for ties between steps at the same time (§7) */
  readonly edgeOrder: IdOrder;
  readonly edgeKind: Uint8Array;
  readonly edgeProps: readonly Props[];
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly outStart: Int32Array;
  /** by target: edges with a reverse security rule (depends-on, trusts, issued-by) */
  readonly revStart: Int32Array;
  readonly revEdges: Int32Array;
  /** the source of each edge of `revEdges`, beside it: the reverse scan reads one array less at random */
  readonly revSrc: Int32Array;
  /** per edge: its entry in `revEdges`, -1 when it has none */
  readonly revAt: Int32Array;
  /** by target: edges with an availability rule fired by the target going down */
  readonly avStart: Int32Array;
  readonly avEdges: Int32Array;
  /** by target: `holds` edges (the holders of a secret, §5) */
  readonly holdStart: Int32Array;
  readonly holdEdges: Int32Array;
  /** the params of the model as saved, no patches. */
  readonly base: Params;
  /** edge index by id, built on first use: a plain simulation with no patches never needs it. */
  edgeIndex(): ReadonlyMap<string, number>;
}

const cache = new WeakMap<Model, { nodes: readonly ModelNode[]; edges: readonly ModelEdge[]; compiled: CompiledModel }>();

/**
 * The compiled form of a model, cached per model object and its node and edge lists. Models are values:
 * the app replaces what an edit changes. Compiling freezes what the engine reads (the two lists, each node
 * and edge object, each props object), so an in-place edit of any of it, `node.props.criticality = 5` or
 * `model.edges[3] = other`, throws a TypeError at the edit instead of leaving a stale compiled form; an edit
 * made as new objects is a new list, hence a new key. A check per hit would cost as much as a plain
 * search of the graph (each object read once), so the freeze is what keeps the cache right. `fresh`
 * compiles again regardless.
 */
export function compileModel(model: Model, options?: { fresh?: boolean }): CompiledModel {
  const hit = cache.get(model);
  if (!options?.fresh && hit && hit.nodes === model.nodes && hit.edges === model.edges) return hit.compiled;
  const compiled = build(model);
  cache.set(model, { nodes: model.nodes, edges: model.edges, compiled });
  return compiled;
}

/** Per edge kind code, 1 where `has` holds of its rule (rules.ts). */
const kindTable = (has: (rule: EdgeRule) => boolean): Uint8Array => Uint8Array.from(EDGE_KINDS, (k) => (has(EDGE_RULES[k]) ? 1 : 0));
const REV_KINDS = kindTable((r) => r.reverse !== null);
const AV_KINDS = kindTable((r) => r.availability?.when === 'target-down');
const HOLDS_KIND = kindTable((r) => r.holder);

function build(model: Model): CompiledModel {
  const n = model.nodes.length;
  const m = model.edges.length;
  const base = emptyParams(n, m);
  Object.freeze(model.nodes);
  Object.freeze(model.edges);
  // node i is the i-th in id order (a stable sort: equal ids, which the loader refuses, keep file order)
  const nodes = [...model.nodes].sort((a, b) => cmpStr(a.id, b.id));
  const nodeIds: string[] = new Array(n);
  const nodeProps: Props[] = new Array(n);
  const nodeKind = new Uint8Array(n);
  const nodeIndex = new Map<string, number>();
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const node = Object.freeze(nodes[i]);
    const kind = K[node.kind];
    nodeIds[i] = node.id;
    nodeProps[i] = Object.freeze(node.props) as Props;
    nodeKind[i] = kind;
    nodeIndex.set(node.id, i);
    rank[i] = i;
    deriveNode(base, i, kind, node.props as Props);
  }
  base.totalCrit = sumCrit(base.crit);

  // One pass over the edge objects, in file order (the order they sit in memory), deriving their rules;
  // then the edges are renumbered by source (a stable counting sort), so the out-edges of a node are one
  // range, and every per-edge array is moved to the new numbering.
  const fileIds: string[] = new Array(m);
  const fileProps: Props[] = new Array(m);
  const fileKind = new Uint8Array(m);
  const fileSrc = new Int32Array(m);
  const fileTgt = new Int32Array(m);
  const outStart = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const edge = Object.freeze(model.edges[i]);
    const s = nodeIndex.get(edge.source);
    const t = nodeIndex.get(edge.target);
    if (s === undefined || t === undefined) {
      throw new Error(`edge "${edge.id}": no node "${s === undefined ? edge.source : edge.target}"`);
    }
    const kind = E[edge.kind];
    fileIds[i] = edge.id;
    fileProps[i] = Object.freeze(edge.props) as Props;
    fileKind[i] = kind;
    fileSrc[i] = s;
    fileTgt[i] = t;
    outStart[s + 1]++;
    deriveEdge(base, i, kind, edge.props as Props, s, nodeKind[s], nodeKind[t]);
  }
  for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
  const fill = outStart.slice(0, n);
  const to = new Int32Array(m);
  for (let i = 0; i < m; i++) to[i] = fill[fileSrc[i]]++;
  const edgeIds: string[] = new Array(m);
  const edgeProps: Props[] = new Array(m);
  const edgeKind = new Uint8Array(m);
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const e = to[i];
    edgeIds[e] = fileIds[i];
    edgeProps[e] = fileProps[i];
    edgeKind[e] = fileKind[i];
    src[e] = fileSrc[i];
    tgt[e] = fileTgt[i];
  }
  permuteEdges(base, to);
  const byTarget = (kinds: Uint8Array): [Int32Array, Int32Array] => {
    const start = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) if (kinds[edgeKind[e]] === 1) start[tgt[e] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const at = start.slice(0, n);
    const list = new Int32Array(start[n]);
    for (let e = 0; e < m; e++) if (kinds[edgeKind[e]] === 1) list[at[tgt[e]]++] = e;
    return [start, list];
  };
  const [revStart, revEdges] = byTarget(REV_KINDS);
  const revSrc = Int32Array.from(revEdges, (e) => src[e]);
  const revAt = new Int32Array(m).fill(-1);
  base.revDelay = new Float64Array(revEdges.length);
  for (let k = 0; k < revEdges.length; k++) {
    revAt[revEdges[k]] = k;
    syncReverse(base, revAt, revEdges[k]);
  }
  const [avStart, avEdges] = byTarget(AV_KINDS);
  const [holdStart, holdEdges] = byTarget(HOLDS_KIND);
  let edgeIndex: Map<string, number> | null = null;
  const compiled: CompiledModel = {
    model,
    n,
    m,
    nodeIds,
    nodeIndex,
    nodes,
    rank,
    nodeKind,
    nodeProps,
    edgeIds,
    edgeOrder: new IdOrder(edgeIds),
    edgeKind,
    edgeProps,
    src,
    tgt,
    outStart,
    revStart,
    revEdges,
    revSrc,
    revAt,
    avStart,
    avEdges,
    holdStart,
    holdEdges,
    base,
    edgeIndex() {
      if (!edgeIndex) {
        edgeIndex = new Map();
        for (let e = 0; e < m; e++) edgeIndex.set(edgeIds[e], e);
      }
      return edgeIndex;
    },
  };
  return compiled;
}
