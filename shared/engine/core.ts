/**
 * The propagation of domain.md §7 on the compiled graph: the least fixed point of the §4-§5 rules,
 * computed in time order (Dijkstra), in two passes. Availability runs first (availability.ts): it reads
 * nothing of security, and security reads one thing of it, when each secret or identity is invalidated
 * (§5). Then security (security.ts), which also finds detection and containment.
 */
import type { BreakMode } from '../domain/index.ts';
import type { CompiledModel } from './compile.ts';
import type { Params } from './params.ts';
import { availabilityPass } from './availability.ts';
import { securityPass } from './security.ts';
import type { RunState, Workspace } from './workspace.ts';
import { createWorkspace, resetWorkspace } from './workspace.ts';

export interface CoreBreak {
  mode: BreakMode;
  node: number;
}

/** What a scenario does to the graph over time: breaks at 0, responses at their hour (§6). */
export interface CoreEvents {
  breaks: readonly CoreBreak[];
  /** `revoke` responses: the node down, and invalid, from `at` */
  revokes: readonly { node: number; at: number }[];
  /** `rotate` responses per secret, hours ascending; null when the scenario has none */
  rotations: ReadonlyMap<number, readonly number[]> | null;
}

export interface Core {
  /** number of trace entries */
  count: number;
  entNode: Int32Array;
  entEff: Int8Array;
  entAt: Float64Array;
  /** edge of the via, -1 for a break or a response */
  entEdge: Int32Array;
  /** the trace entry the via used, -1 for a break or a response */
  entFrom: Int32Array;
  /** per node: highest security level (-1 none) and its entry */
  secLevel: Int8Array;
  secEntry: Int32Array;
  /** per node: the `down` and the `degraded` entry, -1 when none */
  downEntry: Int32Array;
  degEntry: Int32Array;
  /** per node: the hour it is invalidated (§5), Infinity when never */
  invalidAt: Float64Array;
  detectedAt: number;
  containedAt: number;
  /** the node whose detection set `detectedAt`, -1 when undetected */
  detectedBy: number;
  /** indices into the breaks list of breaks prevented by autoRenew */
  prevented: number[];
  /** the edges left out of this run (null: none), for reading the result afterwards (`until`) */
  dead: Uint8Array | null;
}

/**
 * One run: availability, then security. With a workspace of the graph's size the run allocates nothing
 * of its own; the Core it returns reads the workspace's arrays, valid until the next run on it.
 */
export function runCore(
  c: CompiledModel,
  p: Params,
  events: CoreEvents,
  responseHours: number,
  dead: Uint8Array | null,
  workspace?: Workspace,
): Core {
  const w = workspace && workspace.n === c.n ? workspace : createWorkspace(c.n);
  resetWorkspace(w);
  const run: RunState = { c, p, events, dead, w, count: 0 };
  const prevented = availabilityPass(run);
  const { detectedAt, containedAt, detectedBy } = securityPass(run, prevented, responseHours);
  return {
    count: run.count,
    entNode: w.entNode,
    entEff: w.entEff,
    entAt: w.entAt,
    entEdge: w.entEdge,
    entFrom: w.entFrom,
    secLevel: w.secLevel,
    secEntry: w.secEntry,
    downEntry: w.downEntry,
    degEntry: w.degEntry,
    invalidAt: w.invalidAt,
    detectedAt,
    containedAt,
    detectedBy,
    prevented,
    dead,
  };
}
