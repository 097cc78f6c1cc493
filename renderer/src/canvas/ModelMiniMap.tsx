/**
 * The minimap of a large model: the model as one picture (a path per kind, drawn from the model, so it
 * changes on drop, not on every drag tick) under the view's frame. React Flow's MiniMap draws one
 * element per node and recomputes the bounds of all of them on every pan, zoom and drag step: with
 * thousands of nodes that alone costs frames. Pannable and zoomable as React Flow's.
 */
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { Boundary, NodeKind } from '../../../shared/domain/index.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { boundsOf } from '../../../shared/visual/index.ts';
import { viewInFlow } from './flowGeometry.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import type { AbsRect } from './overview.ts';

const WIDTH = 200;
const HEIGHT = 150;
/** Boundaries' outline (the full minimap's nodeStrokeColor for them). */
const BOUNDARY_STROKE = '#8a94a6';
/** Margin around the model, in minimap pixels (React Flow's offsetScale). */
const MARGIN = 5;

/** The model's bounds fitted into the minimap, centred: the viewBox and flow units per minimap pixel. */
function frameOf(rects: ReadonlyMap<string, AbsRect>): { box: Rect; scale: number } {
  const b = boundsOf([...rects.values()]);
  if (!b) return { box: { x: 0, y: 0, width: WIDTH, height: HEIGHT }, scale: 1 };
  const scale = Math.max(b.width / (WIDTH - 2 * MARGIN), b.height / (HEIGHT - 2 * MARGIN));
  const width = WIDTH * scale;
  const height = HEIGHT * scale;
  return { box: { x: b.x + (b.width - width) / 2, y: b.y + (b.height - height) / 2, width, height }, scale };
}

/** The view in flow coordinates, rounded: the frame re-renders when it moves, not on every store write. */
const viewOf = (s: ReactFlowState): string => {
  const { x0, y0, x1, y1 } = viewInFlow(s);
  return [x0, y0, x1 - x0, y1 - y0].map(Math.round).join(',');
};

export function ModelMiniMap({
  rects,
  boundaries,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  boundaries: readonly Boundary[];
}) {
  const { box, scale } = useMemo(() => frameOf(rects), [rects]);
  const { getViewport, setViewport, zoomTo } = useReactFlow();
  const drag = useRef<{ x: number; y: number } | null>(null);

  // Dragging in the minimap moves the view the same way, at the minimap's scale.
  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    const { x, y, zoom } = getViewport();
    const dx = (e.clientX - drag.current.x) * scale;
    const dy = (e.clientY - drag.current.y) * scale;
    drag.current = { x: e.clientX, y: e.clientY };
    void setViewport({ x: x - dx * zoom, y: y - dy * zoom, zoom });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onWheel = (e: React.WheelEvent) => {
    const factor = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
    void zoomTo(getViewport().zoom * Math.pow(2, -e.deltaY * factor));
  };

  const viewBox = `${box.x} ${box.y} ${box.width} ${box.height}`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap fl-minimap" data-testid="model-minimap">
      {/* Two layers: the picture is rasterized once; only the frame over it is redrawn as the view moves. */}
      <Picture rects={rects} boundaries={boundaries} box={box} scale={scale} />
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={viewBox}
        className="react-flow__minimap-svg fl-minimap-frame"
        role="img"
        aria-label="Mini map"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      >
        <ViewFrame box={box} />
      </svg>
    </Panel>
  );
}

/**
 * The picture: every node a filled box in its kind's colour, boundaries outlined, on a canvas. Drawn again
 * when the model changes (a drop); as SVG, 10,000 rectangles cost a path string and a re-raster each time.
 */
const Picture = memo(function Picture({
  rects,
  boundaries,
  box,
  scale,
}: {
  rects: ReadonlyMap<string, AbsRect>;
  boundaries: readonly Boundary[];
  box: Rect;
  scale: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const k = ratio / scale;
    ctx.setTransform(k, 0, 0, k, -box.x * k, -box.y * k);
    const byKind = new Map<NodeKind, AbsRect[]>();
    for (const r of rects.values()) {
      if (!r.kind) continue;
      const list = byKind.get(r.kind);
      if (list) list.push(r);
      else byKind.set(r.kind, [r]);
    }
    for (const [kind, list] of byKind) {
      ctx.fillStyle = NODE_REGISTRY[kind].color;
      for (const r of list) ctx.fillRect(r.x, r.y, r.width, r.height);
    }
    if (boundaries.length) {
      ctx.strokeStyle = BOUNDARY_STROKE;
      ctx.lineWidth = 2 * scale;
      for (const b of boundaries) ctx.strokeRect(b.position.x, b.position.y, b.size.width, b.size.height);
    }
  }, [rects, boundaries, box, scale]);
  return <canvas ref={ref} className="fl-minimap-picture" style={{ width: WIDTH, height: HEIGHT }} aria-hidden="true" />;
});

/** Everything but the view, veiled (React Flow's minimap mask). */
function ViewFrame({ box }: { box: Rect }) {
  const [x, y, w, h] = useStore(viewOf).split(',').map(Number);
  const pad = Math.max(box.width, box.height);
  return (
    <path
      className="react-flow__minimap-mask"
      d={`M${box.x - pad},${box.y - pad}h${box.width + 2 * pad}v${box.height + 2 * pad}h${-box.width - 2 * pad}z M${x},${y}h${w}v${h}h${-w}z`}
      fillRule="evenodd"
      pointerEvents="none"
    />
  );
}
