/**
 * The blast-radius overlay as data: per node its effects, times and break marks; per edge whether it
 * carried a step and in which direction; per node its findings (for the badges). Derived from a
 * SimulationResult and from lintModel's findings; nothing here decides what spreads, it only reads what the
 * engine said.
 *
 * Derivation shares structure with the previous overlay: a node whose overlay did not change keeps the same
 * object, so the canvas re-renders only the nodes whose overlay changed.
 */
import type { Finding, Severity } from '../../../shared/analysis/index.ts';
import { deadCopies, SEVERITIES } from '../../../shared/analysis/index.ts';
import type { AvailabilityEffect, BreakMode, Effect, Model, ResponseAction, Scenario, SecurityEffect } from '../../../shared/domain/index.ts';
import { AVAILABILITY_EFFECTS, EFFECTS, isSecurityEffect } from '../../../shared/domain/index.ts';
import type { PathStep, SimulationResult, TraceEntry } from '../../../shared/engine/index.ts';

export type OverlayEffect = Effect | 'none';

export interface NodeOverlay {
  /** True while a result is shown: an unaffected node is then dimmed. */
  active: boolean;
  /** The node's highest impact (security before availability), or `none`. */
  effect: OverlayEffect;
  at: number | null;
  security: SecurityEffect | null;
  securityAt: number | null;
  availability: AvailabilityEffect | null;
  availabilityAt: number | null;
  /** Went down without a health check (§7). */
  silent: boolean;
  /** The break modes applied to this node, in scenario order. */
  breaks: readonly BreakMode[];
  /** Every break on this node had no effect (an `expire` on a self-renewing secret). */
  prevented: boolean;
  /** The active scenario overrides some of its props ("for this scenario only"). */
  patched: boolean;
  /** Reached by the hop being played (present/playback.ts): drawn arriving. */
  fresh: boolean;
  /** The responses on this node (§6) taken by the moment shown, in time order: drawn as a tag with the hour. */
  responses: readonly NodeResponse[];
  /** A stolen secret whose copy died before it carried anything: the hour it died ("stolen, dead after N h"). */
  deadAfter: number | null;
}

export interface NodeResponse {
  action: ResponseAction;
  at: number;
}

export type Direction = 'forward' | 'backward' | 'both';

export interface EdgeOverlay {
  active: boolean;
  /** The strongest effect a step along this edge derived, the earliest such step, and which way it went. */
  carried: { effect: Effect; at: number; direction: Direction } | null;
  /** Left out of the active scenario. */
  removed: boolean;
  patched: boolean;
  /** Carried a step of the hop being played. */
  fresh: boolean;
}

export interface OverlayData {
  /** A result is shown. */
  active: boolean;
  /** Only nodes and edges with something to show; the rest read NO_NODE / UNAFFECTED_NODE. */
  nodes: ReadonlyMap<string, NodeOverlay>;
  edges: ReadonlyMap<string, EdgeOverlay>;
}

const BLANK_NODE: Omit<NodeOverlay, 'active'> = {
  effect: 'none',
  at: null,
  security: null,
  securityAt: null,
  availability: null,
  availabilityAt: null,
  silent: false,
  breaks: Object.freeze([]),
  prevented: false,
  patched: false,
  fresh: false,
  responses: [],
  deadAfter: null,
};

/** A node with nothing to show and no result on screen. */
export const NO_NODE: NodeOverlay = Object.freeze({ ...BLANK_NODE, active: false });
/** A node the shown result does not reach (drawn dimmed). */
export const UNAFFECTED_NODE: NodeOverlay = Object.freeze({ ...BLANK_NODE, active: true });
export const NO_EDGE: EdgeOverlay = Object.freeze({ active: false, carried: null, removed: false, patched: false, fresh: false });
export const UNAFFECTED_EDGE: EdgeOverlay = Object.freeze({ active: true, carried: null, removed: false, patched: false, fresh: false });

