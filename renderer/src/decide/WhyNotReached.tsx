/**
 * Why the selected node is not reached (shared/engine/whyNot.ts): the nearest reached node and the rule or
 * control that held on the step towards it, and the other places where the spread stopped next to it.
 */
import { useMemo } from 'react';
import { formatHours } from '../../../shared/format.ts';
import { whyNotReached } from '../../../shared/engine/index.ts';
import type { Shown } from '../scenarios/store.ts';

const MORE = 3;

export function WhyNotReached({ node, shown }: { node: string; shown: Shown }) {
  const why = useMemo(() => whyNotReached(shown.model, shown.result, node, shown.scenario), [node, shown]);
  const label = (id: string) => shown.model.nodes.find((n) => n.id === id)?.label || id;
  const [first, ...others] = why.steps;
  return (
    <div className="dc-whynot" data-testid="explain-unreached" data-distance={why.distance ?? ''}>
      <p className="fx-explain-sentence" data-testid="whynot-sentence">
        {why.sentence}
      </p>
      {first && (
        <p className="fx-step-meta">
          <span>
            Held: <strong data-testid="whynot-held">{first.held}</strong>
          </span>
        </p>
      )}
      {others.length > 0 && (
        <>
          <h4>Also stopped next to it</h4>
          <ul className="dc-whynot-more">
            {others.slice(0, MORE).map((s) => (
              <li key={`${s.edge}:${s.from}`}>
                {label(s.from)} ({s.fromEffect} at {formatHours(s.fromAt)}), {s.edgeKind} to {label(s.to)}: <strong>{s.held}</strong>
              </li>
            ))}
            {others.length > MORE && <li className="fx-muted">and {others.length - MORE} more</li>}
          </ul>
        </>
      )}
    </div>
  );
}
