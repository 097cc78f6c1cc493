/**
 * The availability pass of the core (§4 availability rules, §6 breaks and responses). It reads nothing of
 * security, and security reads one thing of it: when each secret or identity is invalidated (§5).
 *
 * Earliest `down` per node (no delay but `issued-by` TTLs), from the breaks that start a node `down` and
 * the `revoke` responses at their hour (a response is the root of its `down` chain, as a break is: `via`
 * null); then `degraded` from the non-required rules, kept only where it comes strictly before the node's
 * own `down`. Invalidation (§5, "invalid carries nothing") is recorded per node as the pass goes: a break
 * whose BREAK_INFO entry invalidates (expire, revoke) at 0, a `revoke` response at its hour, a secret going
 * down through `issued-by` at the issuer's down + its TTL. Nothing else invalidates: a secret down because
 * its vault is down still works for whoever copied it.
 */
import { BREAK_INFO, DEGRADABLE_KINDS, NODE_KINDS } from '../domain/index.ts';
import { AV_DEGRADED, AV_DOWN, AV_NONE, DEGRADED, DOWN } from './codes.ts';
import type { RunState } from './workspace.ts';
import { addEntry, better } from './workspace.ts';
import { hours } from './hours.ts';

/** §3: only service, agent, tool and pipeline can be degraded. */
export const DEGRADABLE = Uint8Array.from(NODE_KINDS, (k) => ((DEGRADABLE_KINDS as readonly string[]).includes(k) ? 1 : 0));

/**
 * Runs the pass: starts, propagates `down`, then settles `degraded`. Returns the indices (into the breaks)
 * of the breaks prevented by their node's props (§6: an `expire` on a secret that renews itself).
 */
export function availabilityPass(r: RunState): number[] {
  const prevented = startOutages(r);
  propagateDown(r);
  settleDegraded(r);
  return prevented;
}

/** A node's `down` candidate at `at`: the earliest wins, ties go to a break or the smaller edge id. */
export function pushDown(r: RunState, v: number, at: number, e: number, from: number): void {
  const { downT, downE, downF, downEntry, aheap } = r.w;
  const ct = downT[v];
  if (at < ct) {
    downT[v] = at;
    downE[v] = e;
    downF[v] = from;
    aheap.push(at, r.c.rank[v], v);
  } else if (at === ct && downEntry[v] < 0 && better(r.c.edgeOrder, e, downE[v])) {
    downE[v] = e;
    downF[v] = from;
  }
}

function invalidate(r: RunState, v: number, at: number): void {
  if (at < r.w.invalidAt[v]) r.w.invalidAt[v] = at;
}

/** What each break starts is read from BREAK_INFO (§6); a `revoke` response starts its node down at its hour. */
function startOutages(r: RunState): number[] {
  const { breaks, revokes } = r.events;
  const prevented: number[] = [];
  for (let b = 0; b < breaks.length; b++) {
    const { mode, node } = breaks[b];
    const info = BREAK_INFO[mode];
    if (info.preventedBy === 'autoRenew' && r.p.autoRenew[node] === 1) prevented.push(b);
    else if (info.starts === 'down') {
      pushDown(r, node, 0, -1, -1);
      if (info.invalidates) invalidate(r, node, 0);
    }
  }
  for (const { node, at } of revokes) {
    pushDown(r, node, at, -1, -1);
    invalidate(r, node, at);
  }
  return prevented;
}

/** Pops nodes in time order and fires the rules their `down` triggers, backwards and forwards. */
export function propagateDown(r: RunState): void {
  const { src, tgt, outStart, avStart, avEdges, nodeKind } = r.c;
  const { availRev, availFwd, ttl } = r.p;
  const { dead } = r;
  const { downT, downEntry, degT, degE, degF, aheap } = r.w;
  const degrade = (v: number, at: number, e: number, from: number): void => {
    if (DEGRADABLE[nodeKind[v]] !== 1) return;
    const ct = degT[v];
    if (at < ct || (at === ct && better(r.c.edgeOrder, e, degE[v]))) {
      degT[v] = at;
      degE[v] = e;
      degF[v] = from;
    }
  };
  while (aheap.size > 0) {
    const v = aheap.pop();
    const t = aheap.time;
    if (downEntry[v] >= 0 || downT[v] !== t) continue;
    const en = addEntry(r, v, DOWN, t, r.w.downE[v], r.w.downF[v]);
    downEntry[v] = en;
    // Backward rules: v down takes down (or degrades) what runs as, holds, calls, invokes, depends on or trusts it.
    for (let k = avStart[v], end = avStart[v + 1]; k < end; k++) {
      const ed = avEdges[k];
      const code = availRev[ed];
      if (code === AV_NONE || (dead !== null && dead[ed] === 1)) continue;
      const u = src[ed];
      if (code === AV_DOWN) pushDown(r, u, t, ed, en);
      else if (code === AV_DEGRADED) degrade(u, t, ed, en);
      else {
        // AV_DOWN_AFTER_TTL: issued-by, the credential lives out its TTL (never ends when null), and is
        // then invalid (§5): its issuer stopped renewing it.
        const life = ttl[u];
        if (!Number.isNaN(life)) {
          pushDown(r, u, hours(t + life), ed, en);
          invalidate(r, u, hours(t + life));
        }
      }
    }
    // Forward availability (contains, signs): the source down takes a required target down.
    for (let ed = outStart[v], end = outStart[v + 1]; ed < end; ed++) {
      if (availFwd[ed] === 0 || (dead !== null && dead[ed] === 1)) continue;
      pushDown(r, tgt[ed], t, ed, en);
    }
  }
}

/** `degraded` becomes an entry only where it comes strictly before the node's own `down`. */
function settleDegraded(r: RunState): void {
  const { downEntry, degT, degE, degF, degEntry, entAt } = r.w;
  for (let v = 0; v < r.c.n; v++) {
    const t = degT[v];
    if (t === Infinity) continue;
    const down = downEntry[v];
    if (down < 0 || t < entAt[down]) degEntry[v] = addEntry(r, v, DEGRADED, t, degE[v], degF[v]);
  }
}
