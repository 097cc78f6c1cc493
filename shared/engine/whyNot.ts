/**
 * Why a node is not reached: the other half of the explanation (§7). For a node the scenario never reaches,
 * the nearest reached node and the rule or control that held on the step towards it: "approval on
 * invokes", "bound secret", "contained at 27.1 d", "no rule carries a compromise along depends-on in this
 * direction".
 *
 * The search: breadth-first from the unreached node over edges in either direction, through unreached
 * nodes only, until a layer holds reached nodes; every edge from one of them to the unreached node one
 * step nearer is a place where the spread stopped. Each is told by reading §4-§6 for that edge with the
 * scenario's patches, removed edges and responses, and the times of the result. The first (the earliest
 * reached neighbour, then edge id) is the answer; the others come with it.
 *
 * Reading chosen: a neighbour reached by a security effect is told by the compromise rules (that is what
 * a room asks about); one reached only by an outage is told by the availability rules.
 */
import type { EdgeKind, Effect, Model, ModelEdge, ModelNode, SecurityEffect } from '../domain/index.ts';
import { isSecurityEffect, SECURITY_EFFECTS } from '../domain/index.ts';
import { formatHours } from '../format.ts';
import type { ScenarioInput } from './simulate.ts';
import type { SimulationResult } from './types.ts';
import { hours } from './hours.ts';

interface HeldStep {
  /** the reached node the spread stopped at */
  from: string;
  fromEffect: Effect;
  fromAt: number;
  edge: string;
  edgeKind: EdgeKind;
  /** the unreached node on the other end of the edge (the explained node itself when next to it) */
  to: string;
  /** the rule or control that held, short: "approval on invokes" */
  held: string;
}

interface WhyNot {
  node: string;
  /** hops from the nearest reached node to this one; null when nothing connected to it is reached */
  distance: number | null;
  /** where the spread stopped, the first one first; empty when nothing connected is reached */
  steps: HeldStep[];
  /** one sentence for the user */
  sentence: string;
}

type Props = Record<string, unknown>;

const LEVEL: Record<SecurityEffect, number> = { read: 0, write: 1, control: 2 };

/** The compromise rule of each edge kind (§4), by direction: which level of the near end it needs. */
const FORWARD: Record<EdgeKind, SecurityEffect | null> = {
  'runs-as': 'control',
  holds: 'control',
  contains: 'read',
  authenticates: 'control',
  assumes: 'control',
  grants: 'control',
  calls: 'control',
  invokes: 'control',
  instructs: 'write',
  'depends-on': null,
  deploys: 'control',
  trusts: null,
  'issued-by': null,
  signs: 'control',
};
/** T control ⇒ S control: the kinds whose compromise runs against the arrow. */
const BACKWARD: Partial<Record<EdgeKind, true>> = { 'depends-on': true, trusts: true, 'issued-by': true };
/** The control prop that stops a kind's compromise rule. */
const CONTROL: Partial<Record<EdgeKind, string>> = { invokes: 'approval', 'depends-on': 'verified', trusts: 'constrained' };

interface Ctx {
  model: Model;
  result: SimulationResult;
  nodes: Map<string, ModelNode>;
  props: (id: string) => Props;
  removed: Set<string>;
  scenario: ScenarioInput | undefined;
  /** per node: its security entry (highest level, first time) and its availability entry */
  security: Map<string, { effect: SecurityEffect; at: number; first: Map<SecurityEffect, number> }>;
  availability: Map<string, { effect: Effect; at: number }>;
}

