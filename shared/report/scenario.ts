/** One scenario's pages: what broke, the responses, the timeline, every impact with its path in words, silent outages. */
import { deadCopies, deadCopyText } from '../analysis/index.ts';
import type { Effect, Model } from '../domain/index.ts';
import { BREAK_INFO, DEFAULT_RESPONSE_HOURS, EFFECT_WEIGHTS, EFFECTS, isSecurityEffect, PREVENTED_BECAUSE, RESPONSE_INFO } from '../domain/index.ts';
import type { ScenarioInput, SimulationResult, TraceEntry } from '../engine/index.ts';
import { explainPath } from '../engine/index.ts';
import { capitalise, effectClause, formatHours, listWords, plural, quote } from './format.ts';
import type { ImpactRow, ResponseRow, ScenarioReport, Timeline, TimelineEvent } from './types.ts';
import type { Labels } from './words.ts';
import { breaksPhrase, scenarioName } from './words.ts';

/** Node props with the scenario's patches applied: the engine scores with these. */
function patchedCriticality(model: Model, scenario: ScenarioInput): Map<string, number> {
  const out = new Map(model.nodes.map((n) => [n.id, n.props.criticality ?? 3]));
  for (const p of scenario.patches ?? []) {
    const c = p.props.criticality;
    if (out.has(p.id) && typeof c === 'number') out.set(p.id, c);
  }
  return out;
}

interface Hop {
  label: string;
  /** The kind of the edge that led here; null for the break. */
  edgeKind: string | null;
  /** The step ran from the edge's target to its source (a dependency's outage, an issuer's compromise). */
  against?: boolean;
}

interface EdgeEnds {
  kind: string;
  source: string;
}

/** The nodes from the break to (node, effect), following `via` back through the trace, with the edges between. */
function hopsOf(result: SimulationResult, node: string, effect: Effect, labels: Labels, edges: Map<string, EdgeEnds>): Hop[] {
  const byKey = new Map<string, TraceEntry>();
  for (const t of result.trace) byKey.set(`${t.node}\u0000${t.effect}`, t);
  const hops: Hop[] = [];
  let cur: TraceEntry | undefined = byKey.get(`${node}\u0000${effect}`);
  const seen = new Set<string>();
  while (cur) {
    const key = `${cur.node}\u0000${cur.effect}`;
    if (seen.has(key)) break;
    seen.add(key);
    const edge = cur.via ? edges.get(cur.via.edge) : undefined;
    const hop: Hop = { label: labels.node(cur.node), edgeKind: edge?.kind ?? null };
    if (edge && cur.via && edge.source !== cur.via.from) hop.against = true;
    // A node that climbs the ladder on its own (read, then control) is one stop, entered by the earlier edge.
    if (hops[0]?.label === hop.label) hops[0] = hop;
    else hops.unshift(hop);
    cur = cur.via ? byKey.get(`${cur.via.from}\u0000${cur.via.fromEffect}`) : undefined;
  }
  return hops.length ? hops : [{ label: labels.node(node), edgeKind: null }];
}

/**
 * "CI token —authenticates→ deploy role —grants→ prod DB": the path in words. An edge's arrow always points from
 * its source to its target, so a step taken against it reads the model's way round: "Vault ←calls— cert-manager"
 * (cert-manager calls Vault, and goes down with it). With `keep`, a long path keeps its first stop and its last
 * `keep` steps: "CI token … 4 more … —holds→ signing key".
 */
export function routeOf(hops: readonly Hop[], keep = Infinity): string {
  const step = (h: Hop, i: number) => (i === 0 || !h.edgeKind ? h.label : h.against ? `←${h.edgeKind}— ${h.label}` : `—${h.edgeKind}→ ${h.label}`);
  if (hops.length <= keep + 2) return hops.map(step).join(' ');
  const tail = hops.slice(hops.length - keep);
  return `${hops[0].label} … ${hops.length - 1 - keep} more … ${tail.map((h, i) => step(h, i + 1)).join(' ')}`;
}

function stepsOf(model: Model, result: SimulationResult, scenario: ScenarioInput, node: string, effect: Effect) {
  return explainPath(model, result, node, effect, scenario).map((s) => s.sentence);
}

function impactRows(
  model: Model,
  scenario: ScenarioInput,
  result: SimulationResult,
  labels: Labels,
): ImpactRow[] {
  const crit = patchedCriticality(model, scenario);
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  const edges = new Map<string, EdgeEnds>(model.edges.map((e) => [e.id, { kind: e.kind, source: e.source }]));
  const dead = deadCopies(result);
  return result.impacts.map((i) => {
    const criticality = crit.get(i.node) ?? 3;
    const hops = hopsOf(result, i.node, i.effect, labels, edges);
    return {
      node: i.node,
      label: labels.node(i.node),
      kind: kinds.get(i.node) ?? 'service',
      effect: i.effect,
      at: i.at,
      silent: i.silent,
      criticality,
      points: criticality * EFFECT_WEIGHTS[i.effect],
      via: i.via,
      chain: hops.map((h) => h.label),
      hops,
      route: routeOf(hops),
      steps: stepsOf(model, result, scenario, i.node, i.effect),
      ...(i.until !== undefined ? { until: i.until } : {}),
      deadCopy: dead.has(i.node),
    };
  });
}

