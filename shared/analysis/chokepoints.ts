/**
 * Choke points (§9): for every edge that carried an impact (a `via` in the scenario's trace), the
 * scenario run again with that edge removed and, where its kind has a control, with the control applied
 * instead; and three time-based fixes, the ones teams make after a real incident. Ranked by score
 * reduction. The graph is compiled once and every candidate re-runs only the core, so a 1k-node model
 * ranks in well under a second.
 *
 * Controls per edge: invokes → approval; depends-on → verified; trusts → constrained; authenticates,
 * grants or signs out of a secret → bound on that secret (one candidate per secret, and only for a secret
 * some workload holds that is not a signing key: binding ties a copy to its holder); grants or calls →
 * access one step lower (admin → write → read; calls read → none; grants read has no lower step). A
 * control already in place is not offered.
 *
 * Time-based fixes: short-lived credential (`ttlHours: 1`) on a secret whose stolen copy carried a step
 * and that is not bound; monitor (`monitored: true, detectHours: 1`) on a node the attacker reached that
 * is not monitored; respond within 24 h (`responseHours: 24`) when the scenario is detected. A monitor or
 * response candidate that provably cuts nothing (its containment would come after the last step, or
 * detection already comes as early) is not simulated.
 *
 * A fix can raise the score when containment plays a part (§7): it keeps the attacker away from the
 * monitored node that detected them, detection comes later or never, and more is reached. The reduction
 * is then negative and `reason` says "delays detection at <label>". A shorter TTL can also bring an
 * issuer's outage to its credential sooner, and removing an issued-by or signs edge can keep a
 * credential valid longer (§5): `reason` says so.
 *
 * Pruning (#19): an edge not on any `via` chain is never a candidate (the candidates are the trace's via
 * edges), and a candidate whose every step has another, no later, that it cannot touch (dominated) is not
 * simulated: its row is the scenario's own (engine/trialSecurity.ts `dominated`). The rest resume from
 * the change (engine/trials.ts).
 *
 * Rows that reduce nothing are left out (§9: which tied step `via` names decides which zero rows exist,
 * so they would differ between two correct engines); `{ all: true }` keeps them.
 */
import type { Model } from '../domain/index.ts';
import { EDGE_KINDS } from '../domain/index.ts';
import type { Change, CompiledModel, Core, Outcome, Prepared, ScenarioInput } from '../engine/index.ts';
import { checkCompiled, cmpStr, compileModel, CONTROL, createWorkspace, deadMask, DOWN, E, EDGE_RULES, edgeControl, K, paramsWith, prepare, round9, runPrepared, S5_COPY, scoreOfRun, Trials } from '../engine/index.ts';
import { FIX_WORDS, MONITOR_DETECT_HOURS, REMOVE_WORDS, RESPOND_WITHIN_HOURS, SHORT_LIVED_HOURS } from './fixWords.ts';

type FixKind =
  | 'remove'
  | 'approval'
  | 'verified'
  | 'constrained'
  | 'bound'
  | 'lower-access'
  | 'short-lived'
  | 'monitor'
  | 'respond-faster';

export interface Chokepoint {
  /** `<fix>:<edge id>`; `bound:`, `short-lived:` or `monitor:<node id>`; `respond-faster` */
  id: string;
  fix: FixKind;
  /** the edge the fix changes, or whose step it stops (bound); null for monitor and respond-faster */
  edge: string | null;
  /** the node the fix changes (bound, short-lived, monitor); null otherwise */
  node: string | null;
  /** what to change, on what, in words: "Take CI token out of Build log" */
  description: string;
  /** the change in model terms: "ttlHours: 1 on CI token", "remove the edge" */
  change: string;
  scoreBefore: number;
  scoreAfter: number;
  /** scoreBefore − scoreAfter; negative when the fix makes things worse */
  reduction: number;
  /** why a reduction is negative; null otherwise */
  reason: string | null;
  /** the fix leaves the attacker nothing beyond the breaks themselves */
  closes: boolean;
  /** the fix in scenario terms, so a what-if can hold it: a patch, an edge left out, or a response time */
  apply: FixApply;
}

type FixApply = { patch: { id: string; props: Record<string, unknown> } } | { removed: string } | { responseHours: number };

interface Candidate {
  id: string;
  fix: FixKind;
  edge: number;
  node: number;
  words: { text: string; change: string };
  /** patch applied on top of the scenario's patches, or an edge removed, or another response time */
  patch?: { id: string; props: Record<string, unknown> };
  remove?: boolean;
  responseHours?: number;
}

const LOWER: Record<string, string | undefined> = { admin: 'write', write: 'read', read: 'none' };

interface RankOptions {
  /** keep the rows that reduce nothing */
  all?: boolean;
  /** called as candidates are tried: how many are done of how many */
  onProgress?: (done: number, total: number) => void;
  /**
   * Run every candidate in full instead of resuming from the change (engine/trials.ts): the same rows,
   * slower; the reference the tests and the bench compare against.
   */
  exhaustive?: boolean;
}

