import { useModelStore } from '../store/context.tsx';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

/** What is selected, with its props. Editing arrives with the canvas editor. */
export function Inspector({ selection }: { selection: string[] }) {
  const model = useModelStore((s) => s.model);
  const id = selection[0];
  const node = model.nodes.find((n) => n.id === id);
  const edge = node ? undefined : model.edges.find((e) => e.id === id);
  const item = node ?? edge;
  return (
    <aside className="fl-inspector" aria-label="Inspector">
      {!item ? (
        <div className="fl-inspector-empty">
          <h2>{model.name}</h2>
          {model.description && <p>{model.description}</p>}
          <dl>
            <dt>Nodes</dt>
            <dd>{model.nodes.length}</dd>
            <dt>Edges</dt>
            <dd>{model.edges.length}</dd>
            <dt>Scenarios</dt>
            <dd>{model.scenarios.length}</dd>
            <dt>As of</dt>
            <dd>{model.asOf ?? '—'}</dd>
          </dl>
          <p className="fl-muted">Select a node or an edge to see its properties.</p>
        </div>
      ) : (
        <div>
          <h2>{node ? node.label || node.id : `${edge?.source} → ${edge?.target}`}</h2>
          <p className="fl-muted">{node ? NODE_REGISTRY[node.kind].label : edge?.kind}</p>
          {selection.length > 1 && <p className="fl-muted">{selection.length} items selected</p>}
          <dl>
            {Object.entries(item.props).map(([k, v]) => (
              <div key={k} className="fl-prop">
                <dt>{k}</dt>
                <dd>{formatValue(v)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </aside>
  );
}
