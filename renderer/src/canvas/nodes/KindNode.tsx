import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { Fragment, memo } from 'react';
import type { ModelNode } from '../../../../shared/domain/index.ts';
import { DecideNodeDecor, useDecideNode } from '../../decide/index.ts';
import { NodeFxDecor, useNodeFx } from '../../scenarios/index.ts';
import type { KindFlowNode } from '../adapter.ts';
import { sameButPosition } from '../adapter.ts';
import { useDetail } from '../detail.ts';
import { labelPieces, shortLabel } from '../labelText.ts';
import { useDecorPlace, useDecorTight, useLabelLines } from '../useDecor.ts';
import { KindIcon } from './icons.tsx';
import { InlineRename } from './InlineRename.tsx';
import { nodeChips } from './nodeChips.ts';
import { NODE_REGISTRY } from './registry.ts';
import { useRename } from './useRename.ts';

/**
 * One component for every kind; the registry gives it its icon and colour. How much it draws follows the
 * zoom (detail.ts): zoomed far out, a tinted block with no text and no hooks beyond the zoom level.
 */
/**
 * What a card draws comes from its id, its selection and its model node, never from where it is: a drag
 * step or a drop (React Flow passes the new position, the model a node with it) re-renders no card.
 */
function sameCard(a: NodeProps<KindFlowNode>, b: NodeProps<KindFlowNode>): boolean {
  return a.id === b.id && a.selected === b.selected && sameButPosition(a.data.node, b.data.node);
}

export const KindNode = memo(function KindNode({ id, data, selected }: NodeProps<KindFlowNode>) {
  const { node } = data;
  const config = NODE_REGISTRY[node.kind];
  const { detail } = useDetail();
  // The blast-radius overlay: this node re-renders only when its own overlay changes.
  const fx = useNodeFx(node.id);
  // Fixes, comparison and likelihood marks (decide/).
  const dc = useDecideNode(node.id);
  const place = useDecorPlace(node.id);
  const tight = useDecorTight(node.id);
  const lines = useLabelLines(node.id);
  const style = { '--kind-color': config.color, ...(lines ? { '--lines': lines } : {}) } as React.CSSProperties;
  if (detail === 'far') {
    return (
      <div className={`fl-node is-far${selected ? ' is-selected' : ''}${fx.className}${dc.className}`} style={style} data-kind={node.kind} {...fx.attrs}>
        <Handle type="target" position={Position.Left} className="fl-handle" />
        <Handle type="source" position={Position.Right} className="fl-handle" />
      </div>
    );
  }
  const simple = detail !== 'full';
  return (
    <div
      className={`fl-node${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${fx.className}${dc.className}`}
      style={style}
      data-kind={node.kind}
      title={node.props.notes || undefined}
      data-decor={place}
      data-tight={tight}
      {...fx.attrs}
    >
      <NodeFxDecor fx={fx} />
      <DecideNodeDecor marks={dc} />
      <Handle type="target" position={Position.Left} className="fl-handle" />
      <div className="fl-node-icon">
        <KindIcon kind={node.kind} size={20} />
      </div>
      <div className="fl-node-body">
        <NodeLabel flowId={id} node={node} />
        {!simple && (
          <>
            <div className="fl-node-kind">{config.label}</div>
            <div className="fl-node-chips">
              {nodeChips(node).map((c) => (
                <span key={c.text} className={`fl-chip${c.tone ? ` tone-${c.tone}` : ''}`}>
                  {c.text}
                </span>
              ))}
            </div>
          </>
        )}
      </div>
      <Handle type="source" position={Position.Right} className="fl-handle" />
    </div>
  );
}, sameCard);

/** The label, or the inline rename field while it is being renamed (double-click, F2). */
function NodeLabel({ flowId, node }: { flowId: string; node: ModelNode }) {
  const { renaming, commit, cancel } = useRename(flowId, node.id, 'nodes');
  const { short } = useDetail();
  if (renaming) return <InlineRename value={node.label} onCommit={commit} onCancel={cancel} />;
  const label = node.label || node.id;
  return (
    <div className="fl-node-label" title={label}>
      <Breakable text={short ? shortLabel(label) : label} />
    </div>
  );
}

/** The label with a break opportunity after each run of separators: a path breaks between its parts. */
function Breakable({ text }: { text: string }) {
  const pieces = labelPieces(text);
  if (pieces.length === 1) return text;
  return pieces.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {p}
    </Fragment>
  ));
}
