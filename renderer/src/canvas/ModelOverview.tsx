import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { edgesPath, nodesPaths } from './overview.ts';

/**
 * A large model's edges (and, zoomed far out, its nodes) as a few SVG paths: panning a picture of
 * thousands of segments costs one element, not thousands.
 */
export const ModelOverview = memo(function ModelOverview({
  rects,
  edges,
  withNodes,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  edges: readonly FlowEdge[];
  withNodes: boolean;
}) {
  const d = useMemo(() => edgesPath(edges, rects), [edges, rects]);
  const boxes = useMemo(() => (withNodes ? [...nodesPaths(rects)] : []), [rects, withNodes]);
  return (
    <ViewportPortal>
      <svg className="fl-overview" aria-hidden="true" data-testid="model-overview">
        <path className="fl-overview-edges" d={d} />
        {boxes.map(([kind, path]) => (
          <path
            key={kind}
            className="fl-overview-nodes"
            d={path}
            style={{ fill: NODE_REGISTRY[kind].color, stroke: NODE_REGISTRY[kind].color }}
          />
        ))}
      </svg>
    </ViewportPortal>
  );
});