export const EMPTY_OVERLAY: OverlayData = { active: false, nodes: new Map(), edges: new Map() };

export interface OverlayInput {
  /** The model the result was computed on (edges are looked up here for directions). */
  model: Model;
  result: SimulationResult | null;
  /** The scenario shown, for its what-if marks. */
  scenario: Scenario | null;
  /** The steps of the hop being played, drawn arriving (node and edge of each). */
  fresh?: readonly TraceEntry[];
  /**
   * Playback (present/playback.ts): `result` is the radius at hour `now`, and `dead` the stolen copies that
   * die without carrying anything in the whole result. A response shows once taken (at ≤ now), a copy as dead
   * once it has died (until ≤ now); before that it is a live stolen secret.
   */
  moment?: { now: number; dead: ReadonlyMap<string, number> };
}

const isAvailability = (e: Effect): e is AvailabilityEffect => (AVAILABILITY_EFFECTS as readonly string[]).includes(e);
/** Lower is stronger: control, write, read, down, degraded. */
export const effectRank = (e: OverlayEffect): number => (e === 'none' ? EFFECTS.length : EFFECTS.indexOf(e));

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameResponses(a: readonly NodeResponse[], b: readonly NodeResponse[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].action !== b[i].action || a[i].at !== b[i].at) return false;
  return true;
}

function sameNode(a: NodeOverlay, b: NodeOverlay): boolean {
  return (
    a.active === b.active &&
    a.effect === b.effect &&
    a.at === b.at &&
    a.security === b.security &&
    a.securityAt === b.securityAt &&
    a.availability === b.availability &&
    a.availabilityAt === b.availabilityAt &&
    a.silent === b.silent &&
    sameList(a.breaks, b.breaks) &&
    a.prevented === b.prevented &&
    a.patched === b.patched &&
    a.fresh === b.fresh &&
    a.deadAfter === b.deadAfter &&
    sameResponses(a.responses, b.responses)
  );
}

/** A model's edges by id, built once per edges array: playback derives the overlay on every hop. */
const edgeMaps = new WeakMap<Model['edges'], ReadonlyMap<string, Model['edges'][number]>>();
function edgesById(edges: Model['edges']): ReadonlyMap<string, Model['edges'][number]> {
  let map = edgeMaps.get(edges);
  if (!map) edgeMaps.set(edges, (map = new Map(edges.map((e) => [e.id, e]))));
  return map;
}

/**
 * The overlays being worked out, by id, kept from one derivation to the next: playback derives the overlay
 * at every hop and every step of the scrubber, and a new object per reached node and edge each time (most
 * of them then dropped for the equal one already shown) was the page's largest source of garbage. `gen`
 * says which derivation last reset a draft; a draft becomes an overlay object only where it changed.
 */
type NodeDraft = NodeOverlay & { gen: number };
interface EdgeDraft {
  gen: number;
  active: boolean;
  effect: Effect | null;
  at: number;
  direction: Direction;
  removed: boolean;
  patched: boolean;
  fresh: boolean;
}
const nodeDrafts = new Map<string, NodeDraft>();
const edgeDrafts = new Map<string, EdgeDraft>();
let generation = 0;

/** A draft back to `blank` (every field of NodeOverlay, so a field added there is reset too), for derivation `gen`. */
function resetNode(d: NodeDraft, blank: NodeOverlay, gen: number): void {
  Object.assign(d, blank);
  d.gen = gen;
}

const nodeOf = (d: NodeDraft): NodeOverlay =>
  Object.freeze({
    active: d.active,
    effect: d.effect,
    at: d.at,
    security: d.security,
    securityAt: d.securityAt,
    availability: d.availability,
    availabilityAt: d.availabilityAt,
    silent: d.silent,
    breaks: d.breaks,
    prevented: d.prevented,
    patched: d.patched,
    fresh: d.fresh,
    responses: d.responses,
    deadAfter: d.deadAfter,
  });

