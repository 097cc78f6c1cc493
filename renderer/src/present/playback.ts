/**
 * Playback of a blast radius, hop by hop and hour by hour. Pure: a result in, hops and the radius as it
 * stood at a moment out. Nothing here decides what spreads; it only orders what the engine said.
 *
 * A hop is every trace entry (§8) reached at the same hour *and* the same number of steps from its break
 * (the length of its `via` chain, §7). Reading of the issue, written down: it asks that at each step "the
 * nodes shown as reached are exactly the impacts with `at` ≤ that step's time". Most edges take no time
 * (§4), so a break commonly reaches a dozen nodes at 0 h; grouping by hour alone would light them up at
 * once, the very thing a room cannot follow. So a hop is (hour, depth): within one hour, nearer nodes come
 * first, and the last hop of an hour shows exactly what the engine reached by then. The scrubber moves in
 * hours only and always shows the whole hour. Ordering by (hour, depth) never shows a node before the step
 * that explains it: its `via` entry is earlier in time, or at the same time one step nearer the break.
 *
 * The radius at a moment is read from the trace, not the impacts: a node read at 1 h and controlled at 5 h
 * is shown read from 1 h (§8 keeps both steps in the trace; impacts keep only the highest).
 */
import type { Effect, ResponseAction } from '../../../shared/domain/index.ts';
import type { PREVENTED_BECAUSE } from '../../../shared/domain/index.ts';
import { EFFECTS, isSecurityEffect } from '../../../shared/domain/index.ts';
import type { Impact, SimulationResult, TraceEntry } from '../../../shared/engine/index.ts';
import { deadCopies } from '../../../shared/analysis/index.ts';
import { pathLengths } from '../scenarios/overlay.ts';

/** A moment of playback: every entry before `at`, and those at `at` up to `depth` steps from their break. */
export interface Cut {
  at: number;
  /** Infinity: the whole hour (what the scrubber shows). */
  depth: number;
}

interface Hop {
  index: number;
  at: number;
  depth: number;
  /** The entries this hop adds, in trace order. */
  entries: readonly TraceEntry[];
  /** What else happens at this hop's hour (on the hour's first hop): responses, dying copies, detection, containment. */
  events: readonly HopEvent[];
}

/**
 * What happens at an hour besides the spread: a response (§6), a stolen copy dying without carrying anything
 * (§5 `until`), the attack noticed by a monitored node and contained (§7 detection), at its hour; a break that had
 * no effect (§8 `prevented`), at the break.
 */
export type HopEvent =
  | { kind: 'response'; action: ResponseAction; node: string; at: number }
  | { kind: 'dead'; node: string; at: number }
  | { kind: 'detected'; node: string; at: number; containedAt: number | null }
  | { kind: 'contained'; node: null; at: number }
  | { kind: 'prevented'; node: string; at: number; because: keyof typeof PREVENTED_BECAUSE };

interface Playback {
  hops: readonly Hop[];
  /** Every trace entry with its depth, in playback order. */
  ordered: readonly { entry: TraceEntry; depth: number }[];
  /** The last hour anything happens: the last impact, detection, containment or response. */
  end: number;
  /** Stolen copies that die without carrying anything (§5 "stolen, dead after N h"): node → the hour. */
  dead: ReadonlyMap<string, number>;
}

const byResult = new WeakMap<SimulationResult, Playback>();

/** The hops of a result (computed once per result object). */
export function playbackOf(result: SimulationResult): Playback {
  const known = byResult.get(result);
  if (known) return known;
  const depths = pathLengths(result);
  const ordered = result.trace
    .map((entry, i) => ({ entry, depth: Math.max(0, depths.get(entry) ?? 0), i }))
    .sort((a, b) => a.entry.at - b.entry.at || a.depth - b.depth || a.i - b.i)
    .map(({ entry, depth }) => ({ entry, depth }));
  const hops: Hop[] = [];
  for (const { entry, depth } of ordered) {
    const last = hops.at(-1);
    if (last && last.at === entry.at && last.depth === depth) (last.entries as TraceEntry[]).push(entry);
    else hops.push({ index: hops.length, at: entry.at, depth, entries: [entry], events: [] });
  }
  const dead = deadCopies(result);
  const { detectedAt, containedAt, detectedBy } = result.detection;
  // Whether anyone notices is one of the room's questions: detection and containment are steps of their own.
  const withEvents = addEvents(hops, [
    ...result.prevented.map((p): HopEvent => ({ kind: 'prevented', node: p.node, at: 0, because: p.reason })),
    ...result.scenario.responses.map((r): HopEvent => ({ kind: 'response', action: r.action, node: r.node, at: r.at })),
    ...[...dead].map(([node, at]): HopEvent => ({ kind: 'dead', node, at })),
    ...(detectedAt !== null && detectedBy !== null ? [{ kind: 'detected' as const, node: detectedBy, at: detectedAt, containedAt }] : []),
    ...(containedAt !== null ? [{ kind: 'contained' as const, node: null, at: containedAt }] : []),
  ]);
  const times = [0, ...withEvents.map((h) => h.at), detectedAt ?? 0, containedAt ?? 0].filter(Number.isFinite);
  const playback: Playback = { hops: withEvents, ordered, end: times.reduce((a, b) => Math.max(a, b), 0), dead };
  byResult.set(result, playback);
  return playback;
}

/**
 * Responses, dying copies, detection and containment as steps of playback, so stepping shows each at its hour:
 * on the first hop of that hour, or on a hop of their own (no entries, depth 0) when nothing is reached then. A
 * rotation at 4 h after the last impact at 1 h is a step of its own; a revoke is already one (its `down` is in
 * the trace). Containment is the last step: nothing spreads after it.
 */
