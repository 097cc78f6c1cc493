import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Library } from './library.ts';

const LibraryContext = createContext<Library | null>(null);

export function LibraryProvider({ library, children }: { library: Library; children: ReactNode }) {
  return <LibraryContext.Provider value={library}>{children}</LibraryContext.Provider>;
}

export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary must be used inside <LibraryProvider>');
  return library;
}
