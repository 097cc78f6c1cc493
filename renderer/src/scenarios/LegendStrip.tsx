/**
 * What the overlay's colours, patterns and glyphs mean, with the count of nodes per effect as drawn now
 * (at the playhead), and the responses and dead stolen copies when the scenario has any: the one vocabulary of
 * shared/visual, as the report's legends. A strip of its own beside the timeline, never over the canvas: in edit
 * mode compact (the words in tooltips), in presentation mode with the words.
 */
import { useMemo } from 'react';
import { deadCopies } from '../../../shared/analysis/index.ts';
import type { Effect } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';
import { useScenarioStore } from './context.tsx';
import { DEAD_COPY, EFFECT_LOOKS, MARK_LOOKS, RESPONSE_LOOK } from '../../../shared/visual/index.ts';
import { Glyph } from './glyphs.tsx';
import { EdgeLegendLine } from './legendParts.tsx';
import type { OverlayData } from './overlay.ts';

interface Row {
  key: string;
  swatch: React.ReactNode;
  word: string;
  meaning: string;
  count?: number;
}

function swatch(cls: string, glyph: Parameters<typeof Glyph>[0]['name'] | null) {
  return <span className={`fx-swatch fx-swatch-${cls}`}>{glyph && <Glyph name={glyph} size={13} />}</span>;
}

export interface OverlayCounts extends Record<Effect, number> {
  /** Responses taken by the moment shown (domain 1.1 §6). */
  response: number;
  /** Stolen secrets whose copy has died without carrying anything (§5). */
  dead: number;
}

/** Nodes per effect in the overlay (each node's security and availability effect), responses, dead copies. */
export function overlayCounts(overlay: OverlayData): OverlayCounts {
  const counts = { ...(Object.fromEntries(EFFECTS.map((e) => [e, 0])) as Record<Effect, number>), response: 0, dead: 0 };
  for (const n of overlay.nodes.values()) {
    if (n.security) counts[n.security] += 1;
    if (n.availability) counts[n.availability] += 1;
    counts.response += n.responses.length;
    if (n.deadAfter !== null) counts.dead += 1;
  }
  return counts;
}

export function LegendStrip({ full = false }: { full?: boolean }) {
  const overlay = useScenarioStore((s) => s.overlay);
  const counts = useMemo(() => overlayCounts(overlay), [overlay]);
  // Whether the scenario has responses or dead copies at all, from the whole result: the rows stay put
  // while the playhead moves (0 before they happen), so the strip and the timeline beside it never jump.
  const whole = useScenarioStore((s) => s.shown?.result);
  const has = useMemo(
    () => ({
      response: (whole?.scenario.responses.length ?? 0) > 0,
      dead: whole ? deadCopies(whole).size > 0 : false,
      silent: whole?.impacts.some((i) => i.silent) ?? false,
      prevented: (whole?.prevented.length ?? 0) > 0,
      // The trace, not the impacts: a node read at 1 h and controlled at 5 h is drawn read in between.
      effects: new Set(whole?.trace.map((t) => t.effect) ?? []),
    }),
    [whole],
  );
  // The most digits each count takes over the whole result: room kept for them from the first hop, so that a
  // count gaining a digit does not widen the strip and move the timeline beside it (every marker repainted).
  const nodeCount = useScenarioStore((s) => s.shown?.model.nodes.length ?? 0);
  const digits = useMemo(() => {
    const most: Partial<Record<string, number>> = { response: nodeCount, dead: whole ? deadCopies(whole).size : 0 };
    for (const e of EFFECTS) most[e] = new Set(whole?.impacts.filter((i) => i.effect === e).map((i) => i.node)).size;
    return (key: string) => `${Math.max(1, String(most[key] ?? 0).length)}ch`;
  }, [whole, nodeCount]);
  if (!overlay.active) return null;
  const rows: Row[] = [
    // Presenting, the strip is this scenario's legend: an effect it never reaches is left out (room for the
    // words at 1280 px). The rows come from the whole result, so they stay put while the playhead moves.
    ...EFFECTS.filter((e) => !full || has.effects.has(e)).map((e) => ({ key: e, swatch: swatch(e, e), word: EFFECT_LOOKS[e].label, meaning: `${EFFECT_LOOKS[e].short} (${EFFECT_LOOKS[e].pattern})`, count: counts[e] })),
    { key: 'break', swatch: swatch('break', 'break'), word: MARK_LOOKS.break.label, meaning: MARK_LOOKS.break.short },
    ...(full && !has.silent ? [] : [{ key: 'silent', swatch: swatch('silent', 'silent'), word: MARK_LOOKS.silent.label, meaning: MARK_LOOKS.silent.short }]),
    // The shield on a break that had no effect (§8 prevented): explained where the canvas draws one.
    ...(has.prevented ? [{ key: 'prevented', swatch: swatch('prevented', 'prevented'), word: MARK_LOOKS.prevented.label, meaning: MARK_LOOKS.prevented.short }] : []),
    // Rows that only some scenarios need, shown while the canvas draws one.
    ...(has.response || counts.response > 0
      ? [{ key: 'response', swatch: swatch('response', 'rotate'), word: RESPONSE_LOOK.label, meaning: RESPONSE_LOOK.short, count: counts.response }]
      : []),
    ...(has.dead || counts.dead > 0
      ? [{ key: 'dead', swatch: swatch('dead', 'control'), word: DEAD_COPY.label, meaning: DEAD_COPY.short, count: counts.dead }]
      : []),
    { key: 'dim', swatch: swatch('dim', null), word: MARK_LOOKS['not-reached'].label, meaning: `${MARK_LOOKS['not-reached'].short} (yet)` },
    { key: 'spread', swatch: <EdgeLegendLine />, word: 'Spread', meaning: 'the arrow points the way the break went; tags give hours after the break' },
  ];
  return (
    <ul className={`fx-legend-strip${full ? ' is-full' : ''}`} data-testid="overlay-legend" aria-label="Blast radius legend">
      {/* Every row has its meaning in a tooltip; the strip shows what fits its room. */}
      {rows.map((r) => (
        <li key={r.key} data-legend={r.key} title={`${r.word}: ${r.meaning}${r.count !== undefined ? ` (${r.count} now)` : ''}`}>
          {r.swatch}
          <span className="fx-legend-word">{r.word}</span>
          {r.count !== undefined && (
            <span className="fx-legend-count" style={{ width: digits(r.key) }}>
              {r.count}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
