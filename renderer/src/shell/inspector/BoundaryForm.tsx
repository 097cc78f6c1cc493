import type { Boundary } from '../../../../shared/domain/index.ts';
import { ENVIRONMENTS } from '../../../../shared/domain/index.ts';
import { setBoundaryEnvironment, setLabel } from '../../editor/commands.ts';
import { useModelStore, useModelStoreApi } from '../../store/context.tsx';
import { LabelField } from './LabelField.tsx';

/** A trust boundary: its name and environment. Membership follows geometry: drop nodes inside it. */
export function BoundaryForm({ boundary }: { boundary: Boundary }) {
  const store = useModelStoreApi();
  const members = useModelStore((s) => s.model.nodes.filter((n) => n.boundary === boundary.id).length);
  return (
    <div className="fl-form">
      <header className="fl-form-head">
        <div>
          <h2>{boundary.label || boundary.id}</h2>
          <p className="fl-muted">
            Trust boundary · <code>{boundary.id}</code> · {members} {members === 1 ? 'node' : 'nodes'} inside
          </p>
        </div>
      </header>
      <LabelField
        key={boundary.id}
        value={boundary.label}
        help="The boundary’s name on the canvas and in the report."
        onCommit={(label, typing) => {
          const { model, apply } = store.getState();
          apply(setLabel(model, boundary.id, label, 'boundaries'), {
            label: 'Rename boundary',
            squash: typing ? `blabel:${boundary.id}` : undefined,
          });
        }}
        onDone={() => store.getState().breakSquash()}
      />
      <div className="fl-field">
        <label htmlFor="field-environment" className="fl-field-title">
          Environment
        </label>
        <select
          id="field-environment"
          data-testid="field-environment"
          value={boundary.environment}
          onChange={(e) => {
            const { model, apply } = store.getState();
            apply(setBoundaryEnvironment(model, boundary.id, e.target.value as Boundary['environment']), {
              label: 'Set environment',
            });
          }}
        >
          {ENVIRONMENTS.map((env) => (
            <option key={env} value={env}>
              {env}
            </option>
          ))}
        </select>
        <p className="fl-help">
          The environment this boundary stands for. Boundaries group for the eye and the report; they do not change
          propagation.
        </p>
      </div>
      <p className="fl-muted">
        Drop nodes inside the frame to add them; they move with it. Drag its corners to resize.
      </p>
    </div>
  );
}
