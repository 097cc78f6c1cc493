/** Plays the shown radius hop by hop at the chosen speed; stops at the last hop or when the result goes. */
import { useEffect } from 'react';
import { useScenarioStore } from '../scenarios/index.ts';
import { usePlaybackActions, usePresent, usePresentApi } from './context.tsx';
import { HOP_MS } from './store.ts';

export function usePlayer() {
  const playing = usePresent((s) => s.playing);
  const speed = usePresent((s) => s.speed);
  const playhead = useScenarioStore((s) => s.playhead);
  const shown = useScenarioStore((s) => s.shown !== null);
  const actions = usePlaybackActions();
  const player = usePresentApi();

  useEffect(() => {
    if (!playing) return;
    const { index, count } = actions.position();
    if (!shown || count === 0 || index >= count - 1) {
      player.getState().setPlaying(false);
      return;
    }
    const timer = setTimeout(actions.next, HOP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, speed, playhead, shown, actions, player]);
}
