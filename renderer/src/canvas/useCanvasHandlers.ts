/** What the canvas does with React Flow's gestures: drags, connections, reconnections, drops from the palette. */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Connection, FinalConnectionState, InternalNode } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import type { NodeKind, Position } from '../../../shared/domain/index.ts';
import { NODE_KINDS } from '../../../shared/domain/index.ts';
import { addEdge, addNode, move, reconnectEdge } from '../editor/commands.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { useModelStoreApi, useUiStoreApi } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { boundaryModelId, isBoundaryId, selectionFromFlow } from './adapter.ts';
import { measuredSizes } from './flowGeometry.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

/** The drag payload of a palette item. */
export const PALETTE_MIME = 'application/x-faultline-kind';

/** The id of the node under the pointer where a gesture ended. */
function nodeUnder(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  return document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
}

export function useCanvasHandlers() {
  const store = useModelStoreApi();
  const ui = useUiStoreApi();
  const rf = useStoreApi<FlowNode, FlowEdge>();
  const { screenToFlowPosition } = useReactFlow<FlowNode, FlowEdge>();
  const reconnecting = useRef(false);

  /** A drag (of nodes, of a boundary with its members, of a selection) becomes one undo step. */
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: FlowNode, dragged: FlowNode[]) => {
      const { model, apply } = store.getState();
      const nodes = new Map<string, Position>();
      const boundaries = new Map<string, Rect>();
      const absolute = new Map(model.nodes.map((n, i) => [n.id, n.position ?? fallbackPosition(i)]));
      const movedFrames = new Set<string>();
      for (const f of dragged) {
        if (!isBoundaryId(f.id)) continue;
        const b = model.boundaries.find((x) => x.id === boundaryModelId(f.id));
        if (!b) continue;
        movedFrames.add(b.id);
        boundaries.set(b.id, { ...f.position, ...b.size });
        const dx = f.position.x - b.position.x;
        const dy = f.position.y - b.position.y;
        // Members keep absolute positions in the model: they move by the frame's delta.
        for (const n of model.nodes) {
          const p = absolute.get(n.id)!;
          if (n.boundary === b.id) nodes.set(n.id, { x: p.x + dx, y: p.y + dy });
        }
      }
      const dropped: string[] = [];
      const byId = new Map(model.nodes.map((n) => [n.id, n]));
      for (const f of dragged) {
        if (isBoundaryId(f.id)) continue;
        const n = byId.get(f.id);
        if (!n || (n.boundary && movedFrames.has(n.boundary))) continue;
        const frame = n.boundary ? model.boundaries.find((b) => b.id === n.boundary) : undefined;
        nodes.set(
          n.id,
          frame ? { x: f.position.x + frame.position.x, y: f.position.y + frame.position.y } : f.position,
        );
        dropped.push(n.id);
      }
      // Sizes place a dropped node's centre in a boundary; without boundaries there is nothing to join.
      const framed = model.boundaries.length > 0;
      const sizes = framed ? measuredSizes(rf.getState().nodeLookup) : undefined;
      apply(move(model, { nodes, boundaries, reassign: framed ? dropped : undefined, sizes }), { label: 'Move' });
    },
    [store, rf],
  );

  const connect = useCallback(
    (source: string, target: string) => {
      if (source === target || isBoundaryId(source) || isBoundaryId(target)) return;
      const { model, apply } = store.getState();
      const added = addEdge(model, source, target);
      if (added) apply(added.patch, { label: 'Connect' });
    },
    [store],
  );

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), [connect]);

  /** Dropping a connection anywhere on a node (not only on its handle) connects to it. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState<InternalNode>) => {
      // A reconnection ends through here too; onReconnectEnd handles it.
      if (reconnecting.current || state.isValid || !state.fromNode) return;
      const over = nodeUnder(event);
      if (!over || over === state.fromNode.id) return;
      if (state.fromHandle?.type === 'target') connect(over, state.fromNode.id);
      else connect(state.fromNode.id, over);
    },
    [connect],
  );

  const reconnect = useCallback(
    (id: string, source: string, target: string) => {
      if (source === target || isBoundaryId(source) || isBoundaryId(target)) return;
      const { model, apply } = store.getState();
      apply(reconnectEdge(model, id, source, target), { label: 'Reconnect' });
    },
    [store],
  );
  const onReconnect = useCallback((old: FlowEdge, c: Connection) => reconnect(old.id, c.source, c.target), [reconnect]);

  const onReconnectStart = useCallback(() => {
    reconnecting.current = true;
  }, []);

  /**
   * An edge end dropped anywhere on a node (not only its handle) reconnects there. React Flow passes the
   * type of the end that stays put.
   */
  const onReconnectEnd = useCallback(
    (
      event: MouseEvent | TouchEvent,
      edge: FlowEdge,
      fixed: 'source' | 'target',
      state: FinalConnectionState<InternalNode>,
    ) => {
      reconnecting.current = false;
      if (state.isValid) return;
      const over = nodeUnder(event);
      if (!over) return;
      if (fixed === 'source') reconnect(edge.id, edge.source, over);
      else reconnect(edge.id, over, edge.target);
    },
    [reconnect],
  );

  const placeNode = useCallback(
    (kind: NodeKind, center: Position) => {
      const { model, apply } = store.getState();
      const topLeft = { x: center.x - NODE_BOX.width / 2, y: center.y - NODE_BOX.height / 2 };
      const snapped = { x: Math.round(topLeft.x / 8) * 8, y: Math.round(topLeft.y / 8) * 8 };
      const { patch, id } = addNode(model, kind, snapped);
      apply(patch, { label: 'Add node', select: { nodes: [id], edges: [], boundaries: [] } });
      return id;
    },
    [store],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      placeNode(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [placeNode, screenToFlowPosition],
  );

  /** A plain click on one node of a multi-selection selects just that node (a drag moves them all). */
  const onNodeClick = useCallback(
    (e: React.MouseEvent, node: FlowNode) => {
      if (e.shiftKey || e.metaKey || e.ctrlKey) return;
      const { selection, setSelection } = store.getState();
      if (selection.nodes.length + selection.edges.length + selection.boundaries.length <= 1) return;
      setSelection(selectionFromFlow([node.id], []));
    },
    [store],
  );

  const onNodeDoubleClick = useCallback(
    (_e: React.MouseEvent, node: FlowNode) => ui.getState().setRenaming(node.id),
    [ui],
  );
  const onPaneClick = useCallback(() => ui.getState().setEdgeMenu(null), [ui]);

  return {
    onNodeDragStop,
    onConnect,
    onConnectEnd,
    onReconnect,
    onReconnectStart,
    onReconnectEnd,
    onDragOver,
    onDrop,
    onNodeClick,
    onNodeDoubleClick,
    onPaneClick,
  };
}
