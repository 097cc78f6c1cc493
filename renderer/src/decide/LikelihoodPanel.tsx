/**
 * The likelihood view (§9 probabilistic mode): Monte Carlo over the edges' `likelihood` in the analysis
 * worker, with a progress bar and Cancel. Nodes are shaded by the share of runs that reach them; the
 * legend gives the scale, and the seed and the number of runs are shown so anyone can repeat the view.
 */
import { useState } from 'react';
import { formatPercent, plural } from '../../../shared/format.ts';
import { useScenarioStore } from '../scenarios/context.tsx';
import { useDecide, useDecideControls, useDecideStoreApi, SHARE_BINS } from './context.tsx';
import { JobProgress } from './JobProgress.tsx';

const MAX_RUNS = 1_000_000;

export function LikelihoodPanel() {
  const open = useDecide((s) => s.likelihoodOpen);
  if (!open) return null;
  return <Panel />;
}

function Panel() {
  const shown = useScenarioStore((s) => s.shown);
  const job = useDecide((s) => s.likelihoodJob);
  const result = useDecide((s) => s.likelihood);
  const runs = useDecide((s) => s.runs);
  const seed = useDecide((s) => s.seed);
  const controls = useDecideControls();
  const decide = useDecideStoreApi();
  const [runsText, setRunsText] = useState(String(runs));
  const [seedText, setSeedText] = useState(String(seed));
  const runsValue = Number(runsText);
  const seedValue = Number(seedText);
  const runsOk = Number.isInteger(runsValue) && runsValue >= 1 && runsValue <= MAX_RUNS;
  const seedOk = Number.isInteger(seedValue) && seedValue >= 0 && seedValue < 2 ** 32;
  const uncertain = shown ? shown.model.edges.filter((e) => Number(e.props.likelihood ?? 1) < 1).length : 0;
  const name = shown ? shown.scenario.name || shown.scenario.id : '';

  const close = () => {
    controls.cancelLikelihood();
    decide.setState({ likelihoodOpen: false, likelihood: null, shares: new Map() });
  };
  const run = () => runsOk && seedOk && controls.runLikelihood(runsValue, seedValue);

  return (
    <section className="dc-likelihood" data-testid="likelihood-panel" aria-label="Likelihood">
      <header className="dc-compare-head">
        <h3>Likelihood</h3>
        <button type="button" className="fx-x" aria-label="Close the likelihood view" title="Close the likelihood view" onClick={close}>
          ×
        </button>
      </header>
      {!shown ? (
        <p className="fx-empty">Show a scenario to see how likely each node is reached.</p>
      ) : (
        <>
          <p className="dc-note">
            Runs “{name}” many times; each run keeps each edge with its likelihood. {uncertain === 0 ? 'Every edge has likelihood 1, so every run is the same: set likelihoods on edges in the inspector.' : `${plural(uncertain, 'edge')} with a likelihood below 1.`}
          </p>
          <form
            className="dc-likelihood-form"
            onSubmit={(e) => {
              e.preventDefault();
              run();
            }}
          >
            <label className="fx-field">
              <span className="fx-field-title">Runs</span>
              <input data-testid="likelihood-runs" type="number" min={1} max={MAX_RUNS} value={runsText} aria-invalid={!runsOk} onChange={(e) => setRunsText(e.target.value)} />
            </label>
            <label className="fx-field">
              <span className="fx-field-title">Seed</span>
              <input data-testid="likelihood-seed" type="number" min={0} value={seedText} aria-invalid={!seedOk} onChange={(e) => setSeedText(e.target.value)} />
            </label>
            <button type="submit" className="fx-button is-primary" data-testid="likelihood-run" disabled={!runsOk || !seedOk || job.status === 'running'}>
              Run
            </button>
          </form>
          {!runsOk && <p className="fx-error">Runs: a whole number from 1 to {MAX_RUNS.toLocaleString('en')}.</p>}
          {!seedOk && <p className="fx-error">Seed: a whole number from 0 to 4,294,967,295.</p>}
          {job.status === 'running' && <JobProgress job={job} what="Running" unit="runs" onCancel={controls.cancelLikelihood} testId="likelihood-progress" />}
          {job.status === 'cancelled' && (
            <p className="dc-note" data-testid="likelihood-cancelled">
              Cancelled after {job.done.toLocaleString('en')} of {job.total.toLocaleString('en')} runs: nothing is shaded.
            </p>
          )}
          {job.status === 'error' && (
            <p className="fx-error" role="alert">
              The runs failed: {job.error}
            </p>
          )}
          {result && (
            <>
              <p className="dc-likelihood-meta" data-testid="likelihood-meta" data-runs={result.runs} data-seed={result.seed}>
                <strong>{result.runs.toLocaleString('en')}</strong> runs · seed <strong>{result.seed}</strong> · {plural(Object.keys(result.nodes).length, 'node')} reached in some run
              </p>
              <ul className="dc-scale" data-testid="likelihood-legend" aria-label="Share of runs that reach a node">
                {SHARE_BINS.map((b) => (
                  <li key={b.bin}>
                    <span className={`dc-scale-swatch lk-${b.bin}`} aria-hidden="true" />
                    {b.text}
                  </li>
                ))}
              </ul>
              <p className="fx-muted">Shade and tag: the share of runs that reach the node (its most frequent effect), e.g. {formatPercent(0.5)}.</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
