import type { EdgeKind, ModelEdge, NodeKind } from '../../../../shared/domain/index.ts';
import { EDGE_ENDS } from '../../../../shared/domain/index.ts';

/** The kind and the one prop that matters at a glance: `grants · admin`, `invokes · approval`. */
export function edgeLabel(edge: ModelEdge): string {
  switch (edge.kind) {
    case 'grants':
      return `grants · ${edge.props.access}`;
    case 'calls':
      return edge.props.access === 'none' ? 'calls' : `calls · ${edge.props.access}`;
    case 'invokes':
      return edge.props.approval ? 'invokes · approval' : 'invokes';
    case 'depends-on':
      return edge.props.verified ? 'depends-on · verified' : 'depends-on';
    case 'trusts':
      return edge.props.constrained ? 'trusts · constrained' : 'trusts';
    default:
      return edge.kind;
  }
}

const list = (kinds: readonly NodeKind[]) => (kinds.length >= 11 ? 'any kind' : kinds.join(', '));

/** Why an edge is marked: §4 does not name its kind between these two node kinds. */
export function misfitReason(kind: EdgeKind, source: NodeKind, target: NodeKind): string {
  const ends = EDGE_ENDS[kind];
  return `"${kind}" is not drawn from a ${source} to a ${target} in the kind table: it goes from ${list(ends.sources)} to ${list(ends.targets)}. It is kept and simulated as drawn; the linter flags it.`;
}