const sameEdgeDraft = (o: EdgeOverlay, d: EdgeDraft): boolean =>
  o.active === d.active &&
  (o.carried === null ? d.effect === null : d.effect !== null && o.carried.effect === d.effect && o.carried.at === d.at && o.carried.direction === d.direction) &&
  o.removed === d.removed &&
  o.patched === d.patched &&
  o.fresh === d.fresh;

const edgeOf = (d: EdgeDraft): EdgeOverlay =>
  Object.freeze({
    active: d.active,
    carried: d.effect === null ? null : { effect: d.effect, at: d.at, direction: d.direction },
    removed: d.removed,
    patched: d.patched,
    fresh: d.fresh,
  });

/** The overlay of a result (or only the scenario's what-if marks when `result` is null). */
export function deriveOverlay(input: OverlayInput, prev: OverlayData = EMPTY_OVERLAY): OverlayData {
  const { model, result, scenario, fresh = [], moment } = input;
  const active = result !== null;
  const gen = ++generation;
  // Drafts of ids no longer in any model are let go now and then (models opened one after another).
  if (nodeDrafts.size > 4 * model.nodes.length + 1000) nodeDrafts.clear();
  if (edgeDrafts.size > 4 * model.edges.length + 1000) edgeDrafts.clear();
  const blank = active ? UNAFFECTED_NODE : NO_NODE;
  const nodeIds: string[] = [];
  const node = (id: string): NodeDraft => {
    let n = nodeDrafts.get(id);
    if (!n) nodeDrafts.set(id, (n = { ...blank, gen: 0 }));
    if (n.gen !== gen) {
      resetNode(n, blank, gen);
      nodeIds.push(id);
    }
    return n;
  };

  if (result) {
    for (const impact of result.impacts) {
      const n = node(impact.node);
      if (isSecurityEffect(impact.effect)) {
        n.security = impact.effect;
        n.securityAt = impact.at;
      } else if (isAvailability(impact.effect)) {
        n.availability = impact.effect;
        n.availabilityAt = impact.at;
        n.silent = n.silent || impact.silent;
      }
    }
    for (const id of nodeIds) {
      const n = nodeDrafts.get(id)!;
      n.effect = n.security ?? n.availability ?? 'none';
      n.at = n.security ? n.securityAt : n.availabilityAt;
    }
    const prevented = new Set(result.prevented.map((p) => `${p.mode}\u0000${p.node}`));
    for (const b of result.scenario.breaks) {
      const n = node(b.node);
      n.breaks = [...n.breaks, b.mode];
    }
    for (const b of result.scenario.breaks) {
      const n = node(b.node);
      n.prevented = n.breaks.every((mode) => prevented.has(`${mode}\u0000${b.node}`));
    }
    const now = moment?.now ?? Infinity;
    for (const r of [...result.scenario.responses].sort((a, b) => a.at - b.at)) {
      if (r.at > now) continue;
      const n = node(r.node);
      n.responses = [...n.responses, { action: r.action, at: r.at }];
    }
    for (const [id, until] of moment?.dead ?? deadCopies(result)) if (until <= now && nodeDrafts.get(id)?.gen === gen) node(id).deadAfter = until;
  }

  const ends = edgesById(model.edges);
  const patchedIds = new Set((scenario?.patches ?? []).filter((p) => Object.keys(p.props).length > 0).map((p) => p.id));
  for (const id of patchedIds) if (!ends.has(id)) node(id).patched = true;

  const edgeIds: string[] = [];
  const edge = (id: string): EdgeDraft => {
    let e = edgeDrafts.get(id);
    if (!e) edgeDrafts.set(id, (e = { gen: 0, active, effect: null, at: 0, direction: 'forward', removed: false, patched: false, fresh: false }));
    if (e.gen !== gen) {
      e.gen = gen;
      e.active = active;
      e.effect = null;
      e.removed = e.patched = e.fresh = false;
      edgeIds.push(id);
    }
    return e;
  };
  if (result) {
    for (const t of result.trace) {
      if (!t.via) continue;
      const m = ends.get(t.via.edge);
      if (!m) continue;
      const direction: Direction = t.via.from === m.source && t.node === m.target ? 'forward' : 'backward';
      const e = edge(m.id);
      if (e.effect === null) {
        e.effect = t.effect;
        e.at = t.at;
        e.direction = direction;
      } else {
        if (effectRank(t.effect) < effectRank(e.effect)) e.effect = t.effect;
        e.at = Math.min(e.at, t.at);
        if (e.direction !== direction) e.direction = 'both';
      }
    }
    for (const t of fresh) {
      node(t.node).fresh = true;
      if (t.via && ends.has(t.via.edge)) edge(t.via.edge).fresh = true;
    }
  }
  for (const id of scenario?.removed ?? []) if (ends.has(id)) edge(id).removed = true;
  for (const id of patchedIds) if (ends.has(id)) edge(id).patched = true;

  // Keep the previous objects where nothing changed (the canvas compares by identity).
  const nodes = new Map<string, NodeOverlay>();
  for (const id of nodeIds) {
    const d = nodeDrafts.get(id)!;
    const old = prev.nodes.get(id);
    nodes.set(id, old && sameNode(old, d) ? old : nodeOf(d));
  }
  const edges = new Map<string, EdgeOverlay>();
  for (const id of edgeIds) {
    const d = edgeDrafts.get(id)!;
    const old = prev.edges.get(id);
    edges.set(id, old && sameEdgeDraft(old, d) ? old : edgeOf(d));
  }
  return { active, nodes, edges };
}

