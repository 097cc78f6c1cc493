/**
 * The path shown to a user (§7 "Explanation"): from the break to a node, each step with the rule that
 * fired, the control that would have stopped it, and one sentence with labels and times.
 */
import type { Break, EdgeKind, Effect, Model, ModelEdge, ModelNode, ScenarioResponse } from '../domain/index.ts';
import { BREAK_INFO, EFFECTS, isSecurityBreak, isSecurityEffect, SECURITY_EFFECTS } from '../domain/index.ts';
import { formatHours } from '../format.ts';
import type { ScenarioInput } from './simulate.ts';
import type { SimulationResult, TraceEntry } from './types.ts';
import { hours } from './hours.ts';

export interface PathStep {
  node: string;
  effect: Effect;
  at: number;
  edge: string | null;
  edgeKind: EdgeKind | null;
  from: string | null;
  fromEffect: Effect | null;
  /** the edge rule that fired: "stolen copy", "grants read", "indirect prompt injection", … */
  rule: string;
  /** the control that would have stopped this step; null for the break */
  control: string | null;
  sentence: string;
}

type Props = Record<string, unknown>;

const levelOf = (e: Effect): number => (SECURITY_EFFECTS as readonly string[]).indexOf(e);

/**
 * The steps from the break (first) to `node` (last). `effect` defaults to the node's highest impact; a
 * lower security level than the node reached is explained by the step that reached it or above, and
 * `degraded` by `down` when the node went down at once. The scenario's patches, removed edges and
 * responses are read from `scenario`, else from the result's echo of its scenario; an unreached node
 * gives []. A path may also start at a response: a `revoke` is the root of the `down` it causes.
 */
export function explainPath(
  model: Model,
  result: SimulationResult,
  node: string,
  effect?: Effect,
  scenario?: ScenarioInput,
): PathStep[] {
  const byKey = new Map<string, TraceEntry>();
  for (const t of result.trace) byKey.set(`${t.node}\u0000${t.effect}`, t);
  const target = pickEntry(result, node, effect);
  if (!target) return [];
  const ctx = context(model, result, scenario);
  const chain: TraceEntry[] = [];
  for (let entry: TraceEntry | undefined = target; entry && chain.length <= result.trace.length; ) {
    chain.push(entry);
    entry = entry.via ? byKey.get(`${entry.via.from}\u0000${entry.via.fromEffect}`) : undefined;
  }
  return chain.reverse().map((entry) => describe(ctx, entry));
}

/**
 * Trace entries told one by one, each as the last step of its path reads in `explainPath`: what playback
 * says about a hop (the caption in presentation mode). Same sentences, rules and controls.
 */
export function explainEntries(model: Model, result: SimulationResult, entries: readonly TraceEntry[], scenario?: ScenarioInput): PathStep[] {
  const ctx = lastContext(model, result, scenario);
  return entries.map((entry) => describe(ctx, entry));
}

function pickEntry(result: SimulationResult, node: string, effect: Effect | undefined): TraceEntry | undefined {
  const mine = result.trace.filter((t) => t.node === node);
  if (effect === undefined) {
    // the highest impact: security before availability, higher levels first (control … degraded)
    const impact = result.impacts
      .filter((i) => i.node === node)
      .sort((a, b) => EFFECTS.indexOf(a.effect) - EFFECTS.indexOf(b.effect))[0];
    return impact && mine.find((t) => t.effect === impact.effect);
  }
  if (isSecurityEffect(effect)) return mine.find((t) => isSecurityEffect(t.effect) && levelOf(t.effect) >= levelOf(effect));
  return mine.find((t) => t.effect === effect) ?? (effect === 'degraded' ? mine.find((t) => t.effect === 'down') : undefined);
}

interface Context {
  nodes: Map<string, ModelNode>;
  edges: Map<string, ModelEdge>;
  props: (id: string) => Props;
  removed: Set<string>;
  breaks: readonly Break[];
  responses: readonly ScenarioResponse[];
  entries: Map<string, TraceEntry>;
}

