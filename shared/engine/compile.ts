/**
 * The model compiled once for the engine: integer node and edge indices, CSR adjacency both ways, and the
 * rules of domain.md §4-§5 pre-derived per edge from its props (the "params"). String ids appear only at
 * the boundary. A scenario's patches are applied as an overlay on copies of the param arrays, so the
 * compiled graph is shared by every run of a chokepoint ranking or a Monte Carlo estimate.
 */
import { EDGE_KINDS, NODE_KINDS } from '../domain/kinds.ts';
import type { EdgeKind, NodeKind } from '../domain/kinds.ts';
import type { Model } from '../domain/schema.ts';

export const K = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
export const E = Object.fromEntries(EDGE_KINDS.map((k, i) => [k, i])) as Record<EdgeKind, number>;

/** Internal effect codes. Security levels are 0..2 so that `level >= READ` reads as "at least". */
export const READ = 0;
export const WRITE = 1;
export const CONTROL = 2;
export const DOWN = 3;
export const DEGRADED = 4;
export const EFFECT_NAMES = ['read', 'write', 'control', 'down', 'degraded'] as const;

/** Availability rule codes on an edge whose target goes down (`availRev`). */
export const AV_NONE = 0;
export const AV_DOWN = 1;
export const AV_DEGRADED = 2;
/** `issued-by`: the source secret goes down its own `ttlHours` after the issuer. */
export const AV_DOWN_AFTER_TTL = 3;

/** §5 flag per edge: not a step out of a secret / stolen copy allowed / holder only. */
export const S5_NO = 0;
export const S5_COPY = 1;
export const S5_HOLDER_ONLY = 2;

type Props = Record<string, unknown>;

export interface Params {
  // nodes
  crit: Float64Array;
  monitored: Uint8Array;
  detect: Float64Array;
  /** service or pipeline without healthCheck: a `down` is silent. */
  silentable: Uint8Array;
  /** secret ttlHours, NaN when null. */
  ttl: Float64Array;
  /** secret copy validity min(ttlHours, rotationDays × 24), Infinity when both are null. */
  validity: Float64Array;
  bound: Uint8Array;
  autoRenew: Uint8Array;
  totalCrit: number;
  // edges
  delay: Float64Array;
  likelihood: Float64Array;
  /** forward rule: level given to the target (-1 none). */
  fwd: Int8Array;
  /** forward rule: level the source needs (READ for contains, WRITE for instructs, else CONTROL). */
  premise: Int8Array;
  /** reverse rule T control ⇒ S control (depends-on unverified, trusts unconstrained, issued-by). */
  rev: Uint8Array;
  s5: Uint8Array;
  /** availability when the target is down: AV_* for the source. */
  availRev: Uint8Array;
  /** availability when the source is down: 1 ⇒ target down (`contains` required). */
  availFwd: Uint8Array;
}

export interface CompiledModel {
  readonly model: Model;
  readonly n: number;
  readonly m: number;
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** position of each node in id order: ties are broken by id, never by file order (§7). */
  readonly rank: Int32Array;
  readonly nodeKind: Uint8Array;
  readonly nodeProps: readonly Props[];
  readonly edgeIds: readonly string[];
  readonly edgeIndex: ReadonlyMap<string, number>;
  readonly edgeKind: Uint8Array;
  readonly edgeProps: readonly Props[];
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** the params of the model as saved, no patches. */
  readonly base: Params;
}

const cache = new WeakMap<Model, { nodes: unknown; edges: unknown; n: number; m: number; compiled: CompiledModel }>();

/**
 * The compiled form of a model, cached per model object. Models are values: the app replaces them on
 * every edit. The cache also checks the node and edge arrays and their lengths, but an in-place edit of a
 * node's props is not seen; call `compileModel(model, { fresh: true })` after one.
 */
export function compileModel(model: Model, options?: { fresh?: boolean }): CompiledModel {
  const hit = cache.get(model);
  if (
    !options?.fresh &&
    hit &&
    hit.nodes === model.nodes &&
    hit.edges === model.edges &&
    hit.n === model.nodes.length &&
    hit.m === model.edges.length
  ) {
    return hit.compiled;
  }
  const compiled = build(model);
  cache.set(model, { nodes: model.nodes, edges: model.edges, n: compiled.n, m: compiled.m, compiled });
  return compiled;
}

