/**
 * The model's saved scenarios: pick one to show it on the canvas, create, duplicate, delete, reorder.
 * Every change here is a model edit (undoable, saved in the file); picking one is not.
 */
import { useModelStore } from '../store/context.tsx';
import { useScenarioActions, useScenarioStore } from './context.tsx';
import { ScenarioDetails } from './ScenarioDetails.tsx';

export function ScenarioPanel() {
  const scenarios = useModelStore((s) => s.model.scenarios);
  const activeId = useScenarioStore((s) => s.activeId);
  const actions = useScenarioActions();
  const active = scenarios.find((s) => s.id === activeId) ?? null;
  const index = active ? scenarios.indexOf(active) : -1;

  const onListKey = (e: React.KeyboardEvent) => {
    if (!active) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      actions.move(active.id, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = scenarios[index + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) actions.show(next.id);
    }
  };

  return (
    <>
      <section className="fx-panel fx-scenarios" data-testid="scenario-panel" aria-label="Scenarios">
        <header className="fx-panel-head">
          <h3>Scenarios</h3>
          <button type="button" className="fx-button is-primary" data-testid="action-new-scenario" onClick={() => actions.create()} title="A new scenario: then right-click nodes to break them">
            + New
          </button>
        </header>
        {scenarios.length === 0 ? (
          <p className="fx-empty">No scenarios yet. Right-click a node and choose a break, or press + New.</p>
        ) : (
          <ol className="fx-scenario-list" role="listbox" aria-label="Saved scenarios" tabIndex={0} onKeyDown={onListKey} data-own-keys>
            {scenarios.map((s) => {
              const on = s.id === activeId;
              return (
                <li
                  key={s.id}
                  role="option"
                  aria-selected={on}
                  className={`fx-scenario-item${on ? ' is-active' : ''}`}
                  data-testid={`scenario-item-${s.id}`}
                  onClick={() => actions.show(on ? null : s.id)}
                  title={`${s.name || s.id}: ${on ? 'click to hide it from the canvas' : 'click to show it on the canvas'}`}
                >
                  <span className="fx-scenario-name">{s.name || s.id}</span>
                  <span className="fx-scenario-meta">
                    {s.breaks.length} break{s.breaks.length === 1 ? '' : 's'}
                    {s.patches.length > 0 && ` · ${s.patches.length} what-if`}
                    {s.removed.length > 0 && ` · ${s.removed.length} left out`}
                    {s.responses.length > 0 && ` · ${s.responses.length} response${s.responses.length === 1 ? '' : 's'}`}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {active && (
          <div className="fx-list-actions" role="group" aria-label="Selected scenario">
            <button type="button" className="fx-icon-button" data-testid="scenario-up" disabled={index <= 0} onClick={() => actions.move(active.id, -1)} title="Move up (Alt+↑)" aria-label="Move up">
              ↑
            </button>
            <button
              type="button"
              className="fx-icon-button"
              data-testid="scenario-down"
              disabled={index >= scenarios.length - 1}
              onClick={() => actions.move(active.id, 1)}
              title="Move down (Alt+↓)"
              aria-label="Move down"
            >
              ↓
            </button>
            <button type="button" className="fx-button" data-testid="scenario-duplicate" onClick={() => actions.duplicate(active.id)} title="A copy to try a variation">
              Duplicate
            </button>
            <button type="button" className="fx-button is-danger" data-testid="scenario-delete" onClick={() => actions.remove(active.id)} title="Delete (undo brings it back)">
              Delete
            </button>
          </div>
        )}
      </section>
      <ScenarioDetails scenario={active} />
    </>
  );
}
