/**
 * The rules of domain.md §4-§5 pre-derived per node and edge from their props: the "params" the core
 * reads. A scenario's patches are applied as an overlay on copies of the arrays, so one compiled graph
 * serves every run of a chokepoint ranking or a Monte Carlo estimate.
 */
import type { Access, SecurityEffect } from '../domain/index.ts';
import { EDGE_KINDS, followSensitivity } from '../domain/index.ts';
import type { CompiledModel } from './compile.ts';
import {
  AV_DEGRADED,
  AV_DOWN,
  AV_DOWN_AFTER_TTL,
  AV_NONE,
  CONTROL,
  secCode,
  K,
  NO_PREMISE,
  READ,
  S5_COPY,
  S5_HOLDER_ONLY,
  S5_NO,
  WRITE,
} from './codes.ts';
import { EDGE_RULES } from './rules.ts';
import type { AvailabilityRule, AvailabilityStep, EdgeControl } from './rules.ts';
import { hours } from './hours.ts';

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
  /** availability when the source is down: 1 ⇒ target down (`contains`, `signs` required). */
  availFwd: Uint8Array;
  /**
   * The security scan's facts of an edge in one byte (SEC_* in codes.ts): its premise, forward level + 1,
   * §5 rule and whether it is a `holds` edge, so that the scan reads one array where it read four.
   */
  sec: Uint8Array;
  /**
   * Per entry of the compiled reverse lists (`revEdges`), beside `revSrc`: the edge's delay where its reverse
   * rule holds, NaN where it does not. The reverse scan reads it in order instead of `rev` and `delay` at
   * random; every write of `rev` or `delay` after compile goes through `syncReverse`.
   */
  revDelay: Float64Array;
}

export function emptyParams(n: number, m: number): Params {
  return {
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
    sec: new Uint8Array(m),
    revDelay: new Float64Array(0), // filled at compile, once the reverse lists exist
  };
}

const EDGE_ARRAYS = ['delay', 'likelihood', 'fwd', 'premise', 'rev', 's5', 'availRev', 'availFwd', 'sec'] as const;
export type EdgeArray = (typeof EDGE_ARRAYS)[number];

/** Moves every per-edge array so that the edge at index i goes to index to[i]. */
export function permuteEdges(p: Params, to: Int32Array): void {
  for (const key of EDGE_ARRAYS) {
    const from = p[key];
    const out = new (from.constructor as new (length: number) => typeof from)(from.length);
    for (let i = 0; i < to.length; i++) out[to[i]] = from[i];
    (p as unknown as Record<string, typeof from>)[key] = out;
  }
}

/** `revDelay` for edge e from its `rev` and `delay` (revAt[e]: its entry in the reverse lists, -1 none). */
export function syncReverse(p: Params, revAt: Int32Array, e: number): void {
  const k = revAt[e];
  if (k >= 0) p.revDelay[k] = p.rev[e] === 1 ? p.delay[e] : NaN;
}

