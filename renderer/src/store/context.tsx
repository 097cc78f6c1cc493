import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ModelState, ModelStore } from './modelStore.ts';
import type { UiState, UiStore } from './uiStore.ts';
import { createUiStore } from './uiStore.ts';

const ModelStoreContext = createContext<ModelStore | null>(null);
const UiStoreContext = createContext<UiStore | null>(null);

/** Provides the document store, and a fresh editor UI store beside it. */
export function ModelStoreProvider({ store, children }: { store: ModelStore; children: ReactNode }) {
  const [ui] = useState(createUiStore);
  return (
    <ModelStoreContext.Provider value={store}>
      <UiStoreContext.Provider value={ui}>{children}</UiStoreContext.Provider>
    </ModelStoreContext.Provider>
  );
}

export function useModelStoreApi(): ModelStore {
  const store = useContext(ModelStoreContext);
  if (!store) throw new Error('useModelStore must be used inside <ModelStoreProvider>');
  return store;
}

export function useModelStore<T>(selector: (state: ModelState) => T): T {
  return useStore(useModelStoreApi(), selector);
}

export function useUiStoreApi(): UiStore {
  const store = useContext(UiStoreContext);
  if (!store) throw new Error('useUiStore must be used inside <ModelStoreProvider>');
  return store;
}

export function useUiStore<T>(selector: (state: UiState) => T): T {
  return useStore(useUiStoreApi(), selector);
}
