/**
 * "For this scenario only" editing in the inspector. While what-if editing is on, the inspector shows
 * the selected items with the scenario's overrides and its prop edits become the scenario's patches
 * (validated, undoable) instead of model edits. The banner says so, and lists what is overridden.
 */
import { useCallback } from 'react';
import { useModelStore } from '../store/context.tsx';
import { useActiveScenario, useScenarioActions, useScenarioStore, useWhatIfScenario } from './context.tsx';
import { Glyph } from './glyphs.tsx';
import { whatIfLines } from './scenarioOps.ts';

/**
 * A prop commit for the inspector while what-if editing is on (null when it is off): returns the
 * validation message, or null when the change was recorded.
 */
export function useWhatIfCommit(): ((ids: readonly string[], name: string, value: unknown, typing: boolean) => string | null) | null {
  const scenario = useWhatIfScenario();
  const actions = useScenarioActions();
  const commit = useCallback(
    (ids: readonly string[], name: string, value: unknown, typing: boolean) => {
      const edit = actions.whatIf(ids, { [name]: value }, typing);
      return edit.ok ? null : edit.message;
    },
    [actions],
  );
  return scenario ? commit : null;
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Above the inspector's form: what-if editing on, or overrides on the selected items. */
export function WhatIfBanner({ ids }: { ids: readonly string[] }) {
  const scenario = useActiveScenario();
  const whatIf = useScenarioStore((s) => s.whatIf);
  const setWhatIf = useScenarioStore((s) => s.setWhatIf);
  const model = useModelStore((s) => s.model);
  const actions = useScenarioActions();
  if (!scenario || ids.length === 0) return null;
  const lines = whatIfLines(model, scenario).filter((l) => ids.includes(l.id));
  if (!whatIf && lines.length === 0) return null;
  const name = scenario.name || scenario.id;
  return (
    <div className={`fx-whatif-banner${whatIf ? ' is-on' : ''}`} data-testid="whatif-banner" role="note">
      <p>
        <Glyph name="whatif" size={13} />{' '}
        {whatIf ? (
          <>
            <strong>What-if for “{name}”.</strong> Property changes apply to this scenario only; the model keeps its values. Name,
            kind and connections still change the model.
          </>
        ) : (
          <>
            In “{name}”, changed <strong>for this scenario only</strong>:
          </>
        )}
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li key={`${l.id}:${l.prop}`}>
              <code>{l.prop}</code> {show(l.from)} → <strong>{show(l.to)}</strong>
              <button type="button" className="fx-x" title="Back to the model's value" aria-label={`Drop the what-if on ${l.prop}`} onClick={() => actions.dropWhatIf(l.id, l.prop)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="fx-button" onClick={() => setWhatIf(!whatIf)}>
        {whatIf ? 'Stop what-if editing' : 'Edit what-ifs'}
      </button>
    </div>
  );
}