export function sumCrit(crit: Float64Array): number {
  let total = 0;
  for (let i = 0; i < crit.length; i++) total += crit[i];
  return total;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export function deriveNode(p: Params, i: number, kind: number, props: Props): void {
  p.crit[i] = num(props.criticality, 3);
  p.monitored[i] = props.monitored === true ? 1 : 0;
  p.detect[i] = num(props.detectHours, 1);
  p.silentable[i] = (kind === K.service || kind === K.pipeline) && props.healthCheck !== true ? 1 : 0;
  if (kind === K.secret) {
    const ttl = num(props.ttlHours, NaN);
    const rotation = num(props.rotationDays, NaN);
    p.ttl[i] = ttl;
    p.validity[i] = Math.min(Number.isNaN(ttl) ? Infinity : ttl, Number.isNaN(rotation) ? Infinity : hours(rotation * 24));
    p.bound[i] = props.bound === true ? 1 : 0;
    p.autoRenew[i] = props.autoRenew === true ? 1 : 0;
  } else {
    p.ttl[i] = NaN;
    p.validity[i] = Infinity;
    p.bound[i] = 0;
    p.autoRenew[i] = 0;
  }
}

/** The edge rules of rules.ts as codes, per edge kind code. */
interface RuleCodes {
  /** level the source needs (NO_PREMISE: no forward rule) */
  premise: number;
  /** level given to the target, or ACCESS_LEVEL: read from the edge's `access` */
  level: number;
  accessDefault: number;
  forwardUnless: EdgeControl | null;
  reverse: boolean;
  reverseUnless: EdgeControl | null;
  secretRules: boolean;
  holder: boolean;
  availability: AvailabilityRule | null;
}
const ACCESS_LEVEL = -2;
const LEVEL: Record<SecurityEffect, number> = { read: READ, write: WRITE, control: CONTROL };
const ACCESS_CODE: Record<Access, number> = { none: -1, read: READ, write: WRITE, admin: CONTROL };

const RULE_CODES: readonly RuleCodes[] = EDGE_KINDS.map((kind) => {
  const { forward, reverse, secretRules, holder, availability } = EDGE_RULES[kind];
  return {
    premise: forward ? LEVEL[forward.premise] : NO_PREMISE,
    level: !forward ? -1 : forward.level === 'access' ? ACCESS_LEVEL : LEVEL[forward.level],
    accessDefault: ACCESS_CODE[forward?.accessDefault ?? 'none'],
    forwardUnless: forward?.unless ?? null,
    reverse: reverse !== null,
    reverseUnless: reverse?.unless ?? null,
    secretRules,
    holder,
    availability,
  };
});

/** Is the control prop set on the edge? One read site per prop, each seeing few shapes. */
function controlSet(props: Props, control: EdgeControl): boolean {
  switch (control) {
    case 'approval':
      return props.approval === true;
    case 'verified':
      return props.verified === true;
    case 'constrained':
      return props.constrained === true;
    default:
      return control satisfies never;
  }
}

const AV_CODE: Record<AvailabilityStep, number> = { down: AV_DOWN, degraded: AV_DEGRADED, 'down-after-ttl': AV_DOWN_AFTER_TTL };

/**
 * The edge's rules (rules.ts, §4), from its props; reads the source secret's bound and validity (§5), so
 * nodes are derived first.
 */
export function deriveEdge(p: Params, e: number, kind: number, props: Props, s: number, srcKind: number, tgtKind: number): void {
  const r = RULE_CODES[kind];
  const d = num(props.delayHours, 0);
  let fwd = r.level === ACCESS_LEVEL ? accessLevel(props.access, r.accessDefault) : r.level;
  if (r.forwardUnless !== null && controlSet(props, r.forwardUnless)) fwd = -1;
  const required = props.required === true;
  let availRev = AV_NONE;
  let availFwd = 0;
  const av = r.availability;
  if (av !== null) {
    if (av.when === 'source-down') availFwd = required ? 1 : 0;
    else if ('effect' in av) availRev = AV_CODE[av.effect];
    else {
      const step = required ? av.required : av.optional;
      availRev = step === null ? AV_NONE : AV_CODE[step];
    }
  }
  let s5 = S5_NO;
  if (r.secretRules && srcKind === K.secret && fwd >= 0) {
    s5 = p.bound[s] === 0 && d <= p.validity[s] ? S5_COPY : S5_HOLDER_ONLY;
  }
  // §3: a secret or identity reached at any level is at control.
  if (fwd >= 0 && (tgtKind === K.secret || tgtKind === K.identity)) fwd = CONTROL;
  p.delay[e] = d;
  p.likelihood[e] = num(props.likelihood, 1);
  p.fwd[e] = fwd;
  // No forward rule: a premise no level reaches, so the forward scan skips the edge at once (a holder edge
  // keeps its premise: the holder rule of §5 fires on it).
  p.premise[e] = fwd < 0 && !r.holder ? NO_PREMISE : r.premise;
  p.rev[e] = r.reverse && !(r.reverseUnless !== null && controlSet(props, r.reverseUnless)) ? 1 : 0;
  p.s5[e] = s5;
  p.availRev[e] = availRev;
  p.availFwd[e] = availFwd;
  p.sec[e] = secCode(p.premise[e], fwd, s5, r.holder);
}

const accessLevel = (access: unknown, fallback: number): number =>
  access === 'admin' ? CONTROL : access === 'write' ? WRITE : access === 'read' ? READ : access === 'none' ? -1 : fallback;

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
  const p = cloneParams(from);
  const merged = mergedProps(c, patches);
  const touchedEdges = new Set<number>();
  for (const [id, props] of merged) {
    const i = c.nodeIndex.get(id);
    if (i !== undefined) {
      deriveNode(p, i, c.nodeKind[i], props);
      for (let e = c.outStart[i]; e < c.outStart[i + 1]; e++) touchedEdges.add(e);
      continue;
    }
    const e = c.edgeIndex().get(id);
    if (e !== undefined) touchedEdges.add(e);
  }
  for (const e of touchedEdges) {
    const props = merged.get(c.edgeIds[e]) ?? c.edgeProps[e];
    deriveEdge(p, e, c.edgeKind[e], props, c.src[e], c.nodeKind[c.src[e]], c.nodeKind[c.tgt[e]]);
    syncReverse(p, c.revAt, e);
  }
  p.totalCrit = sumCrit(p.crit);
  return p;
}

