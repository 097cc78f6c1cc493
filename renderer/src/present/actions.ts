/**
 * Moving through a shown blast radius: one hop forward or back, first and last, a picked hour. Functions
 * over the scenario store (where the moment shown lives, beside the overlay) and the player's store; no
 * React, so they are tested on plain stores.
 */
import type { ScenarioStore } from '../scenarios/store.ts';
import type { Cut } from './playback.ts';
import { cutAtTime, cutOfHop, playbackOf, shownHopIndex } from './playback.ts';
import type { PresentStore } from './store.ts';

export interface PlaybackActions {
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  /** Shows the radius as it stood at hour `t` (the whole hour). */
  seek(t: number): void;
  togglePlay(): void;
  /** The hop shown now and how many there are (-1 and 0 with no result). */
  position(): { index: number; count: number };
}

export function playbackActions(scenarios: ScenarioStore, player: PresentStore): PlaybackActions {
  const hops = () => {
    const shown = scenarios.getState().shown;
    return shown ? playbackOf(shown.result).hops : [];
  };
  const position = () => {
    const list = hops();
    if (list.length === 0) return { index: -1, count: 0 };
    const { playhead, shown } = scenarios.getState();
    const index = shownHopIndex(playbackOf(shown!.result), playhead);
    return { index, count: list.length };
  };
  const go = (cut: Cut | null) => scenarios.getState().setPlayhead(cut);
  const toHop = (index: number) => {
    const list = hops();
    if (list.length === 0) return;
    go(cutOfHop(list[Math.max(0, Math.min(list.length - 1, index))]));
  };
  return {
    next: () => toHop(position().index + 1),
    prev: () => toHop(position().index - 1),
    first: () => toHop(0),
    last: () => toHop(hops().length - 1),
    // Dragging the scrubber seeks every frame, mostly to the hour already shown (it snaps to hours): the
    // same moment is not derived and drawn again.
    seek: (t) => {
      const now = scenarios.getState().playhead;
      if (now?.at !== t || now.depth !== Infinity) go(cutAtTime(t));
    },
    togglePlay() {
      const { playing, setPlaying } = player.getState();
      if (playing) return setPlaying(false);
      const { index, count } = position();
      if (count === 0) return;
      // From the end, play starts again at the break.
      if (index >= count - 1) toHop(0);
      setPlaying(true);
    },
    position,
  };
}
