import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { addBoundary } from '../editor/commands.ts';
import { rectFromCorners } from '../editor/geometry.ts';
import { useModelStoreApi, useUiStore, useUiStoreApi } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { boundaryFlowId } from './adapter.ts';
import { measuredSizes } from './flowGeometry.ts';

interface Drag {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The boundary tool: a layer over the canvas while active; drag a rectangle to draw a trust boundary.
 * Nodes it encloses join it. One undo step; the tool ends after one frame (Esc cancels).
 */
export function BoundaryTool() {
  const active = useUiStore((s) => s.tool === 'boundary');
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const rf = useStoreApi<FlowNode, FlowEdge>();
  const { screenToFlowPosition } = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  if (!active) return null;

  const finish = (d: Drag) => {
    setDrag(null);
    ui.getState().setTool('select');
    const rect = rectFromCorners(
      screenToFlowPosition({ x: d.x0, y: d.y0 }),
      screenToFlowPosition({ x: d.x1, y: d.y1 }),
    );
    if (rect.width < 24 || rect.height < 24) return;
    const { model, apply } = store.getState();
    const { patch, id } = addBoundary(model, rect, measuredSizes(rf.getState().nodeLookup));
    apply(patch, { label: 'Draw boundary', select: { nodes: [], edges: [], boundaries: [id] } });
    ui.getState().setRenaming(boundaryFlowId(id));
  };

  const box = drag && rectFromCorners({ x: drag.x0, y: drag.y0 }, { x: drag.x1, y: drag.y1 });
  return (
    <div
      className="fl-tool-layer"
      data-testid="boundary-tool-layer"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ x0: e.clientX, y0: e.clientY, x1: e.clientX, y1: e.clientY });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, x1: e.clientX, y1: e.clientY })}
      onPointerUp={(e) => drag && finish({ ...drag, x1: e.clientX, y1: e.clientY })}
    >
      <div className="fl-tool-hint">Drag a rectangle to draw a trust boundary · Esc to cancel</div>
      {box && (
        <div
          className="fl-tool-rect"
          style={{ position: 'fixed', left: box.x, top: box.y, width: box.width, height: box.height }}
        />
      )}
    </div>
  );
}
