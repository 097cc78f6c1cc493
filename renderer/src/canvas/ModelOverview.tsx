import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { edgesPath, nodesPaths, sameEnds } from './overview.ts';

/**
 * A large model's edges near the view (and, zoomed far out, its nodes) as a few SVG paths: panning a
 * picture of thousands of segments costs one element, not thousands.
 */
export const ModelOverview = memo(function ModelOverview({
  rects,
  edges,
  lifted,
  boxesIn,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  edges: readonly FlowEdge[];
  /**
   * Zoomed out, a block selection's edges, drawn apart in a layer of their own: its drop moves them and
   * repaints that layer alone, not the cards and the rest of the picture (which a change of the one path
   * would, all over the view: a 10,000-node drop spent about 100 ms of raster there).
   */
  lifted: readonly FlowEdge[];
  /** Far out, the nodes are boxes too: those in this area. */
  boxesIn: Rect | null;
}) {
  // A drop gives new rectangles for the moved nodes only, whose edges are not in this path (React Flow or
  // the lifted path draws them): the path is kept unless an edge's end really moved.
  const drawn = useRef<{ edges: readonly FlowEdge[]; rects: ReadonlyMap<string, AbsRect>; d: string } | null>(null);
  const d = useMemo(() => {
    const prev = drawn.current;
    if (prev && prev.edges === edges && sameEnds(edges, prev.rects, rects)) return prev.d;
    return edgesPath(edges, rects);
  }, [edges, rects]);
  drawn.current = { edges, rects, d };
  const liftedD = useMemo(() => edgesPath(lifted, rects), [lifted, rects]);
  const boxes = useMemo(() => (boxesIn ? [...nodesPaths(rects, boxesIn)] : []), [rects, boxesIn]);
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
      {liftedD && (
        <svg className="fl-overview fl-overview-lifted" aria-hidden="true">
          <path className="fl-overview-edges" d={liftedD} />
        </svg>
      )}
    </ViewportPortal>
  );
});
