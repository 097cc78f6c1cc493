/** How the CLI names nodes, edges, breaks and scenarios in text. */
import type { Model } from '../../shared/domain/index.ts';
import type { ScenarioInput } from '../../shared/engine/index.ts';

export interface Names {
  /** `CI token (ci-token)`; the id alone when the label is empty or equal to it. */
  node(id: string): string;
  /** `CI runner holds CI token`, or the id of an unknown edge. */
  edge(id: string): string;
  scenario(s: ScenarioInput): string;
}

export function namesOf(model: Model): Names {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const label = (id: string) => nodes.get(id)?.label || id;
  return {
    node: (id) => (label(id) === id ? id : `${label(id)} (${id})`),
    edge: (id) => {
      const e = edges.get(id);
      return e ? `${label(e.source)} ${e.kind} ${label(e.target)} (${id})` : id;
    },
    scenario: (s) => {
      const name = s.name?.trim();
      if (name && s.id) return `${name} (${s.id})`;
      return name || s.id || 'unnamed scenario';
    },
  };
}
