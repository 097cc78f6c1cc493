import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { NotesLayer } from '../decide/notes/NotesLayer.tsx';
import { useScenarioStore } from '../scenarios/index.ts';
import { useModelStore, useModelStoreApi, useUiStore } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { modelBounds } from './adapter.ts';
import { BoundaryTool } from './BoundaryTool.tsx';
import { DetailContext, EDIT_LABEL_PX, PRESENT_LABEL_PX, bandAt, bandIndexOf, detailOfBand, labelsShown, lowestReadableZoom } from './detail.ts';
import { FIT_MAX_ZOOM, editViewport, minZoomFor, presentArea } from './fit.ts';
import { labelLines, stretchModel } from '../present/stretch.ts';
import { useCanvasCamera } from './useCanvasCamera.ts';
import { DecorContext, createDecorStore, useDecorLayout } from './useDecor.ts';
import { EdgeKindMenu } from './EdgeKindMenu.tsx';
import { DragEdges } from './edges/DragEdges.tsx';
import { ModelMiniMap } from './ModelMiniMap.tsx';
import { ModelOverview } from './ModelOverview.tsx';
import { MovingPicture } from './MovingPicture.tsx';
import { CardPicture } from './CardPicture.tsx';
import { contains } from '../editor/geometry.ts';
import { usePictured } from './usePictured.ts';
import { LARGE_MODEL, useLargeModel } from './useLargeModel.ts';
import { edgeTypes, nodeTypes } from './flowTypes.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';
import { useCanvasHandlers } from './useCanvasHandlers.ts';
import { useFlowState } from './useFlowState.ts';
import { useDrawnModel } from './useDrawnModel.ts';

const SNAP: [number, number] = [8, 8];
const MARKER = { type: 'arrowclosed' as never, width: 18, height: 18 };
const DEFAULT_EDGE_OPTIONS = { markerEnd: MARKER };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const PAN_BUTTONS_IN_BOX_MODE = [1, 2];
/** Below this zoom no label can be read (see detail.ts). */
const READABLE_ZOOM = lowestReadableZoom(EDIT_LABEL_PX);
/** Where a model too big to read whole opens: full cards, chips and all. */
const OPEN_ZOOM = 0.75;
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
/** How long a large model's wheel zoom waits, after its move ended, before the detail is drawn again. */
const WHEEL_REST_MS = 300;

const minimapColor = (n: FlowNode) => (n.type === 'kind' ? NODE_REGISTRY[n.data.node.kind].color : 'transparent');
const minimapStroke = (n: FlowNode) => (n.type === 'boundary' ? '#8a94a6' : 'transparent');

interface CanvasProps {
  /** Presentation mode: view only, labels for a room, the model framed whole. */
  presenting?: boolean;
  /** The editor's view to put back when presentation mode ends. */
  restore?: Viewport | null;
  minimap?: boolean;
  onMinimap?: (on: boolean) => void;
}

