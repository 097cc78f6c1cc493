/** Sentences about breaks and scenarios, shared by the summary, the scenario pages and the recommendations. */
import type { Break, Model, ModelEdge } from '../domain/index.ts';
import { BREAK_INFO } from '../domain/index.ts';
import type { ScenarioInput } from '../engine/index.ts';
import { listWords } from './format.ts';

export interface Labels {
  node(id: string): string;
  edge(e: ModelEdge): string;
}

export function labelsOf(model: Model): Labels {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const node = (id: string) => byId.get(id)?.label || id;
  return { node, edge: (e) => `${node(e.source)} ${e.kind} ${node(e.target)}` };
}

/** "a leak of CI token and an outage of Vault". */
export function breaksPhrase(breaks: readonly Break[], labels: Labels): string {
  if (breaks.length === 0) return 'no break';
  return listWords(breaks.map((b) => BREAK_INFO[b.mode].phrase(labels.node(b.node))));
}

export const scenarioName = (s: ScenarioInput) => s.name?.trim() || s.id || 'Unnamed scenario';
