/**
 * A core run turned into the §8 result. The summary is counted from the workspace's per-node arrays; the
 * trace entries, which entries are impacts, the levels and the few invalidation hours are copied out (the
 * next run reuses the workspace), and the trace and impact objects are built on first read of `trace` or
 * `impacts`: a caller that reads only the summary, or the ranking that reads none of it, never pays for 100k
 * objects. Reading either, serialising the result (JSON, structured clone) or comparing it builds them, the
 * same objects in the same order as when built at once.
 *
 * What is copied is kept small on purpose: each copy is memory outside the JS heap, and V8 runs a full
 * collection (of the whole model's objects too) every few tens of MB of it, so on 100k nodes the bytes a
 * result keeps set how often a warm simulate pays for one.
 */
import type { Effect } from '../domain/index.ts';
import { EFFECTS } from '../domain/index.ts';
import { CONTROL, DEGRADED, DOWN, EFFECT_NAMES, K, READ, WRITE } from './codes.ts';
import type { CompiledModel } from './compile.ts';
import type { Core } from './core.ts';
import type { Prepared } from './run.ts';
import { exposureOf, scoreOfRun } from './run.ts';
import { firstAfter } from './security.ts';
import type { ScenarioInput } from './simulate.ts';
import type { Impact, SimulationResult, TraceEntry, Via } from './types.ts';
import { hours } from './hours.ts';

/** Sort order of §8: security before availability, then control, write, read, down, degraded. */
const EFFECT_ORDER = new Int8Array(5);
EFFECT_ORDER[CONTROL] = 0;
EFFECT_ORDER[WRITE] = 1;
EFFECT_ORDER[READ] = 2;
EFFECT_ORDER[DOWN] = 3;
EFFECT_ORDER[DEGRADED] = 4;
/**
 * Entry indices sorted by time, then node id, then effect. (node, effect) names one entry, so each entry
 * becomes one exact integer key, (time rank, node rank, effect order), and a native numeric sort does
 * the rest: about ten times faster than a comparator on 100k entries.
 */
function sortEntries(c: CompiledModel, core: Entries, entries: ArrayLike<number>): Int32Array {
  const k = entries.length;
  const { entAt, entNode, entEff } = core;
  const { rank, n } = c;
  const times = new Float64Array(k);
  for (let i = 0; i < k; i++) times[i] = entAt[entries[i]];
  times.sort();
  let u = 0;
  for (let i = 0; i < k; i++) if (i === 0 || times[i] !== times[u - 1]) times[u++] = times[i];
  const stride = 5 * n;
  const keys = new Float64Array(k);
  const byKey = new Int32Array(stride);
  for (let i = 0; i < k; i++) {
    const e = entries[i];
    const at = entAt[e];
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    const local = rank[entNode[e]] * 5 + EFFECT_ORDER[entEff[e]];
    byKey[local] = e;
    keys[i] = lo * stride + local;
  }
  keys.sort();
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    const key = keys[i];
    out[i] = byKey[key - Math.floor(key / stride) * stride];
  }
  return out;
}

/**
 * §5 `until` of a secret reached by the attacker: the hour from which its stolen copy no longer works, the
 * earliest of the end of its validity (at once for a bound secret: its copy is useless alone), the first
 * rotation after the copy was taken, and its invalidation; never before the copy was taken. Null while it
 * works without end: no limit, or a holder the attacker controls keeps fetching new copies (then only the
 * invalidation ends it).
 *
 * Returns a reader for many secrets of one run, v reached at t: the arrays read once, no allocation per
 * secret. `invalidAt(v)`: the hour v is invalidated, Infinity when never.
 */