/** The scenario's responses in time order, each with what it does in words. */
function responseRows(result: SimulationResult, labels: Labels): ResponseRow[] {
  return [...result.scenario.responses]
    .sort((a, b) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0))
    .map((r) => {
      const label = labels.node(r.node);
      const when = formatHours(r.at);
      const text =
        r.action === 'rotate'
          ? `Rotate ${label} at ${when}: a copy stolen before then stops working; holders get the new secret.`
          : `Revoke ${label} at ${when}: it is down from then on and carries nothing after it.`;
      return { action: r.action, title: RESPONSE_INFO[r.action].title, node: r.node, label, at: r.at, text };
    });
}

function timelineOf(
  model: Model,
  scenario: ScenarioInput,
  result: SimulationResult,
  rows: readonly ImpactRow[],
  labels: Labels,
): Timeline {
  const responseHours = result.scenario.params.responseHours;
  const { detectedAt, containedAt } = result.detection;
  const responses = responseRows(result, labels);
  const breakNodes = new Set(result.scenario.breaks.map((b) => b.node));
  const beyond = rows.filter((r) => r.via !== null);
  const firstImpactAt = beyond.length ? Math.min(...beyond.map((r) => r.at)) : null;
  const lastImpactAt = rows.length ? Math.max(...rows.map((r) => r.at)) : null;
  const by = result.detection.detectedBy === null ? null : { node: result.detection.detectedBy, label: labels.node(result.detection.detectedBy) };
  const events: TimelineEvent[] = [
    ...result.scenario.breaks.map(
      (b): TimelineEvent => ({
        at: 0,
        kind: 'break',
        effect: null,
        node: b.node,
        text: `${BREAK_INFO[b.mode].title}: ${labels.node(b.node)}`,
      }),
    ),
    ...responses.map((r): TimelineEvent => ({ at: r.at, kind: 'response', effect: null, action: r.action, node: r.node, text: `${r.title}: ${r.label}` })),
    ...rows
      .filter((r) => r.via !== null || !(breakNodes.has(r.node) || responses.some((x) => x.node === r.node && x.at === r.at)))
      .map((r): TimelineEvent => ({ at: r.at, kind: 'impact', effect: r.effect, node: r.node, text: r.label })),
  ];
  if (detectedAt !== null) {
    events.push({ at: detectedAt, kind: 'detected', effect: null, node: by?.node ?? null, text: 'Detected' });
  }
  if (containedAt !== null) {
    events.push({ at: containedAt, kind: 'contained', effect: null, node: null, text: 'Contained' });
  }
  events.sort((a, b) => a.at - b.at);
  const horizon = Math.max(1, lastImpactAt ?? 0, detectedAt ?? 0, containedAt ?? 0, ...responses.map((r) => r.at));

  const notes: string[] = [];
  const security = rows.some((r) => isSecurityEffect(r.effect));
  if (firstImpactAt !== null) {
    const first = beyond.find((r) => r.at === firstImpactAt)!;
    notes.push(`The first node beyond the break, ${quote(first.label)}, is reached ${atPhrase(firstImpactAt)}.`);
  }
  if (lastImpactAt !== null && rows.length > 1) {
    notes.push(`The radius stops growing ${atPhrase(lastImpactAt)}: ${plural(rows.length, 'impact')} in all.`);
  }
  if (detectedAt !== null) {
    const where = by ? ` at ${quote(by.label)}` : '';
    notes.push(
      `Detected ${atPhrase(detectedAt)}${where}; contained ${atPhrase(containedAt ?? detectedAt)}, after a response time of ${formatHours(responseHours)}: the exposure window is ${formatHours(containedAt ?? detectedAt)}.`,
    );
  } else if (security) {
    // The seed's figure only where the model has not said its own response time.
    const average = responseHours === DEFAULT_RESPONSE_HOURS ? ' A leaked secret takes 27 days to remediate on average (NHIMG).' : '';
    notes.push(`Never detected: no monitored node is reached, so nothing cuts the attacker off.${average}`);
  } else if (rows.length) {
    notes.push('Availability only: no attacker is involved, so detection does not apply, and outages are never cut by containment.');
  }
  const dead = rows.filter((r) => r.deadCopy);
  if (dead.length) {
    notes.push(
      `${capitalise(listWords(dead.map((r) => quote(r.label))))} ${dead.length === 1 ? 'was' : 'were'} stolen but ${dead.length === 1 ? 'its copy' : 'their copies'} died before carrying anything.`,
    );
  }
  const silent = rows.filter((r) => r.silent);
  if (silent.length) {
    notes.push(`${capitalise(plural(silent.length, 'outage'))} ${silent.length === 1 ? 'is' : 'are'} silent: no health check notices ${silent.length === 1 ? 'it' : 'them'}.`);
  }
  return {
    horizon,
    events,
    firstImpactAt,
    lastImpactAt,
    detectedAt,
    detectedBy: by,
    containedAt,
    responseHours,
    exposureWindow: containedAt,
    notes,
  };
}

