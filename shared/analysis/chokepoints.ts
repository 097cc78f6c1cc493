/**
 * Choke points (§9): for every edge that carried an impact (a `via` in the scenario's trace), the
 * scenario run again with that edge removed and, where its kind has a control, with the control applied
 * instead. Ranked by score reduction. The graph is compiled once and every candidate re-runs only the
 * core, so a 1k-node model ranks in well under a second.
 *
 * Controls per edge: invokes → approval; depends-on → verified; trusts → constrained; authenticates or
 * grants out of a secret → bound on that secret (one candidate per secret); grants or calls → access one
 * step lower (admin → write → read; calls read → none; grants read has no lower step). A control already
 * in place is not offered.
 *
 * A fix can raise the score when containment plays a part (§7): it keeps the attacker away from the
 * monitored node that detected them, detection comes later or never, and more is reached. The reduction
 * is then negative and `reason` says "delays detection at <label>".
 */
import { EDGE_KINDS } from '../domain/kinds.ts';
import type { Model } from '../domain/schema.ts';
import type { CompiledModel } from '../engine/compile.ts';
import { cmpStr, E, K } from '../engine/codes.ts';
import { compileModel } from '../engine/compile.ts';
import type { Core } from '../engine/core.ts';
import { createWorkspace } from '../engine/core.ts';
import { deadMask, prepare, round9, runPrepared, scoreOfRun } from '../engine/run.ts';
import { checkScenario } from '../engine/simulate.ts';
import type { ScenarioInput } from '../engine/simulate.ts';

export interface Chokepoint {
  /** `<fix>:<edge id>`, or `bound:<secret id>` */
  id: string;
  /** the edge that carried the impact */
  edge: string;
  fix: 'remove' | 'approval' | 'verified' | 'constrained' | 'bound' | 'lower-access';
  description: string;
  scoreBefore: number;
  scoreAfter: number;
  /** scoreBefore − scoreAfter; negative when the fix makes things worse */
  reduction: number;
  /** why a reduction is negative; null otherwise */
  reason: string | null;
}

interface Candidate {
  id: string;
  edge: number;
  fix: Chokepoint['fix'];
  description: string;
  /** patch applied on top of the scenario's patches, or an edge removed */
  patch?: { id: string; props: Record<string, unknown> };
  remove?: boolean;
}

const LOWER: Record<string, string | undefined> = { admin: 'write', write: 'read', read: 'none' };

/** Sorted by reduction, largest first, then id. Throws `ScenarioError` for bad input. */
export function rankChokepoints(model: Model, scenario: ScenarioInput): Chokepoint[] {
  const problem = checkScenario(model, scenario);
  if (problem) throw problem;
  const c = compileModel(model);
  const prep = prepare(c, scenario);
  const baseDead = deadMask(prep);
  const base = runPrepared(prep, baseDead);
  const before = scoreOfRun(prep.params, base);

  const out: Chokepoint[] = [];
  const workspace = createWorkspace(c.n);
  const dead = baseDead ? baseDead.slice() : new Uint8Array(c.m);
  for (const cand of candidates(c, scenario, base)) {
    let core: Core;
    let after: number;
    if (cand.remove) {
      dead[cand.edge] = 1;
      core = runPrepared(prep, dead, workspace);
      dead[cand.edge] = baseDead ? baseDead[cand.edge] : 0;
      after = scoreOfRun(prep.params, core);
    } else {
      const patched = prepare(c, scenario, [cand.patch!]);
      core = runPrepared(patched, baseDead, workspace);
      after = scoreOfRun(patched.params, core);
    }
    const reduction = round9(before - after);
    out.push({
      id: cand.id,
      edge: c.edgeIds[cand.edge],
      fix: cand.fix,
      description: cand.description,
      scoreBefore: before,
      scoreAfter: after,
      reduction,
      reason: reduction < 0 ? whyWorse(c, base, core) : null,
    });
  }
  return out.sort((a, b) => b.reduction - a.reduction || cmpStr(a.id, b.id));
}

function candidates(c: CompiledModel, scenario: ScenarioInput, base: Core): Candidate[] {
  const used = new Set<number>();
  for (let i = 0; i < base.count; i++) if (base.entEdge[i] >= 0) used.add(base.entEdge[i]);
  const edges = [...used].sort((a, b) => cmpStr(c.edgeIds[a], c.edgeIds[b]));
  const label = (v: number) => c.model.nodes[v].label || c.nodeIds[v];
  const patched = new Map<string, Record<string, unknown>>();
  for (const p of scenario.patches ?? []) {
    const saved = c.nodeIndex.has(p.id) ? c.nodeProps[c.nodeIndex.get(p.id)!] : c.edgeProps[c.edgeIndex().get(p.id)!];
    patched.set(p.id, { ...(patched.get(p.id) ?? saved), ...p.props });
  }
  const propsOf = (id: string, saved: Record<string, unknown>) => patched.get(id) ?? saved;

  const out: Candidate[] = [];
  const boundSecrets = new Set<number>();
  for (const e of edges) {
    const id = c.edgeIds[e];
    const kind = c.edgeKind[e];
    const s = c.src[e];
    const arrow = `${label(s)} → ${label(c.tgt[e])}`;
    const props = propsOf(id, c.edgeProps[e]);
    const kindName = EDGE_KINDS[kind];
    out.push({ id: `remove:${id}`, edge: e, fix: 'remove', description: `remove ${kindName} ${arrow}`, remove: true });
    if (kind === E.invokes && props.approval !== true) {
      out.push({ id: `approval:${id}`, edge: e, fix: 'approval', description: `require approval on ${arrow}`, patch: { id, props: { approval: true } } });
    }
    if (kind === E['depends-on'] && props.verified !== true) {
      out.push({ id: `verified:${id}`, edge: e, fix: 'verified', description: `verify dependency ${arrow}`, patch: { id, props: { verified: true } } });
    }
    if (kind === E.trusts && props.constrained !== true) {
      out.push({ id: `constrained:${id}`, edge: e, fix: 'constrained', description: `constrain trust ${arrow}`, patch: { id, props: { constrained: true } } });
    }
    if ((kind === E.authenticates || kind === E.grants) && c.nodeKind[s] === K.secret && !boundSecrets.has(s)) {
      boundSecrets.add(s);
      const secretId = c.nodeIds[s];
      if (propsOf(secretId, c.nodeProps[s]).bound !== true) {
        out.push({
          id: `bound:${secretId}`,
          edge: e,
          fix: 'bound',
          description: `bind ${label(s)} (mTLS/DPoP)`,
          patch: { id: secretId, props: { bound: true } },
        });
      }
    }
    if (kind === E.grants || kind === E.calls) {
      const access = String(props.access ?? (kind === E.grants ? 'read' : 'none'));
      const lower = LOWER[access];
      if (lower && !(kind === E.grants && lower === 'none')) {
        out.push({
          id: `lower-access:${id}`,
          edge: e,
          fix: 'lower-access',
          description: `lower access on ${arrow} from ${access} to ${lower}`,
          patch: { id, props: { access: lower } },
        });
      }
    }
  }
  return out;
}

function whyWorse(c: CompiledModel, base: Core, after: Core): string {
  if (base.detectedBy >= 0 && after.detectedAt > base.detectedAt) {
    const v = base.detectedBy;
    return `delays detection at ${c.model.nodes[v].label || c.nodeIds[v]}`;
  }
  return 'more is reached before containment';
}