function build(model: Model): CompiledModel {
  const n = model.nodes.length;
  const m = model.edges.length;
  const nodeIds: string[] = new Array(n);
  const nodeProps: Props[] = new Array(n);
  const nodeKind = new Uint8Array(n);
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = model.nodes[i];
    nodeIds[i] = node.id;
    nodeProps[i] = node.props as Props;
    nodeKind[i] = K[node.kind];
    nodeIndex.set(node.id, i);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => cmpStr(nodeIds[a], nodeIds[b]));
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;

  const edgeIds: string[] = new Array(m);
  const edgeProps: Props[] = new Array(m);
  const edgeKind = new Uint8Array(m);
  const src = new Int32Array(m);
  const tgt = new Int32Array(m);
  const edgeIndex = new Map<string, number>();
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const edge = model.edges[e];
    const s = nodeIndex.get(edge.source);
    const t = nodeIndex.get(edge.target);
    if (s === undefined || t === undefined) {
      throw new Error(`edge "${edge.id}": no node "${s === undefined ? edge.source : edge.target}"`);
    }
    edgeIds[e] = edge.id;
    edgeProps[e] = edge.props as Props;
    edgeKind[e] = E[edge.kind];
    src[e] = s;
    tgt[e] = t;
    edgeIndex.set(edge.id, e);
    outStart[s + 1]++;
    inStart[t + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    outEdges[outFill[src[e]]++] = e;
    inEdges[inFill[tgt[e]]++] = e;
  }
  const partial = { n, m, nodeKind, nodeProps, edgeKind, edgeProps, src, outStart, outEdges };
  const base = deriveAll(partial);
  return {
    model,
    n,
    m,
    nodeIds,
    nodeIndex,
    rank,
    nodeKind,
    nodeProps,
    edgeIds,
    edgeIndex,
    edgeKind,
    edgeProps,
    src,
    tgt,
    outStart,
    outEdges,
    inStart,
    inEdges,
    base,
  };
}

/** Code-unit order, the same as `<` on strings: stable across platforms and locales. */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Shape = Pick<CompiledModel, 'n' | 'm' | 'nodeKind' | 'nodeProps' | 'edgeKind' | 'edgeProps' | 'src' | 'outStart' | 'outEdges'>;

function deriveAll(c: Shape): Params {
  const { n, m } = c;
  const p: Params = {
    crit: new Float64Array(n),
    monitored: new Uint8Array(n),
    detect: new Float64Array(n),
    silentable: new Uint8Array(n),
    ttl: new Float64Array(n),
    validity: new Float64Array(n),
    bound: new Uint8Array(n),
    autoRenew: new Uint8Array(n),
    totalCrit: 0,
    delay: new Float64Array(m),
    likelihood: new Float64Array(m),
    fwd: new Int8Array(m),
    premise: new Int8Array(m),
    rev: new Uint8Array(m),
    s5: new Uint8Array(m),
    availRev: new Uint8Array(m),
    availFwd: new Uint8Array(m),
  };
  for (let i = 0; i < n; i++) deriveNode(p, i, c.nodeKind[i], c.nodeProps[i]);
  for (let e = 0; e < m; e++) deriveEdge(p, e, c.edgeKind[e], c.edgeProps[e], c.nodeKind[c.src[e]], c.src[e]);
  p.totalCrit = sumCrit(p.crit);
  return p;
}

