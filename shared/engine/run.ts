/**
 * Between the public API and the core: a scenario turned into compiled params, breaks and a mask of
 * left-out edges; a core run turned into the §8 result. The analyses use these directly so that a
 * thousand re-runs compile the graph once and build no result objects they do not need.
 */
import { DEFAULT_RESPONSE_HOURS, EFFECT_WEIGHTS } from '../domain/index.ts';
import { CONTROL, DEGRADED, DOWN, READ, WRITE } from './codes.ts';
import type { CompiledModel } from './compile.ts';
import type { Params, Patch } from './params.ts';
import { paramsWith } from './params.ts';
import type { Core, CoreBreak, CoreEvents } from './core.ts';
import { runCore } from './core.ts';
import type { Workspace } from './workspace.ts';
import { createWorkspace } from './workspace.ts';
import type { ScenarioInput } from './simulate.ts';

export interface Prepared {
  c: CompiledModel;
  params: Params;
  events: CoreEvents;
  responseHours: number;
  /** edges left out by the scenario (`removed`) */
  removed: ReadonlySet<number>;
  /** the scenario's own patches (without the extra ones given to `prepare`) */
  scenarioPatches: readonly Patch[];
}

/** Assumes the scenario passed `checkScenario`; ids naming nothing are skipped. */
export function prepare(c: CompiledModel, scenario: ScenarioInput, extraPatches: readonly Patch[] = []): Prepared {
  const patches = [...(scenario.patches ?? []), ...extraPatches];
  const breaks: CoreBreak[] = [];
  for (const b of scenario.breaks) {
    const node = c.nodeIndex.get(b.node);
    if (node !== undefined) breaks.push({ mode: b.mode, node });
  }
  const revokes: CoreEvents['revokes'][number][] = [];
  let rotations: Map<number, number[]> | null = null;
  for (const r of scenario.responses ?? []) {
    const node = c.nodeIndex.get(r.node);
    if (node === undefined) continue;
    if (r.action === 'revoke') revokes.push({ node, at: r.at });
    else {
      rotations ??= new Map();
      const list = rotations.get(node);
      if (list) list.push(r.at);
      else rotations.set(node, [r.at]);
    }
  }
  for (const list of rotations?.values() ?? []) list.sort((a, b) => a - b);
  const removed = new Set<number>();
  for (const id of scenario.removed ?? []) {
    const e = c.edgeIndex().get(id);
    if (e !== undefined) removed.add(e);
  }
  const rh = scenario.params?.responseHours;
  return {
    c,
    params: paramsWith(c, patches),
    events: { breaks, revokes, rotations },
    responseHours: typeof rh === 'number' ? rh : DEFAULT_RESPONSE_HOURS,
    removed,
    scenarioPatches: scenario.patches ?? [],
  };
}

/** A mask of dead edges: the scenario's `removed`, plus `extra` (edge indices), plus `exclude` (edge ids). */
export function deadMask(
  prep: Prepared,
  extra: Iterable<number> = [],
  exclude?: ReadonlySet<string>,
): Uint8Array | null {
  const { c, removed } = prep;
  let mask: Uint8Array | null = null;
  const kill = (e: number) => {
    mask ??= new Uint8Array(c.m);
    mask[e] = 1;
  };
  for (const e of removed) kill(e);
  for (const e of extra) kill(e);
  if (exclude) {
    for (const id of exclude) {
      const e = c.edgeIndex().get(id);
      if (e !== undefined) kill(e);
    }
  }
  return mask;
}

const workspaces = new WeakMap<CompiledModel, Workspace>();

/**
 * The workspace `simulate` reuses for a compiled graph: a run then allocates none of its arrays. Safe
 * because a run is synchronous and its result is built before the next run starts.
 */
export function sharedWorkspace(c: CompiledModel): Workspace {
  let w = workspaces.get(c);
  if (!w) {
    w = createWorkspace(c.n);
    workspaces.set(c, w);
  }
  return w;
}

export function runPrepared(prep: Prepared, dead: Uint8Array | null, workspace?: Workspace): Core {
  return runCore(prep.c, prep.params, prep.events, prep.responseHours, dead, workspace);
}

/** Rounds away float noise so that the same impacts always give the same score. */
export const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Score weights × 10 (domain/kinds.ts EFFECT_WEIGHTS), whole numbers. */
export const WEIGHT10 = new Int32Array(5);
WEIGHT10[CONTROL] = Math.round(EFFECT_WEIGHTS.control * 10);
WEIGHT10[WRITE] = Math.round(EFFECT_WEIGHTS.write * 10);
WEIGHT10[READ] = Math.round(EFFECT_WEIGHTS.read * 10);
WEIGHT10[DOWN] = Math.round(EFFECT_WEIGHTS.down * 10);
WEIGHT10[DEGRADED] = Math.round(EFFECT_WEIGHTS.degraded * 10);

/**
 * Σ criticality × weight over the impacts (§8). Criticality is a whole number, so Σ criticality × weight × 10
 * is an exact integer whatever the order of summing: one division by 10, then rounding to 1e-9 (which only
 * matters for a non-integer criticality set outside the loader), give the same score on every path.
 */
export function scoreOfRun(params: Params, core: Core): number {
  return scoreOf(params.crit, core.secLevel, core.downEntry, core.degEntry);
}

/** `scoreOfRun` from a run's per-node levels (-1 none) and availability entries (-1 none). */
export function scoreOf(crit: Float64Array, secLevel: Int8Array, downEntry: Int32Array, degEntry: Int32Array): number {
  let total = 0;
  for (let v = 0; v < crit.length; v++) {
    const level = secLevel[v];
    if (level >= 0) total += crit[v] * WEIGHT10[level];
    if (downEntry[v] >= 0) total += crit[v] * WEIGHT10[DOWN];
    else if (degEntry[v] >= 0) total += crit[v] * WEIGHT10[DEGRADED];
  }
  return round9(total / 10);
}

export function exposureOf(params: Params, score: number): number {
  return params.totalCrit > 0 ? round9(score / (1.8 * params.totalCrit)) : 0;
}