function untilReader(
  prep: Prepared,
  secLevel: Int8Array,
  invalidAt: (v: number) => number,
  dead: Uint8Array | null,
): (v: number, t: number) => number | null {
  const { holdStart, holdEdges, src } = prep.c;
  const { bound, validity } = prep.params;
  const rotations = prep.events.rotations;
  return (v, t) => {
    const invalid = invalidAt(v);
    let end = -1;
    for (let k = holdStart[v]; k < holdStart[v + 1]; k++) {
      const ed = holdEdges[k];
      if ((dead === null || dead[ed] === 0) && secLevel[src[ed]] === CONTROL) {
        end = invalid;
        break;
      }
    }
    if (end < 0) {
      end = Math.min(hours(t + (bound[v] === 1 ? 0 : validity[v])), invalid);
      if (rotations !== null) end = Math.min(end, firstAfter(rotations.get(v), t));
    }
    return end === Infinity ? null : Math.max(t, end);
  };
}

/**
 * What building the trace and impacts reads of a run, owned by the result: the Core's entries and
 * security levels (`until` asks whether a holder is at control), copied out of the workspace.
 */
interface Entries extends Pick<Core, 'count' | 'entNode' | 'entEff' | 'entAt' | 'entEdge' | 'entFrom' | 'secLevel' | 'dead'> {
  /** per entry: 1 where it is an impact (a node's top security entry, its down or else its degraded one) */
  isImpact: Uint8Array;
  impactCount: number;
  /** the nodes invalidated (§5) and when: few, so a map rather than a copy of the per-node array */
  invalidAt: Map<number, number>;
}

/**
 * The run's entries copied out of the workspace, and its summary counts (the per-node entry arrays are read
 * here and not kept: `isImpact` says all the trace needs of them).
 */
function ownEntries(core: Core): { entries: Entries; counts: Record<Effect, number> } {
  const k = core.count;
  const isImpact = new Uint8Array(k);
  const byCode = new Int32Array(EFFECT_NAMES.length);
  const invalid = new Map<number, number>();
  const impactCount = markImpacts(core, isImpact, byCode, invalid);
  const counts = Object.fromEntries(EFFECTS.map((e) => [e, byCode[EFFECT_NAMES.indexOf(e)]])) as Record<Effect, number>;
  const entries: Entries = {
    count: k,
    entNode: core.entNode.slice(0, k),
    entEff: core.entEff.slice(0, k),
    entAt: core.entAt.slice(0, k),
    entEdge: core.entEdge.slice(0, k),
    entFrom: core.entFrom.slice(0, k),
    isImpact,
    impactCount,
    secLevel: core.secLevel.slice(),
    invalidAt: invalid,
    dead: core.dead,
  };
  return { entries, counts };
}

/**
 * One pass over the nodes: marks each node's impact entries in `isImpact`, counts them by effect code in
 * `byCode` and collects the invalidated nodes; returns the number of impacts. A function of its own, run
 * whole every time: as a loop inside `ownEntries` it was optimized on the stack mid-loop (OSR) and that code
 * left at the code after the loop, which it had no feedback for, on every run.
 */
function markImpacts(core: Core, isImpact: Uint8Array, byCode: Int32Array, invalid: Map<number, number>): number {
  const { secEntry, downEntry, degEntry, entEff, invalidAt } = core;
  let impactCount = 0;
  for (let v = 0; v < secEntry.length; v++) {
    const sec = secEntry[v];
    if (sec >= 0) {
      byCode[entEff[sec]]++;
      isImpact[sec] = 1;
      impactCount++;
    }
    const avail = downEntry[v] >= 0 ? downEntry[v] : degEntry[v];
    if (avail >= 0) {
      byCode[avail === downEntry[v] ? DOWN : DEGRADED]++;
      isImpact[avail] = 1;
      impactCount++;
    }
    if (invalidAt[v] !== Infinity) invalid.set(v, invalidAt[v]);
  }
  return impactCount;
}

/** `obj[key]`, built by `make` on first read (and kept); assigning it replaces it. Enumerable, like data. */
function lazy<T, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  let value: T[K] | undefined;
  let made = false;
  Object.defineProperty(obj, key, {
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
    set: (v: T[K]) => {
      value = v;
      made = true;
    },
    enumerable: true,
    configurable: true,
  });
}

