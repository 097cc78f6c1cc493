/**
 * The Fixes tab: the shown scenario's fixes ranked by how much each cuts the score (§9, the time-based
 * ones included), computed in the analysis worker with progress and Cancel. Each row says what to change
 * and where, and by how much; hovering it highlights its edge or node on the canvas; "Try it" makes a
 * what-if variant holding the fix and opens the comparison.
 */
import { useState } from 'react';
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import { formatScore, plural } from '../../../shared/format.ts';
import { useScenarioActions, useScenarioStore } from '../scenarios/context.tsx';
import { useModelStoreApi } from '../store/context.tsx';
import { useDecide, useDecideControls, useDecideStoreApi } from './context.tsx';
import { fixVariant } from './fixVariant.ts';
import { FixGlyph } from './looks.tsx';
import { JobProgress } from './JobProgress.tsx';

/** Rows drawn at first, and added per "Show more": a large model has hundreds of fixes, a room reads the top ones. */
const PAGE = 25;

export function FixesPanel() {
  const [limit, setLimit] = useState(PAGE);
  const shown = useScenarioStore((s) => s.shown);
  const fixes = useDecide((s) => s.fixes);
  const job = useDecide((s) => s.fixesJob);
  const controls = useDecideControls();
  const decide = useDecideStoreApi();
  const models = useModelStoreApi();
  const scenarioActions = useScenarioActions();

  if (!shown) {
    return (
      <section className="fx-panel dc-fixes" data-testid="fixes-panel" aria-label="Fixes">
        <p className="fx-empty">Show a scenario to rank the fixes that cut its blast radius most.</p>
      </section>
    );
  }
  const name = shown.scenario.name || shown.scenario.id;
  const tryFix = (i: number, fix: Chokepoint) => {
    const { model, apply } = models.getState();
    const made = fixVariant(model, shown.scenario.id, fix);
    if (!made) return;
    apply(made.patch, { label: 'Try a fix' });
    scenarioActions.show(made.id);
    controls.compare(shown.scenario.id, made.id);
    decide.setState({ hover: null });
    void i;
  };
  const select = (fix: Chokepoint) => {
    const sel = fix.edge && fix.fix !== 'bound' ? { nodes: [], edges: [fix.edge], boundaries: [] } : fix.node ? { nodes: [fix.node], edges: [], boundaries: [] } : null;
    if (sel) models.getState().setSelection(sel);
  };

  return (
    <section className="fx-panel dc-fixes" data-testid="fixes-panel" aria-label={`Fixes for ${name}`}>
      <header className="fx-panel-head">
        <h3 className="dc-fixes-title" title={`Fixes for “${name}”`}>
          Fixes for “{name}”
        </h3>
        {fixes && job.status !== 'running' && (
          <span className="fx-muted" data-testid="fixes-count">
            {plural(fixes.length, 'fix', 'fixes')} that cut the score, best first
          </span>
        )}
      </header>
      {job.status === 'running' && <JobProgress job={job} what="Ranking fixes" unit="candidates" onCancel={controls.cancelRank} testId="fixes-progress" />}
      {job.status === 'cancelled' && (
        <p className="dc-note" data-testid="fixes-cancelled">
          Ranking cancelled.{' '}
          <button type="button" className="fx-button" data-testid="fix-rank" onClick={controls.rank}>
            Rank again
          </button>
        </p>
      )}
      {job.status === 'error' && (
        <p className="fx-error" role="alert">
          The fixes could not be ranked: {job.error}
        </p>
      )}
      {fixes && fixes.length === 0 && job.status === 'done' && <p className="fx-empty">No single fix reduces this scenario's score.</p>}
      {fixes && fixes.length > 0 && (
        <ol className={`dc-fix-list${job.status === 'running' ? ' is-stale' : ''}`} onMouseLeave={() => decide.setState({ hover: null })}>
          {fixes.slice(0, limit).map((f, i) => (
            <li
              key={f.id}
              className={`dc-fix-row${f.reduction < 0 ? ' is-worse' : ''}`}
              data-testid={`fix-row-${i}`}
              data-fix={f.id}
              data-reduction={f.reduction}
              onMouseEnter={() => decide.setState({ hover: i })}
              onFocus={() => decide.setState({ hover: i })}
            >
              <span className={`dc-fix-rank${i < 3 ? ' is-top' : ''}`} aria-label={`Fix ${i + 1}`}>
                {i < 3 && <FixGlyph size={11} />}
                {i + 1}
              </span>
              <button type="button" className="dc-fix-text" onClick={() => select(f)} title="Select it on the canvas">
                <span className="dc-fix-what">{f.description}</span>
                <span className="dc-fix-change">
                  {f.change}
                  {f.closes && <strong className="dc-fix-closes"> · closes the radius</strong>}
                  {f.reason && <span className="dc-fix-reason"> · worse: {f.reason}</span>}
                </span>
              </button>
              <span className="dc-fix-reduction" title={`Score ${formatScore(f.scoreBefore)} → ${formatScore(f.scoreAfter)}`}>
                <strong>
                  {f.reduction > 0 ? '−' : '+'}
                  {formatScore(Math.abs(f.reduction))}
                </strong>
                <span className="fx-muted">
                  {formatScore(f.scoreBefore)} → {formatScore(f.scoreAfter)}
                </span>
              </span>
              <button
                type="button"
                className="fx-button is-primary"
                data-testid={`fix-try-${i}`}
                onClick={() => tryFix(i, f)}
                title="A what-if variant of this scenario with this fix, compared with it"
              >
                Try it
              </button>
            </li>
          ))}
          {fixes.length > limit && (
            <li className="dc-fix-more">
              <button type="button" className="fx-button" data-testid="fixes-more" onClick={() => setLimit(limit + PAGE * 4)}>
                Show {Math.min(PAGE * 4, fixes.length - limit)} more of {fixes.length - limit}
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
