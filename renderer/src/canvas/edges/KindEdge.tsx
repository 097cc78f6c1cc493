import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { FixBadge, useDecideEdge } from '../../decide/index.ts';
import { EdgeFxPath, useEdgeFx } from '../../scenarios/index.ts';
import { useModelStoreApi, useUiStoreApi } from '../../store/context.tsx';
import type { FlowEdge } from '../adapter.ts';
import { useDetail } from '../detail.ts';
import { useLabelHidden } from '../useDecor.ts';
import { edgeLabel, misfitReason } from './edgeLabel.ts';

export const KindEdge = memo(function KindEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // Too small to read at this zoom, or it would lie on another label or a node (useDecor.ts).
  const crowded = useLabelHidden(id);
  const hidden = !useDetail().labels || (crowded && !selected);
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const fx = useEdgeFx(id);
  const dc = useDecideEdge(id);
  const misfit = data && !data.fits ? misfitReason(data.edge.kind, data.sourceKind, data.targetKind) : null;

  const openMenu = useCallback(
    (e: React.MouseEvent) => {
      e.stopPropagation();
      store.getState().setSelection({ nodes: [], edges: [id], boundaries: [] });
      ui.getState().setEdgeMenu({ edgeId: id, x: e.clientX, y: e.clientY });
    },
    [ui, store, id],
  );

  const className =
    ['fl-edge', selected ? 'is-selected' : '', misfit ? 'is-misfit' : ''].filter(Boolean).join(' ') + fx.className + dc.className;
  return (
    <>
      {misfit && <title>{misfit}</title>}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} />
      <EdgeFxPath fx={fx} geometry={{ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }} />
      {data && !hidden && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`fl-edge-label nodrag nopan${selected ? ' is-selected' : ''}${misfit ? ' is-misfit' : ''}${fx.className}${dc.className}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
            title={misfit ?? 'Change the edge kind'}
            onClick={openMenu}
          >
            <FixBadge rank={dc.fixRank} />
            {misfit && <span aria-hidden="true">⚠ </span>}
            {edgeLabel(data.edge)}
          </button>
        </EdgeLabelRenderer>
      )}
      {/* A top-3 fix badge stays in view when the label steps aside (too small or crowded). */}
      {hidden && dc.fixRank !== null && (
        <EdgeLabelRenderer>
          <span className="dc-edge-badge" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            <FixBadge rank={dc.fixRank} />
          </span>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