/** Sorted by reduction, largest first, then id. Throws `ScenarioError` for bad input. */
export function rankChokepoints(model: Model, scenario: ScenarioInput, options: RankOptions = {}): Chokepoint[] {
  const c = compileModel(model);
  const problem = checkCompiled(c, scenario);
  if (problem) throw problem;
  const prep = prepare(c, scenario);
  const baseDead = deadMask(prep);
  const trials = new Trials(prep, baseDead);
  const base = trials.base;
  const before = trials.baseOutcome.score;
  const reachedBeyond = trials.baseOutcome.beyond;
  const was = { ...trials.baseOutcome, detectedBy: base.detectedBy };
  const cands = candidates(c, scenario, prep, base);
  const full = options.exhaustive ? exhaustiveRuns(prep, baseDead) : null;

  const out: Chokepoint[] = [];
  const step = Math.max(1, Math.ceil(cands.length / 100));
  for (let k = 0; k < cands.length; k++) {
    if (options.onProgress && k % step === 0) options.onProgress(k, cands.length);
    const cand = cands[k];
    const change: Change = cand.remove ? { remove: cand.edge } : cand.responseHours !== undefined ? { responseHours: cand.responseHours } : { patch: cand.patch! };
    const after = full ? full(change) : trials.trial(change);
    const reduction = round9(before - after.score);
    if (reduction === 0 && !options.all) continue;
    out.push({
      id: cand.id,
      fix: cand.fix,
      edge: cand.edge < 0 ? null : c.edgeIds[cand.edge],
      node: cand.node < 0 ? null : c.nodeIds[cand.node],
      description: cand.words.text,
      change: cand.words.change,
      scoreBefore: before,
      scoreAfter: after.score,
      reduction,
      reason: reduction < 0 ? whyWorse(c, was, after, cand.fix) : null,
      closes: reachedBeyond && !after.beyond,
      apply: cand.remove ? { removed: c.edgeIds[cand.edge] } : cand.responseHours !== undefined ? { responseHours: cand.responseHours } : { patch: cand.patch! },
    });
  }
  options.onProgress?.(cands.length, cands.length);
  return out.sort((a, b) => b.reduction - a.reduction || cmpStr(a.id, b.id));
}

/** Every candidate as a full run of the scenario with the change, read off its trace: the reference. */
function exhaustiveRuns(prep: Prepared, baseDead: Uint8Array | null): (change: Change) => Outcome {
  const { c } = prep;
  const workspace = createWorkspace(c.n);
  const dead = baseDead ? baseDead.slice() : new Uint8Array(c.m);
  return (change) => {
    let core: Core;
    let params = prep.params;
    if (change.remove !== undefined) {
      const was = dead[change.remove];
      dead[change.remove] = 1;
      core = runPrepared(prep, dead, workspace);
      dead[change.remove] = was;
    } else if (change.responseHours !== undefined) {
      core = runPrepared({ ...prep, responseHours: change.responseHours }, baseDead, workspace);
    } else {
      params = paramsWith(c, [...prep.scenarioPatches, change.patch!]);
      core = runPrepared({ ...prep, params }, baseDead, workspace);
    }
    let downs = 0;
    let beyond = 0;
    for (let i = 0; i < core.count; i++) {
      if (core.entEff[i] === DOWN) downs++;
      else if (core.entEff[i] <= CONTROL && core.entEdge[i] >= 0) beyond++;
    }
    const score = scoreOfRun(params, core);
    return { score, beyond: beyond > 0, detectedAt: core.detectedAt, containedAt: core.containedAt, downs, how: 'full' };
  };
}

