/**
 * Presentation mode's caption: the hop on screen, large, told as the explain panel tells a step (the
 * engine's explainEntries: one source of the sentences): its hour, its sentence, the rule that fired and
 * the control that would have stopped it. A hop that reaches several nodes at once names the others.
 */
import { useMemo } from 'react';
import { EFFECTS, SECURITY_EFFECTS } from '../../../shared/domain/kinds.ts';
import { explainEntries } from '../../../shared/engine/explain.ts';
import { StepMeta, formatTime, useScenarioStore } from '../scenarios/index.ts';
import { Glyph } from '../scenarios/glyphs.tsx';
import { hopIndexAt, playbackOf } from './playback.ts';

const isSecurity = (e: string) => (SECURITY_EFFECTS as readonly string[]).includes(e);

export function Caption() {
  const shown = useScenarioStore((s) => s.shown);
  const playhead = useScenarioStore((s) => s.playhead);
  const activeId = useScenarioStore((s) => s.activeId);
  const running = useScenarioStore((s) => s.run.status === 'running');

  const told = useMemo(() => {
    if (!shown) return null;
    const playback = playbackOf(shown.result);
    const index = playhead === null ? playback.hops.length - 1 : hopIndexAt(playback, playhead);
    const hop = playback.hops[index];
    if (!hop) return { index, count: playback.hops.length, at: 0, steps: [] };
    // The strongest security step first: that is the one the room asks about.
    const entries = [...hop.entries].sort((a, b) => Number(isSecurity(b.effect)) - Number(isSecurity(a.effect)) || EFFECTS.indexOf(a.effect) - EFFECTS.indexOf(b.effect));
    return { index, count: playback.hops.length, at: hop.at, steps: explainEntries(shown.model, shown.result, entries, shown.scenario) };
  }, [shown, playhead]);

  let body: React.ReactNode;
  if (!told) {
    body = (
      <p className="fl-caption-sentence is-muted">
        {activeId === null ? 'No scenario to present: right-click a node and choose what breaks, or press 1 to 9.' : running ? 'Simulating…' : 'This scenario has no break yet.'}
      </p>
    );
  } else if (told.steps.length === 0) {
    body = <p className="fl-caption-sentence is-muted">Nothing is reached: every break was prevented.</p>;
  } else {
    const [first, ...others] = told.steps;
    const labels = new Map(shown!.model.nodes.map((n) => [n.id, n.label || n.id]));
    body = (
      <>
        <p className="fl-caption-sentence" data-testid="present-sentence">
          <span className={`fx-swatch fx-swatch-${first.effect}`}>
            <Glyph name={told.index === 0 ? 'break' : first.effect} size={16} />
          </span>
          {first.sentence}
        </p>
        <div className="fl-caption-meta">
          <StepMeta step={first} />
          {others.length > 0 && (
            <p className="fl-caption-more" data-testid="present-more">
              Also at this hop: {others.map((s) => labels.get(s.node) ?? s.node).join(', ')}
            </p>
          )}
        </div>
      </>
    );
  }
  return (
    <section className="fl-caption" data-testid="present-caption" aria-live="polite" aria-label="Current hop">
      <div className="fl-caption-time">
        <strong data-testid="present-time">{told ? formatTime(told.at) : '—'}</strong>
        {told && told.count > 0 && (
          <span>
            hop {told.index + 1}/{told.count}
          </span>
        )}
      </div>
      <div className="fl-caption-body">{body}</div>
    </section>
  );
}
