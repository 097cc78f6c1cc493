import type { EdgeKind, ModelEdge, ModelNode } from '../../../../shared/domain/index.ts';
import { EDGE_KINDS, edgeFits, edgeKindsFor, edgePropsSchemas } from '../../../../shared/domain/index.ts';
import { EDGE_KIND_HINTS } from '../../canvas/edges/edgeHints.ts';
import { misfitReason } from '../../canvas/edges/edgeLabel.ts';
import { changeEdgeKind } from '../../editor/props.ts';
import { useModelStoreApi, useUiStoreApi } from '../../store/context.tsx';
import { sharedFields } from './fields.ts';
import { helpFor } from './help.ts';
import { PropField } from './PropField.tsx';
import { sharedValue, usePropCommit } from './useItemEditing.ts';

/** The form for one or more edges: kind (fitting kinds first), then the props they share. */
export function EdgeForm({ edges, nodes }: { edges: readonly ModelEdge[]; nodes: ReadonlyMap<string, ModelNode> }) {
  const store = useModelStoreApi();
  const ui = useUiStoreApi();
  const ids = edges.map((e) => e.id);
  const { commitFor, done } = usePropCommit('edges', ids);
  const kinds = [...new Set(edges.map((e) => e.kind))];
  const kind = kinds.length === 1 ? kinds[0] : null;
  const fields = sharedFields(kinds.map((k) => edgePropsSchemas[k]));
  const single = edges.length === 1 ? edges[0] : null;
  const src = single ? nodes.get(single.source) : undefined;
  const tgt = single ? nodes.get(single.target) : undefined;
  const fitting = src && tgt ? edgeKindsFor(src.kind, tgt.kind) : [...EDGE_KINDS];
  const others = EDGE_KINDS.filter((k) => !fitting.includes(k));
  const misfit =
    single && src && tgt && !edgeFits(single.kind, src.kind, tgt.kind)
      ? misfitReason(single.kind, src.kind, tgt.kind)
      : null;

  const setKind = (next: EdgeKind) => {
    const { model, apply } = store.getState();
    apply(changeEdgeKind(model, ids, next), { label: 'Change edge kind' });
  };

  return (
    <div className="fl-form">
      <header className="fl-form-head">
        <div>
          <h2>
            {single ? `${src?.label || single.source} → ${tgt?.label || single.target}` : `${edges.length} edges`}
          </h2>
          <p className="fl-muted">{single ? <code>{single.id}</code> : 'Editing the properties they share'}</p>
        </div>
      </header>
      {misfit && (
        <p className="fl-warning" data-testid="edge-misfit">
          ⚠ {misfit}
        </p>
      )}
      <div className="fl-field">
        <label htmlFor="field-kind" className="fl-field-title">
          Kind
        </label>
        <div className="fl-row">
          <select
            id="field-kind"
            data-testid="field-kind"
            value={kind ?? ''}
            onChange={(e) => setKind(e.target.value as EdgeKind)}
          >
            {!kind && <option value="">(mixed)</option>}
            <optgroup label={single ? `Fits ${src?.kind} → ${tgt?.kind}` : 'Kinds'}>
              {fitting.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </optgroup>
            {others.length > 0 && (
              <optgroup label="Other kinds (marked as unusual)">
                {others.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {single && (
            <button
              type="button"
              className="fl-small-button"
              data-testid="action-edge-kind"
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                ui.getState().setEdgeMenu({ edgeId: single.id, x: r.left - 160, y: r.bottom });
              }}
            >
              Menu…
            </button>
          )}
        </div>
        <p className="fl-help">
          {kind ? `Reads: source ${EDGE_KIND_HINTS[kind]}.` : 'Sets every selected edge to one kind.'}
        </p>
      </div>
      {fields.map((f) => (
        <PropField
          key={f.name}
          spec={f}
          value={sharedValue(edges, f.name)}
          help={helpFor(f.name, kind ?? undefined)}
          onCommit={commitFor(f.name)}
          onDone={done}
        />
      ))}
    </div>
  );
}