function candidates(c: CompiledModel, scenario: ScenarioInput, prep: Prepared, base: Core): Candidate[] {
  const used = new Set<number>();
  for (let i = 0; i < base.count; i++) if (base.entEdge[i] >= 0) used.add(base.entEdge[i]);
  const edges = [...used].sort((a, b) => cmpStr(c.edgeIds[a], c.edgeIds[b]));
  const label = (v: number) => c.nodes[v].label || c.nodeIds[v];
  const patched = new Map<string, Record<string, unknown>>();
  for (const p of scenario.patches ?? []) {
    const saved = c.nodeIndex.has(p.id) ? c.nodeProps[c.nodeIndex.get(p.id)!] : c.edgeProps[c.edgeIndex().get(p.id)!];
    patched.set(p.id, { ...(patched.get(p.id) ?? saved), ...p.props });
  }
  const propsOf = (id: string, saved: Record<string, unknown>) => patched.get(id) ?? saved;
  const removed = prep.removed;
  /** a workload (or anyone) holds the secret, through a `holds` edge the scenario keeps */
  const held = (s: number) => {
    for (let k = c.holdStart[s]; k < c.holdStart[s + 1]; k++) if (!removed.has(c.holdEdges[k])) return true;
    return false;
  };

  const out: Candidate[] = [];
  const boundSecrets = new Set<number>();
  for (const e of edges) {
    const id = c.edgeIds[e];
    const kind = c.edgeKind[e];
    const kindName = EDGE_KINDS[kind];
    const rule = EDGE_RULES[kindName];
    const s = c.src[e];
    const t = c.tgt[e];
    const [S, T] = [label(s), label(t)];
    const props = propsOf(id, c.edgeProps[e]);
    const edge = { edge: e, node: -1 };
    out.push({ id: `remove:${id}`, fix: 'remove', ...edge, words: { text: REMOVE_WORDS[kindName](S, T), change: 'remove the edge' }, remove: true });
    // The control of the kind's rule (rules.ts: approval on invokes, verified on depends-on, constrained on trusts).
    const control = edgeControl(kindName);
    if (control !== null && props[control] !== true) {
      out.push({ id: `${control}:${id}`, fix: control, ...edge, words: FIX_WORDS[control](S, T), patch: { id, props: { [control]: true } } });
    }
    if (rule.secretRules && c.nodeKind[s] === K.secret && !boundSecrets.has(s)) {
      boundSecrets.add(s);
      const secretId = c.nodeIds[s];
      const secret = propsOf(secretId, c.nodeProps[s]);
      if (secret.bound !== true && secret.secretType !== 'signing-key' && held(s)) {
        out.push({ id: `bound:${secretId}`, fix: 'bound', edge: e, node: s, words: FIX_WORDS.bound(S), patch: { id: secretId, props: { bound: true } } });
      }
    }
    if (rule.forward?.level === 'access') {
      const access = String(props.access ?? rule.forward.accessDefault ?? 'none');
      const lower = LOWER[access];
      if (lower && !(kind === E.grants && lower === 'none')) {
        out.push({
          id: `lower-access:${id}`,
          fix: 'lower-access',
          ...edge,
          words: FIX_WORDS['lower-access'](S, T, access, lower),
          patch: { id, props: { access: lower } },
        });
      }
    }
  }
  out.push(...timeBasedCandidates(c, prep, base, label));
  return out;
}

/** Short-lived credential, monitor and respond-faster (§9), for this run. */
function timeBasedCandidates(c: CompiledModel, prep: Prepared, base: Core, label: (v: number) => string): Candidate[] {
  const { params } = prep;
  const out: Candidate[] = [];
  // First security reach per node, and the last security step of the run.
  const first = new Map<number, number>();
  let last = -Infinity;
  const shortLived = new Set<number>();
  for (let i = 0; i < base.count; i++) {
    if (base.entEff[i] > CONTROL) continue;
    const v = base.entNode[i];
    const at = base.entAt[i];
    if (at > last) last = at;
    if (!(at >= (first.get(v) ?? Infinity))) first.set(v, at);
    // a step the stolen copy carried: out of a secret, by the copy rule, at the copy's time + delay
    const e = base.entEdge[i];
    if (e < 0 || params.s5[e] !== S5_COPY) continue;
    const s = c.src[e];
    if (at === base.entAt[base.secEntry[s]] + params.delay[e] && params.validity[s] > SHORT_LIVED_HOURS) shortLived.add(s);
  }
  for (const s of [...shortLived].sort((a, b) => c.rank[a] - c.rank[b])) {
    const id = c.nodeIds[s];
    out.push({ id: `short-lived:${id}`, fix: 'short-lived', edge: -1, node: s, words: FIX_WORDS['short-lived'](label(s)), patch: { id, props: { ttlHours: SHORT_LIVED_HOURS } } });
  }
  // Containment cuts steps strictly after containedAt: a fix whose containment comes at or after the last
  // step, or whose detection is no earlier than today's, changes nothing.
  const rh = prep.responseHours;
  const cuts = (detectedAt: number, responseHours: number) => detectedAt < base.detectedAt && detectedAt + responseHours < last;
  for (const v of [...first.keys()].sort((a, b) => c.rank[a] - c.rank[b])) {
    if (params.monitored[v] === 1 || !cuts(first.get(v)! + MONITOR_DETECT_HOURS, rh)) continue;
    const id = c.nodeIds[v];
    out.push({
      id: `monitor:${id}`,
      fix: 'monitor',
      edge: -1,
      node: v,
      words: FIX_WORDS.monitor(label(v)),
      patch: { id, props: { monitored: true, detectHours: MONITOR_DETECT_HOURS } },
    });
  }
  if (base.detectedAt < Infinity && rh > RESPOND_WITHIN_HOURS && base.detectedAt + RESPOND_WITHIN_HOURS < last) {
    out.push({ id: 'respond-faster', fix: 'respond-faster', edge: -1, node: -1, words: FIX_WORDS['respond-faster'](rh), responseHours: RESPOND_WITHIN_HOURS });
  }
  return out;
}

function whyWorse(c: CompiledModel, base: Outcome & { detectedBy: number }, after: Outcome, fix: FixKind): string {
  if (base.detectedBy >= 0 && after.detectedAt > base.detectedAt) {
    const v = base.detectedBy;
    return `delays detection at ${c.nodes[v].label || c.nodeIds[v]}`;
  }
  if (after.downs > base.downs) {
    return fix === 'short-lived' ? 'a short-lived credential goes down soon after its issuer does' : 'more goes down';
  }
  if (base.containedAt < Infinity) return 'more is reached before containment';
  return 'a credential stays valid longer, so more is reached';
}
