import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LayoutState, LayoutStore } from './layout.ts';

const LayoutContext = createContext<LayoutStore | null>(null);

export function LayoutProvider({ store, children }: { store: LayoutStore; children: ReactNode }) {
  return <LayoutContext.Provider value={store}>{children}</LayoutContext.Provider>;
}

export function useLayoutApi(): LayoutStore {
  const store = useContext(LayoutContext);
  if (!store) throw new Error('useLayout must be used inside <LayoutProvider>');
  return store;
}

export function useLayout<T>(selector: (state: LayoutState) => T): T {
  return useStore(useLayoutApi(), selector);
}
