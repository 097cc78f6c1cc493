/**
 * The security pass of the core (§4 compromise rules, §5, §7), after the availability pass.
 *
 * One slot per (node, level), level read < write < control. The heap pops by (time, level desc, node id);
 * a slot's candidate keeps the lexicographically smallest edge id among equal times (a break beats any
 * edge). Popping a slot raises the node to that level and fires, once, every rule whose premise level was
 * newly reached. A secret or identity reached at any level is at control. A step arriving strictly after
 * `containedAt` never happens: the pass stops at the first such pop, exact because later detections come
 * from later pops and so cannot contain earlier than them.
 *
 * Invalid carries nothing (§5): a step out of a node invalidated at u (forward or reverse, by any rule)
 * happens only if it arrives at or before u. Reading: "after u" is strict, as it is for containment, and
 * as a copy's end is inclusive for a TTL (d ≤ validity) and a rotation (at or before R): a credential
 * revoked at 4 h still carries a step that arrives at 4 h, and nothing later. With every default delay
 * out of a secret above 0, an expire or revoke at 0 carries nothing. The node itself is still reached
 * (the attacker holds a dead copy).
 *
 * §5 out of a secret S (authenticates, grants, signs): the stolen copy fires at t + d when S is not bound,
 * d ≤ min(ttlHours, rotationDays × 24) and, when a rotate response comes at R > t (the first such R),
 * t + d ≤ R. Through a holder (a `holds` edge H → S not left out) it fires at max(t, u) + d, whichever of
 * S (at t) and H (at u) reaches control second firing it; rotation does not touch it. The stolen copy is
 * taken when S is first reached; a route that reaches S again at or after a rotation that ended that copy
 * takes a new one, "a copy of the new secret" (§5), which carries S's copy steps afresh until the next
 * rotation (copyAgain: the earliest such copy per interval between rotations). A holder the attacker
 * controls gets every new copy. The via is the step's edge from S's entry.
 *
 * Detection: the first security effect on a monitored node, a break included, at t gives t + detectHours;
 * the earliest is `detectedAt`, the node `detectedBy` (ties: smaller id).
 *
 * Trace entries are the steps up. A higher level reached at the same time as the node's current top
 * entry upgrades that entry in place (vias that name it then read the upgraded effect), unless the new
 * step was itself derived from that entry at the same time; then it is a new entry, so that following
 * `via` back can never loop.
 */
import { isSecurityBreak } from '../domain/index.ts';
import { CONTROL, S5_COPY, S5_NO, SEC_HOLDS, levelOf, premiseOf, s5Of } from './codes.ts';
import { hours } from './hours.ts';
import type { RunState } from './workspace.ts';
import { addEntry, better } from './workspace.ts';

export interface Detection {
  detectedAt: number;
  containedAt: number;
  /** the node whose detection set `detectedAt`, -1 when undetected */
  detectedBy: number;
}

/** How many of `hours` (ascending) are at or before `t`: the interval between rotations `t` falls in. */
function rotationsUpTo(hours: readonly number[], t: number): number {
  let k = 0;
  while (k < hours.length && hours[k] <= t) k++;
  return k;
}

/** The first hour in `hours` (ascending) strictly after `t`, or Infinity. */
export function firstAfter(hours: readonly number[] | undefined, t: number): number {
  if (hours === undefined) return Infinity;
  const k = rotationsUpTo(hours, t);
  return k < hours.length ? hours[k] : Infinity;
}

const UNDETECTED: Detection = { detectedAt: Infinity, containedAt: Infinity, detectedBy: -1 };

/** Runs the pass from the breaks that start a compromise (not the prevented ones); returns the detection. */
export function securityPass(r: RunState, prevented: readonly number[], responseHours: number): Detection {
  const run = securityRun(r, responseHours, UNDETECTED);
  const { breaks } = r.events;
  for (let b = 0, k = 0; b < breaks.length; b++) {
    if (prevented[k] === b) {
      k++;
      continue;
    }
    const { mode, node } = breaks[b];
    if (isSecurityBreak(mode)) run.push(node, CONTROL, 0, -1, -1);
  }
  run.drain();
  return run.detection();
}

