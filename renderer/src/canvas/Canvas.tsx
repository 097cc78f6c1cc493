import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useScenarioStore } from '../scenarios/index.ts';
import { useModelStore, useModelStoreApi, useUiStore } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { modelBounds } from './adapter.ts';
import { BoundaryTool } from './BoundaryTool.tsx';
import { DetailContext, detailOf, labelsShown } from './detail.ts';
import { EdgeKindMenu } from './EdgeKindMenu.tsx';
import { DragEdges } from './edges/DragEdges.tsx';
import { ModelMiniMap } from './ModelMiniMap.tsx';
import { ModelOverview } from './ModelOverview.tsx';
import { LARGE_MODEL, useLargeModel } from './useLargeModel.ts';
import { edgeTypes, nodeTypes } from './flowTypes.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import { useCanvasHandlers } from './useCanvasHandlers.ts';
import { useFlowState } from './useFlowState.ts';
import { FIT_PADDING, minZoomFor } from './zoomRange.ts';

const SNAP: [number, number] = [8, 8];
const MARKER = { type: 'arrowclosed' as never, width: 18, height: 18 };
const DEFAULT_EDGE_OPTIONS = { markerEnd: MARKER };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const PAN_BUTTONS_IN_BOX_MODE = [1, 2];
/** Below this zoom no label can be read (see detail.ts). */
const READABLE_ZOOM = 0.2;
const OPEN_ZOOM = 0.75;
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
export const FIT_OPTIONS = { padding: FIT_PADDING, maxZoom: 1.25, duration: 0 };

const minimapColor = (n: FlowNode) => (n.type === 'kind' ? NODE_REGISTRY[n.data.node.kind].color : 'transparent');
const minimapStroke = (n: FlowNode) => (n.type === 'boundary' ? '#8a94a6' : 'transparent');

export function Canvas() {
  const { model, nodes, edges, onNodesChange, onEdgesChange } = useFlowState();
  const modelId = useModelStore((s) => s.model.id);
  // Another window writes this model (library/writerLocks.ts): nothing on the canvas may move or connect.
  const readOnly = useModelStore((s) => s.readOnly);
  const handlers = useCanvasHandlers();
  // Levels of detail are for large models; a small one is always drawn in full, labels and all.
  const large = model.nodes.length > LARGE_MODEL;
  const zoomBand = useStore(detailOf);
  const detail = large ? zoomBand : 'full';
  const labels = useStore((s) => !large || labelsShown(s));
  const detailValue = useMemo(() => ({ detail, labels }), [detail, labels]);
  // While the view moves between the working zoom and far out, a large model is drawn as its overview
  // picture: zooming out would otherwise mount hundreds of nodes per wheel step. They are drawn when it stops.
  const [viewMoving, setViewMoving] = useState(false);
  // With a scenario shown, a block selection keeps its edges (and their overlay) until it is dragged.
  const overlayShown = useScenarioStore((s) => s.shown !== null);
  const leaving = useUiStore((s) => s.leavingNodes);
  const drawn = useLargeModel(
    model,
    nodes,
    edges,
    (detail === 'simple' && viewMoving) || (large && leaving) ? 'far' : detail,
    !overlayShown,
  );
  const moving = useRef<HTMLDivElement>(null);
  const boxSelect = useUiStore((s) => s.boxSelect);
  const { fitView, setViewport } = useReactFlow();
  const store = useModelStoreApi();
  const rf = useStoreApi<FlowNode, FlowEdge>();
  // The least zoom lets the whole model fit the pane, however large (zoomRange.ts).
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const bounds = useMemo(() => modelBounds(model), [model]);
  const minZoom = minZoomFor(bounds, paneWidth, paneHeight);

  // A different model (open, new, sample) gets framed before its first paint, from the model's own
  // geometry: no frame is drawn (and thrown away) at the previous view. Edits keep the viewport.
  useLayoutEffect(() => {
    const { width, height } = rf.getState();
    const bounds = modelBounds(store.getState().model);
    if (!bounds) void setViewport(DEFAULT_VIEWPORT);
    else if (width > 0 && height > 0) {
      const least = minZoomFor(bounds, width, height);
      const fit = getViewportForBounds(bounds, width, height, least, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
      // A model too big to read when all of it fits (hundreds of nodes) opens at a working zoom on its
      // centre; the minimap shows the whole, F fits it all.
      if (fit.zoom >= READABLE_ZOOM) void setViewport(fit);
      else {
        const cx = bounds.x + bounds.width / 2;
        const cy = bounds.y + bounds.height / 2;
        void setViewport({ x: width / 2 - cx * OPEN_ZOOM, y: height / 2 - cy * OPEN_ZOOM, zoom: OPEN_ZOOM });
      }
    } else {
      const frame = requestAnimationFrame(() => void fitView(FIT_OPTIONS));
      return () => cancelAnimationFrame(frame);
    }
  }, [modelId, fitView, setViewport, store, rf]);

  // While the view pans or zooms, the drawing is one composited layer: moving it is a GPU/compositor job,
  // not a repaint of every node and edge. It is repainted crisp when the movement ends.
  // Only a move by the user (wheel, pan): a programmatic one (fit, jump to a node, auto-pan while dragging
  // a node) keeps the nodes React Flow holds.
  const onMoveStart = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      moving.current?.classList.add('is-moving');
      if (large && event) setViewMoving(true);
    },
    [large],
  );
  const onMoveEnd = useCallback(() => {
    moving.current?.classList.remove('is-moving');
    setViewMoving(false);
  }, []);

  return (
    <div
      ref={moving}
      className="fl-canvas-inner"
      data-detail={detail}
      data-zoom={zoomBand}
      data-large={large}
      onDragOver={handlers.onDragOver}
      onDrop={handlers.onDrop}
    >
      <DetailContext.Provider value={detailValue}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={drawn.nodes}
          edges={drawn.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={handlers.onNodeDragStop}
          onConnect={handlers.onConnect}
          onConnectEnd={handlers.onConnectEnd}
          onReconnect={handlers.onReconnect}
          onReconnectStart={handlers.onReconnectStart}
          onReconnectEnd={handlers.onReconnectEnd}
          onNodeClick={handlers.onNodeClick}
          onNodeDoubleClick={handlers.onNodeDoubleClick}
          onPaneClick={handlers.onPaneClick}
          defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
          onlyRenderVisibleElements={large}
          edgesReconnectable={!large && !readOnly}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          minZoom={minZoom}
          maxZoom={2.5}
          snapToGrid
          snapGrid={SNAP}
          selectionMode={SelectionMode.Partial}
          selectionOnDrag={boxSelect}
          panOnDrag={boxSelect ? PAN_BUTTONS_IN_BOX_MODE : true}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          elevateNodesOnSelect={false}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          proOptions={PRO_OPTIONS}
          defaultViewport={DEFAULT_VIEWPORT}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
          {/* A large model's minimap is a still picture; zoomed far out the model is its own overview and needs none. */}
          {!large && (
            <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeColor={minimapStroke} nodeStrokeWidth={2} />
          )}
          {large && drawn.rects && detail !== 'far' && (
            <ModelMiniMap rects={drawn.rects} boundaries={model.boundaries} />
          )}
          <Controls showInteractive={false} />
          {drawn.overview && <ModelOverview {...drawn.overview} />}
          {large && <DragEdges edges={drawn.lifted} />}
        </ReactFlow>
      </DetailContext.Provider>
      <BoundaryTool />
      <EdgeKindMenu />
    </div>
  );
}
