import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { edgesPath, nodesPaths, sameEnds } from './overview.ts';

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
  // A drop gives new rectangles for the moved nodes only, whose edges are not in this picture (recull
  // hands them to React Flow): the path is kept unless an edge's end really moved.
  const drawn = useRef<{ edges: readonly FlowEdge[]; rects: ReadonlyMap<string, AbsRect>; d: string } | null>(null);
  const d = useMemo(() => {
    const prev = drawn.current;
    if (prev && prev.edges === edges && sameEnds(edges, prev.rects, rects)) return prev.d;
    return edgesPath(edges, rects);
  }, [edges, rects]);
  drawn.current = { edges, rects, d };
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
