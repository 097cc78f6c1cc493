/**
 * Many runs of one scenario, each differing from it by one change: an edge left out, one patch, or another
 * `responseHours` (the choke-point ranking of §9). A trial gives exactly what a full run with the change
 * gives for what the ranking reads (score, whether anything beyond the breaks is reached, detection, how
 * many nodes go down), at the cost of what the change can reach, not of the whole graph.
 *
 * A change that only takes away (an edge left out, a control that stops a rule, a lower access, a bound
 * or shorter-lived secret) can only make steps later or drop them (§7, monotonicity), as long as detection
 * does not move and no rotation response plays a part. Then:
 * - availability is run again on its own (it is small) only if the change touches an availability rule; if
 *   that moves when any credential is invalidated (§5), the trial is a full run;
 * - the trace entries whose derivation used the change are found (the entries whose via is a changed edge,
 *   everything derived from them, and the steps through a holder whose holder lost its entry); the nodes
 *   they reach are reset, their other entries kept as candidates at their times, and the security pass
 *   resumes from every step into them from the rest of the run;
 * - if detection then comes at another hour, the trial is a full run.
 * Anything else (a change that adds, a rotation in the scenario, a monitor or a faster response) is a full
 * run. test/unit/engine/trials.test.ts checks on random models that both ways give the same ranking.
 */
import { BREAK_INFO } from '../domain/kinds.ts';
import { AV_DOWN_AFTER_TTL, CONTROL, E, NO_PREMISE, S5_HOLDER_ONLY } from './codes.ts';
import type { CompiledModel } from './compile.ts';
import type { Core } from './core.ts';
import { runCore } from './core.ts';
import { availabilityPass } from './availability.ts';
import type { Params, Patch } from './params.ts';
import { cloneParams, mergedProps, overlayPatch } from './params.ts';
import type { Prepared } from './run.ts';
import { round9, scoreOf, WEIGHT10 } from './run.ts';
import { securityRun } from './security.ts';
import { DownRegion } from './trialDown.ts';
import type { Detection } from './security.ts';
import type { RunState, Workspace } from './workspace.ts';
import { createWorkspace, resetAvailability } from './workspace.ts';

export interface Change {
  /** an edge left out */
  remove?: number;
  /** props patched on one node or edge, over the scenario's own patches */
  patch?: Patch;
  responseHours?: number;
}

/** What the ranking reads of a run. */
export interface Outcome {
  score: number;
  /** a security step beyond the breaks happened */
  beyond: boolean;
  detectedAt: number;
  containedAt: number;
  /** nodes down */
  downs: number;
  /** how the trial was computed: the base unchanged, resumed from the change, or a full run */
  how: 'same' | 'resumed' | 'full';
}

