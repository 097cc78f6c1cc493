/**
 * The arrays of one run, and the run's state as its steps pass it on. Repeated runs on one graph
 * (chokepoints, Monte Carlo) pass the same workspace and read each result before the next run: a run then
 * allocates nothing.
 */
import type { CompiledModel } from './compile.ts';
import type { CoreEvents } from './core.ts';
import { TimeQueue } from './heap.ts';
import type { IdOrder } from './idOrder.ts';
import type { Params } from './params.ts';

export interface Workspace {
  n: number;
  // trace entries: node, effect, time, via edge (-1: a break or response) and the entry the via used
  entNode: Int32Array;
  entEff: Int8Array;
  entAt: Float64Array;
  entEdge: Int32Array;
  entFrom: Int32Array;
  // security slots, one per (node, level): the best candidate's time, edge and entry
  candT: Float64Array;
  candE: Int32Array;
  candF: Int32Array;
  /**
   * Per node, bit L set once slot (node, L) has had a candidate since the reset. Where the bit is clear the
   * slot's candT is Infinity, so the first candidate of a slot (most of them) is taken on this byte alone: n
   * bytes stay in cache where candT (3n doubles, read at random) does not. Every finite write of candT goes to
   * a slot whose bit is set (the security pass sets it; a ranking trial writes Infinity or puts back a time
   * of its base run); a bit set over an Infinity only costs the read of candT.
   */
  candSeen: Uint8Array;
  secLevel: Int8Array;
  secEntry: Int32Array;
  // availability per node: the candidate `down` and `degraded`, and their entries
  downT: Float64Array;
  downE: Int32Array;
  downF: Int32Array;
  downEntry: Int32Array;
  degT: Float64Array;
  degE: Int32Array;
  degF: Int32Array;
  degEntry: Int32Array;
  /** per node: the hour it is invalidated (§5), Infinity when never */
  invalidAt: Float64Array;
  /** per secret: the hour its stolen copy ends by rotation (read only when the scenario rotates) */
  copyEnd: Float64Array;
  /** the security pass's steps: key (level desc, node id), slot node × 3 + level */
  heap: TimeQueue;
  /** the availability pass's steps: key node id, slot node */
  aheap: TimeQueue;
}

/** `extra`: room for trace entries beyond one run's (a resumed run appends its own after the first run's). */
export function createWorkspace(n: number, extra = 0): Workspace {
  // Security entries go up a level each (≤ 3 per node), availability ones ≤ 2 per node.
  const cap = 5 * n + 1 + extra;
  return {
    n,
    entNode: new Int32Array(cap),
    entEff: new Int8Array(cap),
    entAt: new Float64Array(cap),
    entEdge: new Int32Array(cap),
    entFrom: new Int32Array(cap),
    candT: new Float64Array(3 * n),
    candE: new Int32Array(3 * n),
    candF: new Int32Array(3 * n),
    candSeen: new Uint8Array(n),
    secLevel: new Int8Array(n),
    secEntry: new Int32Array(n),
    downT: new Float64Array(n),
    downE: new Int32Array(n),
    downF: new Int32Array(n),
    downEntry: new Int32Array(n),
    degT: new Float64Array(n),
    degE: new Int32Array(n),
    degF: new Int32Array(n),
    degEntry: new Int32Array(n),
    invalidAt: new Float64Array(n),
    copyEnd: new Float64Array(n),
    heap: new TimeQueue(3 * n),
    aheap: new TimeQueue(n),
  };
}

/** Clears what a run reads before it writes it; the rest is written first. */
export function resetWorkspace(w: Workspace): void {
  w.candT.fill(Infinity);
  w.candSeen.fill(0);
  w.secLevel.fill(-1);
  w.secEntry.fill(-1);
  w.heap.clear();
  resetAvailability(w);
}

/** The part of `resetWorkspace` the availability pass reads. */
export function resetAvailability(w: Workspace): void {
  w.downT.fill(Infinity);
  w.downEntry.fill(-1);
  w.degT.fill(Infinity);
  w.degEntry.fill(-1);
  w.invalidAt.fill(Infinity);
  w.aheap.clear();
}

/** One run as its steps see it: the graph, its params, the scenario's events, and the trace so far. */
export interface RunState {
  c: CompiledModel;
  p: Params;
  events: CoreEvents;
  /** edges left out of this run, null for none */
  dead: Uint8Array | null;
  w: Workspace;
  /** trace entries written so far */
  count: number;
}

/** Appends a trace entry and returns its index. */
export function addEntry(r: RunState, v: number, eff: number, at: number, edge: number, from: number): number {
  const { w } = r;
  const i = r.count++;
  w.entNode[i] = v;
  w.entEff[i] = eff;
  w.entAt[i] = at;
  w.entEdge[i] = edge;
  w.entFrom[i] = from;
  return i;
}

/** Of two steps at the same time: a break or response (-1) beats any edge; among edges, the smaller id wins. */
export function better(edgeOrder: IdOrder, e: number, old: number): boolean {
  return e !== old && (e < 0 || (old >= 0 && edgeOrder.less(e, old)));
}
