import { ViewportPortal, useStoreApi } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { NodeKind } from '../../../shared/domain/index.ts';
import type { FlowEdge } from './adapter.ts';
import { viewInFlow } from './flowGeometry.ts';
import type { Cover } from './movingBitmap.ts';
import { coverFor, covers, drawPicture } from './movingBitmap.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { AbsRect } from './overview.ts';

const kindColor = (kind: NodeKind) => NODE_REGISTRY[kind].color;

/**
 * A large model's picture while the user pans or zooms it zoomed out: one bitmap around the view
 * (movingBitmap.ts), drawn again only when the view leaves it or zooms in past it. It follows the view
 * outside React: a store subscription draws it in the same task as the move, so no frame shows a gap.
 */
export const MovingPicture = memo(function MovingPicture({
  rects,
  edges,
  boxes,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  edges: readonly FlowEdge[];
  boxes: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // The theme's edge colour, as the SVG overview strokes it (editor.css gives the canvas that colour).
    const style = { edgeColor: getComputedStyle(canvas).color, kindColor, boxes };
    let drawn: Cover | null = null;
    const follow = (s: ReactFlowState) => {
      const view = viewInFlow(s);
      if (s.width === 0 || (drawn && covers(drawn, view, s.transform[2]))) return;
      const cover = coverFor(view, s.transform, window.devicePixelRatio || 1);
      const { area, scale } = cover;
      canvas.width = Math.ceil(area.width * scale);
      canvas.height = Math.ceil(area.height * scale);
      Object.assign(canvas.style, {
        left: `${area.x}px`,
        top: `${area.y}px`,
        width: `${canvas.width / scale}px`,
        height: `${canvas.height / scale}px`,
      });
      drawPicture(ctx, cover, rects, edges, style);
      drawn = cover;
    };
    follow(flow.getState());
    const stop = flow.subscribe(follow);
    return () => {
      stop();
      // Give the bitmap's memory back at once, not when the element is collected.
      canvas.width = canvas.height = 0;
    };
  }, [flow, rects, edges, boxes]);
  return (
    <ViewportPortal>
      <canvas ref={ref} className="fl-overview fl-overview-moving" aria-hidden="true" data-testid="moving-picture" />
    </ViewportPortal>
  );
});
