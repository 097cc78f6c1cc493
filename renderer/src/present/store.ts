/**
 * Presentation mode and the player: whether the room view is on, the timeline in it, playing, its speed,
 * and whether the camera follows each hop. Never saved, never in history. The moment shown lives with the
 * overlay (the scenario store's `playhead`), so edit mode and presentation mode show the same moment.
 */
import { createStore } from 'zustand/vanilla';
import type { Viewport } from '@xyflow/react';
import type { Cut } from './playback.ts';

/** Playback speeds offered, as multiples of one hop every HOP_MS. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
/** One hop every 1.6 s at 1×: time to say a sentence about it. */
export const HOP_MS = 1600;

/** What presentation mode restores when it ends. */
interface Restore {
  viewport: Viewport;
  playhead: Cut | null;
  /** The scenario shown before (none, or another than the one presented last): shown again, at its moment. */
  scenario: string | null;
  /** The comparison and likelihood views open before: closed while presenting (they would cover the room's view). */
  compareOpen: boolean;
  likelihoodOpen: boolean;
  /** The dock's fold and focus mode: showing another scenario while presenting opens the dock. */
  dockOpen: boolean;
  focus: boolean;
}

export interface PresentState {
  on: boolean;
  /** The timeline under the caption in presentation mode (T). */
  timeline: boolean;
  follow: boolean;
  playing: boolean;
  speed: Speed;
  restore: Restore | null;
  setTimeline(on: boolean): void;
  setFollow(on: boolean): void;
  setPlaying(on: boolean): void;
  setSpeed(speed: Speed): void;
}

export type PresentStore = ReturnType<typeof createPresentStore>;

export function createPresentStore() {
  return createStore<PresentState>()((set) => ({
    on: false,
    timeline: true,
    follow: true,
    playing: false,
    speed: 1,
    restore: null,
    setTimeline: (timeline) => set({ timeline }),
    setFollow: (follow) => set({ follow }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => set({ speed }),
  }));
}