/**
 * Playback tells one hop after another of the same result: the lookups of its model and trace are built
 * once for it, not per hop (thousands of entries each, garbage a hop at a time on a large model). Keyed
 * like compileModel's cache: the model object and its two lists (which simulating froze).
 */
let last: { model: Model; nodes: Model['nodes']; edges: Model['edges']; result: SimulationResult; scenario: ScenarioInput | undefined; ctx: Context } | null = null;
function lastContext(model: Model, result: SimulationResult, scenario: ScenarioInput | undefined): Context {
  const hit = last?.model === model && last.nodes === model.nodes && last.edges === model.edges && last.result === result && last.scenario === scenario;
  if (!hit || !last) last = { model, nodes: model.nodes, edges: model.edges, result, scenario, ctx: context(model, result, scenario) };
  return last.ctx;
}

function context(model: Model, result: SimulationResult, scenario: ScenarioInput | undefined): Context {
  const echo = result.scenario;
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const patched = new Map<string, Props>();
  for (const patch of scenario?.patches ?? echo.patches ?? []) {
    const base = (nodes.get(patch.id)?.props ?? edges.get(patch.id)?.props) as Props | undefined;
    if (base) patched.set(patch.id, { ...(patched.get(patch.id) ?? base), ...patch.props });
  }
  return {
    nodes,
    edges,
    props: (id) => patched.get(id) ?? ((nodes.get(id)?.props ?? edges.get(id)?.props ?? {}) as Props),
    removed: new Set(scenario?.removed ?? echo.removed ?? []),
    breaks: echo.breaks,
    responses: scenario?.responses ?? echo.responses ?? [],
    entries: new Map(result.trace.map((t) => [`${t.node}\u0000${t.effect}`, t])),
  };
}

function describe(ctx: Context, entry: TraceEntry): PathStep {
  const label = (id: string) => ctx.nodes.get(id)?.label || id;
  const base = { node: entry.node, effect: entry.effect, at: entry.at };
  const when = formatHours(entry.at);
  if (!entry.via) {
    const root = { ...base, edge: null, edgeKind: null, from: null, fromEffect: null, control: null };
    const security = isSecurityEffect(entry.effect);
    // A down at a later hour with no via is a revoke response (§6), the root of its chain.
    const response = security ? undefined : ctx.responses.find((r) => r.node === entry.node && r.action === 'revoke' && r.at === entry.at);
    if (response && entry.at > 0) {
      return { ...root, rule: 'response: revoke', sentence: `${label(entry.node)} revoked at ${when} (response)` };
    }
    const brk = ctx.breaks.find((b) => b.node === entry.node && isSecurityBreak(b.mode) === security);
    if (!brk && response) return { ...root, rule: 'response: revoke', sentence: `${label(entry.node)} revoked at ${when} (response)` };
    const mode = brk?.mode ?? (security ? 'compromise' : 'outage');
    return { ...root, rule: `break: ${mode}`, sentence: `${label(entry.node)} ${BREAK_INFO[mode].happened} at ${when}` };
  }
  const { edge: edgeId, from, fromEffect } = entry.via;
  const edge = ctx.edges.get(edgeId);
  const step = { ...base, edge: edgeId, edgeKind: edge?.kind ?? null, from, fromEffect };
  if (!edge) return { ...step, rule: 'unknown edge', control: null, sentence: `${label(entry.node)} reached at ${when}` };
  const S = label(edge.source);
  const T = label(edge.target);
  const props = ctx.props(edge.id);
  const { rule, control, sentence } = isSecurityEffect(entry.effect)
    ? securityStep(ctx, edge, props, entry, S, T, when)
    : availabilityStep(ctx, edge, props, entry, S, T, when);
  return { ...step, rule, control, sentence };
}

interface Told {
  rule: string;
  control: string | null;
  sentence: string;
}

const REMOVE = 'remove the edge';

