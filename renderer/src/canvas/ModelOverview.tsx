import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { edgePaths, nodesPaths } from './overview.ts';

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
  // A drop gives new rectangles for the moved nodes only: only the paths holding an edge whose end really
  // moved are written again (zoomed out, every edge is in this picture, the moved nodes' too).
  const drawn = useRef<{ edges: readonly FlowEdge[]; rects: ReadonlyMap<string, AbsRect>; paths: readonly string[] } | null>(null);
  const paths = useMemo(() => edgePaths(edges, rects, drawn.current ?? undefined), [edges, rects]);
  drawn.current = { edges, rects, paths };
  const boxes = useMemo(() => (withNodes ? [...nodesPaths(rects)] : []), [rects, withNodes]);
  return (
    <ViewportPortal>
      <svg className="fl-overview" aria-hidden="true" data-testid="model-overview">
        {paths.map((d, i) => (
          <path key={i} className="fl-overview-edges" d={d} />
        ))}
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
