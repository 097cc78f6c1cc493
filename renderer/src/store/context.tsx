import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ModelState, ModelStore } from './modelStore.ts';

const ModelStoreContext = createContext<ModelStore | null>(null);

export function ModelStoreProvider({ store, children }: { store: ModelStore; children: ReactNode }) {
  return <ModelStoreContext.Provider value={store}>{children}</ModelStoreContext.Provider>;
}

export function useModelStoreApi(): ModelStore {
  const store = useContext(ModelStoreContext);
  if (!store) throw new Error('useModelStore must be used inside <ModelStoreProvider>');
  return store;
}

export function useModelStore<T>(selector: (state: ModelState) => T): T {
  return useStore(useModelStoreApi(), selector);
}
