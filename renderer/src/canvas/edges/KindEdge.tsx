import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../adapter.ts';
import { edgeLabel } from './edgeLabel.ts';

export const KindEdge = memo(function KindEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'fl-edge is-selected' : 'fl-edge'} />
      {data && (
        <EdgeLabelRenderer>
          <div
            className={`fl-edge-label${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {edgeLabel(data.edge)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
