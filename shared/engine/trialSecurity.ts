/**
 * The security part of a ranking trial (trials.ts): the trace entries whose derivation used a changed edge
 * are found (the entries whose via is the edge, everything derived from them, and the steps through a
 * holder whose holder lost its entry); the nodes they reach are reset, their other entries kept as
 * candidates at their times, and the security pass resumes from every step into them from the rest of the
 * run. The state is then put back, for the next trial.
 */
import { CONTROL, E, NO_PREMISE, S5_HOLDER_ONLY } from './codes.ts';
import type { Core } from './core.ts';
import { securityRun } from './security.ts';
import type { Detection } from './security.ts';
import type { RunState } from './workspace.ts';
import { hours } from './hours.ts';

export interface Lists {
  start: Int32Array;
  list: Int32Array;
}

/** Compressed lists: the items of key k are list[start[k] .. start[k + 1]]. */
export function csr(keys: number, count: number, keyOf: (i: number) => number): Lists {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < count; i++) {
    const k = keyOf(i);
    if (k >= 0) start[k + 1]++;
  }
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const at = start.slice(0, keys);
  const list = new Int32Array(start[keys]);
  for (let i = 0; i < count; i++) {
    const k = keyOf(i);
    if (k >= 0) list[at[k]++] = i;
  }
  return { start, list };
}

export class SecurityRegion {
  /** the nodes reset by the last `brokenBy` */
  readonly affectedList: number[] = [];
  // the base run's security state, to put back after a trial
  readonly snapLevel: Int8Array;
  private readonly snapT: Float64Array;
  private readonly snapE: Int32Array;
  private readonly snapF: Int32Array;
  private readonly snapEntry: Int32Array;
  private readonly journal: number[] = [];
  /** forward-rule edges by target */
  private readonly inEdges: Lists;
  /** security entries by via edge, by the entry they came from, by node */
  private readonly byVia: Lists;
  private readonly children: Lists;
  private readonly byNode: Lists;
  /** monitored nodes the base run reached, by their detection (time, then id) */
  private readonly detectors: readonly { v: number; at: number }[];
  private readonly broken: Uint8Array;
  private readonly affected: Uint8Array;
  private readonly brokenList: number[] = [];
  private readonly baseCount: number;
  /** the changed edges, while `dominated` looks */
  private readonly mark: Uint8Array;
  /** the base run detects nothing and invalidates nothing: which levels are reached does not hang on times */
  private readonly timeFree: boolean;

  constructor(
    private readonly r: RunState,
    /** the run's mask of dead edges (the trial's edge set in it) */
    private readonly dead: Uint8Array,
    private readonly base: Core,
    /** the scenario's §5 codes, as the base run had them */
    private readonly baseS5: Uint8Array,
    /** nodes a non-prevented break starts at control */
    private readonly attacked: Uint8Array,
    private readonly responseHours: number,
  ) {
    const { c, p, w } = r;
    const n = c.n;
    this.baseCount = base.count;
    this.snapT = w.candT.slice();
    this.snapE = w.candE.slice();
    this.snapF = w.candF.slice();
    this.snapLevel = w.secLevel.slice();
    this.snapEntry = w.secEntry.slice();
    const { premise, monitored, detect } = p;
    this.inEdges = csr(n, c.m, (e) => (premise[e] === NO_PREMISE ? -1 : c.tgt[e]));
    const security = (i: number) => base.entEff[i] <= CONTROL;
    this.byVia = csr(c.m, base.count, (i) => (security(i) ? base.entEdge[i] : -1));
    this.children = csr(base.count, base.count, (i) => (security(i) ? base.entFrom[i] : -1));
    this.byNode = csr(n, base.count, (i) => (security(i) ? base.entNode[i] : -1));
    const detectors: { v: number; at: number }[] = [];
    for (let v = 0; v < n; v++) if (monitored[v] === 1 && w.secLevel[v] >= 0) detectors.push({ v, at: hours(w.candT[3 * v] + detect[v]) });
    this.detectors = detectors.sort((a, b) => a.at - b.at || c.rank[a.v] - c.rank[b.v]);
    this.broken = new Uint8Array(base.count);
    this.affected = new Uint8Array(n);
    this.mark = new Uint8Array(c.m);
    this.timeFree = base.detectedAt === Infinity && r.events.rotations === null && w.invalidAt.every((u) => u === Infinity);
  }