/**
 * Whether a node is drawn dimmed: a result is shown and the node has no effect, no break and is not on the
 * explained path. Its card (NodeFx) and a large model's card picture (canvas/usePictured.ts) both ask here.
 */
export const drawnDimmed = (o: NodeOverlay, onPath: boolean): boolean => o.active && o.effect === 'none' && o.breaks.length === 0 && !onPath;

export const nodeOverlayOf = (o: OverlayData, id: string): NodeOverlay => o.nodes.get(id) ?? (o.active ? UNAFFECTED_NODE : NO_NODE);
export const edgeOverlayOf = (o: OverlayData, id: string): EdgeOverlay => o.edges.get(id) ?? (o.active ? UNAFFECTED_EDGE : NO_EDGE);

/** How many findings name a node, and the worst severity among them. */
export interface NodeFindings {
  count: number;
  severity: Severity;
}

/**
 * Findings per node, for the badges. Derived only when the findings change (they do not depend on the
 * scenario), with the previous entries kept where equal.
 */
export function findingsByNode(findings: readonly Finding[] | null, prev: ReadonlyMap<string, NodeFindings> = new Map()): ReadonlyMap<string, NodeFindings> {
  const out = new Map<string, NodeFindings>();
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  for (const f of findings ?? []) {
    for (const id of new Set(f.nodes)) {
      const n = out.get(id);
      if (!n) out.set(id, { count: 1, severity: f.severity });
      else out.set(id, { count: n.count + 1, severity: rank(f.severity) < rank(n.severity) ? f.severity : n.severity });
    }
  }
  for (const [id, n] of out) {
    const old = prev.get(id);
    if (old && old.count === n.count && old.severity === n.severity) out.set(id, old);
  }
  return out;
}

/**
 * For every trace entry, how many steps lie between it and its break (0 for the break itself), by
 * following `via` back through the trace, as the engine documents (§7).
 */
