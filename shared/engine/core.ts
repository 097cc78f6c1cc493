/**
 * The propagation of domain.md §7 on the compiled graph: the least fixed point of the §4-§5 rules,
 * computed in time order (Dijkstra). Availability runs first, as its own pass: it reads nothing of
 * security, and security reads one thing of it, when each secret or identity is invalidated (§5).
 *
 * Availability pass. Earliest `down` per node (no delay but `issued-by` TTLs), from the `expire`,
 * `revoke` and `outage` breaks at 0 and the `revoke` responses at their hour (a response is the root of
 * its `down` chain, as a break is: `via` null); then `degraded` from the non-required rules, kept only
 * where it comes strictly before the node's own `down`. Invalidation (§5, "invalid carries nothing") is
 * recorded per node as the pass goes: an `expire` (not prevented by autoRenew) or `revoke` break at 0, a
 * `revoke` response at its hour, a secret going down through `issued-by` at the issuer's down + its TTL.
 * Nothing else invalidates: a secret down because its vault is down still works for whoever copied it.
 *
 * Security pass. One slot per (node, level), level read < write < control. The heap pops by
 * (time, level desc, node id); a slot's candidate keeps the lexicographically smallest edge id among
 * equal times (a break beats any edge). Popping a slot raises the node to that level and fires, once,
 * every rule whose premise level was newly reached. A secret or identity reached at any level is at
 * control. A step arriving strictly after `containedAt` never happens: the pass stops at the first such
 * pop, exact because later detections come from later pops and so cannot contain earlier than them.
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
 * S (at t) and H (at u) reaches control second firing it; rotation does not touch it. A secret has one
 * stolen copy, taken when it is first reached: a later route to it is not followed as a new copy (that
 * keeps "rotating earlier never reaches more" true; a holder the attacker controls does get new copies).
 * The via is the step's edge from S's entry.
 *
 * Detection: the first security effect on a monitored node, a break included, at t gives t + detectHours;
 * the earliest is `detectedAt`, the node `detectedBy` (ties: smaller id).
 *
 * Trace entries are the steps up. A higher level reached at the same time as the node's current top
 * entry upgrades that entry in place (vias that name it then read the upgraded effect), unless the new
 * step was itself derived from that entry at the same time; then it is a new entry, so that following
 * `via` back can never loop.
 */
import { DEGRADABLE_KINDS, NODE_KINDS } from '../domain/kinds.ts';
import type { BreakMode } from '../domain/kinds.ts';
import { AV_DEGRADED, AV_DOWN, AV_NONE, CONTROL, DEGRADED, DOWN, E, K, S5_COPY, S5_NO } from './codes.ts';
import type { CompiledModel } from './compile.ts';
import type { Params } from './params.ts';
import { Heap } from './heap.ts';

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

const SECURITY_MODES = new Set<BreakMode>(['leak', 'compromise', 'prompt-injection', 'supply-chain']);

/**
 * The arrays of one run. Repeated runs on one graph (chokepoints, Monte Carlo) pass the same workspace
 * and read each result before the next run: a run then allocates nothing.
 */
export interface Workspace {
  n: number;
  entNode: Int32Array;
  entEff: Int8Array;
  entAt: Float64Array;
  entEdge: Int32Array;
  entFrom: Int32Array;
  candT: Float64Array;
  candE: Int32Array;
  candF: Int32Array;
  secLevel: Int8Array;
  secEntry: Int32Array;
  downT: Float64Array;
  downE: Int32Array;
  downF: Int32Array;
  downEntry: Int32Array;
  degT: Float64Array;
  degE: Int32Array;
  degF: Int32Array;
  degEntry: Int32Array;
  invalidAt: Float64Array;
  copyEnd: Float64Array;
  heap: Heap;
  aheap: Heap;
}

export function createWorkspace(n: number): Workspace {
  // Security entries go up a level each (≤ 3 per node), availability ones ≤ 2 per node.
  const cap = 5 * n + 1;
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
    heap: new Heap(Math.min(3 * n, 1 << 16)),
    aheap: new Heap(Math.min(n, 1 << 16)),
  };
}

/** The first hour in `hours` (ascending) strictly after `t`, or Infinity. */
export function firstAfter(hours: readonly number[] | undefined, t: number): number {
  if (hours === undefined) return Infinity;
  for (const h of hours) if (h > t) return h;
  return Infinity;
}

