/**
 * The availability part of a ranking trial (trials.ts): an edge left out whose availability step counted
 * in the base run. Availability only takes away when an edge is left out (a `down` comes later or not at
 * all), so the nodes whose `down` or `degraded` entry was derived through the edge are reset, the `down`
 * pass resumes from every step into them, and `degraded` is settled again for them. When the edge or a
 * reset node set the hour a credential is invalidated (§5: an issuer down plus the credential's TTL), the
 * security pass would change too: the caller then runs the trial in full.
 */
import { BREAK_INFO } from '../domain/index.ts';
import { AV_DEGRADED, AV_DOWN, AV_DOWN_AFTER_TTL, DEGRADED, DOWN } from './codes.ts';
import type { Core } from './core.ts';
import { DEGRADABLE, propagateDown, pushDown } from './availability.ts';
import type { Lists } from './trialSecurity.ts';
import type { RunState } from './workspace.ts';
import { addEntry } from './workspace.ts';
import { hours } from './hours.ts';

export class DownRegion {
  // the base run's availability state, to put back after a trial
  private readonly downT: Float64Array;
  private readonly downE: Int32Array;
  private readonly downF: Int32Array;
  readonly downEntry: Int32Array;
  private readonly degT: Float64Array;
  readonly degEntry: Int32Array;
  /** nodes a break starts down (not prevented), and revoke responses by node */
  private readonly startsDown: Uint8Array;
  private readonly revokes: Map<number, number[]>;
  private readonly mark: Uint8Array;
  private readonly reset: number[] = [];

  constructor(
    private readonly r: RunState,
    /** the run's mask of dead edges (the trial's edge set in it) */
    private readonly dead: Uint8Array,
    base: Core,
    /** availability entries by via edge, and by the entry they came from */
    private readonly byVia: Lists,
    private readonly children: Lists,
    /** edges with a forward availability rule (contains, signs), by target */
    private readonly fwdIn: Lists,
  ) {
    const { w } = r;
    this.downT = w.downT.slice();
    this.downE = w.downE.slice();
    this.downF = w.downF.slice();
    this.downEntry = w.downEntry.slice();
    this.degT = w.degT.slice();
    this.degEntry = w.degEntry.slice();
    const n = r.c.n;
    this.mark = new Uint8Array(n);
    this.startsDown = new Uint8Array(n);
    this.revokes = new Map();
    const { breaks } = r.events;
    for (let b = 0; b < breaks.length; b++) {
      if (!base.prevented.includes(b) && BREAK_INFO[breaks[b].mode].starts === 'down') this.startsDown[breaks[b].node] = 1;
    }
    for (const { node, at } of r.events.revokes) this.revokes.set(node, [...(this.revokes.get(node) ?? []), at]);
  }

  /**
   * Resumes availability with `removed` left out (already dead in the run's mask). Returns the nodes whose
   * availability was computed again, or null when the trial must be a full run.
   */
  resume(removed: number): readonly number[] | null {
    const { r, byVia, children, mark, reset, dead } = this;
    const { c, p, w } = r;
    const { src, tgt, outStart, avStart, avEdges } = c;
    const { availRev, ttl } = p;
    const { invalidAt, entAt, entEff, entNode } = w;
    /** did issuer I's down, with credential u's TTL, set u's invalidation? */
    const setsInvalid = (u: number, I: number) => {
      const life = ttl[u];
      return !Number.isNaN(life) && this.downEntry[I] >= 0 && hours(this.downT[I] + life) === invalidAt[u];
    };
    if (availRev[removed] === AV_DOWN_AFTER_TTL && setsInvalid(src[removed], tgt[removed])) return null;
    const stack: number[] = [];
    for (let k = byVia.start[removed]; k < byVia.start[removed + 1]; k++) stack.push(byVia.list[k]);
    while (stack.length > 0) {
      const x = stack.pop()!;
      const v = entNode[x];
      if (mark[v] === 0) {
        mark[v] = 1;
        reset.push(v);
      }
      if (entEff[x] === DOWN) {
        for (let k = avStart[v]; k < avStart[v + 1]; k++) {
          const ed = avEdges[k];
          if (availRev[ed] === AV_DOWN_AFTER_TTL && dead[ed] === 0 && setsInvalid(src[ed], v)) return this.undoMarks();
        }
      }
      for (let k = children.start[x]; k < children.start[x + 1]; k++) stack.push(children.list[k]);
    }
    // Reset, then every `down` step into the reset nodes from the rest of the run.
    for (const v of reset) {
      w.downT[v] = Infinity;
      w.downEntry[v] = -1;
      w.degT[v] = Infinity;
      w.degEntry[v] = -1;
    }
    w.aheap.clear();
    const down = (v: number) => mark[v] === 0 && w.downEntry[v] >= 0;
    for (const v of reset) {
      if (this.startsDown[v] === 1) pushDown(r, v, 0, -1, -1);
      for (const at of this.revokes.get(v) ?? []) pushDown(r, v, at, -1, -1);
      for (let ed = outStart[v]; ed < outStart[v + 1]; ed++) {
        const T = tgt[ed];
        if (dead[ed] === 1 || !down(T)) continue;
        if (availRev[ed] === AV_DOWN) pushDown(r, v, w.downT[T], ed, w.downEntry[T]);
        else if (availRev[ed] === AV_DOWN_AFTER_TTL && !Number.isNaN(ttl[v])) pushDown(r, v, hours(w.downT[T] + ttl[v]), ed, w.downEntry[T]);
      }
      for (let k = this.fwdIn.start[v]; k < this.fwdIn.start[v + 1]; k++) {
        const ed = this.fwdIn.list[k];
        const S = src[ed];
        if (dead[ed] === 0 && down(S)) pushDown(r, v, w.downT[S], ed, w.downEntry[S]);
      }
    }
    propagateDown(r);
    // `degraded` again for the reset nodes: kept only strictly before the node's own `down`.
    for (const v of reset) {
      if (DEGRADABLE[c.nodeKind[v]] !== 1) continue;
      let at = Infinity;
      let via = -1;
      for (let ed = outStart[v]; ed < outStart[v + 1]; ed++) {
        const T = tgt[ed];
        if (availRev[ed] !== AV_DEGRADED || dead[ed] === 1 || w.downEntry[T] < 0) continue;
        if (entAt[w.downEntry[T]] < at) {
          at = entAt[w.downEntry[T]];
          via = ed;
        }
      }
      if (at < Infinity && (w.downEntry[v] < 0 || at < entAt[w.downEntry[v]])) {
        w.degT[v] = at;
        w.degEntry[v] = addEntry(r, v, DEGRADED, at, via, w.downEntry[tgt[via]]);
      }
    }
    return reset;
  }

  private undoMarks(): null {
    for (const v of this.reset) this.mark[v] = 0;
    this.reset.length = 0;
    return null;
  }

  /** Puts the base run's availability back. */
  restore(): void {
    const { w } = this.r;
    for (const v of this.reset) {
      w.downT[v] = this.downT[v];
      w.downE[v] = this.downE[v];
      w.downF[v] = this.downF[v];
      w.downEntry[v] = this.downEntry[v];
      w.degT[v] = this.degT[v];
      w.degEntry[v] = this.degEntry[v];
      this.mark[v] = 0;
    }
    this.reset.length = 0;
    w.aheap.clear();
  }
}