const atPhrase = (h: number) => (h === 0 ? 'at once' : `after ${formatHours(h)}`);

function scenarioHeadline(
  scenario: ScenarioInput,
  result: SimulationResult,
  rows: readonly ImpactRow[],
  labels: Labels,
): string {
  // The breaks that took effect are the subject; those prevented (§8) are said apart, and the verb agrees.
  const prevented = new Set(result.prevented.map((p) => `${p.mode}\u0000${p.node}`));
  const live = result.scenario.breaks.filter((b) => !prevented.has(`${b.mode}\u0000${b.node}`));
  const isAre = (n: number) => (n > 1 ? 'are' : 'is');
  if (live.length === 0 && result.prevented.length > 0) {
    return `${capitalise(breaksPhrase(result.prevented, labels))} ${isAre(result.prevented.length)} prevented: nothing is reached.`;
  }
  const aside = result.prevented.length > 0 ? `; ${breaksPhrase(result.prevented, labels)} ${isAre(result.prevented.length)} prevented` : '';
  const what = capitalise(breaksPhrase(live, labels));
  const reaches = live.length > 1 ? 'reach' : 'reaches';
  if (rows.length === 0) return `${what} ${reaches} nothing${aside}.`;
  const counts = EFFECTS.filter((e) => result.summary.counts[e] > 0).map((e) => `${result.summary.counts[e]} ${e}`);
  const reached = new Set(rows.map((r) => r.node)).size;
  const last = Math.max(...rows.map((r) => r.at));
  const detection =
    result.detection.detectedAt !== null
      ? `detected ${atPhrase(result.detection.detectedAt)}`
      : rows.some((r) => isSecurityEffect(r.effect))
        ? 'nobody notices'
        : 'no attacker involved, so detection does not apply';
  return `${what} ${reaches} ${plural(reached, 'node')} (${counts.join(', ')}) ${last === 0 ? 'at once' : `within ${formatHours(last)}`}${aside}; ${detection}.`;
}

export function scenarioReport(
  model: Model,
  scenario: ScenarioInput,
  result: SimulationResult,
  labels: Labels,
  rank: number,
): Omit<ScenarioReport, 'diagrams'> {
  const rows = impactRows(model, scenario, result, labels);
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  return {
    id: scenario.id ?? result.scenario.id,
    name: scenarioName(scenario),
    rank,
    headline: scenarioHeadline(scenario, result, rows, labels),
    breaks: result.scenario.breaks.map((b) => ({
      mode: b.mode,
      modeTitle: BREAK_INFO[b.mode].title,
      meaning: BREAK_INFO[b.mode].meaning,
      tags: [...BREAK_INFO[b.mode].tags],
      node: b.node,
      label: labels.node(b.node),
      kind: kinds.get(b.node) ?? 'service',
    })),
    responses: responseRows(result, labels),
    prevented: result.prevented.map((p) => ({
      mode: p.mode,
      node: p.node,
      label: labels.node(p.node),
      reason: `the secret ${PREVENTED_BECAUSE[p.reason]}`,
    })),
    score: result.summary.score,
    exposure: result.summary.exposure,
    counts: { ...result.summary.counts },
    impactedNodes: new Set(result.impacts.map((i) => i.node)).size,
    timeline: timelineOf(model, scenario, result, rows, labels),
    impacts: rows,
    silent: rows.filter((r) => r.silent),
    patches: (scenario.patches ?? []).map((p) => {
      const e = model.edges.find((x) => x.id === p.id);
      const what = e ? labels.edge(e) : labels.node(p.id);
      return `${what}: ${Object.entries(p.props).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`;
    }),
    removed: (scenario.removed ?? []).map((id) => {
      const e = model.edges.find((x) => x.id === id);
      return e ? labels.edge(e) : id;
    }),
  };
}

/** "“CI token”, taken at once after a leak of CI token: stolen, dead after 15 min; its copy carried nothing." */
export function deadCopySentence(row: ImpactRow, breaksText: string): string {
  const when = row.at === 0 ? 'taken at once' : `taken ${formatHours(row.at)}`;
  return `${quote(row.label)}, ${when} after ${breaksText}: ${deadCopyText(row.until ?? row.at)}; its copy carried nothing.`;
}

/** One sentence for a worst impact, for the executive summary. */
export function worstSentence(row: ImpactRow, breaksText: string): string {
  const hops = Math.max(1, row.chain.length - 1);
  const when = row.at === 0 ? `At once after ${breaksText}` : `${formatHours(row.at)} after ${breaksText}`;
  return `${when}, ${effectClause(row.effect, quote(row.label))} (${plural(hops, 'step')}).`;
}
