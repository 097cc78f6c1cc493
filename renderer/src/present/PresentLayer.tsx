/**
 * Presentation mode's chrome around the canvas, each in a strip of its own so nothing covers a node: the
 * scenario and the legend at the top, the caption and the timeline at the foot.
 */
import './present.css';
import { LegendStrip, useScenarioStore } from '../scenarios/index.ts';
import { useModelStore } from '../store/context.tsx';
import { Caption } from './Caption.tsx';
import { usePresent } from './context.tsx';
import { Timeline } from './Timeline.tsx';

export function PresentTop() {
  const scenarios = useModelStore((s) => s.model.scenarios);
  const activeId = useScenarioStore((s) => s.activeId);
  const index = scenarios.findIndex((s) => s.id === activeId);
  const scenario = scenarios[index];
  return (
    <header className="fl-present-top" data-testid="present-top">
      <div className="fl-present-title" title="→ or Space: next hop · ←: back · Home, End · 1-9: another scenario · P: play · T: timeline · Esc: leave">
        {scenario ? (
          <>
            <span className="fl-present-number" title="Press 1 to 9 for another saved scenario">
              {index + 1}
            </span>
            <span className="fl-present-name">{scenario.name || scenario.id}</span>
          </>
        ) : (
          <span className="fl-present-name is-muted">No scenario</span>
        )}
      </div>
      <LegendStrip full />
    </header>
  );
}

export function PresentBottom() {
  const timeline = usePresent((s) => s.timeline);
  return (
    <footer className="fl-present-bottom">
      <Caption />
      {timeline && <Timeline />}
    </footer>
  );
}

/** Under the canvas in edit mode, while a result is shown: the legend and the timeline. */
export function PlaybackStrip() {
  const active = useScenarioStore((s) => s.shown !== null);
  if (!active) return null;
  return (
    <div className="fl-playback-strip" data-testid="playback-strip">
      <LegendStrip />
      <Timeline />
    </div>
  );
}
