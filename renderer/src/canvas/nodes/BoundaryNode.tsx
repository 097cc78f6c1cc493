import { NodeResizer, useStoreApi } from '@xyflow/react';
import type { NodeProps, ResizeParams } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { move } from '../../editor/commands.ts';
import { useModelStoreApi } from '../../store/context.tsx';
import type { BoundaryFlowNode, FlowNode } from '../adapter.ts';
import { measuredSizes } from '../flowGeometry.ts';
import { InlineRename } from './InlineRename.tsx';
import { useRename } from './useRename.ts';

/** A trust boundary: a labelled dashed frame behind the nodes it groups. Resizable when selected. */
export const BoundaryNode = memo(function BoundaryNode({ id, data, selected }: NodeProps<BoundaryFlowNode>) {
  const { boundary } = data;
  const store = useModelStoreApi();
  const rf = useStoreApi<FlowNode>();
  const { renaming, commit, cancel, start } = useRename(id, boundary.id, 'boundaries');

  // A resize is one undo step; nodes the frame now covers (or no longer covers) join or leave it.
  const onResizeEnd = useCallback(
    (_e: unknown, r: ResizeParams) => {
      const { model, apply } = store.getState();
      const patch = move(model, {
        boundaries: new Map([[boundary.id, { x: r.x, y: r.y, width: r.width, height: r.height }]]),
        reassign: model.nodes.map((n) => n.id),
        sizes: measuredSizes(rf.getState().nodeLookup),
      });
      apply(patch, { label: 'Resize boundary' });
    },
    [store, rf, boundary.id],
  );

  return (
    <>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={80} onResizeEnd={onResizeEnd} color="var(--focus)" />
      <div className={`fl-boundary env-${boundary.environment}${selected ? ' is-selected' : ''}`}>
        <div className="fl-boundary-label" onDoubleClick={start}>
          {renaming ? (
            <InlineRename value={boundary.label} onCommit={commit} onCancel={cancel} />
          ) : (
            <span className="fl-boundary-name">{boundary.label || boundary.id}</span>
          )}
          <span className="fl-boundary-env">{boundary.environment}</span>
        </div>
      </div>
    </>
  );
});