export function buildResult(prep: Prepared, scenario: ScenarioInput, core: Core): SimulationResult {
  const { c, params } = prep;
  const { nodeIds } = c;
  const score = scoreOfRun(params, core);
  const { entries: owned, counts } = ownEntries(core);
  const maxExposure = scenario.params?.maxExposure;
  const breaks = prep.events.breaks;
  const result: SimulationResult = {
    // Everything that was simulated (§8), copied so that the result shares nothing with the input.
    scenario: {
      id: scenario.id ?? 'adhoc',
      breaks: scenario.breaks.map((b) => ({ mode: b.mode, node: b.node })),
      patches: (scenario.patches ?? []).map((p) => ({ id: p.id, props: { ...p.props } })),
      removed: [...(scenario.removed ?? [])],
      responses: (scenario.responses ?? []).map((r) => ({ action: r.action, node: r.node, at: r.at })),
      params: { responseHours: prep.responseHours, ...(typeof maxExposure === 'number' ? { maxExposure } : {}) },
    },
    prevented: core.prevented.map((b) => ({
      mode: breaks[b].mode,
      node: nodeIds[breaks[b].node],
      reason: 'autoRenew' as const,
    })),
    impacts: [],
    trace: [],
    detection: {
      detectedAt: core.detectedAt === Infinity ? null : core.detectedAt,
      containedAt: core.containedAt === Infinity ? null : core.containedAt,
      detectedBy: core.detectedBy < 0 ? null : nodeIds[core.detectedBy],
    },
    summary: { score, exposure: exposureOf(params, score), counts },
  };
  let built: { impacts: Impact[]; trace: TraceEntry[] } | null = null;
  const build = () => (built ??= entries(prep, owned));
  lazy(result, 'impacts', () => build().impacts);
  lazy(result, 'trace', () => build().trace);
  return result;
}

/** The trace and the impacts (§8), sorted by time, node id and effect. */
function entries(prep: Prepared, core: Entries): { impacts: Impact[]; trace: TraceEntry[] } {
  const { c, params } = prep;
  const { nodeIds, edgeIds } = c;
  const { entNode, entEff, entAt, entEdge, entFrom } = core;
  // One via object per entry, shared by its trace entry and its impact.
  const vias: (Via | null)[] = new Array(core.count);
  for (let i = 0; i < core.count; i++) {
    const e = entEdge[i];
    const f = entFrom[i];
    vias[i] = e < 0 ? null : { edge: edgeIds[e], from: nodeIds[entNode[f]], fromEffect: EFFECT_NAMES[entEff[f]] };
  }
  const all = new Int32Array(core.count);
  for (let i = 0; i < core.count; i++) all[i] = i;
  const sortedTrace = sortEntries(c, core, all);
  const trace: TraceEntry[] = new Array(sortedTrace.length);
  for (let k = 0; k < sortedTrace.length; k++) {
    const i = sortedTrace[k];
    trace[k] = { node: nodeIds[entNode[i]], effect: EFFECT_NAMES[entEff[i]], at: entAt[i], via: vias[i] };
  }
  // Impacts are trace entries under the same order: pick them out of the sorted trace, no second sort.
  const { isImpact, impactCount } = core;
  const sortedImpacts = new Int32Array(impactCount);
  for (let k = 0, j = 0; k < sortedTrace.length; k++) if (isImpact[sortedTrace[k]] === 1) sortedImpacts[j++] = sortedTrace[k];
  const impacts: Impact[] = new Array(sortedImpacts.length);
  const until = untilReader(prep, core.secLevel, (v) => core.invalidAt.get(v) ?? Infinity, core.dead);
  const { nodeKind } = c;
  const SECRET = K.secret;
  for (let k = 0; k < sortedImpacts.length; k++) {
    const i = sortedImpacts[k];
    const v = entNode[i];
    const effect = EFFECT_NAMES[entEff[i]];
    const silent = entEff[i] === DOWN && params.silentable[v] === 1;
    // §5, §8: a stolen secret says until when its copy works. Two literals, one shape each.
    impacts[k] =
      entEff[i] <= CONTROL && nodeKind[v] === SECRET
        ? { node: nodeIds[v], effect, at: entAt[i], via: vias[i], silent, until: until(v, entAt[i]) }
        : { node: nodeIds[v], effect, at: entAt[i], via: vias[i], silent };
  }
  return { impacts, trace };
}
