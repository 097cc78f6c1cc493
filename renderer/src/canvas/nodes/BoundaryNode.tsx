import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BoundaryFlowNode } from '../adapter.ts';

/** A trust boundary: a labelled dashed frame drawn behind the nodes it groups. */
export const BoundaryNode = memo(function BoundaryNode({ data, selected }: NodeProps<BoundaryFlowNode>) {
  const { boundary } = data;
  return (
    <div className={`fl-boundary env-${boundary.environment}${selected ? ' is-selected' : ''}`}>
      <div className="fl-boundary-label">
        {boundary.label || boundary.id}
        <span className="fl-boundary-env">{boundary.environment}</span>
      </div>
    </div>
  );
});