function securityStep(ctx: Context, edge: ModelEdge, props: Props, entry: TraceEntry, S: string, T: string, when: string): Told {
  const effect = entry.effect;
  const access = String(props.access ?? '');
  switch (edge.kind) {
    case 'runs-as':
      return { rule: 'runs as', control: REMOVE, sentence: `${S} runs as ${T}: ${T} controlled at ${when}` };
    case 'holds':
      return { rule: 'holds the secret', control: REMOVE, sentence: `${S} holds ${T}: ${T} stolen at ${when}` };
    case 'contains':
      return { rule: 'secret at rest', control: REMOVE, sentence: `${T} found in ${S} at ${when}` };
    case 'assumes':
      return { rule: 'assumes role', control: REMOVE, sentence: `${S} assumes ${T} at ${when}` };
    case 'calls':
      return {
        rule: `calls with ${access} access`,
        control: 'lower access',
        sentence: `${S} calls ${T} with ${access} access: ${effect} at ${when}`,
      };
    case 'invokes':
      return { rule: 'invokes tool', control: 'approval on the invokes edge', sentence: `${S} invokes ${T} without approval at ${when}` };
    case 'instructs':
      return { rule: 'indirect prompt injection', control: REMOVE, sentence: `${S} injects instructions into ${T} at ${when}` };
    case 'depends-on':
      return {
        rule: 'unverified dependency',
        control: 'verified on the depends-on edge',
        sentence: `${S} depends on ${T}, unverified: ${S} controlled at ${when}`,
      };
    case 'deploys':
      return { rule: 'deploys', control: REMOVE, sentence: `${S} deploys ${T}: ${T} controlled at ${when}` };
    case 'trusts':
      return {
        rule: 'unconstrained trust',
        control: 'constrained on the trusts edge',
        sentence: `${S} trusts ${T}, unconstrained: ${S} controlled at ${when}`,
      };
    case 'issued-by':
      return { rule: 'forged credential', control: REMOVE, sentence: `${T} forges ${S}: ${S} controlled at ${when}` };
    case 'authenticates':
    case 'grants':
    case 'signs': {
      const verb = edge.kind === 'grants' ? `grants ${effect} on` : edge.kind === 'signs' ? 'signs for' : 'authenticates as';
      const fromSecret = ctx.nodes.get(edge.source)?.kind === 'secret';
      if (!fromSecret) {
        const lower = edge.kind === 'grants' && access !== 'read' ? 'lower access' : REMOVE;
        return { rule: edge.kind === 'grants' ? `grants ${access}` : edge.kind, control: lower, sentence: `${S} ${verb} ${T} at ${when}` };
      }
      return secretStep(ctx, edge, entry, verb, S, T, when);
    }
    default:
      return edge satisfies never;
  }
}

