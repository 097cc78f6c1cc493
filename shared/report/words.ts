/** Sentences about breaks and scenarios, shared by the summary, the scenario pages and the recommendations. */
import type { BreakMode } from '../domain/kinds.ts';
import type { Model, ModelEdge } from '../domain/schema.ts';
import type { Break } from '../domain/schema.ts';
import type { ScenarioInput } from '../engine/simulate.ts';
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

const BREAK_PHRASES: Record<BreakMode, (label: string) => string> = {
  leak: (l) => `a leak of ${l}`,
  compromise: (l) => `the compromise of ${l}`,
  'prompt-injection': (l) => `a prompt injection into ${l}`,
  'supply-chain': (l) => `a supply-chain hijack of ${l}`,
  expire: (l) => `the expiry of ${l}`,
  revoke: (l) => `revoking ${l}`,
  outage: (l) => `an outage of ${l}`,
};

/** "a leak of CI token and an outage of Vault". */
export function breaksPhrase(breaks: readonly Break[], labels: Labels): string {
  if (breaks.length === 0) return 'no break';
  return listWords(breaks.map((b) => BREAK_PHRASES[b.mode](labels.node(b.node))));
}

export const scenarioName = (s: ScenarioInput) => s.name?.trim() || s.id || 'Unnamed scenario';
