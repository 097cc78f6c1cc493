/**
 * What the scenarios draw over the canvas: the legend (while a result is shown), the progress indicator
 * for slow runs, the node context menu, the arrowheads of the spread paths, and the spread on a large
 * model zoomed out.
 */
import { useState } from 'react';
import { EFFECTS } from '../../../shared/domain/kinds.ts';
import { useScenarioStore } from './context.tsx';
import { EdgeLegendLine } from './legendParts.tsx';
import { DEAD_COPY, EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK } from '../../../shared/visual/effects.ts';
import { SpreadMarkers } from './EdgeFx.tsx';
import { Glyph } from './glyphs.tsx';
import { NodeContextMenu } from './NodeContextMenu.tsx';
import { SpreadOverview } from './SpreadOverview.tsx';

interface LegendRow {
  key: string;
  swatch: React.ReactNode;
  word: string;
  meaning: string;
  count?: number;
}

function swatch(cls: string, glyph: Parameters<typeof Glyph>[0]['name'] | null) {
  return <span className={`fx-swatch fx-swatch-${cls}`}>{glyph && <Glyph name={glyph} size={13} />}</span>;
}

/** What the overlay's colours, patterns and glyphs mean, with the count of nodes per effect. */
export function OverlayLegend() {
  const active = useScenarioStore((s) => s.overlay.active);
  const counts = useScenarioStore((s) => s.shown?.result.summary.counts);
  const responses = useScenarioStore((s) => s.shown?.result.scenario.responses.length ?? 0);
  const dead = useScenarioStore((s) => s.rows.some((r) => r.deadAfter !== null));
  const [open, setOpen] = useState(true);
  if (!active) return null;
  const rows: LegendRow[] = [
    ...EFFECTS.map((e) => ({ key: e, swatch: swatch(e, e), word: EFFECT_LOOKS[e].label, meaning: `${EFFECT_LOOKS[e].short} (${EFFECT_LOOKS[e].pattern})`, count: counts?.[e] ?? 0 })),
    { key: 'break', swatch: swatch('break', 'break'), word: MARK_LOOKS.break.label, meaning: MARK_LOOKS.break.short },
    { key: 'silent', swatch: swatch('silent', 'silent'), word: MARK_LOOKS.silent.label, meaning: MARK_LOOKS.silent.short },
    ...(responses ? [{ key: 'response', swatch: swatch('response', 'rotate'), word: RESPONSE_LOOK.label, meaning: RESPONSE_LOOK.short, count: responses }] : []),
    ...(dead ? [{ key: 'dead', swatch: swatch('dead', 'control'), word: DEAD_COPY.label, meaning: DEAD_COPY.short }] : []),
    { key: 'dim', swatch: swatch('dim', null), word: MARK_LOOKS['not-reached'].label, meaning: MARK_LOOKS['not-reached'].short },
    { key: 'spread', swatch: <EdgeLegendLine />, word: 'Spread', meaning: 'the arrow points the way the break went; tags give hours after the break' },
  ];
  return (
    <section className={`fx-legend${open ? '' : ' is-closed'}`} data-testid="overlay-legend" aria-label="Blast radius legend">
      <button type="button" className="fx-legend-head" onClick={() => setOpen(!open)} aria-expanded={open} title={open ? 'Hide the legend' : 'Show the legend'}>
        <span className="fx-legend-title">Blast radius</span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <ul>
          {rows.map((r) => (
            <li key={r.key} data-legend={r.key}>
              {r.swatch}
              <span className="fx-legend-word" title={r.meaning}>
                {r.word}
              </span>
              <span className="fx-legend-count">{r.count ?? ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Shown while a run has taken more than 200 ms. */
export function RunIndicator() {
  const slow = useScenarioStore((s) => s.run.slow && s.run.status === 'running');
  if (!slow) return null;
  return (
    <div className="fx-progress" role="status" data-testid="scenario-progress">
      <span className="fx-spinner" aria-hidden="true" />
      Simulating…
    </div>
  );
}

export function ScenarioCanvasLayer() {
  return (
    <>
      <SpreadMarkers />
      <SpreadOverview />
      <OverlayLegend />
      <RunIndicator />
      <NodeContextMenu />
    </>
  );
}