/** A copy of every array of `from`. */
export function cloneParams(from: Params): Params {
  return {
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
    sec: from.sec.slice(),
    revDelay: from.revDelay.slice(),
  };
}

const NODE_ARRAYS = ['crit', 'monitored', 'detect', 'silentable', 'ttl', 'validity', 'bound', 'autoRenew'] as const;
/** Where each per-edge array's value sits among an edge's saved values. */
const EDGE_SLOT = Object.fromEntries(EDGE_ARRAYS.map((key, j) => [key, j])) as Record<EdgeArray, number>;

/** One patch applied in place: the node (or -1) and the edges it re-derived, and how to put them back. */
interface Overlay {
  node: number;
  edges: readonly number[];
  /** The value `key` of edge `edges[k]` held before the patch. */
  before(k: number, key: EdgeArray): number;
  undo(): void;
}

/**
 * `patch` applied in place to `p` (a private copy of a scenario's params) over `merged`, the scenario's
 * own patched props: what `paramsWith` gives for the scenario's patches plus this one, at the cost of the
 * one node or edge (and a node's out-edges). `undo` restores `p` exactly.
 */
export function overlayPatch(c: CompiledModel, p: Params, merged: ReadonlyMap<string, Props>, patch: Patch): Overlay {
  const i = c.nodeIndex.get(patch.id) ?? -1;
  const edges: number[] = [];
  if (i >= 0) for (let e = c.outStart[i]; e < c.outStart[i + 1]; e++) edges.push(e);
  else {
    const e = c.edgeIndex().get(patch.id);
    if (e !== undefined) edges.push(e);
  }
  const saved: number[] = [];
  const totalCrit = p.totalCrit;
  if (i >= 0) for (const key of NODE_ARRAYS) saved.push(p[key][i]);
  for (const e of edges) for (const key of EDGE_ARRAYS) saved.push(p[key][e]);
  const own = (id: string, savedProps: Props) => merged.get(id) ?? savedProps;
  if (i >= 0) {
    const current = own(patch.id, c.nodeProps[i]);
    deriveNode(p, i, c.nodeKind[i], { ...current, ...nodePatch(c, i, current, patch.props) });
    if (p.crit[i] !== saved[0]) p.totalCrit = sumCrit(p.crit);
  }
  for (const e of edges) {
    const props = i >= 0 ? own(c.edgeIds[e], c.edgeProps[e]) : { ...own(patch.id, c.edgeProps[e]), ...patch.props };
    deriveEdge(p, e, c.edgeKind[e], props, c.src[e], c.nodeKind[c.src[e]], c.nodeKind[c.tgt[e]]);
    syncReverse(p, c.revAt, e);
  }
  const edgesAt = i >= 0 ? NODE_ARRAYS.length : 0;
  return {
    node: i,
    edges,
    before: (k, key) => saved[edgesAt + k * EDGE_ARRAYS.length + EDGE_SLOT[key]],
    undo() {
      let k = 0;
      if (i >= 0) for (const key of NODE_ARRAYS) p[key][i] = saved[k++];
      for (const e of edges) {
        for (const key of EDGE_ARRAYS) p[key][e] = saved[k++];
        syncReverse(p, c.revAt, e);
      }
      p.totalCrit = totalCrit;
    },
  };
}

/** The props of every patched node or edge, patches merged in order over the saved props. */
export function mergedProps(c: CompiledModel, patches: readonly Patch[]): Map<string, Props> {
  const merged = new Map<string, Props>();
  for (const patch of patches) {
    const i = c.nodeIndex.get(patch.id);
    const e = i === undefined ? c.edgeIndex().get(patch.id) : undefined;
    const base = i !== undefined ? c.nodeProps[i] : e !== undefined ? c.edgeProps[e] : undefined;
    if (!base) continue;
    const current = merged.get(patch.id) ?? base;
    merged.set(patch.id, { ...current, ...(i !== undefined ? nodePatch(c, i, current, patch.props) : patch.props) });
  }
  return merged;
}

/**
 * A patch's props for node i: a datastore's criticality follows a patched sensitivity where it followed the
 * old one (§2 "default criticality follows sensitivity"), as the same edit in the editor makes it follow.
 */
function nodePatch(c: CompiledModel, i: number, current: Props, props: Props): Props {
  return c.nodeKind[i] === K.datastore ? followSensitivity(current, props) : props;
}
