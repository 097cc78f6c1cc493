/** A tiny builder: small models go through the real load path, so every default is filled. */
import type { BreakMode, EdgeKind, Effect, Model, NodeKind } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import { parseModelJson } from '../../../shared/file/index.ts';

export type NodeSpec = [id: string, kind: NodeKind, props?: Record<string, unknown>, label?: string];
export type EdgeSpec = [id: string, kind: EdgeKind, source: string, target: string, props?: Record<string, unknown>];

export function buildModel(nodes: NodeSpec[], edges: EdgeSpec[] = [], scenarios: unknown[] = []): Model {
  const parsed = parseModelJson({
    format: 'faultline',
    version: 1,
    model: {
      id: 'test',
      nodes: nodes.map(([id, kind, props, label]) => ({ id, kind, label: label ?? id, props: props ?? {} })),
      edges: edges.map(([id, kind, source, target, props]) => ({ id, kind, source, target, props: props ?? {} })),
      scenarios,
    },
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** `{node: effect@at}` of the impacts, for short assertions. */
export function impactMap(result: SimulationResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of result.impacts) out[`${i.node}:${i.effect}`] = String(i.at);
  return out;
}

export function impact(result: SimulationResult, node: string, effect?: Effect) {
  return result.impacts.find((i) => i.node === node && (effect === undefined || i.effect === effect));
}

export function traceOf(result: SimulationResult, node: string): string[] {
  return result.trace.filter((t) => t.node === node).map((t) => `${t.effect}@${t.at}`);
}

/** Breaks written as `mode:node`. */
export function breaks(...specs: string[]): { mode: BreakMode; node: string }[] {
  return specs.map((s) => {
    const i = s.indexOf(':');
    return { mode: s.slice(0, i) as BreakMode, node: s.slice(i + 1) };
  });
}
