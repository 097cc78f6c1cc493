/**
 * Recommendations: the choke points of every scenario, merged by fix and ranked by the score they remove in
 * total, each with the failure modes it closes (nothing left beyond the break), trims or softens. A what-if
 * scenario that only restates another (same breaks, same result) is left out of the sums, and every sum
 * says how many scenarios it adds up.
 */
import type { Chokepoint } from '../analysis/index.ts';
import { rankChokepoints } from '../analysis/index.ts';
import type { Break, Model } from '../domain/index.ts';
import { BREAK_INFO } from '../domain/index.ts';
import type { ScenarioInput, SimulationResult } from '../engine/index.ts';
import { capitalise } from './format.ts';
import type { Recommendation, RecommendationsSection } from './types.ts';
import type { Labels } from './words.ts';
import { breaksPhrase, scenarioName } from './words.ts';

export interface ChokepointSource {
  scenario: ScenarioInput;
  result: SimulationResult;
  chokepoints: readonly Chokepoint[];
}

export function chokepointsFor(
  model: Model,
  scenario: ScenarioInput,
  given: Readonly<Record<string, readonly Chokepoint[]>> | undefined,
): readonly Chokepoint[] {
  const id = scenario.id ?? '';
  return given?.[id] ?? rankChokepoints(model, scenario);
}

/** What a scenario says: its breaks, as a set, and everything it reaches. Two scenarios saying the same restate each other. */
function statement(result: SimulationResult): string {
  const breaks = result.scenario.breaks.map((b) => `${b.mode}:${b.node}`).sort();
  return JSON.stringify([breaks, result.impacts, result.prevented]);
}

/** The sources with every restatement of an earlier one left out. */
export function distinctSources(sources: readonly ChokepointSource[]): ChokepointSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = statement(s.result);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where a fix applies, for the "Where" column: the edge, the node, or the scenario's response time. */
function whereOf(cp: Chokepoint, model: Model, labels: Labels): string {
  const edge = cp.edge === null ? undefined : model.edges.find((e) => e.id === cp.edge);
  if (cp.fix === 'respond-faster') return 'the response to a detection';
  if (cp.node !== null && cp.fix !== 'bound') return labels.node(cp.node);
  return edge ? labels.edge(edge) : (cp.edge ?? '');
}

export function recommendations(
  model: Model,
  sources: readonly ChokepointSource[],
  labels: Labels,
  max: number,
): RecommendationsSection {
  const merged = new Map<string, { cp: Chokepoint; parts: { src: ChokepointSource; cp: Chokepoint }[] }>();
  let considered = 0;
  for (const src of distinctSources(sources)) {
    for (const cp of src.chokepoints) {
      considered++;
      if (cp.reduction === 0) continue;
      const entry = merged.get(cp.id) ?? { cp, parts: [] };
      entry.parts.push({ src, cp });
      merged.set(cp.id, entry);
    }
  }
  const all: Recommendation[] = [...merged.values()].map(({ cp, parts }) => {
    const helped = parts.filter((p) => p.cp.reduction > 0);
    const shown = helped.length ? helped : parts;
    return {
      rank: 0,
      id: cp.id,
      edge: cp.edge ?? '',
      node: cp.node,
      edgeText: whereOf(cp, model, labels),
      fix: cp.fix,
      fixTitle: cp.description,
      description: cp.change,
      reduction: round(parts.reduce((s, p) => s + p.cp.reduction, 0)),
      scenarioCount: parts.length,
      scenarios: parts.map((p) => ({
        id: p.src.scenario.id ?? p.src.result.scenario.id,
        name: scenarioName(p.src.scenario),
        scoreBefore: p.cp.scoreBefore,
        scoreAfter: p.cp.scoreAfter,
        reduction: p.cp.reduction,
      })),
      closes: sentenceFor(shown.map((p) => ({ breaks: p.src.result.scenario.breaks, closes: p.cp.closes })), labels),
      reason: parts.map((p) => p.cp.reason).find((r) => r) ?? null,
    };
  });
  const order = (a: Recommendation, b: Recommendation) =>
    b.reduction - a.reduction || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cutting = all.filter((r) => r.reduction > 0);
  const items = cutting.sort(order).slice(0, max);
  items.forEach((r, i) => (r.rank = i + 1));
  const backfires = all.filter((r) => r.reduction < 0).sort((a, b) => a.reduction - b.reduction);
  backfires.forEach((r, i) => (r.rank = i + 1));
  return { items, more: cutting.length - items.length, backfires, considered };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * "Closes a leak of CI token (OWASP NHI2, ATT&CK T1552); trims the compromise of Runner; softens an outage of
 * Vault." A security break is closed when the fix leaves nothing beyond it in every scenario it helps that
 * has the break, trimmed otherwise; an availability break is softened.
 */
function sentenceFor(parts: readonly { breaks: readonly Break[]; closes: boolean }[], labels: Labels): string {
  const closed: Break[] = [];
  const trimmed: Break[] = [];
  const softened: Break[] = [];
  const has = (list: Break[], b: Break) => list.some((c) => c.mode === b.mode && c.node === b.node);
  const same = (b: Break) => (c: Break) => c.mode === b.mode && c.node === b.node;
  for (const p of parts) {
    for (const b of p.breaks) {
      if (has(closed, b) || has(trimmed, b) || has(softened, b)) continue;
      if (BREAK_INFO[b.mode].starts === 'down') softened.push(b);
      else if (parts.every((q) => q.closes || !q.breaks.some(same(b)))) closed.push(b);
      else trimmed.push(b);
    }
  }
  const part = (list: Break[], verb: string) => {
    if (!list.length) return '';
    const tags = [...new Set(list.flatMap((b) => BREAK_INFO[b.mode].tags))].filter((t) => !t.includes('('));
    return `${verb} ${breaksPhrase(list, labels)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
  };
  const text = [part(closed, 'closes'), part(trimmed, 'trims the radius of'), part(softened, 'softens')].filter(Boolean).join('; ');
  return `${capitalise(text)}.`;
}

/** "4 more fixes cut a score by less; `faultline rank` lists every scenario's": under the list, when it was cut. */
export const moreFixesText = (more: number): string =>
  `${more} more fix${more === 1 ? '' : 'es'} cut${more === 1 ? 's' : ''} a score by less; the Fixes tab, or faultline rank FILE --scenario ID, lists every scenario’s.`;