function sumCrit(crit: Float64Array): number {
  let total = 0;
  for (let i = 0; i < crit.length; i++) total += crit[i];
  return total;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function deriveNode(p: Params, i: number, kind: number, props: Props): void {
  p.crit[i] = num(props.criticality, 3);
  p.monitored[i] = props.monitored === true ? 1 : 0;
  p.detect[i] = num(props.detectHours, 1);
  p.silentable[i] = (kind === K.service || kind === K.pipeline) && props.healthCheck !== true ? 1 : 0;
  if (kind === K.secret) {
    const ttl = num(props.ttlHours, NaN);
    const rotation = num(props.rotationDays, NaN);
    p.ttl[i] = ttl;
    p.validity[i] = Math.min(Number.isNaN(ttl) ? Infinity : ttl, Number.isNaN(rotation) ? Infinity : rotation * 24);
    p.bound[i] = props.bound === true ? 1 : 0;
    p.autoRenew[i] = props.autoRenew === true ? 1 : 0;
  } else {
    p.ttl[i] = NaN;
    p.validity[i] = Infinity;
    p.bound[i] = 0;
    p.autoRenew[i] = 0;
  }
}

const ACCESS_LEVEL: Record<string, number> = { none: -1, read: READ, write: WRITE, admin: CONTROL };

function deriveEdge(p: Params, e: number, kind: number, props: Props, srcKind: number, s: number): void {
  const d = num(props.delayHours, 0);
  p.delay[e] = d;
  p.likelihood[e] = num(props.likelihood, 1);
  const required = props.required === true;
  let fwd = -1;
  let premise = CONTROL;
  let rev = 0;
  let s5 = S5_NO;
  let availRev = AV_NONE;
  let availFwd = 0;
  switch (kind) {
    case E['runs-as']:
      fwd = CONTROL;
      availRev = AV_DOWN;
      break;
    case E.holds:
      fwd = CONTROL;
      availRev = required ? AV_DOWN : AV_DEGRADED;
      break;
    case E.contains:
      fwd = CONTROL;
      premise = READ;
      availFwd = required ? 1 : 0;
      break;
    case E.authenticates:
      fwd = CONTROL;
      break;
    case E.assumes:
      fwd = CONTROL;
      break;
    case E.grants:
      fwd = ACCESS_LEVEL[String(props.access ?? 'read')] ?? READ;
      break;
    case E.calls:
      fwd = ACCESS_LEVEL[String(props.access ?? 'none')] ?? -1;
      availRev = required ? AV_DOWN : AV_DEGRADED;
      break;
    case E.invokes:
      fwd = props.approval === true ? -1 : CONTROL;
      availRev = required ? AV_DOWN : AV_DEGRADED;
      break;
    case E.instructs:
      fwd = CONTROL;
      premise = WRITE;
      break;
    case E['depends-on']:
      rev = props.verified === true ? 0 : 1;
      availRev = required ? AV_DOWN : AV_NONE;
      break;
    case E.deploys:
      fwd = CONTROL;
      break;
    case E.trusts:
      rev = props.constrained === true ? 0 : 1;
      availRev = required ? AV_DOWN : AV_NONE;
      break;
    case E['issued-by']:
      rev = 1;
      availRev = AV_DOWN_AFTER_TTL;
      break;
  }
  if ((kind === E.authenticates || kind === E.grants) && srcKind === K.secret && fwd >= 0) {
    s5 = p.bound[s] === 0 && d <= p.validity[s] ? S5_COPY : S5_HOLDER_ONLY;
  }
  p.fwd[e] = fwd;
  p.premise[e] = premise;
  p.rev[e] = rev;
  p.s5[e] = s5;
  p.availRev[e] = availRev;
  p.availFwd[e] = availFwd;
}

export interface Patch {
  id: string;
  props: Record<string, unknown>;
}

/**
 * The params with patches merged onto the props of the nodes and edges they name (later patches win).
 * Copies the base arrays and re-derives only what a patch touches: a patched secret re-derives its
 * outgoing edges, whose §5 rule reads the secret's `bound`, TTL and rotation. Ids naming nothing are
 * ignored here; `checkScenario` refuses them before.
 */
export function paramsWith(c: CompiledModel, patches: readonly Patch[] | undefined, from: Params = c.base): Params {
  if (!patches || patches.length === 0) return from;
  const p: Params = {
    crit: from.crit.slice(),
    monitored: from.monitored.slice(),
    detect: from.detect.slice(),
    silentable: from.silentable.slice(),
    ttl: from.ttl.slice(),
    validity: from.validity.slice(),
    bound: from.bound.slice(),
    autoRenew: from.autoRenew.slice(),
    totalCrit: from.totalCrit,
    delay: from.delay.slice(),
    likelihood: from.likelihood.slice(),
    fwd: from.fwd.slice(),
    premise: from.premise.slice(),
    rev: from.rev.slice(),
    s5: from.s5.slice(),
    availRev: from.availRev.slice(),
    availFwd: from.availFwd.slice(),
  };
  const merged = mergedProps(c, patches);
  const touchedEdges = new Set<number>();
  for (const [id, props] of merged) {
    const i = c.nodeIndex.get(id);
    if (i !== undefined) {
      deriveNode(p, i, c.nodeKind[i], props);
      for (let k = c.outStart[i]; k < c.outStart[i + 1]; k++) touchedEdges.add(c.outEdges[k]);
      continue;
    }
    const e = c.edgeIndex.get(id);
    if (e !== undefined) touchedEdges.add(e);
  }
  for (const e of touchedEdges) {
    const props = merged.get(c.edgeIds[e]) ?? c.edgeProps[e];
    deriveEdge(p, e, c.edgeKind[e], props, c.nodeKind[c.src[e]], c.src[e]);
  }
  p.totalCrit = sumCrit(p.crit);
  return p;
}

/** The props of every patched node or edge, patches merged in order over the saved props. */
export function mergedProps(c: CompiledModel, patches: readonly Patch[]): Map<string, Props> {
  const merged = new Map<string, Props>();
  for (const patch of patches) {
    const i = c.nodeIndex.get(patch.id);
    const e = i === undefined ? c.edgeIndex.get(patch.id) : undefined;
    const base = i !== undefined ? c.nodeProps[i] : e !== undefined ? c.edgeProps[e] : undefined;
    if (!base) continue;
    merged.set(patch.id, { ...(merged.get(patch.id) ?? base), ...patch.props });
  }
  return merged;
}
