/**
 * React Flow's node and edge state, derived from the model (or the layout preview) and the selection.
 * Drags live here frame by frame and reach the model once, on drag stop; selection changes go to the
 * store (never into history).
 */
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Model } from '../../../shared/domain/index.ts';
import type { Selection } from '../editor/commands.ts';
import { useModelStoreApi, useUiStore } from '../store/context.tsx';
import { sameList } from '../store/modelStore.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { useDrawnModel } from './useDrawnModel.ts';
import { edgesChanged, selectedFlowIds, selectionFromFlow, toFlowEdges, toFlowNodes, updateFlowNodes } from './adapter.ts';

/**
 * Once React Flow has measured a node, the estimated size and handle places the adapter gave it must go:
 * React Flow would otherwise keep re-reading the estimates over its measurements.
 */
function withoutEstimates(nodes: FlowNode[], changes: NodeChange<FlowNode>[]): FlowNode[] {
  const measured = new Set(changes.filter((c) => c.type === 'dimensions').map((c) => (c as { id: string }).id));
  if (measured.size === 0) return nodes;
  return nodes.map((n) => {
    if (!measured.has(n.id) || n.type !== 'kind' || !('handles' in n)) return n;
    const { handles: _h, initialWidth: _w, initialHeight: _ht, ...rest } = n;
    return rest as FlowNode;
  });
}

const NO_NODES: FlowNode[] = [];
const NO_EDGES: FlowEdge[] = [];

/** `view`: a model to draw instead of the real one (presentation mode's spread view), same ids. */
export function useFlowState(view: Model | null = null) {
  const store = useModelStoreApi();
  const { model: real, selection } = useDrawnModel();
  const preview = useUiStore((s) => s.preview);
  const model = view ?? preview ?? real;

  const nodesRef = useRef<FlowNode[]>([]);
  const edgesRef = useRef<FlowEdge[]>([]);
  const [nodes, setNodes] = useState<FlowNode[]>(() => (nodesRef.current = toFlowNodes(model)));
  const [edges, setEdges] = useState<FlowEdge[]>(() => (edgesRef.current = toFlowEdges(model)));

  // The model and selection the arrays were last built from: an edit that replaces nodes in place (a
  // drop, a nudge) maps only those nodes again, and leaves the edges alone unless they changed.
  const builtFrom = useRef<{ model: Model; selection: Selection } | null>(null);

  // Which model the arrays were built for. Right after another model opens, they still hold the old one's
  // nodes and edges until the effect below rebuilds them: handed to React Flow for that one render, a large
  // model's thousands of edges would be mounted, all at once, on the way out (it blocked the page for a minute).
  const builtFor = useRef(model.id);

  useLayoutEffect(() => {
    builtFor.current = model.id;
    const from = builtFrom.current;
    builtFrom.current = { model, selection };
    const sameSelection = from?.selection === selection;
    const sel = selectedFlowIds(selection);
    nodesRef.current =
      (from && sameSelection && updateFlowNodes(from.model, model, nodesRef.current)) ||
      toFlowNodes(model, nodesRef.current, sel.nodes);
    if (!from || !sameList(from.selection.edges, selection.edges) || edgesChanged(from.model, model))
      edgesRef.current = toFlowEdges(model, edgesRef.current, sel.edges);
    setNodes(nodesRef.current);
    setEdges(edgesRef.current);
  }, [model, selection]);

  const syncSelection = useCallback(() => {
    const nodeIds = nodesRef.current.filter((n) => n.selected).map((n) => n.id);
    const edgeIds = edgesRef.current.filter((e) => e.selected).map((e) => e.id);
    store.getState().setSelection(selectionFromFlow(nodeIds, edgeIds));
  }, [store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      nodesRef.current = withoutEstimates(applyNodeChanges(changes, nodesRef.current), changes);
      setNodes(nodesRef.current);
      if (changes.some((c) => c.type === 'select')) syncSelection();
    },
    [syncSelection],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      edgesRef.current = applyEdgeChanges(changes, edgesRef.current);
      setEdges(edgesRef.current);
      if (changes.some((c) => c.type === 'select')) syncSelection();
    },
    [syncSelection],
  );

  const current = builtFor.current === model.id;
  // `current`: false for the one render after another model opens (see builtFor).
  return { model, nodes: current ? nodes : NO_NODES, edges: current ? edges : NO_EDGES, current, onNodesChange, onEdgesChange };
}
