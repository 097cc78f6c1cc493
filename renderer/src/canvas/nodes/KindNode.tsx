import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KindFlowNode } from '../adapter.ts';
import { KindIcon } from './icons.tsx';
import { nodeChips } from './nodeChips.ts';
import { NODE_REGISTRY } from './registry.ts';

/** One component for every kind; the registry gives it its icon and colour. */
export const KindNode = memo(function KindNode({ data, selected }: NodeProps<KindFlowNode>) {
  const { node } = data;
  const config = NODE_REGISTRY[node.kind];
  return (
    <div
      className={`fl-node${selected ? ' is-selected' : ''}`}
      style={{ '--kind-color': config.color } as React.CSSProperties}
      data-kind={node.kind}
      title={node.props.notes || undefined}
    >
      <Handle type="target" position={Position.Left} className="fl-handle" />
      <div className="fl-node-icon">
        <KindIcon kind={node.kind} size={20} />
      </div>
      <div className="fl-node-body">
        <div className="fl-node-label">{node.label || node.id}</div>
        <div className="fl-node-kind">{config.label}</div>
        <div className="fl-node-chips">
          {nodeChips(node).map((c) => (
            <span key={c} className="fl-chip">
              {c}
            </span>
          ))}
        </div>
      </div>
      <Handle type="source" position={Position.Right} className="fl-handle" />
    </div>
  );
});
