/**
 * Which (source kind, target kind) pairs each edge kind names in domain.md §4. An edge outside its pairs
 * is allowed and simulated all the same; the linter flags it and the editor marks it.
 */
import type { EdgeKind, NodeKind } from './kinds.ts';
import { NODE_KINDS } from './kinds.ts';

const WORKLOADS: NodeKind[] = ['service', 'agent', 'tool', 'pipeline'];
const ANY: NodeKind[] = [...NODE_KINDS];

export const EDGE_ENDS: Record<EdgeKind, { sources: readonly NodeKind[]; targets: readonly NodeKind[] }> = {
  'runs-as': { sources: [...WORKLOADS, 'person', 'dependency'], targets: ['identity'] },
  holds: { sources: [...WORKLOADS, 'person', 'dependency'], targets: ['secret'] },
  contains: { sources: ['location', 'datastore', 'pipeline'], targets: ['secret'] },
  authenticates: { sources: ['secret'], targets: ['identity'] },
  assumes: { sources: ['identity'], targets: ['identity'] },
  grants: { sources: ['secret', 'identity'], targets: ANY },
  calls: { sources: WORKLOADS, targets: ['service', 'agent', 'tool', 'datastore', 'dependency', 'issuer'] },
  invokes: { sources: ['agent'], targets: ['tool'] },
  // A content source: anything that carries text an agent reads.
  instructs: {
    sources: ['location', 'datastore', 'dependency', 'person', 'service', 'tool', 'agent', 'pipeline'],
    targets: ['agent'],
  },
  'depends-on': { sources: [...WORKLOADS, 'dependency'], targets: ['dependency', 'service'] },
  deploys: { sources: ['pipeline'], targets: [...WORKLOADS] },
  trusts: { sources: ['identity', 'service'], targets: ['issuer', 'identity'] },
  'issued-by': { sources: ['secret'], targets: ['issuer'] },
  signs: { sources: ['secret'], targets: ['issuer'] },
};

export function edgeFits(kind: EdgeKind, source: NodeKind, target: NodeKind): boolean {
  const ends = EDGE_ENDS[kind];
  return ends.sources.includes(source) && ends.targets.includes(target);
}

/** The edge kinds that make sense from `source` to `target`, most plausible first. */
export function edgeKindsFor(source: NodeKind, target: NodeKind): EdgeKind[] {
  const preferred = PREFERRED[`${source}>${target}`] ?? [];
  const fitting = (Object.keys(EDGE_ENDS) as EdgeKind[]).filter((k) => edgeFits(k, source, target));
  return [...preferred.filter((k) => fitting.includes(k)), ...fitting.filter((k) => !preferred.includes(k))];
}

/** The kind a new edge gets when drawn from `source` to `target`; `calls` when nothing fits. */
export function defaultEdgeKind(source: NodeKind, target: NodeKind): EdgeKind {
  return edgeKindsFor(source, target)[0] ?? 'calls';
}

/** Where several kinds fit a pair, the one people mean most often comes first. */
const PREFERRED: Partial<Record<string, EdgeKind[]>> = {
  'secret>identity': ['authenticates', 'grants'],
  'identity>identity': ['assumes', 'trusts', 'grants'],
  'service>identity': ['runs-as', 'trusts'],
  'service>service': ['calls', 'depends-on'],
  'service>dependency': ['depends-on', 'calls'],
  'agent>tool': ['invokes', 'calls'],
  'agent>agent': ['calls', 'instructs'],
  'tool>agent': ['instructs', 'calls'],
  'service>agent': ['calls', 'instructs'],
  'pipeline>service': ['deploys', 'calls', 'depends-on'],
  'pipeline>agent': ['deploys', 'calls'],
  'pipeline>tool': ['deploys', 'calls'],
  'pipeline>pipeline': ['deploys', 'calls'],
  'pipeline>secret': ['holds', 'contains'],
  'pipeline>dependency': ['depends-on', 'calls'],
  'identity>issuer': ['trusts', 'grants'],
  'service>issuer': ['trusts', 'calls'],
  // v1.1: a secret drawn to an issuer is most often its signing key (a CA key, a token-signing key).
  'secret>issuer': ['signs', 'issued-by', 'grants'],
  'identity>datastore': ['grants'],
  'identity>service': ['grants'],
};
