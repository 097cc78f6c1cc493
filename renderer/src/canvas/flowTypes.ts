/** Module-scope node and edge type maps: React Flow re-mounts every node if these change identity. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { KindEdge } from './edges/KindEdge.tsx';
import { BoundaryNode } from './nodes/BoundaryNode.tsx';
import { KindNode } from './nodes/KindNode.tsx';

export const nodeTypes = { kind: KindNode, boundary: BoundaryNode } satisfies NodeTypes;
export const edgeTypes = { kind: KindEdge } satisfies EdgeTypes;