export function whyNotReached(model: Model, result: SimulationResult, node: string, scenario?: ScenarioInput): WhyNot {
  const ctx = context(model, result, scenario);
  const name = label(ctx, node);
  const reached = (id: string) => ctx.security.has(id) || ctx.availability.has(id);
  if (reached(node)) return { node, distance: 0, steps: [], sentence: `${name} is reached by this scenario.` };

  const incident = new Map<string, ModelEdge[]>();
  for (const e of model.edges) {
    if (e.source === e.target) continue;
    for (const end of [e.source, e.target]) {
      const list = incident.get(end);
      if (list) list.push(e);
      else incident.set(end, [e]);
    }
  }
  // Breadth-first through unreached nodes; stop at the first layer that touches reached ones.
  let frontier = [node];
  const seen = new Set([node]);
  for (let distance = 1; frontier.length > 0; distance++) {
    const found: HeldStep[] = [];
    const next: string[] = [];
    for (const y of frontier) {
      for (const e of incident.get(y) ?? []) {
        const other = e.source === y ? e.target : e.source;
        if (reached(other)) {
          const step = held(ctx, e, other, y);
          if (step) found.push(step);
        } else if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    if (found.length > 0) {
      found.sort((a, b) => a.fromAt - b.fromAt || cmp(a.from, b.from) || cmp(a.edge, b.edge));
      const steps = dedupe(found);
      return { node, distance, steps, sentence: sentence(ctx, node, distance, steps[0]) };
    }
    frontier = next.sort(cmp);
  }
  return { node, distance: null, steps: [], sentence: `Nothing connected to ${name} is reached by this scenario.` };
}

function dedupe(steps: HeldStep[]): HeldStep[] {
  const keys = new Set<string>();
  return steps.filter((s) => {
    const k = `${s.edge}\u0000${s.from}`;
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  });
}

function sentence(ctx: Ctx, node: string, distance: number, s: HeldStep): string {
  const from = `${label(ctx, s.from)} (${s.fromEffect} at ${formatHours(s.fromAt)})`;
  if (distance === 1) return `${label(ctx, node)} is not reached: the step from ${from} along ${s.edgeKind} stops here, ${s.held}.`;
  return (
    `${label(ctx, node)} is not reached: the nearest reached node is ${from}, ${distance} steps away; ` +
    `the step along ${s.edgeKind} to ${label(ctx, s.to)} stops there, ${s.held}.`
  );
}

/** Why the step from reached node `n` along `e` to unreached `y` did not happen. */
function held(ctx: Ctx, e: ModelEdge, n: string, y: string): HeldStep | null {
  const sec = ctx.security.get(n);
  const avail = ctx.availability.get(n);
  const base = { from: n, edge: e.id, edgeKind: e.kind, to: y };
  if (sec) return { ...base, fromEffect: sec.effect, fromAt: sec.at, held: securityHeld(ctx, e, n, sec) };
  if (avail) return { ...base, fromEffect: avail.effect, fromAt: avail.at, held: availabilityHeld(ctx, e, n, avail.effect) };
  return null;
}

function securityHeld(ctx: Ctx, e: ModelEdge, n: string, sec: { effect: SecurityEffect; at: number; first: Map<SecurityEffect, number> }): string {
  if (ctx.removed.has(e.id)) return `${e.kind} left out of this scenario`;
  const forward = e.source === n;
  const props = ctx.props(e.id);
  const premise: SecurityEffect | null = forward ? FORWARD[e.kind] : BACKWARD[e.kind] ? 'control' : null;
  if (!premise) return `no rule carries a compromise along ${e.kind} in this direction`;
  const control = CONTROL[e.kind];
  if (control && props[control] === true) return `${control} on ${e.kind}`;
  if (e.kind === 'calls' && String(props.access ?? 'none') === 'none') return 'calls with access none carries no compromise';
  if (e.kind === 'grants' && String(props.access ?? 'read') === 'none') return 'grants with access none carries no compromise';
  if (LEVEL[sec.effect] < LEVEL[premise]) return `${label(ctx, n)} only at ${sec.effect}; ${e.kind} needs ${premise}`;
  const t = sec.first.get(premise) ?? sec.at;
  const delay = Number(props.delayHours ?? 0);
  let arrival = hours(t + delay);
  const fromNode = ctx.nodes.get(n);
  if (forward && fromNode?.kind === 'secret' && (e.kind === 'authenticates' || e.kind === 'grants' || e.kind === 'signs')) {
    const s5 = secretHeld(ctx, e, n, t, delay);
    if (typeof s5 === 'string') return s5;
    arrival = s5;
  }
  const invalid = invalidatedAt(ctx, n);
  if (invalid !== null && arrival > invalid.at) return `${label(ctx, n)} ${invalid.how} at ${formatHours(invalid.at)}: an invalid credential carries nothing`;
  const contained = ctx.result.detection.containedAt;
  if (contained !== null && arrival > contained) return `contained at ${formatHours(contained)}`;
  return `the step would arrive at ${formatHours(arrival)}, and nothing reached ${label(ctx, e.source === n ? e.target : e.source)} by it`;
}

/** §5 for a step out of a secret: the arrival time when a rule fires, or why none does. */
function secretHeld(ctx: Ctx, e: ModelEdge, s: string, t: number, d: number): number | string {
  const secret = ctx.props(s);
  const ttl = typeof secret.ttlHours === 'number' ? secret.ttlHours : Infinity;
  const rotation = typeof secret.rotationDays === 'number' ? hours(secret.rotationDays * 24) : Infinity;
  const validity = Math.min(ttl, rotation);
  const rotatedAt = Math.min(
    Infinity,
    ...(ctx.scenario?.responses ?? ctx.result.scenario.responses).filter((r) => r.action === 'rotate' && r.node === s && r.at > t).map((r) => r.at),
  );
  const bound = secret.bound === true;
  const copy = !bound && d <= validity && hours(t + d) <= Math.min(hours(t + validity), rotatedAt);
  if (copy) return hours(t + d);
  let viaHolder = Infinity;
  for (const h of ctx.model.edges) {
    if (h.kind !== 'holds' || h.target !== s || ctx.removed.has(h.id)) continue;
    const u = ctx.security.get(h.source);
    if (u && u.effect === 'control') viaHolder = Math.min(viaHolder, hours(Math.max(t, u.first.get('control') ?? u.at) + d));
  }
  if (viaHolder < Infinity) return viaHolder;
  if (bound) return 'bound secret: a stolen copy is useless without its holder';
  if (hours(t + d) > rotatedAt) return `${label(ctx, s)} rotated at ${formatHours(rotatedAt)}, before the step`;
  return `stolen copy valid ${formatHours(validity)}, the step takes ${formatHours(d)}`;
}

/** When a secret or identity stopped carrying anything (§5 "Invalid carries nothing"), if it did. */
function invalidatedAt(ctx: Ctx, n: string): { at: number; how: string } | null {
  const kind = ctx.nodes.get(n)?.kind;
  if (kind !== 'secret' && kind !== 'identity') return null;
  const breaks = ctx.result.scenario.breaks.filter((b) => b.node === n && (b.mode === 'expire' || b.mode === 'revoke'));
  const prevented = new Set(ctx.result.prevented.map((p) => `${p.mode}\u0000${p.node}`));
  const live = breaks.filter((b) => !prevented.has(`${b.mode}\u0000${b.node}`));
  if (live.length > 0) return { at: 0, how: live[0].mode === 'expire' ? 'expired' : 'revoked' };
  const revoke = (ctx.scenario?.responses ?? ctx.result.scenario.responses).filter((r) => r.action === 'revoke' && r.node === n).sort((a, b) => a.at - b.at)[0];
  const down = ctx.availability.get(n);
  if (revoke && (!down || down.at >= revoke.at)) return { at: revoke.at, how: 'revoked' };
  const entry = ctx.result.trace.find((t) => t.node === n && t.effect === 'down');
  if (entry?.via && ctx.model.edges.find((x) => x.id === entry.via!.edge)?.kind === 'issued-by') return { at: entry.at, how: 'expired (its issuer is down)' };
  return null;
}

function availabilityHeld(ctx: Ctx, e: ModelEdge, n: string, effect: Effect): string {
  if (ctx.removed.has(e.id)) return `${e.kind} left out of this scenario`;
  if (effect === 'degraded') return `${label(ctx, n)} is only degraded, and degraded never spreads further`;
  const forward = e.source === n;
  const props = ctx.props(e.id);
  const required = props.required === true;
  const none = `no rule carries an outage along ${e.kind} in this direction`;
  if (forward) {
    // S down ⇒ T down: contains and signs, when required.
    if (e.kind !== 'contains' && e.kind !== 'signs') return none;
    return required ? `the outage would arrive, yet nothing reached ${label(ctx, e.target)} by it` : `required: false on ${e.kind}`;
  }
  // T down ⇒ S down (or degraded).
  switch (e.kind) {
    case 'issued-by': {
      const ttl = ctx.props(e.source).ttlHours;
      return typeof ttl === 'number' ? `the credential lives ${formatHours(ttl)} past its issuer's outage` : 'ttlHours null: the credential never expires';
    }
    case 'depends-on':
    case 'trusts':
      return required ? `the outage would arrive, yet nothing reached ${label(ctx, e.source)} by it` : `required: false on ${e.kind}`;
    case 'runs-as':
    case 'holds':
    case 'calls':
    case 'invokes':
      return `the outage would arrive, yet nothing reached ${label(ctx, e.source)} by it`;
    default:
      return none;
  }
}

function context(model: Model, result: SimulationResult, scenario: ScenarioInput | undefined): Ctx {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const patched = new Map<string, Props>();
  for (const patch of scenario?.patches ?? result.scenario.patches ?? []) {
    const base = (nodes.get(patch.id)?.props ?? edges.get(patch.id)?.props) as Props | undefined;
    if (base) patched.set(patch.id, { ...(patched.get(patch.id) ?? base), ...patch.props });
  }
  const security: Ctx['security'] = new Map();
  const availability: Ctx['availability'] = new Map();
  for (const t of result.trace) {
    if (isSecurityEffect(t.effect)) {
      const cur = security.get(t.node);
      if (!cur) security.set(t.node, { effect: t.effect, at: t.at, first: new Map([[t.effect, t.at]]) });
      else {
        if (!cur.first.has(t.effect) || t.at < cur.first.get(t.effect)!) cur.first.set(t.effect, t.at);
        if (LEVEL[t.effect] > LEVEL[cur.effect]) Object.assign(cur, { effect: t.effect, at: t.at });
      }
    } else {
      const cur = availability.get(t.node);
      if (!cur || (cur.effect === 'degraded' && t.effect === 'down')) availability.set(t.node, { effect: t.effect, at: t.at });
    }
  }
  // A node at a level has every lower level from the time it got there (§3).
  for (const s of security.values()) {
    for (const level of ['control', 'write'] as const) {
      const at = s.first.get(level);
      if (at === undefined) continue;
      for (const lower of SECURITY_EFFECTS) {
        if (LEVEL[lower] < LEVEL[level] && !(s.first.get(lower)! <= at)) s.first.set(lower, at);
      }
    }
  }
  return {
    model,
    result,
    nodes,
    props: (id) => patched.get(id) ?? ((nodes.get(id)?.props ?? edges.get(id)?.props ?? {}) as Props),
    removed: new Set(scenario?.removed ?? result.scenario.removed ?? []),
    scenario,
    security,
    availability,
  };
}

const label = (ctx: Ctx, id: string) => ctx.nodes.get(id)?.label || id;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