function addEvents(hops: Hop[], events: HopEvent[]): Hop[] {
  if (events.length === 0) return hops;
  const out = [...hops];
  for (const ev of events.sort((a, b) => a.at - b.at)) {
    const same = out.find((h) => h.at === ev.at);
    if (same) (same.events as HopEvent[]).push(ev);
    else out.push({ index: -1, at: ev.at, depth: 0, entries: [], events: [ev] });
  }
  // Stable: hops of one hour keep their depth order; an added hop is alone at its hour.
  return out.sort((a, b) => a.at - b.at).map((h, index) => Object.assign(h, { index }));
}

export const cutOfHop = (hop: Hop): Cut => ({ at: hop.at, depth: hop.depth });
/** The whole radius up to and including hour `at`. */
export const cutAtTime = (at: number): Cut => ({ at, depth: Infinity });

const within = (at: number, depth: number, cut: Cut) => at < cut.at || (at === cut.at && depth <= cut.depth);

/** The hop shown at a playhead: the last one when there is none (the whole result is shown). */
export function shownHopIndex(playback: Playback, playhead: Cut | null): number {
  return playhead === null ? playback.hops.length - 1 : hopIndexAt(playback, playhead);
}

/**
 * How many of `list` (in playback order) are shown at `cut`: they are a prefix. A search, not a walk: the
 * scrubber asks at every frame it moves.
 */
function shownCount<T>(list: readonly T[], cut: Cut, at: (item: T) => number, depth: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (within(at(list[mid]), depth(list[mid]), cut)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last hop shown at `cut` (-1: nothing yet). */
export function hopIndexAt(playback: Playback, cut: Cut): number {
  return shownCount(playback.hops, cut, hopAt, hopDepth) - 1;
}
const hopAt = (h: Hop) => h.at;
const hopDepth = (h: Hop) => h.depth;

/** The trace entries shown at `cut`, in playback order. */
export function entriesAt(playback: Playback, cut: Cut): TraceEntry[] {
  const { ordered } = playback;
  const out = new Array<TraceEntry>(shownCount(ordered, cut, orderedAt, orderedDepth));
  for (let i = 0; i < out.length; i++) out[i] = ordered[i].entry;
  return out;
}
const orderedAt = (o: Playback['ordered'][number]) => o.entry.at;
const orderedDepth = (o: Playback['ordered'][number]) => o.depth;

const rank = (e: Effect) => EFFECTS.indexOf(e);
/** The order a result lists its impacts in: by hour, then node, security before availability. */
const listed = (a: Impact, b: Impact) => a.at - b.at || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) || Number(!isSecurityEffect(a.effect)) - Number(!isSecurityEffect(b.effect));

/** An impact playback can show: shown at a cut of k trace entries (in playback order) when `from` < k ≤ `until`. */
interface ShownImpact {
  impact: Impact;
  from: number;
  until: number;
}

/**
 * Once per result, every impact a cut can show, in the order a result lists them, each with the cuts it is
 * shown at: from its trace entry on, until an entry betters it (the same node and kind of effect at a higher
 * level). A cut is then one pass over this list, with no map of the nodes reached and no sort, at every hour
 * the scrubber passes (those, and an impact built per entry at each cut, were megabytes of garbage a scrub).
 */
const shownImpacts = new WeakMap<SimulationResult, readonly ShownImpact[]>();
function impactSpans(result: SimulationResult): readonly ShownImpact[] {
  const known = shownImpacts.get(result);
  if (known) return known;
  const whole = new Map(result.impacts.map((i) => [`${i.node}\u0000${i.effect}`, i]));
  const top = new Map<string, ShownImpact>();
  const spans: ShownImpact[] = [];
  playbackOf(result).ordered.forEach(({ entry: t }, index) => {
    const key = `${t.node}\u0000${isSecurityEffect(t.effect) ? 's' : 'a'}`;
    const cur = top.get(key);
    if (cur && rank(t.effect) >= rank(cur.impact.effect)) return;
    const w = whole.get(`${t.node}\u0000${t.effect}`);
    // A stolen secret keeps its `until` (§5): when its copy stops working is a fact of the whole run.
    const impact = w?.until !== undefined ? { ...t, silent: w.silent, until: w.until } : { ...t, silent: w?.silent ?? false };
    if (cur) cur.until = index;
    const span = { impact, from: index, until: Infinity };
    top.set(key, span);
    spans.push(span);
  });
  spans.sort((a, b) => listed(a.impact, b.impact));
  shownImpacts.set(result, spans);
  return spans;
}

/**
 * The result as it stood at `cut`: the trace up to it, and per node its highest security level and its
 * availability effect reached by then (`down` beats `degraded`), each at the time it was first reached,
 * as §8 builds impacts. Detection and containment count once they have happened. `summary.counts` are of
 * this partial radius; score and exposure stay those of the whole result (they are not shown from it).
 */
export function resultAt(result: SimulationResult, cut: Cut | null): SimulationResult {
  if (cut === null) return result;
  const trace = entriesAt(playbackOf(result), cut);
  const k = trace.length;
  const spans = impactSpans(result);
  const impacts: Impact[] = [];
  for (let i = 0; i < spans.length; i++) if (spans[i].from < k && k <= spans[i].until) impacts.push(spans[i].impact);
  const counts = Object.fromEntries(EFFECTS.map((e) => [e, 0])) as Record<Effect, number>;
  for (const i of impacts) counts[i.effect] += 1;
  const seen = (t: number | null) => (t !== null && t <= cut.at ? t : null);
  return {
    ...result,
    impacts,
    trace,
    detection: { ...result.detection, detectedAt: seen(result.detection.detectedAt), containedAt: seen(result.detection.containedAt) },
    summary: { ...result.summary, counts },
  };
}
