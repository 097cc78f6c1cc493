import type { ModelEdge } from '../../../../shared/domain/schema.ts';

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
