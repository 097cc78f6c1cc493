/**
 * The dock header's two decision buttons: Compare (two scenarios as one diff on the canvas) and
 * Likelihood (Monte Carlo over the edges' likelihoods). Compare starts from the shown scenario and, for a
 * variant made by "Try it", its original; the comparison view lets either side be changed.
 */
import type { Model } from '../../../shared/domain/index.ts';
import { useScenarioStore } from '../scenarios/context.tsx';
import { useModelStore } from '../store/context.tsx';
import { useDecide, useDecideControls, useDecideStoreApi } from './context.tsx';
import { DiffShape } from './looks.tsx';

/** The pair to compare first: a variant's original before it, else the shown scenario before the next one. */
function defaultPair(model: Model, activeId: string | null): [string, string] | null {
  const list = model.scenarios;
  if (list.length < 2) return null;
  const i = Math.max(0, list.findIndex((s) => s.id === activeId));
  const active = list[i];
  const original = list.find((s) => s.id !== active.id && active.name.startsWith(`${s.name || s.id} + `));
  if (original) return [original.id, active.id];
  const other = list[i + 1] ?? list[i - 1];
  return [active.id, other.id];
}

export function DecideActions() {
  const model = useModelStore((s) => s.model);
  const activeId = useScenarioStore((s) => s.activeId);
  const shown = useScenarioStore((s) => s.shown !== null);
  const compareOpen = useDecide((s) => s.compareOpen);
  const likelihoodOpen = useDecide((s) => s.likelihoodOpen);
  const controls = useDecideControls();
  const decide = useDecideStoreApi();
  const pair = defaultPair(model, activeId);

  const toggleCompare = () => {
    if (compareOpen) controls.cancelCompare();
    else if (pair) controls.compare(pair[0], pair[1]);
  };
  const toggleLikelihood = () => {
    if (likelihoodOpen) {
      controls.cancelLikelihood();
      decide.setState({ likelihoodOpen: false, likelihood: null, shares: new Map() });
    } else decide.setState({ likelihoodOpen: true });
  };

  return (
    <div className="dc-actions" role="group" aria-label="Decide">
      <button
        type="button"
        className={`fx-button${compareOpen ? ' is-on' : ''}`}
        data-testid="action-compare"
        aria-pressed={compareOpen}
        disabled={!pair && !compareOpen}
        onClick={toggleCompare}
        title={pair ? 'Compare two scenarios on the canvas: what is no longer reached, newly reached, changed' : 'Needs two scenarios'}
      >
        <DiffShape mark="changed" size={12} /> Compare
      </button>
      <button
        type="button"
        className={`fx-button${likelihoodOpen ? ' is-on' : ''}`}
        data-testid="action-likelihood"
        aria-pressed={likelihoodOpen}
        disabled={!shown && !likelihoodOpen}
        onClick={toggleLikelihood}
        title={shown ? 'How likely each node is reached, over many runs that keep each edge with its likelihood' : 'Show a scenario first'}
      >
        <span className="dc-likelihood-icon" aria-hidden="true" /> Likelihood
      </button>
    </div>
  );
}
