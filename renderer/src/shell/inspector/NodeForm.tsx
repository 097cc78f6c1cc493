import type { ModelNode, NodeKind } from '../../../../shared/domain/index.ts';
import { NODE_KINDS, nodePropsSchemas } from '../../../../shared/domain/index.ts';
import { KindIcon } from '../../canvas/nodes/icons.tsx';
import { NODE_REGISTRY } from '../../canvas/nodes/registry.ts';
import { setLabel } from '../../editor/commands.ts';
import { changeNodeKind } from '../../editor/props.ts';
import { useModelStoreApi } from '../../store/context.tsx';
import { sharedFields } from './fields.ts';
import { helpFor } from './help.ts';
import { PropField } from './PropField.tsx';
import { LabelField } from './LabelField.tsx';
import { sharedValue, usePropCommit } from './useItemEditing.ts';

/** The form for one or more nodes: label and kind, then the props they share, generated from the schema. */
export function NodeForm({ nodes }: { nodes: readonly ModelNode[] }) {
  const store = useModelStoreApi();
  const ids = nodes.map((n) => n.id);
  const { commitFor, done } = usePropCommit('nodes', ids);
  const kinds = [...new Set(nodes.map((n) => n.kind))];
  const fields = sharedFields(kinds.map((k) => nodePropsSchemas[k]));
  const single = nodes.length === 1 ? nodes[0] : null;
  const kind = kinds.length === 1 ? kinds[0] : null;
  // Where an imported node came from (File ▸ Import… keeps it in props.source).
  const source = (single?.props as Record<string, unknown> | undefined)?.source as { file?: unknown; line?: unknown } | undefined;
  const from = typeof source?.file === 'string' ? `${source.file}${typeof source.line === 'number' ? ` line ${source.line}` : ''}` : null;

  const setKind = (next: NodeKind) => {
    const { model, apply } = store.getState();
    apply(changeNodeKind(model, ids, next), { label: 'Change kind' });
  };

  return (
    <div className="fl-form">
      <header className="fl-form-head">
        {kind && (
          <span className="fl-form-icon" style={{ color: NODE_REGISTRY[kind].color }}>
            <KindIcon kind={kind} size={22} />
          </span>
        )}
        <div>
          <h2>{single ? single.label || single.id : `${nodes.length} nodes`}</h2>
          <p className="fl-muted">{single ? <code>{single.id}</code> : 'Editing the properties they share'}</p>
          {from && (
            <p className="fl-muted" data-testid="node-source" title="Where the import found it">
              Imported from {from}
            </p>
          )}
        </div>
      </header>
      {single && (
        <LabelField
          key={single.id}
          value={single.label}
          onCommit={(label, typing) => {
            const { model, apply } = store.getState();
            apply(setLabel(model, single.id, label), {
              label: 'Rename',
              squash: typing ? `label:${single.id}` : undefined,
            });
          }}
          onDone={done}
        />
      )}
      <div className="fl-field">
        <label htmlFor="field-kind" className="fl-field-title">
          Kind
        </label>
        <select
          id="field-kind"
          data-testid="field-kind"
          value={kind ?? ''}
          onChange={(e) => setKind(e.target.value as NodeKind)}
        >
          {!kind && <option value="">(mixed)</option>}
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NODE_REGISTRY[k].label}
            </option>
          ))}
        </select>
        <p className="fl-help">{kind ? NODE_REGISTRY[kind].hint : 'Sets every selected node to one kind.'}</p>
      </div>
      {fields.map((f) => (
        <PropField
          key={f.name}
          spec={f}
          value={sharedValue(nodes, f.name)}
          help={helpFor(f.name)}
          onCommit={commitFor(f.name)}
          onDone={done}
        />
      ))}
    </div>
  );
}
