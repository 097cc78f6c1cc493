/**
 * What the timeline marks besides the scrubber: one marker per hour at which something is reached
 * (coloured by the strongest effect reached then), detection, containment, and the scenario's responses
 * (domain 1.1 §6: rotate or revoke a node at an hour). Pure.
 */
import type { Effect, ResponseAction } from '../../../shared/domain/index.ts';
import { EFFECTS } from '../../../shared/domain/index.ts';

import type { SimulationResult } from '../../../shared/engine/index.ts';
import { formatTime } from '../scenarios/format.ts';

export type MarkerKind = 'impact' | 'detected' | 'contained' | 'response';

export interface Marker {
  kind: MarkerKind;
  at: number;
  /** For `impact`: the strongest effect reached at that hour. */
  effect?: Effect;
  /** For `response`: what the defenders do. */
  action?: ResponseAction;
  /** What the marker says, for its tooltip and screen readers. */
  title: string;
}

const ACTION_WORD: Record<ResponseAction, string> = { rotate: 'Rotate', revoke: 'Revoke' };

/** The markers of a result; its responses are the engine's echo of what it simulated (§8). */
export function timelineMarkers(result: SimulationResult, label: (id: string) => string): Marker[] {
  const byHour = new Map<number, { effect: Effect; nodes: Set<string> }>();
  for (const t of result.trace) {
    const cur = byHour.get(t.at);
    if (!cur) byHour.set(t.at, { effect: t.effect, nodes: new Set([t.node]) });
    else {
      cur.nodes.add(t.node);
      if (EFFECTS.indexOf(t.effect) < EFFECTS.indexOf(cur.effect)) cur.effect = t.effect;
    }
  }
  const markers: Marker[] = [...byHour].map(([at, { effect, nodes }]) => ({
    kind: 'impact',
    at,
    effect,
    title: `${formatTime(at)}: ${[...nodes].map(label).join(', ')}`,
  }));
  const { detectedAt, containedAt, detectedBy: by } = result.detection;
  if (detectedAt !== null) markers.push({ kind: 'detected', at: detectedAt, title: `Detected at ${formatTime(detectedAt)}${by ? ` (${label(by)} is monitored)` : ''}` });
  if (containedAt !== null) markers.push({ kind: 'contained', at: containedAt, title: `Contained at ${formatTime(containedAt)}: nothing spreads after this` });
  for (const r of result.scenario.responses) markers.push({ kind: 'response', at: r.at, action: r.action, title: `${ACTION_WORD[r.action]} ${label(r.node)} at ${formatTime(r.at)}` });
  return markers.sort((a, b) => a.at - b.at);
}
