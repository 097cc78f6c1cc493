/**
 * A small builder for findings tests: nodes and edges as tuples, defaults that keep a model clean (owners set,
 * secrets short-lived, identities reviewed, services health-checked), loaded through the one load path.
 */
import type { Model } from '../../../shared/domain/index.ts';
import { parseModelJson } from '../../../shared/file/index.ts';
import type { Finding, RuleId } from '../../../shared/analysis/index.ts';
import { lintModel } from '../../../shared/analysis/index.ts';

export type NodeSpec = [kind: string, id: string, props?: Record<string, unknown>];
export type EdgeSpec = [kind: string, source: string, target: string, props?: Record<string, unknown>, id?: string];

export const AS_OF = '2026-11-27';

const CLEAN: Record<string, Record<string, unknown>> = {
  secret: { owner: 'platform', ttlHours: 1 },
  identity: { owner: 'platform', lastReviewed: AS_OF },
  service: { healthCheck: true },
  pipeline: { healthCheck: true },
};

export function build(spec: { asOf?: string | null; nodes: NodeSpec[]; edges?: EdgeSpec[] }): Model {
  const nodes = spec.nodes.map(([kind, id, props]) => ({ id, kind, label: id.toUpperCase(), props: { ...CLEAN[kind], ...props } }));
  const edges = (spec.edges ?? []).map(([kind, source, target, props, id], i) => ({
    id: id ?? `e${i + 1}`,
    kind,
    source,
    target,
    props: props ?? {},
  }));
  const file = { format: 'faultline', version: 1, model: { asOf: spec.asOf === undefined ? AS_OF : spec.asOf, nodes, edges } };
  const loaded = parseModelJson(file);
  if (!loaded.ok) throw new Error(`bad test model: ${loaded.error.message}`);
  return loaded.value;
}

/** The findings of one rule. */
export function findingsOf(model: Model, rule: RuleId): Finding[] {
  return lintModel(model).filter((f) => f.rule === rule);
}

export const idsOf = (model: Model, rule: RuleId) => findingsOf(model, rule).map((f) => f.id);