export function runCore(
  c: CompiledModel,
  p: Params,
  events: CoreEvents,
  responseHours: number,
  dead: Uint8Array | null,
  workspace?: Workspace,
): Core {
  const { n, rank, nodeKind, edgeIds, src, tgt, outStart, revStart, revEdges, avStart, avEdges, holdStart, holdEdges } = c;
  const { fwd, premise, rev, s5, delay, availRev, availFwd, monitored, detect, ttl } = p;
  const { breaks, revokes, rotations } = events;
  const HOLDS = E.holds;
  const edgeKind = c.edgeKind;

  const w = workspace && workspace.n === n ? workspace : createWorkspace(n);
  // Only what is read before it is written needs a reset.
  const { entNode, entEff, entAt, entEdge, entFrom, candT, candE, candF, secLevel, secEntry } = w;
  const { downT, downE, downF, downEntry, degT, degE, degF, degEntry, invalidAt, copyEnd, heap, aheap } = w;
  candT.fill(Infinity);
  secLevel.fill(-1);
  secEntry.fill(-1);
  downT.fill(Infinity);
  downEntry.fill(-1);
  degT.fill(Infinity);
  degEntry.fill(-1);
  invalidAt.fill(Infinity);
  heap.size = 0;
  aheap.size = 0;
  let count = 0;
  const newEntry = (v: number, eff: number, at: number, edge: number, from: number): number => {
    entNode[count] = v;
    entEff[count] = eff;
    entAt[count] = at;
    entEdge[count] = edge;
    entFrom[count] = from;
    return count++;
  };
  /** a break or response (-1) beats any edge; among edges, the smaller id wins */
  const better = (e: number, old: number): boolean => e !== old && (e < 0 || (old >= 0 && edgeIds[e] < edgeIds[old]));
  const invalidate = (v: number, at: number): void => {
    if (at < invalidAt[v]) invalidAt[v] = at;
  };

  // ---- availability ----

  const pushDown = (v: number, at: number, e: number, from: number): void => {
    const ct = downT[v];
    if (at < ct) {
      downT[v] = at;
      downE[v] = e;
      downF[v] = from;
      aheap.push(at, rank[v], v);
    } else if (at === ct && downEntry[v] < 0 && better(e, downE[v])) {
      downE[v] = e;
      downF[v] = from;
    }
  };
  const degrade = (v: number, at: number, e: number, from: number): void => {
    if (DEGRADABLE[nodeKind[v]] !== 1) return;
    const ct = degT[v];
    if (at < ct || (at === ct && better(e, degE[v]))) {
      degT[v] = at;
      degE[v] = e;
      degF[v] = from;
    }
  };

  const prevented: number[] = [];
  for (let b = 0; b < breaks.length; b++) {
    const { mode, node } = breaks[b];
    if (mode === 'expire' && p.autoRenew[node] === 1) prevented.push(b);
    else if (mode === 'expire' || mode === 'revoke') {
      pushDown(node, 0, -1, -1);
      invalidate(node, 0);
    } else if (mode === 'outage') pushDown(node, 0, -1, -1);
  }
  for (const r of revokes) {
    pushDown(r.node, r.at, -1, -1);
    invalidate(r.node, r.at);
  }

  while (aheap.size > 0) {
    const v = aheap.pop();
    const t = aheap.time;
    if (downEntry[v] >= 0 || downT[v] !== t) continue;
    const en = newEntry(v, DOWN, t, downE[v], downF[v]);
    downEntry[v] = en;
    for (let k = avStart[v], end = avStart[v + 1]; k < end; k++) {
      const ed = avEdges[k];
      const code = availRev[ed];
      if (code === AV_NONE || (dead !== null && dead[ed] === 1)) continue;
      const u = src[ed];
      if (code === AV_DOWN) pushDown(u, t, ed, en);
      else if (code === AV_DEGRADED) degrade(u, t, ed, en);
      else {
        // AV_DOWN_AFTER_TTL: issued-by, the credential lives out its TTL (never ends when null), and is
        // then invalid (§5): its issuer stopped renewing it.
        const life = ttl[u];
        if (!Number.isNaN(life)) {
          pushDown(u, t + life, ed, en);
          invalidate(u, t + life);
        }
      }
    }
    // Forward availability (contains, signs): the source down takes a required target down.
    for (let ed = outStart[v], end = outStart[v + 1]; ed < end; ed++) {
      if (availFwd[ed] === 0 || (dead !== null && dead[ed] === 1)) continue;
      pushDown(tgt[ed], t, ed, en);
    }
  }
  for (let v = 0; v < n; v++) {
    const t = degT[v];
    if (t === Infinity) continue;
    const down = downEntry[v];
    if (down < 0 || t < entAt[down]) degEntry[v] = newEntry(v, DEGRADED, t, degE[v], degF[v]);
  }

  // ---- security ----
  // candT[v*3+L]: best candidate time for node v at level L; once v is at L or above, the time it got
  // there, so no later candidate pushes again. candE/candF: its edge and the trace entry it used.
  let detectedAt = Infinity;
  let containedAt = Infinity;
  let detectedBy = -1;

  const pushSec = (v: number, L: number, at: number, e: number, from: number): void => {
    // Most steps reach nodes already at the level: the byte per node answers that from cache.
    if (at > containedAt || secLevel[v] >= L) return;
    const s = v * 3 + L;
    const ct = candT[s];
    if (at < ct) {
      candT[s] = at;
      candE[s] = e;
      candF[s] = from;
      heap.push(at, (CONTROL - L) * n + rank[v], s);
    } else if (at === ct && better(e, candE[s])) {
      candE[s] = e;
      candF[s] = from;
    }
  };
  /** does following `via` back from entry `from`, through entries at time t, reach entry `target`? */
  const derivesFrom = (from: number, target: number, t: number): boolean => {
    for (let x = from; x >= 0 && entAt[x] === t; x = entFrom[x]) if (x === target) return true;
    return false;
  };
  /** is some holder of secret v (a `holds` edge into it, not left out) at control already? */
  const holderAtControl = (v: number): boolean => {
    for (let k = holdStart[v]; k < holdStart[v + 1]; k++) {
      const ed = holdEdges[k];
      if (dead !== null && dead[ed] === 1) continue;
      if (secLevel[src[ed]] === CONTROL) return true;
    }
    return false;
  };

  for (let b = 0; b < breaks.length; b++) {
    const { mode, node } = breaks[b];
    if (SECURITY_MODES.has(mode)) pushSec(node, CONTROL, 0, -1, -1);
  }

  while (heap.size > 0) {
    const s = heap.pop();
    const t = heap.time;
    if (t > containedAt) break;
    if (candT[s] !== t) continue;
    const v = (s / 3) | 0;
    const L = s - v * 3;
    const old = secLevel[v];
    if (old >= L) continue;
    const e = candE[s];
    const f = candF[s];
    const top = secEntry[v];
    let en: number;
    if (old >= 0 && entAt[top] === t && !derivesFrom(f, top, t)) {
      entEff[top] = L;
      entEdge[top] = e;
      entFrom[top] = f;
      en = top;
    } else {
      en = newEntry(v, L, t, e, f);
      secEntry[v] = en;
    }
    secLevel[v] = L;
    for (let l = old + 1; l < L; l++) if (candT[v * 3 + l] > t) candT[v * 3 + l] = t;
    if (old < 0 && monitored[v] === 1) {
      const d = t + detect[v];
      if (d < detectedAt || (d === detectedAt && rank[v] < rank[detectedBy])) {
        detectedAt = d;
        containedAt = d + responseHours;
        detectedBy = v;
      }
    }
    // §5: v carries only steps that arrive by the hour it is invalidated; its stolen copy (taken now) ends at
    // the first rotation after now.
    const inv = invalidAt[v];
    let cut = Infinity;
    if (rotations !== null) {
      cut = firstAfter(rotations.get(v), t);
      copyEnd[v] = cut;
    }

    // Forward rules whose premise level (read, write or control at the source) was just reached.
    let holderKnown = -1;
    for (let ed = outStart[v], end = outStart[v + 1]; ed < end; ed++) {
      const pr = premise[ed];
      if (pr <= old || pr > L || (dead !== null && dead[ed] === 1)) continue;
      const at = t + delay[ed];
      if (at <= inv) {
        const rule = s5[ed];
        if (rule === S5_NO || (rule === S5_COPY && at <= cut)) {
          pushSec(tgt[ed], fwd[ed], at, ed, en);
        } else {
          // §5 through a holder, the holder came first: max(t, u) = t.
          if (holderKnown < 0) holderKnown = holderAtControl(v) ? 1 : 0;
          if (holderKnown === 1) pushSec(tgt[ed], fwd[ed], at, ed, en);
        }
      }
      if (edgeKind[ed] === HOLDS) {
        // §5 through a holder, v is the holder and comes second: the secret was at control at ts ≤ t.
        const S = tgt[ed];
        if (secLevel[S] !== CONTROL) continue;
        const se = secEntry[S];
        const ts = entAt[se];
        const sInv = invalidAt[S];
        const sCut = rotations !== null ? copyEnd[S] : Infinity;
        for (let sd = outStart[S], send = outStart[S + 1]; sd < send; sd++) {
          const rule = s5[sd];
          if (rule === S5_NO || (dead !== null && dead[sd] === 1)) continue;
          // a copy step the copy itself carried (not cut by a rotation) came earlier already
          if (rule === S5_COPY && ts + delay[sd] <= sCut) continue;
          const sat = Math.max(ts, t) + delay[sd];
          if (sat <= sInv) pushSec(tgt[sd], fwd[sd], sat, sd, se);
        }
      }
    }
    // Reverse rules (depends-on, trusts, issued-by): T control ⇒ S control.
    if (L === CONTROL) {
      for (let k = revStart[v], end = revStart[v + 1]; k < end; k++) {
        const ed = revEdges[k];
        if (rev[ed] === 0 || (dead !== null && dead[ed] === 1)) continue;
        const at = t + delay[ed];
        if (at <= inv) pushSec(src[ed], CONTROL, at, ed, en);
      }
    }
  }

  return {
    count,
    entNode,
    entEff,
    entAt,
    entEdge,
    entFrom,
    secLevel,
    secEntry,
    downEntry,
    degEntry,
    invalidAt,
    detectedAt,
    containedAt,
    detectedBy,
    prevented,
    dead,
  };
}

/** §3: only service, agent, tool and pipeline can be degraded. */
const DEGRADABLE = (() => {
  const out = new Uint8Array(NODE_KINDS.length);
  for (const kind of DEGRADABLE_KINDS) out[K[kind]] = 1;
  return out;
})();
