import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import type { NodeKind } from '../../../shared/domain/index.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { FlowEdge } from './adapter.ts';
import type { AbsRect } from './overview.ts';
import { nodesPaths } from './overview.ts';
import type { ChunkedEdges, EdgeChunk, Moved } from './overviewEdges.ts';
import { drawEdges } from './overviewEdges.ts';

/** One chunk's path: React skips the ones a drop left alone. */
const EdgesPath = memo(function EdgesPath({ chunk }: { chunk: EdgeChunk }) {
  return <path className="fl-overview-edges" d={chunk.d} />;
});

/**
 * A large model's edges (and, zoomed far out, its nodes) as a few SVG paths: panning a picture of
 * thousands of segments costs one element, not thousands.
 */
export const ModelOverview = memo(function ModelOverview({
  rects,
  edges,
  withNodes,
  moved,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  edges: readonly FlowEdge[];
  withNodes: boolean;
  moved?: Moved;
}) {
  // A drop gives new rectangles for the moved nodes only: the paths holding their edges are drawn again
  // (zoomed out, all 20,000 edges are here), the others are kept (overviewEdges.ts).
  const drawn = useRef<ChunkedEdges | null>(null);
  const chunked = useMemo(() => drawEdges(drawn.current, edges, rects, moved), [edges, rects, moved]);
  drawn.current = chunked;
  // The node boxes follow the rectangles alone: a pan that switches to the far picture and back draws
  // them once, not on every start.
  const boxesOf = useRef<{ rects: ReadonlyMap<string, AbsRect>; boxes: [NodeKind, string][] } | null>(null);
  let boxes: [NodeKind, string][] = [];
  if (withNodes) {
    if (boxesOf.current?.rects !== rects) boxesOf.current = { rects, boxes: [...nodesPaths(rects)] };
    boxes = boxesOf.current.boxes;
  }
  return (
    <ViewportPortal>
      <svg className="fl-overview" aria-hidden="true" data-testid="model-overview">
        {chunked.chunks.map((chunk, i) => (
          <EdgesPath key={i} chunk={chunk} />
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
