/** The player's store and the playback actions, beside the scenario store they move through. */
import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useScenarioStoreApi } from '../scenarios/index.ts';
import type { PlaybackActions } from './actions.ts';
import { playbackActions } from './actions.ts';
import type { PresentState, PresentStore } from './store.ts';
import { createPresentStore } from './store.ts';

const PresentContext = createContext<{ store: PresentStore; actions: PlaybackActions } | null>(null);

export function PresentProvider({ children }: { children: ReactNode }) {
  const scenarios = useScenarioStoreApi();
  const [store] = useState(createPresentStore);
  const value = useMemo(() => ({ store, actions: playbackActions(scenarios, store) }), [scenarios, store]);
  return <PresentContext.Provider value={value}>{children}</PresentContext.Provider>;
}

function usePresentContext() {
  const value = useContext(PresentContext);
  if (!value) throw new Error('usePresent must be used inside <PresentProvider>');
  return value;
}

export const usePresentApi = (): PresentStore => usePresentContext().store;
export const usePlaybackActions = (): PlaybackActions => usePresentContext().actions;
export function usePresent<T>(selector: (state: PresentState) => T): T {
  return useStore(usePresentContext().store, selector);
}
