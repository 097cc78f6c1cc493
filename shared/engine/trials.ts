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
 *   resumes from every step into them from the rest of the run; unless each entry whose via is a changed
 *   edge has another step into its node that the change cannot touch (dominated: trialSecurity.ts): the
 *   trial is then pruned, its outcome is the base run's;
 * - if detection then comes at another hour, the trial is a full run.
 * Anything else (a change that adds, a rotation in the scenario, a monitor or a faster response) is a full
 * run. test/unit/engine/trials.test.ts checks on random models that both ways give the same ranking.
 */
import { isSecurityBreak } from '../domain/index.ts';
import { AV_DOWN_AFTER_TTL, CONTROL, DEGRADED, DOWN, E, S5_HOLDER_ONLY } from './codes.ts';
import type { CompiledModel } from './compile.ts';
import type { Core } from './core.ts';
import { runCore } from './core.ts';
import { availabilityPass } from './availability.ts';
import type { EdgeArray, Params, Patch } from './params.ts';
import { cloneParams, mergedProps, overlayPatch } from './params.ts';
import type { Prepared } from './run.ts';
import { round9, scoreOf, WEIGHT10 } from './run.ts';
import { DownRegion } from './trialDown.ts';
import { csr, SecurityRegion } from './trialSecurity.ts';
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
  /**
   * how the trial was computed: the base unchanged, pruned (every step the change takes away has another
   * the change cannot touch: trialSecurity.ts `dominated`), resumed from the change, or a full run
   */
  how: 'same' | 'pruned' | 'resumed' | 'full';
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
  /** nodes a non-prevented break starts at control */
  private readonly attacked: Uint8Array;
  private readonly avail: Workspace;
  private readonly full: Workspace;
  /** edges whose removal can change availability: the via of a `down` or `degraded`, or an issued-by that fired */
  private readonly movesAvailability: Uint8Array;
  /** Σ criticality × weight × 10 of the base run, when every criticality is a whole number (so sums are exact) */
  private readonly total10: number | null;
  private readonly beyondCount: number;
  private readonly down: DownRegion;
  private readonly sec: SecurityRegion;
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
    const w = this.w;
    this.attacked = new Uint8Array(n);
    const { breaks } = prep.events;
    for (let b = 0; b < breaks.length; b++) {
      if (!base.prevented.includes(b) && isSecurityBreak(breaks[b].mode)) this.attacked[breaks[b].node] = 1;
    }
    this.avail = createWorkspace(n);
    this.full = createWorkspace(n);
    this.baseOutcome = this.outcome(this.p, w.secLevel, w.downEntry, w.degEntry, base, 'same');
    this.movesAvailability = new Uint8Array(c.m);
    for (let i = 0; i < base.count; i++) if (base.entEff[i] > CONTROL && base.entEdge[i] >= 0) this.movesAvailability[base.entEdge[i]] = 1;
    for (let e = 0; e < c.m; e++) if (this.p.availRev[e] === AV_DOWN_AFTER_TTL && base.downEntry[c.tgt[e]] >= 0) this.movesAvailability[e] = 1;
    const { crit } = this.p;
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
    this.sec = new SecurityRegion(this.run, this.dead, base, prep.params.s5, this.attacked, prep.responseHours);
  }

  /** A node's part of the score × 10, as `scoreOf` adds it. */
  private contribution(v: number, level: number, downEntry: Int32Array, degEntry: Int32Array): number {
    const { crit } = this.p;
    let total = level >= 0 ? crit[v] * WEIGHT10[level] : 0;
    if (downEntry[v] >= 0) total += crit[v] * WEIGHT10[DOWN];
    else if (degEntry[v] >= 0) total += crit[v] * WEIGHT10[DEGRADED];
    return total;
  }

  /**
   * The outcome of a resumed trial: only the nodes reset (by availability or security) can have moved, so
   * the score moves by their parts (exact: whole numbers); otherwise counted over every node.
   */
  private resumedOutcome(reset: readonly number[], d: Detection): Outcome {
    const { w, total10, seen, down, sec } = this;
    if (total10 === null) return this.outcome(this.p, w.secLevel, w.downEntry, w.degEntry, d, 'resumed');
    let total = total10;
    let beyond = this.beyondCount;
    let downs = this.baseOutcome.downs;
    const count = (v: number) => {
      if (seen[v] === 1) return;
      seen[v] = 1;
      total += this.contribution(v, w.secLevel[v], w.downEntry, w.degEntry) - this.contribution(v, sec.snapLevel[v], down.downEntry, down.degEntry);
      if (this.attacked[v] === 0) beyond += (w.secLevel[v] >= 0 ? 1 : 0) - (sec.snapLevel[v] >= 0 ? 1 : 0);
      downs += (w.downEntry[v] >= 0 ? 1 : 0) - (down.downEntry[v] >= 0 ? 1 : 0);
    };
    for (const v of reset) count(v);
    for (const v of sec.affectedList) count(v);
    for (const v of reset) seen[v] = 0;
    for (const v of sec.affectedList) seen[v] = 0;
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
      const overlay = overlayPatch(c, p, this.merged, change.patch!);
      undo = overlay.undo;
      node = overlay.node;
      changed = [];
      for (let k = 0; k < overlay.edges.length; k++) {
        const e = overlay.edges[k];
        const b = (key: EdgeArray) => overlay.before(k, key);
        if (p.fwd[e] === b('fwd') && p.premise[e] === b('premise') && p.rev[e] === b('rev') && p.s5[e] === b('s5') && p.delay[e] === b('delay')) continue;
        // only changes that take away: a lower level, a higher premise, a rule gone, a later step
        const takesAway =
          p.fwd[e] <= b('fwd') &&
          p.premise[e] >= b('premise') &&
          p.rev[e] <= b('rev') &&
          p.delay[e] >= b('delay') &&
          (p.s5[e] === b('s5') || p.s5[e] === S5_HOLDER_ONLY);
        if (!takesAway || p.availRev[e] !== b('availRev') || p.availFwd[e] !== b('availFwd')) {
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
    const touchesAvailability = removed !== undefined && this.movesAvailability[removed] === 1;
    let reset: readonly number[] = [];
    if (touchesAvailability) {
      const r = this.down.resume(removed);
      if (r === null) return this.fullRun(this.prep.responseHours);
      reset = r;
    }
    const seeds = this.sec.brokenBy(changed, removed);
    // pruned: a change that leaves availability and the holders alone, whose every step has another
    const prunable = !touchesAvailability && !(removed !== undefined && this.c.edgeKind[removed] === E.holds);
    let out = this.baseOutcome;
    if (seeds > 0 && prunable && this.sec.dominated(changed)) out = { ...out, how: 'pruned' };
    else if (seeds > 0 || reset.length > 0) {
      const detection = seeds > 0 ? this.sec.resume() : base;
      out = detection.detectedAt !== base.detectedAt ? this.fullRun(this.prep.responseHours) : this.resumedOutcome(reset, detection);
    }
    this.sec.restore();
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
    const seeds = this.sec.brokenBy(changed, removed);
    const detection = seeds > 0 ? this.sec.resume() : base;
    const out =
      detection.detectedAt !== base.detectedAt
        ? this.fullRun(this.prep.responseHours)
        : this.outcome(p, w.secLevel, a.downEntry, a.degEntry, detection, 'resumed');
    this.sec.restore();
    return out;
  }
}