  /**
   * Pruning (#19), after `brokenBy`: can the change not move anything the ranking reads? True when every
   * trace entry whose via is a changed edge (node v raised to level L at t) has another step into v, at L
   * or above and no later than t, that the change cannot touch: a break at v, or a forward or reverse rule
   * over an edge not changed and not left out, from a node the change left as it was (not reset by
   * `brokenBy`, as `resume` reads it; or one that got the rule's premise before the first such entry, when
   * nothing derived from the change had happened yet). Each slot then keeps its time, every node its levels
   * and times, and the outcome is the base run's. When times cannot matter (nothing detected, nothing
   * invalidated: the run is then a closure over levels, §7), the other step may come later than t: v still
   * gets L, later, and so does everything after it. Steps through a holder are not counted as the other
   * step (their time hangs on the holders), so such a candidate is resumed as before. The caller asks only
   * for changes that take away, leave availability and the holders alone, in a scenario without rotations.
   */
  dominated(changed: readonly number[]): boolean {
    const { base, byVia, inEdges, dead, attacked, mark, timeFree, affected } = this;
    const { c, p, w } = this.r;
    const { src, tgt, outStart } = c;
    const { fwd, premise, rev, s5, delay } = p;
    const { candT, secLevel, invalidAt } = w;
    let first = Infinity;
    for (const e of changed) {
      mark[e] = 1;
      for (let k = byVia.start[e]; k < byVia.start[e + 1]; k++) first = Math.min(first, base.entAt[byVia.list[k]]);
    }
    /** an edge the change cannot touch: not changed and not left out */
    const kept = (e: number) => mark[e] === 0 && dead[e] === 0;
    const otherStep = (x: number): boolean => {
      const v = base.entNode[x];
      const L = base.entEff[x];
      const t = base.entAt[x];
      if (attacked[v] === 1) return true;
      for (let k = inEdges.start[v]; k < inEdges.start[v + 1]; k++) {
        const ed = inEdges.list[k];
        const u = src[ed];
        const pr = premise[ed];
        if (!kept(ed) || fwd[ed] < L || secLevel[u] < pr || s5[ed] === S5_HOLDER_ONLY) continue;
        const tu = candT[3 * u + pr];
        const at = hours(tu + delay[ed]);
        if ((tu < first || affected[u] === 0) && (at <= t || timeFree) && at <= invalidAt[u]) return true;
      }
      for (let ed = outStart[v]; ed < outStart[v + 1]; ed++) {
        const T = tgt[ed];
        if (!kept(ed) || rev[ed] === 0 || secLevel[T] !== CONTROL) continue;
        const tT = candT[3 * T + CONTROL];
        const at = hours(tT + delay[ed]);
        if ((tT < first || affected[T] === 0) && (at <= t || timeFree) && at <= invalidAt[T]) return true;
      }
      return false;
    };
    let all = true;
    for (const e of changed) {
      for (let k = byVia.start[e]; all && k < byVia.start[e + 1]; k++) all = otherStep(byVia.list[k]);
    }
    for (const e of changed) mark[e] = 0;
    return all;
  }

  /** Marks the security entries whose derivation used a changed edge, and their nodes; returns how many. */
  brokenBy(changed: readonly number[], removed: number | undefined): number {
    const { base, broken, affected, byVia, children } = this;
    const { c } = this.r;
    const s5 = this.baseS5;
    const stack: number[] = [];
    const breakEntry = (x: number) => {
      if (broken[x] === 0) {
        broken[x] = 1;
        stack.push(x);
        this.brokenList.push(x);
      }
    };
    const viaEdge = (e: number) => {
      for (let k = byVia.start[e]; k < byVia.start[e + 1]; k++) breakEntry(byVia.list[k]);
    };
    /** the steps out of secret S that went through a holder */
    const throughHolder = (S: number) => {
      for (let sd = c.outStart[S]; sd < c.outStart[S + 1]; sd++) if (s5[sd] === S5_HOLDER_ONLY) viaEdge(sd);
    };
    for (const e of changed) viaEdge(e);
    if (removed !== undefined && c.edgeKind[removed] === E.holds) throughHolder(c.tgt[removed]);
    let count = 0;
    while (stack.length > 0) {
      const x = stack.pop()!;
      count++;
      const v = base.entNode[x];
      if (affected[v] === 0) {
        affected[v] = 1;
        this.affectedList.push(v);
        // v a holder: the steps out of what it holds that needed a holder may have needed v
        for (let h = c.outStart[v]; h < c.outStart[v + 1]; h++) if (c.edgeKind[h] === E.holds) throughHolder(c.tgt[h]);
      }
      for (let k = children.start[x]; k < children.start[x + 1]; k++) breakEntry(children.list[k]);
    }
    return count;
  }