export function pathLengths(result: SimulationResult): Map<TraceEntry, number> {
  const key = (node: string, effect: Effect) => `${node}\u0000${effect}`;
  const byKey = new Map(result.trace.map((t) => [key(t.node, t.effect), t]));
  const depth = new Map<TraceEntry, number>();
  for (const start of result.trace) {
    const chain: TraceEntry[] = [];
    let entry: TraceEntry | undefined = start;
    let base = 0;
    while (entry && chain.length <= result.trace.length) {
      const known = depth.get(entry);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(entry);
      const via: TraceEntry['via'] = entry.via;
      entry = via ? byKey.get(key(via.from, via.fromEffect)) : undefined;
      if (!entry) base = -1;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base += 1;
      depth.set(chain[i], base);
    }
  }
  return depth;
}

export interface ImpactRow {
  node: string;
  label: string;
  kind: string;
  effect: Effect;
  at: number;
  /** The node's other effect, when it has a security and an availability impact. */
  also: { effect: Effect; at: number } | null;
  silent: boolean;
  /** Steps from the break to the node's highest impact (0 for a break node). */
  pathLength: number;
  /** A stolen secret whose copy died before it carried anything: when it died. Listed after the live ones. */
  deadAfter: number | null;
}

/** One row per impacted node: its highest impact first, the other one beside it. */
export function impactRows(model: Model, result: SimulationResult): ImpactRow[] {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const lengths = pathLengths(result);
  const traceOf = new Map(result.trace.map((t) => [`${t.node}\u0000${t.effect}`, t]));
  const dead = deadCopies(result);
  const byNode = new Map<string, SimulationResult['impacts']>();
  for (const i of result.impacts) byNode.set(i.node, [...(byNode.get(i.node) ?? []), i]);
  const rows: ImpactRow[] = [];
  for (const [id, list] of byNode) {
    const sorted = [...list].sort((a, b) => effectRank(a.effect) - effectRank(b.effect));
    const top = sorted[0];
    const other = sorted[1];
    const n = nodes.get(id);
    const entry = traceOf.get(`${id}\u0000${top.effect}`);
    rows.push({
      node: id,
      label: n?.label || id,
      kind: n?.kind ?? '',
      effect: top.effect,
      at: top.at,
      also: other ? { effect: other.effect, at: other.at } : null,
      silent: list.some((i) => i.silent),
      pathLength: entry ? (lengths.get(entry) ?? 0) : 0,
      deadAfter: dead.get(id) ?? null,
    });
  }
  return rows;
}

export type SortKey = 'label' | 'kind' | 'effect' | 'at' | 'pathLength';
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/**
 * Rows in the order asked for; ties by time, then label, so the order is stable. Stolen copies that died
 * before carrying anything come after every live row, whatever the order: they are set apart (§5).
 */
export function sortRows(rows: readonly ImpactRow[], order: SortOrder): ImpactRow[] {
  const cmp = (a: ImpactRow, b: ImpactRow): number => {
    switch (order.key) {
      case 'label':
        return a.label.localeCompare(b.label);
      case 'kind':
        return a.kind.localeCompare(b.kind);
      case 'effect':
        return effectRank(a.effect) - effectRank(b.effect);
      case 'at':
        return a.at - b.at;
      case 'pathLength':
        return a.pathLength - b.pathLength;
      default:
        return order.key satisfies never;
    }
  };
  const sign = order.dir === 'asc' ? 1 : -1;
  const dead = (r: ImpactRow) => (r.deadAfter === null ? 0 : 1);
  return [...rows].sort((a, b) => dead(a) - dead(b) || sign * cmp(a, b) || a.at - b.at || a.label.localeCompare(b.label) || (a.node < b.node ? -1 : 1));
}

export interface PathHighlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const NO_PATH: PathHighlight = { nodes: new Set(), edges: new Set() };

/** The nodes and edges of an explained path, to highlight on the canvas. */
export function pathHighlight(steps: readonly PathStep[]): PathHighlight {
  if (steps.length === 0) return NO_PATH;
  return {
    nodes: new Set(steps.map((s) => s.node)),
    edges: new Set(steps.flatMap((s) => (s.edge ? [s.edge] : []))),
  };
}
