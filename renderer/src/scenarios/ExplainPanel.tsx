/**
 * Why the selected node is hit: the engine's explanation (explainPath) from the break to the node, one
 * sentence per step with its time, the rule that fired and the control that would have stopped it. The
 * same path is highlighted on the canvas.
 */
import { useReactFlow } from '@xyflow/react';
import type { Effect } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';
import { useScenarioStore } from './context.tsx';
import { EFFECT_LOOKS } from '../../../shared/visual/index.ts';
import { formatTime } from './format.ts';
import { Glyph } from './glyphs.tsx';
import { itemName } from './ScenarioDetails.tsx';
import { WhyNotReached } from '../decide/WhyNotReached.tsx';
import type { PathStep } from '../../../shared/engine/index.ts';

/**
 * "Rule: … · Stopped by: …" of one step, in the explain panel and in presentation mode's caption; for an outage
 * nothing notices (§7 silent), that it is silent.
 */
export function StepMeta({ step, silent = false }: { step: PathStep; silent?: boolean }) {
  return (
    <p className="fx-step-meta">
      {/* First and short: the caption keeps this line on one line, and the rule and control must fit too. */}
      {silent && (
        <span data-testid="explain-silent">
          <strong>Silent</strong>: no health check
        </span>
      )}
      <span>
        Rule: <strong>{step.rule}</strong>
      </span>
      {step.control && (
        <span data-testid="explain-control">
          Stopped by: <strong>{step.control}</strong>
        </span>
      )}
    </p>
  );
}

export function ExplainPanel() {
  const explain = useScenarioStore((s) => s.explain);
  const shown = useScenarioStore((s) => s.shown);
  const pick = useScenarioStore((s) => s.setExplainEffect);
  const flow = useReactFlow();

  if (!shown) {
    return (
      <section className="fx-panel fx-explain" data-testid="explain-panel" aria-label="Explain">
        <h3>Explain</h3>
        <p className="fx-empty">Show a scenario, then select a node it reaches to see how the break got there.</p>
      </section>
    );
  }
  if (!explain) {
    return (
      <section className="fx-panel fx-explain" data-testid="explain-panel" aria-label="Explain">
        <h3>Explain</h3>
        <p className="fx-empty">Select a node that is hit (on the canvas or in the results) to see its path back to the break.</p>
      </section>
    );
  }
  const name = itemName(shown.model, explain.node);
  const effects = EFFECTS.filter((e) => shown.result.impacts.some((i) => i.node === explain.node && i.effect === e));
  const last = explain.steps.at(-1);
  // Hidden nodes too: a large model's dimmed cards may be a picture (canvas/usePictured.ts).
  const frame = (ids: string[]) => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 250, maxZoom: 1.2, padding: 0.25, includeHiddenNodes: true });

  return (
    <section className="fx-panel fx-explain" data-testid="explain-panel" aria-label={`Explain ${name}`}>
      <header className="fx-panel-head">
        <h3>
          Why {name}
          {last ? ` is at ${last.effect}` : ''}
        </h3>
        {explain.steps.length > 1 && (
          <button type="button" className="fx-button" onClick={() => frame(explain.steps.map((s) => s.node))} title="Frame the whole path on the canvas">
            Frame path
          </button>
        )}
      </header>
      {effects.length > 1 && (
        <div className="fx-effect-pick" role="radiogroup" aria-label="Effect to explain">
          {effects.map((e: Effect) => {
            const on = (explain.effect ?? effects[0]) === e;
            return (
              <button key={e} type="button" role="radio" aria-checked={on} className={`fx-effect-chip fx-chip-${e}${on ? ' is-on' : ''}`} onClick={() => pick(e)}>
                <Glyph name={e} size={11} />
                {EFFECT_LOOKS[e].label}
              </button>
            );
          })}
        </div>
      )}
      {explain.steps.length === 0 ? (
        <WhyNotReached node={explain.node} shown={shown} />
      ) : (
        <ol className="fx-steps">
          {explain.steps.map((step, i) => (
            <li key={`${step.node}:${step.effect}`} data-testid={`explain-step-${i}`} className={`fx-step fx-step-${step.effect}`}>
              <span className="fx-step-time">{formatTime(step.at)}</span>
              <span className={`fx-swatch fx-swatch-${step.effect}`}>
                <Glyph name={i === 0 ? 'break' : step.effect} size={12} />
              </span>
              <div className="fx-step-body">
                <p className="fx-explain-sentence" data-testid="explain-sentence">
                  {step.sentence}
                </p>
                <StepMeta step={step} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