/** §5: which of the two rules carried a step out of a secret, told from the times. */
function secretStep(ctx: Context, edge: ModelEdge, entry: TraceEntry, verb: string, S: string, T: string, when: string): Told {
  const secret = ctx.props(edge.source);
  const d = Number(ctx.props(edge.id).delayHours ?? 0);
  const fromEntry = entry.via ? ctx.entries.get(`${entry.via.from}\u0000${entry.via.fromEffect}`) : undefined;
  const t = fromEntry?.at ?? 0;
  const ttl = typeof secret.ttlHours === 'number' ? secret.ttlHours : Infinity;
  const rotation = typeof secret.rotationDays === 'number' ? hours(secret.rotationDays * 24) : Infinity;
  const rotatedAt = Math.min(Infinity, ...ctx.responses.filter((r) => r.action === 'rotate' && r.node === edge.source && r.at > t).map((r) => r.at));
  const copyAllowed = secret.bound !== true && d <= Math.min(ttl, rotation) && hours(t + d) <= rotatedAt;
  const grantsSuffix = edge.kind === 'grants' ? ` (grants ${String(ctx.props(edge.id).access ?? 'read')})` : '';
  const forged = edge.kind === 'signs' ? `: ${T} controlled (it mints what the key signs)` : '';
  const holders = [...ctx.edges.values()]
    .filter((e) => e.kind === 'holds' && e.target === edge.source && !ctx.removed.has(e.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (copyAllowed && entry.at === hours(t + d)) {
    // Binding ties a copy to its holder: it means nothing for a signing key or a secret nobody holds.
    const bindable = secret.secretType !== 'signing-key' && holders.length > 0;
    const shorter = d > 0 ? `a TTL or rotation shorter than ${formatHours(d)}` : null;
    const control = [bindable ? 'bound: true on the secret' : null, shorter].filter(Boolean).join(', or ') || REMOVE;
    return { rule: `stolen copy${grantsSuffix}`, control, sentence: `${S} ${verb} ${T} at ${when}${forged}` };
  }
  const holder = holders.find((e) => {
    const u = ctx.entries.get(`${e.source}\u0000control`)?.at;
    return u !== undefined && hours(Math.max(t, u) + d) === entry.at;
  });
  // §5: a copy taken again, at or after a rotation that ended the first one, is a copy of the new secret.
  const again = hours(entry.at - d);
  const rotated = ctx.responses.find((r) => r.action === 'rotate' && r.node === edge.source && r.at > t && r.at <= again);
  if (!holder && rotated && secret.bound !== true && d <= Math.min(ttl, rotation)) {
    const shorter = d > 0 ? `a TTL or rotation shorter than ${formatHours(d)}` : REMOVE;
    return {
      rule: `stolen copy, taken again after a rotation${grantsSuffix}`,
      control: shorter,
      sentence: `${S} ${verb} ${T} at ${when}${forged}, with a copy of ${S} taken again at ${formatHours(again)}, after its rotation at ${formatHours(rotated.at)}`,
    };
  }
  const H = holder ? ctx.nodes.get(holder.source)?.label || holder.source : 'a holder';
  return { rule: `through a holder${grantsSuffix}`, control: REMOVE, sentence: `${S} ${verb} ${T} through ${H} at ${when}${forged}` };
}

function availabilityStep(ctx: Context, edge: ModelEdge, props: Props, entry: TraceEntry, S: string, T: string, when: string): Told {
  const state = entry.effect === 'down' ? 'down' : 'degraded';
  const required = props.required === true;
  const fallback = `required: false on the ${edge.kind} edge`;
  switch (edge.kind) {
    case 'holds':
      return {
        rule: required ? 'availability: required secret down' : 'availability: secret down',
        control: required ? fallback : REMOVE,
        sentence: `${S} ${state} at ${when}: its secret ${T} is down`,
      };
    case 'contains':
      return { rule: 'availability: required container down', control: fallback, sentence: `${T} down at ${when}: ${S} is down` };
    case 'signs':
      return { rule: 'availability: signing key down', control: fallback, sentence: `${T} down at ${when}: its signing key ${S} is down` };
    case 'calls':
    case 'invokes': {
      const what = edge.kind === 'calls' ? 'callee' : 'tool';
      const verb = edge.kind === 'calls' ? 'calls' : 'invokes';
      return {
        rule: required ? `availability: required ${what} down` : `availability: ${what} down`,
        control: required ? fallback : REMOVE,
        sentence: `${S} ${state} at ${when}: ${T}, which it ${verb}, is down`,
      };
    }
    case 'depends-on':
      return { rule: 'availability: required dependency down', control: fallback, sentence: `${S} down at ${when}: its dependency ${T} is down` };
    case 'trusts':
      return { rule: 'availability: required trust anchor down', control: fallback, sentence: `${S} down at ${when}: ${T}, which it trusts, is down` };
    case 'runs-as':
      return { rule: 'availability: identity down', control: REMOVE, sentence: `${S} down at ${when}: its identity ${T} is down` };
    case 'issued-by':
      return {
        rule: 'availability: issuer down, credential expires',
        control: REMOVE,
        sentence: `${S} down at ${when}: its issuer ${T} is down and it expired`,
      };
    default:
      return { rule: `availability: ${edge.kind}`, control: REMOVE, sentence: `${label(ctx, entry.node)} ${state} at ${when}` };
  }
}

const label = (ctx: Context, id: string) => ctx.nodes.get(id)?.label || id;