  /** Resets the affected nodes and resumes the security pass from every step into them. */
  resume(): Detection {
    const { base, r: run, dead, affected, affectedList, broken, byNode, inEdges, journal } = this;
    const { c, p, w } = run;
    const { candT, secLevel, secEntry } = w;
    const { src, tgt, outStart, holdStart, holdEdges } = c;
    const { fwd, premise, rev, s5, delay } = p;
    const { invalidAt } = w;
    const rh = this.responseHours;
    for (const v of affectedList) {
      journal.push(-1 - v);
      secLevel[v] = -1;
      secEntry[v] = -1;
      candT[3 * v] = Infinity;
      candT[3 * v + 1] = Infinity;
      candT[3 * v + 2] = Infinity;
    }
    // Detection by the nodes left as they were: the first of the base run's detections not reset.
    let det: Detection = { detectedAt: Infinity, containedAt: Infinity, detectedBy: -1 };
    for (const { v, at } of this.detectors) {
      if (affected[v] === 0) {
        det = { detectedAt: at, containedAt: at + rh, detectedBy: v };
        break;
      }
    }
    w.heap.clear();
    const sec = securityRun(run, rh, det, journal);
    const isDead = (e: number) => dead[e] === 1;
    for (const v of affectedList) {
      if (this.attacked[v] === 1) sec.push(v, CONTROL, 0, -1, -1);
      // its entries that did not use the change, at their times
      for (let k = byNode.start[v]; k < byNode.start[v + 1]; k++) {
        const x = byNode.list[k];
        if (broken[x] === 0) sec.push(v, base.entEff[x], base.entAt[x], base.entEdge[x], base.entFrom[x]);
      }
      // forward steps from nodes left as they were
      for (let k = inEdges.start[v]; k < inEdges.start[v + 1]; k++) {
        const ed = inEdges.list[k];
        const u = src[ed];
        const pr = premise[ed];
        if (isDead(ed) || affected[u] === 1 || pr === NO_PREMISE || secLevel[u] < pr || fwd[ed] < 0) continue;
        const tu = candT[3 * u + pr];
        let at = hours(tu + delay[ed]);
        if (s5[ed] === S5_HOLDER_ONLY) {
          // §5 through a holder: the first holder at control, of those left as they were (the others fire when reached)
          let th = Infinity;
          for (let h = holdStart[u]; h < holdStart[u + 1]; h++) {
            const he = holdEdges[h];
            const H = src[he];
            if (!isDead(he) && affected[H] === 0 && secLevel[H] === CONTROL && candT[3 * H + CONTROL] < th) th = candT[3 * H + CONTROL];
          }
          if (th === Infinity) continue;
          at = hours(Math.max(tu, th) + delay[ed]);
        }
        if (at <= invalidAt[u]) sec.push(v, fwd[ed], at, ed, secEntry[u]);
      }
      // reverse steps (depends-on, trusts, issued-by) from targets left as they were, at control
      for (let ed = outStart[v]; ed < outStart[v + 1]; ed++) {
        const T = tgt[ed];
        if (rev[ed] === 0 || isDead(ed) || affected[T] === 1 || secLevel[T] !== CONTROL) continue;
        const at = hours(candT[3 * T + CONTROL] + delay[ed]);
        if (at <= invalidAt[T]) sec.push(v, CONTROL, at, ed, secEntry[T]);
      }
    }
    sec.drain();
    return sec.detection();
  }

  /** Puts the base run's state back. */
  restore(): void {
    const { journal, broken, affected, affectedList } = this;
    const { w } = this.r;
    for (const s of journal) {
      if (s >= 0) {
        w.candT[s] = this.snapT[s];
        w.candE[s] = this.snapE[s];
        w.candF[s] = this.snapF[s];
      } else {
        const v = -1 - s;
        w.secLevel[v] = this.snapLevel[v];
        w.secEntry[v] = this.snapEntry[v];
        for (let l = 0; l < 3; l++) {
          w.candT[3 * v + l] = this.snapT[3 * v + l];
          w.candE[3 * v + l] = this.snapE[3 * v + l];
          w.candF[3 * v + l] = this.snapF[3 * v + l];
        }
      }
    }
    journal.length = 0;
    for (const x of this.brokenList) broken[x] = 0;
    this.brokenList.length = 0;
    for (const v of affectedList) affected[v] = 0;
    affectedList.length = 0;
    this.r.count = this.baseCount;
  }
}