/** A security pass as steps: candidates pushed, then drained in time order. */
interface SecurityRun {
  /** a candidate step: node v at level L at `at`, by edge e (-1: a break) from trace entry `from` */
  push(v: number, L: number, at: number, e: number, from: number): void;
  /** pops candidates in order, raising nodes and firing their rules, until none is left or containment */
  drain(): void;
  detection(): Detection;
}

/**
 * The pass over the workspace as it stands, with `start` as the detection so far: a fresh run starts from a
 * reset workspace and UNDETECTED; the choke-point ranking resumes one from a previous run's state.
 * `journal`, when given, gets every slot whose candidate is written (s) and every node raised (-1 - v), so
 * that the state can be put back afterwards.
 */
export function securityRun(r: RunState, responseHours: number, start: Detection, journal: number[] | null = null): SecurityRun {
  const { n, rank, edgeOrder, src, tgt, outStart, revStart, revEdges, revSrc, holdStart, holdEdges } = r.c;
  const { sec, revDelay, delay, monitored, detect } = r.p;
  const { rotations } = r.events;
  const { dead, w } = r;
  const { entEff, entAt, entEdge, entFrom, candT, candE, candF, candSeen, secLevel, secEntry, invalidAt, copyEnd, heap } = w;
  // candT[v*3+L]: best candidate time for node v at level L; once v is at L or above, the time it got
  // there, so no later candidate pushes again. candE/candF: its edge and the trace entry it used.
  let { detectedAt, containedAt, detectedBy } = start;

  /**
   * Most steps reach nodes already at the level: the byte per node answers that from cache, and this test is
   * small enough to be inlined where steps are made, so that only the steps that pass it call `offer` (a
   * time passed to a call that is not inlined is boxed: an allocation per step when it is not a whole hour).
   */
  const pushSec = (v: number, L: number, at: number, e: number, from: number): void => {
    if (secLevel[v] < L && at <= containedAt) {
      offerAt[0] = at;
      offer(v, L, e, from);
    } else if (rotations !== null && at <= containedAt) {
      offerAt[0] = at;
      copyAgain(v);
    }
  };
  /** The time of the step `offer` takes: passed in an array, as a double argument it would be boxed. */
  const offerAt = new Float64Array(1);
  const offer = (v: number, L: number, e: number, from: number): void => {
    const at = offerAt[0];
    const s = v * 3 + L;
    // the slot's first candidate: its time is Infinity (Workspace.candSeen), no need to read it
    const seen = candSeen[v];
    const ct = (seen & (1 << L)) === 0 ? Infinity : candT[s];
    if (at < ct) {
      if (late !== null && ct !== Infinity) keepLate(v, ct);
      candSeen[v] = seen | (1 << L);
      if (journal !== null) journal.push(s);
      candT[s] = at;
      candE[s] = e;
      candF[s] = from;
      heap.push(at, (CONTROL - L) * n + rank[v], s);
    } else if (at === ct && better(edgeOrder, e, candE[s])) {
      if (journal !== null) journal.push(s);
      candE[s] = e;
      candF[s] = from;
    } else if (late !== null && at > ct) keepLate(v, at);
  };
  /**
   * A rotated secret's routes that lost to an earlier one before it was reached: once it is, each may be a
   * copy taken after a rotation (copyAgain).
   */
  const late = rotations !== null ? new Map<number, number[]>() : null;
  const keepLate = (v: number, at: number): void => {
    if (!rotations!.has(v)) return;
    const list = late!.get(v);
    if (list === undefined) late!.set(v, [at]);
    else list.push(at);
  };
  /**
   * §5: "a copy taken at or after R is a copy of the new secret". A route that reaches a rotated secret v
   * again, at or after a rotation that ended its first copy, takes a new copy: the earliest such copy in
   * each interval between rotations carries v's stolen-copy steps afresh, until the next rotation. Its steps
   * name v's one trace entry (the first copy) as their via; the explanation says which copy carried them.
   * Called in time order's wake: the copy's hour (offerAt) is never before now, so its steps are too.
   */
  const copies = rotations !== null ? new Map<number, Float64Array>() : null;
  const copyAgain = (v: number): void => {
    const list = rotations!.get(v);
    if (list === undefined || secEntry[v] < 0) return;
    const at = offerAt[0];
    // Before the rotation that ended the first copy (copyEnd), this is that copy again.
    if (at < copyEnd[v]) return;
    const k = rotationsUpTo(list, at);
    let taken = copies!.get(v);
    if (taken === undefined) copies!.set(v, (taken = new Float64Array(list.length + 1).fill(Infinity)));
    if (at >= taken[k]) return;
    taken[k] = at;
    const end = Math.min(firstAfter(list, at), invalidAt[v]);
    for (let ed = outStart[v], last = outStart[v + 1]; ed < last; ed++) {
      const code = sec[ed];
      if (s5Of(code) !== S5_COPY || (dead !== null && dead[ed] === 1)) continue;
      const arrival = hours(at + delay[ed]);
      if (arrival <= end) pushSec(tgt[ed], levelOf(code), arrival, ed, secEntry[v]);
    }
  };

  /** does following `via` back from entry `from`, through entries at time t, reach entry `target`? */
  const derivesFrom = (from: number, target: number, t: number): boolean => {
    for (let x = from; x >= 0 && entAt[x] === t; x = entFrom[x]) if (x === target) return true;
    return false;
  };
  /**
   * The hour the first holder of secret v (a `holds` edge into it, not left out) reached control, Infinity
   * for none yet. In a run from the start that is at most now (holders come in time order); in a run
   * resumed from a previous one's state, a holder left as it was may be reached later than now.
   */
  const holderAt = (v: number): number => {
    let first = Infinity;
    for (let k = holdStart[v]; k < holdStart[v + 1]; k++) {
      const ed = holdEdges[k];
      if (dead !== null && dead[ed] === 1) continue;
      const H = src[ed];
      if (secLevel[H] === CONTROL && candT[H * 3 + CONTROL] < first) first = candT[H * 3 + CONTROL];
    }
    return first;
  };

  /** Raises v to level L now: a new trace entry, or the node's top entry upgraded in place. */
  const raise = (v: number, L: number, e: number, f: number, old: number): number => {
    const t = heap.time;
    if (journal !== null) journal.push(-1 - v);
    const top = secEntry[v];
    let en: number;
    if (old >= 0 && entAt[top] === t && !derivesFrom(f, top, t)) {
      entEff[top] = L;
      entEdge[top] = e;
      entFrom[top] = f;
      en = top;
    } else {
      en = addEntry(r, v, L, t, e, f);
      secEntry[v] = en;
    }
    secLevel[v] = L;
    for (let l = old + 1; l < L; l++) {
      if (candT[v * 3 + l] > t) {
        candT[v * 3 + l] = t;
        candSeen[v] |= 1 << l;
      }
    }
    return en;
  };

  /** A monitored node reached for the first time at t is detected at t + detectHours. */
  const detectAt = (v: number, t: number): void => {
    const d = hours(t + detect[v]);
    if (d < detectedAt || (d === detectedAt && rank[v] < rank[detectedBy])) {
      detectedAt = d;
      containedAt = hours(d + responseHours);
      detectedBy = v;
    }
  };

  /**
   * Forward rules out of v whose premise level (read, write or control) was just reached, going from old
   * to L at t: by §5 for a step out of a secret; and, where v holds a secret, the secret's steps that
   * needed a holder (v comes second).
   */
  const fireForward = (v: number, L: number, old: number, en: number): void => {
    const t = heap.time;
    const inv = invalidAt[v];
    const cut = rotations !== null ? copyEnd[v] : Infinity;
    let holder = NaN;
    for (let ed = outStart[v], end = outStart[v + 1]; ed < end; ed++) {
      const code = sec[ed];
      const pr = premiseOf(code);
      if (pr <= old || pr > L || (dead !== null && dead[ed] === 1)) continue;
      const at = hours(t + delay[ed]);
      if (at <= inv) {
        const rule = s5Of(code);
        const level = levelOf(code);
        if (rule === S5_NO || (rule === S5_COPY && at <= cut)) {
          pushSec(tgt[ed], level, at, ed, en);
        } else {
          // §5 through a holder that came first: max(t, u) + d (u ≤ t in a run from the start).
          if (Number.isNaN(holder)) holder = holderAt(v);
          if (holder < Infinity) {
            const hat = hours(Math.max(t, holder) + delay[ed]);
            if (hat <= inv) pushSec(tgt[ed], level, hat, ed, en);
          }
        }
      }
      if ((code & SEC_HOLDS) !== 0) fireAsHolder(tgt[ed]);
    }
  };

  /** §5 through a holder, the holder is reached now (t) and comes second: secret S was at control at ts ≤ t. */
  const fireAsHolder = (S: number): void => {
    if (secLevel[S] !== CONTROL) return;
    const t = heap.time;
    const sCut = rotations !== null ? copyEnd[S] : Infinity;
    // S's entry and invalidation are read at the first step that needs them: without rotations, most of a
    // secret's steps are copy steps, which its copy carried already.
    let se = -1;
    let ts = NaN;
    for (let sd = outStart[S], send = outStart[S + 1]; sd < send; sd++) {
      const code = sec[sd];
      const rule = s5Of(code);
      if (rule === S5_NO || (dead !== null && dead[sd] === 1)) continue;
      // a copy step the copy itself carried (not cut by a rotation) came earlier already
      if (rule === S5_COPY && (sCut === Infinity || hours(entAt[secEntry[S]] + delay[sd]) <= sCut)) continue;
      if (se < 0) {
        se = secEntry[S];
        ts = entAt[se];
      }
      const sat = hours(Math.max(ts, t) + delay[sd]);
      if (sat <= invalidAt[S]) pushSec(tgt[sd], levelOf(code), sat, sd, se);
    }
  };

  /** Reverse rules (depends-on, trusts, issued-by) into v at control: T control ⇒ S control. */
  const fireReverse = (v: number, en: number): void => {
    const t = heap.time;
    const inv = invalidAt[v];
    for (let k = revStart[v], end = revStart[v + 1]; k < end; k++) {
      // NaN where the edge's reverse rule does not hold: such a step fails `at <= inv`
      const at = hours(t + revDelay[k]);
      if (!(at <= inv)) continue;
      const ed = revEdges[k];
      if (dead === null || dead[ed] === 0) pushSec(revSrc[k], CONTROL, at, ed, en);
    }
  };

  const drain = (): void => {
    while (heap.size > 0) {
      const s = heap.pop();
      const t = heap.time;
      if (t > containedAt) break;
      if (candT[s] !== t) continue;
      const v = (s / 3) | 0;
      const L = s - v * 3;
      const old = secLevel[v];
      if (old >= L) continue;
      const en = raise(v, L, candE[s], candF[s], old);
      if (old < 0 && monitored[v] === 1) detectAt(v, t);
      // §5: v carries only steps that arrive by the hour it is invalidated; its stolen copy (taken now) ends at
      // the first rotation after now. The steps read both from the arrays, and the hour from the queue: a double
      // passed to a call that is not inlined is boxed, an allocation per step (Infinity, half hours).
      if (rotations !== null) copyEnd[v] = firstAfter(rotations.get(v), t);
      fireForward(v, L, old, en);
      const routes = late?.get(v);
      if (routes !== undefined) {
        late!.delete(v);
        for (const at of routes) {
          offerAt[0] = at;
          copyAgain(v);
        }
      }
      if (L === CONTROL) fireReverse(v, en);
    }
  };
  return { push: pushSec, drain, detection: () => ({ detectedAt, containedAt, detectedBy }) };
}