export function Canvas({ presenting = false, restore = null, minimap = false, onMinimap }: CanvasProps) {
  const real = useDrawnModel().model;
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Presenting a small model: its columns spread to the screen's proportions, cards widened (stretch.ts).
  const spread = useMemo(() => {
    if (!presenting || real.nodes.length > LARGE_MODEL) return null;
    const area = presentArea(width, height);
    return stretchModel(real, area.width, area.height, area.extraHeight);
  }, [presenting, real, width, height]);
  const { model, nodes, edges, current, onNodesChange, onEdgesChange } = useFlowState(spread?.model ?? null);
  const modelId = useModelStore((s) => s.model.id);
  // Another window writes this model (library/writerLocks.ts): nothing on the canvas may move or connect.
  const readOnly = useModelStore((s) => s.readOnly);
  const handlers = useCanvasHandlers();
  const bounds = useMemo(() => modelBounds(real), [real]);
  const presentBounds = presenting ? (spread?.bounds ?? bounds) : null;
  useCanvasCamera(presenting, restore, bounds, presentBounds);
  // Semantic zoom (detail.ts): the label size and what a card shows follow the zoom. A large model also
  // renders less (React work), a small one is always rendered whole and CSS hides what the band drops.
  // In the render where another model opens, React Flow still holds the old one: keep treating it as the size
  // it was (drawing only what is in view), or a large model's thousands of edges are all mounted on the way out.
  const wasLarge = useRef(false);
  if (current) wasLarge.current = model.nodes.length > LARGE_MODEL;
  const large = wasLarge.current;
  const target = presenting ? PRESENT_LABEL_PX : EDIT_LABEL_PX;
  const bandIndex = useStore(bandIndexOf(target));
  const band = useMemo(() => bandAt(bandIndex, target), [bandIndex, target]);
  const zoomBand = detailOfBand(band);
  const detail = large ? zoomBand : 'full';
  // Presenting, the caption names each step's edge: the canvas draws no edge labels.
  const labels = useStore((s) => (large ? labelsShown(s) : true)) && band.card !== 'block' && !presenting;
  const short = band.card === 'label' || band.card === 'block';
  const detailValue = useMemo(() => ({ detail, labels, short }), [detail, labels, short]);
  // While the view moves between the working zoom and far out, a large model is drawn as its overview
  // picture: zooming out would otherwise mount hundreds of nodes per wheel step. They are drawn when it stops.
  const [viewMoving, setViewMoving] = useState(false);
  // With a scenario shown, a block selection keeps its edges (and their overlay) until it is dragged.
  const overlayShown = useScenarioStore((s) => s.shown !== null);
  const [decor] = useState(createDecorStore);
  useDecorLayout(decor, { nodes, edges, band, labels, presenting, large });
  // Presenting, a label takes one line where two would reach into the next card down.
  const lines = useMemo(() => (spread ? labelLines(spread.model, spread.cardWidth, band.labelPx) : new Map<string, number>()), [spread, band.labelPx]);
  useEffect(() => decor.setState({ lines }), [decor, lines]);
  const leaving = useUiStore((s) => s.leavingNodes);
  const drawn = useLargeModel(
    model,
    nodes,
    edges,
    (detail === 'simple' && viewMoving) || (large && leaving) ? 'far' : detail,
    { scenario: overlayShown, spreadOnly: overlayShown && band.card === 'label', moving: viewMoving },
  );
  const moving = useRef<HTMLDivElement>(null);
  const boxSelect = useUiStore((s) => s.boxSelect);
  const { fitView, setViewport, screenToFlowPosition } = useReactFlow();
  const store = useModelStoreApi();
  const rf = useStoreApi<FlowNode, FlowEdge>();
  // With a scenario shown, at the label-only zoom, the dimmed cards are one picture (usePictured.ts).
  const pictured = usePictured(drawn.nodes, large && band.card === 'label' && drawn.nodes.length > 0, drawn.rects, drawn.area);
  const rects = drawn.rects;
  const onPointerMove = useCallback(
    (event: React.PointerEvent) => {
      // Not while a button is held: a card being dragged over others must not mount each one it passes.
      if (pictured.pictured.length === 0 || !rects || event.buttons !== 0) return;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: false });
      const under = pictured.pictured.find((n) => {
        const r = rects.get(n.id);
        return r && contains(r, at);
      });
      // The card the pointer left goes back to the picture when the pointer is over none or another.
      if (under) pictured.point(under.id);
      else if (!(event.target as Element).closest?.('.react-flow__node')) pictured.point(null);
    },
    [pictured, rects, screenToFlowPosition],
  );
  // The least zoom lets the whole model fit the pane, however large (fit.ts).
  const minZoom = minZoomFor(presentBounds ?? bounds, width, height);

  // A different model (open, new, sample) gets framed before its first paint, from the model's own
  // geometry: no frame is drawn (and thrown away) at the previous view. Edits keep the viewport.
  useLayoutEffect(() => {
    const { width, height } = rf.getState();
    const bounds = modelBounds(store.getState().model);
    if (!bounds) void setViewport(DEFAULT_VIEWPORT);
    else if (width > 0 && height > 0) {
      const fit = editViewport(bounds, width, height);
      // A large model too big to read when all of it fits (hundreds of nodes) opens at a working zoom on
      // its centre; the minimap shows the whole, F fits it all. A small one is always framed whole.
      if (fit.zoom >= READABLE_ZOOM || store.getState().model.nodes.length <= LARGE_MODEL) void setViewport(fit);
      else {
        const cx = bounds.x + bounds.width / 2;
        const cy = bounds.y + bounds.height / 2;
        void setViewport({ x: width / 2 - cx * OPEN_ZOOM, y: height / 2 - cy * OPEN_ZOOM, zoom: OPEN_ZOOM });
      }
    } else {
      const frame = requestAnimationFrame(() => {
        const { width: w, height: h } = rf.getState();
        if (w > 0 && h > 0) void setViewport(editViewport(bounds, w, h));
        else void fitView({ padding: 0.15, maxZoom: FIT_MAX_ZOOM });
      });
      return () => cancelAnimationFrame(frame);
    }
  }, [modelId, fitView, setViewport, store, rf]);

  // While the view pans or zooms, the drawing is one composited layer: moving it is a GPU/compositor job,
  // not a repaint of every node and edge. It is repainted crisp when the movement ends.
  // Only a move by the user (wheel, pan): a programmatic one (fit, jump to a node, auto-pan while dragging
  // a node) keeps the nodes React Flow holds.
  const settle = useRef(0);
  useEffect(() => () => window.clearTimeout(settle.current), []);
  const onMoveStart = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      window.clearTimeout(settle.current);
      moving.current?.classList.add('is-moving');
      if (large && event) setViewMoving(true);
    },
    [large],
  );
  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null) => {
      const still = () => {
        moving.current?.classList.remove('is-moving');
        setViewMoving(false);
      };
      window.clearTimeout(settle.current);
      // A wheel is turned in bursts, and its move ends 150 ms after a step. On a large model the detail
      // drawn at each pause (hundreds of cards mounted, then dropped at the next step) made the next step
      // wait: the detail comes once the wheel has rested a moment.
      if (large && event?.type === 'wheel') settle.current = window.setTimeout(still, WHEEL_REST_MS);
      else still();
    },
    [large],
  );

  return (
    <div
      ref={moving}
      className="fl-canvas-inner"
      data-detail={detail}
      data-zoom={zoomBand}
      data-card={band.card}
      data-large={large}
      data-overlay={overlayShown || undefined}
      data-present={presenting || undefined}
      style={
        {
          '--label-px': `${band.labelPx}px`,
          '--tag-px': `${band.tagPx}px`,
          '--edge-px': `${band.edgePx}px`,
          ...(spread ? { '--card-w': `${spread.cardWidth}px`, '--label-spill': `${spread.spill}px` } : {}),
        } as React.CSSProperties
      }
      onDragOver={presenting ? undefined : handlers.onDragOver}
      onDrop={presenting ? undefined : handlers.onDrop}
      onPointerMove={large ? onPointerMove : undefined}
    >
      <DecorContext.Provider value={decor}>
      <DetailContext.Provider value={detailValue}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={pictured.nodes}
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
          edgesReconnectable={!large && !presenting && !readOnly}
          nodesDraggable={!presenting && !readOnly}
          nodesConnectable={!presenting && !readOnly}
          elementsSelectable={!presenting}
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
          {!presenting && <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />}
          {/* A large model's minimap is a still picture; zoomed far out the model is its own overview and needs none;
              an empty model has nothing to map. Not in the render where another model opens: React Flow still
              holds the old one's nodes then. */}
          {minimap && !presenting && !large && model.nodes.length > 0 && current && (
            <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeColor={minimapStroke} nodeStrokeWidth={2} />
          )}
          {minimap && !presenting && large && drawn.rects && detail !== 'far' && (
            <ModelMiniMap rects={drawn.rects} boundaries={model.boundaries} />
          )}
          {!presenting && (
            <Controls showInteractive={false}>
              <ControlButton
                onClick={() => onMinimap?.(!minimap)}
                title={minimap ? 'Hide the minimap' : 'Show the minimap'}
                aria-label={minimap ? 'Hide the minimap' : 'Show the minimap'}
                aria-pressed={minimap}
                data-testid="action-minimap"
              >
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M1.5 3.5l4-1.5 5 1.5 4-1.5v10.5l-4 1.5-5-1.5-4 1.5z M5.5 2v10.5 M10.5 3.5V14" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
                </svg>
              </ControlButton>
            </Controls>
          )}
          {drawn.overview && <ModelOverview {...drawn.overview} />}
          {drawn.moving && <MovingPicture {...drawn.moving} />}
          {large && <CardPicture nodes={pictured.drawn} rects={rects} labelPx={band.labelPx} />}
          {large && <DragEdges edges={drawn.lifted} />}
          <NotesLayer />
        </ReactFlow>
      </DetailContext.Provider>
      </DecorContext.Provider>
      <BoundaryTool />
      <EdgeKindMenu />
    </div>
  );
}
