/**
 * The canvas benchmark's baseline: plain React Flow 12 on the same model file, with nothing of
 * Faultline's. Default nodes (sized as Faultline's cards), default Bézier edges with arrowheads and
 * their labels, React Flow's own culling (`onlyRenderVisibleElements`, unless the URL says `?cull=0`), its
 * MiniMap and Controls, and the same gestures as the editor: Shift+drag selects (touching counts), a drag
 * moves the selection, drag pans, the wheel zooms. The page adds only what the benchmark drives: an Open
 * button (testid `action-open`, a file chooser) and F to fit the whole model in view.
 */
import '@xyflow/react/dist/style.css';
import { Controls, MiniMap, ReactFlow, SelectionMode, applyEdgeChanges, applyNodeChanges, useReactFlow } from '@xyflow/react';
import type { Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { NODE_BOX } from '../../../shared/visual/index.ts';

interface FileNode {
  id: string;
  label: string;
  position?: { x: number; y: number };
}
interface FileEdge {
  id: string;
  kind: string;
  source: string;
  target: string;
}

const CULL = new URLSearchParams(location.search).get('cull') !== '0';
const OPEN_ZOOM = 0.75;
const MARKER = { type: 'arrowclosed' as never };

function toFlow(text: string): { nodes: Node[]; edges: Edge[] } {
  const file = JSON.parse(text) as { model: { nodes: FileNode[]; edges: FileEdge[] } };
  return {
    nodes: file.model.nodes.map((n) => ({
      id: n.id,
      position: n.position ?? { x: 0, y: 0 },
      data: { label: n.label },
      style: NODE_BOX,
    })),
    edges: file.model.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.kind, markerEnd: MARKER })),
  };
}

function Flow() {
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const rf = useReactFlow();
  const onNodesChange = useCallback((c: NodeChange[]) => setNodes((ns) => applyNodeChanges(c, ns)), []);
  const onEdgesChange = useCallback((c: EdgeChange[]) => setEdges((es) => applyEdgeChanges(c, es)), []);

  const open = async (file: File) => {
    const flow = toFlow(await file.text());
    // Opened as Faultline opens a model too large to read whole: at a working zoom on its centre.
    const xs = flow.nodes.map((n) => n.position.x);
    const ys = flow.nodes.map((n) => n.position.y);
    const cx = (Math.min(...xs) + Math.max(...xs) + NODE_BOX.width) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys) + NODE_BOX.height) / 2;
    void rf.setViewport({ x: innerWidth / 2 - cx * OPEN_ZOOM, y: innerHeight / 2 - cy * OPEN_ZOOM, zoom: OPEN_ZOOM });
    setNodes(flow.nodes);
    setEdges(flow.edges);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'f') void rf.fitView({ padding: 0.05 });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [rf]);

  return (
    <>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onlyRenderVisibleElements={CULL}
        selectionMode={SelectionMode.Partial}
        minZoom={0.01}
        maxZoom={2.5}
      >
        <MiniMap />
        <Controls />
      </ReactFlow>
      <button
        type="button"
        data-testid="action-open"
        style={{ position: 'fixed', top: 8, right: 8, zIndex: 10 }}
        onClick={() => input.current?.click()}
      >
        Open
      </button>
      <input
        ref={input}
        type="file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void open(file);
        }}
      />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Flow />
  </ReactFlowProvider>,
);