/** Compressed lists: the items of key k are list[start[k] .. start[k + 1]]. */
function csr(keys: number, count: number, keyOf: (i: number) => number): { start: Int32Array; list: Int32Array } {
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

export class Trials {
  readonly base: Core;
  readonly baseOutcome: Outcome;
  private readonly c: CompiledModel;
  private readonly prep: Prepared;
  /** the scenario's params; a patch is laid on them for one trial and taken off after */
  private readonly p: Params;
  private readonly dead: Uint8Array;
  private readonly merged: ReadonlyMap<string, Record<string, unknown>>;
  private readonly w: Workspace;
  private readonly run: RunState;
  private readonly baseCount: number;
  // the base run's security state, to put back after a trial
  private readonly snapT: Float64Array;
  private readonly snapE: Int32Array;
  private readonly snapF: Int32Array;
  private readonly snapLevel: Int8Array;
  private readonly snapEntry: Int32Array;
  private readonly journal: number[] = [];
  /** forward-rule edges by target */
  private readonly inEdges: { start: Int32Array; list: Int32Array };
  /** security entries by via edge, by the entry they came from, by node */
  private readonly byVia: { start: Int32Array; list: Int32Array };
  private readonly children: { start: Int32Array; list: Int32Array };
  private readonly byNode: { start: Int32Array; list: Int32Array };
  /** nodes a non-prevented break starts at control */
  private readonly attacked: Uint8Array;
  private readonly avail: Workspace;
  private readonly full: Workspace;
  private readonly broken: Uint8Array;
  private readonly affected: Uint8Array;
  /** edges whose removal can change availability: the via of a `down` or `degraded`, or an issued-by that fired */
  private readonly movesAvailability: Uint8Array;
  /** monitored nodes the base run reached, by their detection (time, then id) */
  private readonly detectors: readonly { v: number; at: number }[];
  /** Σ criticality × weight × 10 of the base run, when every criticality is a whole number (so sums are exact) */
  private readonly total10: number | null;
  private readonly beyondCount: number;
  private readonly down: DownRegion;
  /** nodes counted once in an outcome */
  private readonly seen: Uint8Array;

  constructor(prep: Prepared, baseDead: Uint8Array | null) {
    const c = prep.c;
    const n = c.n;
    this.c = c;
    this.prep = prep;
    this.p = cloneParams(prep.params);
    this.dead = baseDead ? baseDead.slice() : new Uint8Array(c.m);
    this.merged = mergedProps(c, prep.scenarioPatches);
    this.w = createWorkspace(n, 3 * n);
    this.base = runCore(c, this.p, prep.events, prep.responseHours, baseDead, this.w);
    const base = this.base;
    this.run = { c, p: this.p, events: prep.events, dead: this.dead, w: this.w, count: base.count };
    this.baseCount = base.count;
    const w = this.w;
    this.snapT = w.candT.slice();
    this.snapE = w.candE.slice();
    this.snapF = w.candF.slice();
    this.snapLevel = w.secLevel.slice();
    this.snapEntry = w.secEntry.slice();
    const { premise } = this.p;
    this.inEdges = csr(n, c.m, (e) => (premise[e] === NO_PREMISE ? -1 : c.tgt[e]));
    const security = (i: number) => base.entEff[i] <= CONTROL;
    this.byVia = csr(c.m, base.count, (i) => (security(i) ? base.entEdge[i] : -1));
    this.children = csr(base.count, base.count, (i) => (security(i) ? base.entFrom[i] : -1));
    this.byNode = csr(n, base.count, (i) => (security(i) ? base.entNode[i] : -1));
    this.attacked = new Uint8Array(n);
    const { breaks } = prep.events;
    for (let b = 0; b < breaks.length; b++) {
      if (!base.prevented.includes(b) && BREAK_INFO[breaks[b].mode].starts === 'control') this.attacked[breaks[b].node] = 1;
    }
    this.avail = createWorkspace(n);
    this.full = createWorkspace(n);
    this.broken = new Uint8Array(base.count);
    this.affected = new Uint8Array(n);
    this.baseOutcome = this.outcome(this.p, w.secLevel, w.downEntry, w.degEntry, base, 'same');
    this.movesAvailability = new Uint8Array(c.m);
    for (let i = 0; i < base.count; i++) if (base.entEff[i] > CONTROL && base.entEdge[i] >= 0) this.movesAvailability[base.entEdge[i]] = 1;
    for (let e = 0; e < c.m; e++) if (this.p.availRev[e] === AV_DOWN_AFTER_TTL && base.downEntry[c.tgt[e]] >= 0) this.movesAvailability[e] = 1;
    const { monitored, detect, crit } = this.p;
    const detectors: { v: number; at: number }[] = [];
    for (let v = 0; v < n; v++) if (monitored[v] === 1 && w.secLevel[v] >= 0) detectors.push({ v, at: w.candT[3 * v] + detect[v] });
    this.detectors = detectors.sort((a, b) => a.at - b.at || c.rank[a.v] - c.rank[b.v]);
    let total10 = 0;
    let whole = true;
    let beyondCount = 0;
    for (let v = 0; v < n; v++) {
      whole &&= Number.isInteger(crit[v]);
      total10 += this.contribution(v, w.secLevel[v], w.downEntry, w.degEntry);
      if (w.secLevel[v] >= 0 && this.attacked[v] === 0) beyondCount++;
    }
    this.total10 = whole && Math.abs(total10) < Number.MAX_SAFE_INTEGER ? total10 : null;
    this.beyondCount = beyondCount;
    const availability = (i: number) => base.entEff[i] > CONTROL;
    const { availFwd } = this.p;
    this.down = new DownRegion(
      this.run,
      this.dead,
      base,
      csr(c.m, base.count, (i) => (availability(i) ? base.entEdge[i] : -1)),
      csr(base.count, base.count, (i) => (availability(i) ? base.entFrom[i] : -1)),
      csr(n, c.m, (e) => (availFwd[e] === 1 ? c.tgt[e] : -1)),
    );
    this.seen = new Uint8Array(n);
  }

  /** A node's part of the score × 10, as `scoreOf` adds it. */
  private contribution(v: number, level: number, downEntry: Int32Array, degEntry: Int32Array): number {
    const { crit } = this.p;
    let total = level >= 0 ? crit[v] * WEIGHT10[level] : 0;
    if (downEntry[v] >= 0) total += crit[v] * WEIGHT10[3];
    else if (degEntry[v] >= 0) total += crit[v] * WEIGHT10[4];
    return total;
  }

  /**
   * The outcome of a resumed trial: only the nodes reset (by availability or security) can have moved, so
   * the score moves by their parts (exact: whole numbers); otherwise counted over every node.
   */
  private resumedOutcome(reset: readonly number[], d: Detection): Outcome {
    const { w, total10, seen, down } = this;
    if (total10 === null) return this.outcome(this.p, w.secLevel, w.downEntry, w.degEntry, d, 'resumed');
    let total = total10;
    let beyond = this.beyondCount;
    let downs = this.baseOutcome.downs;
    const count = (v: number) => {
      if (seen[v] === 1) return;
      seen[v] = 1;
      total += this.contribution(v, w.secLevel[v], w.downEntry, w.degEntry) - this.contribution(v, this.snapLevel[v], down.downEntry, down.degEntry);
      if (this.attacked[v] === 0) beyond += (w.secLevel[v] >= 0 ? 1 : 0) - (this.snapLevel[v] >= 0 ? 1 : 0);
      downs += (w.downEntry[v] >= 0 ? 1 : 0) - (down.downEntry[v] >= 0 ? 1 : 0);
    };
    for (const v of reset) count(v);
    for (const v of this.affectedList) count(v);
    for (const v of reset) seen[v] = 0;
    for (const v of this.affectedList) seen[v] = 0;
    return { score: round9(total / 10), beyond: beyond > 0, detectedAt: d.detectedAt, containedAt: d.containedAt, downs, how: 'resumed' };
  }

  private outcome(p: Params, secLevel: Int8Array, downEntry: Int32Array, degEntry: Int32Array, d: Detection, how: Outcome['how']): Outcome {
    let beyond = false;
    let downs = 0;
    for (let v = 0; v < secLevel.length; v++) {
      if (secLevel[v] >= 0 && this.attacked[v] === 0) beyond = true;
      if (downEntry[v] >= 0) downs++;
    }
    const score = scoreOf(p.crit, secLevel, downEntry, degEntry);
    return { score, beyond, detectedAt: d.detectedAt, containedAt: d.containedAt, downs, how };
  }

  /** The outcome of the scenario with `change`. */
  trial(change: Change): Outcome {
    const { c, p, dead } = this;
    if (change.responseHours !== undefined) return this.fullRun(change.responseHours);
    let changed: number[];
    let undo = () => {};
    let node = -1;
    if (change.remove !== undefined) {
      const e = change.remove;
      if (dead[e] === 1) return this.baseOutcome;
      dead[e] = 1;
      undo = () => (dead[e] = 0);
      changed = [e];
    } else {
      const before = this.codes(change.patch!);
      const overlay = overlayPatch(c, p, this.merged, change.patch!);
      undo = overlay.undo;
      node = overlay.node;
      changed = [];
      for (let k = 0; k < overlay.edges.length; k++) {
        const e = overlay.edges[k];
        const b = before[k];
        if (p.fwd[e] === b.fwd && p.premise[e] === b.premise && p.rev[e] === b.rev && p.s5[e] === b.s5 && p.delay[e] === b.delay) continue;
        // only changes that take away: a lower level, a higher premise, a rule gone, a later step
        const takesAway =
          p.fwd[e] <= b.fwd && p.premise[e] >= b.premise && p.rev[e] <= b.rev && p.delay[e] >= b.delay && (p.s5[e] === b.s5 || p.s5[e] === S5_HOLDER_ONLY);
        if (!takesAway || p.availRev[e] !== b.availRev || p.availFwd[e] !== b.availFwd) {
          const out = this.fullRun(this.prep.responseHours);
          undo();
          return out;
        }
        changed.push(e);
      }
      // a patch on detection or on what prevents a break is a full run
      const was = this.prep.params;
      const same = (key: 'monitored' | 'detect' | 'autoRenew' | 'crit') => node < 0 || p[key][node] === was[key][node];
      if (!same('monitored') || !same('detect') || !same('autoRenew') || !same('crit')) {
        const out = this.fullRun(this.prep.responseHours);
        undo();
        return out;
      }
    }
    try {
      return this.resumed(changed, change.remove, node);
    } finally {
      undo();
    }
  }

  private codes(patch: Patch): { fwd: number; premise: number; rev: number; s5: number; delay: number; availRev: number; availFwd: number }[] {
    const { c, p } = this;
    const i = c.nodeIndex.get(patch.id);
    const edges: number[] = [];
    if (i !== undefined) for (let e = c.outStart[i]; e < c.outStart[i + 1]; e++) edges.push(e);
    else {
      const e = c.edgeIndex().get(patch.id);
      if (e !== undefined) edges.push(e);
    }
    return edges.map((e) => ({
      fwd: p.fwd[e],
      premise: p.premise[e],
      rev: p.rev[e],
      s5: p.s5[e],
      delay: p.delay[e],
      availRev: p.availRev[e],
      availFwd: p.availFwd[e],
    }));
  }

  private fullRun(responseHours: number): Outcome {
    const core = runCore(this.c, this.p, this.prep.events, responseHours, this.dead, this.full);
    return this.outcome(this.p, core.secLevel, core.downEntry, core.degEntry, core, 'full');
  }

  /** The trial resumed from the change: see the head of this file. */
  private resumed(changed: readonly number[], removed: number | undefined, node: number): Outcome {
    const { p, base } = this;
    if (this.prep.events.rotations !== null) return this.fullRun(this.prep.responseHours);
    const ttlChanged = node >= 0 && !Object.is(p.ttl[node], this.prep.params.ttl[node]) && this.issuerDown(node);
    if (ttlChanged) return this.withAvailabilityRun(changed, removed);
    let reset: readonly number[] = [];
    if (removed !== undefined && this.movesAvailability[removed] === 1) {
      const r = this.down.resume(removed);
      if (r === null) return this.fullRun(this.prep.responseHours);
      reset = r;
    }
    const seeds = this.brokenBy(changed, removed);
    let out = this.baseOutcome;
    if (seeds > 0 || reset.length > 0) {
      const detection = seeds > 0 ? this.resume() : base;
      out = detection.detectedAt !== base.detectedAt ? this.fullRun(this.prep.responseHours) : this.resumedOutcome(reset, detection);
    }
    this.restore();
    this.down.restore();
    return out;
  }

  /** Did an issuer of secret v (an issued-by edge out of it) go down in the base run? */
  private issuerDown(v: number): boolean {
    const { c } = this;
    for (let e = c.outStart[v]; e < c.outStart[v + 1]; e++) if (this.p.availRev[e] === AV_DOWN_AFTER_TTL && this.w.downEntry[c.tgt[e]] >= 0) return true;
    return false;
  }

  /** A change to a TTL whose issuer went down: availability run again on its own, counted over every node. */
  private withAvailabilityRun(changed: readonly number[], removed: number | undefined): Outcome {
    const { c, p, base, w } = this;
    const a = this.avail;
    resetAvailability(a);
    availabilityPass({ c, p, events: this.prep.events, dead: this.dead, w: a, count: 0 });
    for (let v = 0; v < c.n; v++) if (!Object.is(a.invalidAt[v], w.invalidAt[v])) return this.fullRun(this.prep.responseHours);
    const seeds = this.brokenBy(changed, removed);
    const detection = seeds > 0 ? this.resume() : base;
    const out =
      detection.detectedAt !== base.detectedAt
        ? this.fullRun(this.prep.responseHours)
        : this.outcome(p, w.secLevel, a.downEntry, a.degEntry, detection, 'resumed');
    this.restore();
    return out;
  }

  /** Marks the security entries whose derivation used a changed edge, and their nodes; returns how many. */
  private brokenBy(changed: readonly number[], removed: number | undefined): number {
    const { c, base, broken, affected, byVia, children } = this;
    const { s5 } = this.prep.params;
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

  private readonly affectedList: number[] = [];
  private readonly brokenList: number[] = [];

  /** Resets the affected nodes and resumes the security pass from every step into them. */
  private resume(): Detection {
    const { c, p, base, w, run, dead, affected, affectedList, broken, byNode, inEdges, journal } = this;
    const { candT, secLevel, secEntry } = w;
    const { src, tgt, outStart, holdStart, holdEdges } = c;
    const { fwd, premise, rev, s5, delay } = p;
    const { invalidAt } = w;
    const rh = this.prep.responseHours;
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
    w.heap.size = 0;
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
        let at = tu + delay[ed];
        if (s5[ed] === S5_HOLDER_ONLY) {
          // §5 through a holder: the first holder at control, of those left as they were (the others fire when reached)
          let th = Infinity;
          for (let h = holdStart[u]; h < holdStart[u + 1]; h++) {
            const he = holdEdges[h];
            const H = src[he];
            if (!isDead(he) && affected[H] === 0 && secLevel[H] === CONTROL && candT[3 * H + CONTROL] < th) th = candT[3 * H + CONTROL];
          }
          if (th === Infinity) continue;
          at = Math.max(tu, th) + delay[ed];
        }
        if (at <= invalidAt[u]) sec.push(v, fwd[ed], at, ed, secEntry[u]);
      }
      // reverse steps (depends-on, trusts, issued-by) from targets left as they were, at control
      for (let ed = outStart[v]; ed < outStart[v + 1]; ed++) {
        const T = tgt[ed];
        if (rev[ed] === 0 || isDead(ed) || affected[T] === 1 || secLevel[T] !== CONTROL) continue;
        const at = candT[3 * T + CONTROL] + delay[ed];
        if (at <= invalidAt[T]) sec.push(v, CONTROL, at, ed, secEntry[T]);
      }
    }
    sec.drain();
    return sec.detection();
  }

  /** Puts the base run's state back. */
  private restore(): void {
    const { w, journal, broken, affected, affectedList } = this;
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
    this.run.count = this.baseCount;
  }
}
