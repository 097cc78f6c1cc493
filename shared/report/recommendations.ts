/**
 * Recommendations: the choke points of every scenario, merged by fix and ranked by the score they remove in
 * total, each with the failure mode it closes.
 */
import type { Chokepoint } from '../analysis/chokepoints.ts';
import { rankChokepoints } from '../analysis/chokepoints.ts';
import { BREAK_INFO } from '../domain/kinds.ts';
import type { Break, Model } from '../domain/schema.ts';
import type { ScenarioInput } from '../engine/simulate.ts';
import type { SimulationResult } from '../engine/types.ts';
import { capitalise } from './format.ts';
import type { Recommendation, RecommendationsSection } from './types.ts';
import type { Labels } from './words.ts';
import { breaksPhrase, scenarioName } from './words.ts';

export const FIX_TITLES: Record<Chokepoint['fix'], string> = {
  remove: 'Remove this trust',
  approval: 'Require human approval',
  verified: 'Verify the dependency',
  constrained: 'Constrain the trust',
  bound: 'Bind the secret to its holder',
  'lower-access': 'Lower the access one step',
};

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

export function recommendations(
  model: Model,
  sources: readonly ChokepointSource[],
  labels: Labels,
  max: number,
): RecommendationsSection {
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const merged = new Map<string, { cp: Chokepoint; parts: { src: ChokepointSource; cp: Chokepoint }[] }>();
  let considered = 0;
  for (const src of sources) {
    for (const cp of src.chokepoints) {
      considered++;
      if (cp.reduction === 0) continue;
      const entry = merged.get(cp.id) ?? { cp, parts: [] };
      entry.parts.push({ src, cp });
      merged.set(cp.id, entry);
    }
  }
  const all: Recommendation[] = [...merged.values()].map(({ cp, parts }) => {
    const e = edges.get(cp.edge);
    const helped = parts.filter((p) => p.cp.reduction > 0);
    const shown = helped.length ? helped : parts;
    // Security breaks are closed by the fix; availability breaks (expire, revoke, outage) only softened.
    const closes = sentenceFor(shown.map((p) => p.src.result.scenario.breaks), labels);
    return {
      rank: 0,
      id: cp.id,
      edge: cp.edge,
      edgeText: e ? labels.edge(e) : cp.edge,
      fix: cp.fix,
      fixTitle: FIX_TITLES[cp.fix] ?? cp.fix,
      description: cp.description,
      reduction: round(parts.reduce((s, p) => s + p.cp.reduction, 0)),
      scenarios: parts.map((p) => ({
        id: p.src.scenario.id ?? p.src.result.scenario.id,
        name: scenarioName(p.src.scenario),
        scoreBefore: p.cp.scoreBefore,
        scoreAfter: p.cp.scoreAfter,
        reduction: p.cp.reduction,
      })),
      closes,
      reason: parts.map((p) => p.cp.reason).find((r) => r) ?? null,
    };
  });
  const order = (a: Recommendation, b: Recommendation) =>
    b.reduction - a.reduction || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const items = all.filter((r) => r.reduction > 0).sort(order).slice(0, max);
  items.forEach((r, i) => (r.rank = i + 1));
  const backfires = all.filter((r) => r.reduction < 0).sort((a, b) => a.reduction - b.reduction);
  backfires.forEach((r, i) => (r.rank = i + 1));
  return { items, backfires, considered };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const AVAILABILITY_MODES = new Set(['expire', 'revoke', 'outage']);

/** "Closes a leak of CI token (OWASP NHI2, ATT&CK T1552); softens an outage of Vault." */
function sentenceFor(breakLists: readonly (readonly Break[])[], labels: Labels): string {
  const all = breakLists.flat();
  const unique = all.filter((b, i) => all.findIndex((c) => c.mode === b.mode && c.node === b.node) === i);
  const part = (list: Break[], verb: string) => {
    if (!list.length) return '';
    const tags = [...new Set(list.flatMap((b) => BREAK_INFO[b.mode].tags))].filter((t) => !t.includes('('));
    return `${verb} ${breaksPhrase(list, labels)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
  };
  const closes = part(unique.filter((b) => !AVAILABILITY_MODES.has(b.mode)), 'closes');
  const softens = part(unique.filter((b) => AVAILABILITY_MODES.has(b.mode)), 'softens');
  return `${capitalise([closes, softens].filter(Boolean).join('; '))}.`;
}
