/**
 * React Flow's node and edge state, derived from the model (or the layout preview) and the selection.
 * Drags live here frame by frame and reach the model once, on drag stop; selection changes go to the
 * store (never into history).
 */
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Model } from '../../../shared/domain/schema.ts';
import { useModelStore, useModelStoreApi, useUiStore } from '../store/context.tsx';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { selectedFlowIds, selectionFromFlow, toFlowEdges, toFlowNodes } from './adapter.ts';

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

/** True when the nodes have the same ids and kinds, in order: what the edges' drawing depends on. */
function sameKinds(a: Model['nodes'], b: Model['nodes']): boolean {
  return a === b || (a.length === b.length && a.every((n, i) => n.id === b[i].id && n.kind === b[i].kind));
}

/** `view`: a model to draw instead of the real one (presentation mode's spread view), same ids. */
export function useFlowState(view: Model | null = null) {
  const store = useModelStoreApi();
  const real = useModelStore((s) => s.model);
  const preview = useUiStore((s) => s.preview);
  const selection = useModelStore((s) => s.selection);
  const model = view ?? preview ?? real;

  const nodesRef = useRef<FlowNode[]>([]);
  const edgesRef = useRef<FlowEdge[]>([]);
  const [nodes, setNodes] = useState<FlowNode[]>(() => (nodesRef.current = toFlowNodes(model)));
  const [edges, setEdges] = useState<FlowEdge[]>(() => (edgesRef.current = toFlowEdges(model)));

  // What the edges were last drawn from: moving nodes (a drag, a layout) leaves 10,000 edges alone.
  const edgesFrom = useRef<{ edges: Model['edges']; nodes: Model['nodes']; selected: readonly string[] } | null>(null);

  // Which model the arrays were built for. Right after another model opens, they still hold the old one's
  // nodes and edges until the effect below rebuilds them: handed to React Flow for that one render, a large
  // model's thousands of edges would be mounted, all at once, on the way out (it blocked the page for a minute).
  const builtFor = useRef(model.id);

  useLayoutEffect(() => {
    builtFor.current = model.id;
    const sel = selectedFlowIds(selection);
    nodesRef.current = toFlowNodes(model, nodesRef.current, sel.nodes);
    const from = edgesFrom.current;
    if (!from || from.edges !== model.edges || from.selected !== selection.edges || !sameKinds(from.nodes, model.nodes)) {
      edgesRef.current = toFlowEdges(model, edgesRef.current, sel.edges);
      edgesFrom.current = { edges: model.edges, nodes: model.nodes, selected: selection.edges };
    } else edgesFrom.current = { ...from, nodes: model.nodes };
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
