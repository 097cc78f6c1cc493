import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow } from '@xyflow/react';
import type { EdgeChange, NodeChange, OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { Position } from '../../../shared/domain/schema.ts';
import { useModelStore } from '../store/context.tsx';
import { toFlowEdges, toFlowNodes } from './adapter.ts';
import type { FlowEdge, FlowNode } from './adapter.ts';
import { edgeTypes, nodeTypes } from './flowTypes.ts';
import { NODE_REGISTRY } from './nodes/registry.ts';

/** Keeps what the user selected when the model is re-adapted after an edit. */
function keepSelection<T extends { id: string; selected?: boolean }>(next: T[], prev: T[]): T[] {
  const selected = new Set(prev.filter((n) => n.selected).map((n) => n.id));
  if (selected.size === 0) return next;
  return next.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n));
}

const minimapColor = (n: FlowNode) => (n.type === 'kind' ? NODE_REGISTRY[n.data.node.kind].color : 'transparent');

export function Canvas({ onSelectionChange }: { onSelectionChange?: (ids: string[]) => void }) {
  const model = useModelStore((s) => s.model);
  const moveNodes = useModelStore((s) => s.moveNodes);
  const { fitView } = useReactFlow();
  const [nodes, setNodes] = useState<FlowNode[]>(() => toFlowNodes(model));
  const [edges, setEdges] = useState<FlowEdge[]>(() => toFlowEdges(model));

  useEffect(() => {
    setNodes((prev) => keepSelection(toFlowNodes(model), prev));
    setEdges((prev) => keepSelection(toFlowEdges(model), prev));
  }, [model]);

  // A different model (open, new, sample) gets framed; edits to the same model keep the viewport.
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 0 }));
    return () => cancelAnimationFrame(frame);
  }, [model.id, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)), []);
  const onNodeDragStop = useCallback(
    (_event: unknown, _node: FlowNode, dragged: FlowNode[]) =>
      moveNodes(new Map<string, Position>(dragged.map((n) => [n.id, n.position]))),
    [moveNodes],
  );
  const onSelection = useCallback(
    ({ nodes: sel, edges: selEdges }: OnSelectionChangeParams) =>
      onSelectionChange?.([...sel.map((n) => n.id), ...selEdges.map((e) => e.id)]),
    [onSelectionChange],
  );

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onNodeDragStop}
      onSelectionChange={onSelection}
      defaultEdgeOptions={{ markerEnd: { type: 'arrowclosed' as never, width: 18, height: 18 } }}
      minZoom={0.05}
      maxZoom={2.5}
      snapToGrid
      snapGrid={[8, 8]}
      proOptions={{ hideAttribution: true }}
      deleteKeyCode={null}
    >
      <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} />
      <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
