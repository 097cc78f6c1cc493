/**
 * The edges of the nodes being dragged on a large model, drawn by one component while the drag lasts.
 * As React Flow edges, each drag step re-rendered ~200 edge components (each with its own SVG, hit path,
 * label and overlay hooks); here a step is one selector and a `d` per path. Same curve, arrowhead and
 * selection colour; the label and the scenario overlay come back on drop.
 */
import { Position, ViewportPortal, getBezierPath, useStore } from '@xyflow/react';
import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { shallow } from 'zustand/shallow';
import { NODE_HEIGHT, NODE_WIDTH } from '../adapter.ts';
import type { FlowEdge } from '../adapter.ts';

/** Where an edge leaves (source: right handle) or reaches (target: left handle) a node, as React Flow puts it. */
function endOf(node: InternalNode, type: 'source' | 'target'): { x: number; y: number } {
  const { x, y } = node.internals.positionAbsolute;
  const handle = (node.internals.handleBounds?.[type] ?? node.handles?.filter((h) => h.type === type))?.[0];
  if (!handle) {
    const height = node.measured.height ?? NODE_HEIGHT;
    return { x: type === 'source' ? x + (node.measured.width ?? NODE_WIDTH) : x, y: y + height / 2 };
  }
  const width = handle.width ?? 0;
  const height = handle.height ?? 0;
  return { x: x + handle.x + (type === 'source' ? width : 0), y: y + handle.y + height / 2 };
}

function pathOf(edge: FlowEdge, lookup: ReactFlowState['nodeLookup']): string {
  const source = lookup.get(edge.source);
  const target = lookup.get(edge.target);
  if (!source || !target) return '';
  const s = endOf(source, 'source');
  const t = endOf(target, 'target');
  const [d] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: Position.Right,
    targetX: t.x,
    targetY: t.y,
    targetPosition: Position.Left,
  });
  return d;
}

const ARROW = 'fl-drag-arrow';

export const DragEdges = memo(function DragEdges({ edges }: { edges: readonly FlowEdge[] }) {
  const paths = useStore(
    useCallback((s: ReactFlowState) => edges.map((e) => pathOf(e, s.nodeLookup)), [edges]),
    shallow,
  );
  return (
    <ViewportPortal>
      <svg className="fl-drag-edges" aria-hidden="true" data-testid="drag-edges">
        <defs>
          {/* React Flow's closed arrow, in its default marker colour (the canvas edges use it). */}
          <marker
            id={ARROW}
            className="react-flow__arrowhead"
            markerWidth="18"
            markerHeight="18"
            viewBox="-10 -10 20 20"
            markerUnits="strokeWidth"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline
              className="arrowclosed"
              style={{ stroke: '#b1b1b7', fill: '#b1b1b7', strokeWidth: 1 }}
              strokeLinecap="round"
              strokeLinejoin="round"
              points="-5,-4 0,0 -5,4 -5,-4"
            />
          </marker>
        </defs>
        {edges.map((e, i) =>
          paths[i] ? (
            <path
              key={e.id}
              d={paths[i]}
              className={`react-flow__edge-path${e.selected ? ' is-selected' : ''}${e.data?.fits === false ? ' is-misfit' : ''}`}
              markerEnd={`url(#${ARROW})`}
            />
          ) : null,
        )}
      </svg>
    </ViewportPortal>
  );
});
