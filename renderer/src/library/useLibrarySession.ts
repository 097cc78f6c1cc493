/**
 * Ties the open model to the library: reopens the last model at start, autosaves every change within a
 * second, remembers which model is open. The store stays the truth; the library follows it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Model } from '../../../shared/domain/schema.ts';
import type { ModelStore } from '../store/modelStore.ts';
import { createAutosave } from './autosave.ts';
import type { Autosave, SaveStatus } from './autosave.ts';
import type { Library } from './library.ts';
import { describeStorageError } from './storageErrors.ts';

export const LAST_OPEN_KEY = 'lastOpen';

export interface LibrarySession {
  /** False until the library has been read at start (and the last open model reopened). */
  ready: boolean;
  status: SaveStatus;
  /** Writes pending changes now, e.g. before a snapshot. */
  flush(): Promise<void>;
}

export function useLibrarySession(store: ModelStore, library: Library): LibrarySession {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: Date.now() });
  const autosave = useRef<Autosave | null>(null);

  useEffect(() => {
    const saver = createAutosave({ write: (m) => library.save(m), onStatus: setStatus });
    autosave.current = saver;
    let cancelled = false;
    let unsubscribe = () => {};

    void (async () => {
      try {
        await library.emptyExpiredTrash();
        const lastId = await library.getMeta<string>(LAST_OPEN_KEY);
        const loaded = lastId ? await library.load(lastId) : null;
        if (cancelled) return;
        // Only over the blank model the app starts with: never replace something the user already opened.
        const { model, lastEdit, fileName } = store.getState();
        const untouched = model.nodes.length === 0 && !lastEdit && !fileName;
        if (loaded?.ok && untouched) store.getState().loadModel(loaded.value, { fileName: null, filePath: null });
      } catch (e) {
        if (!cancelled) setStatus({ state: 'error', message: describeStorageError(e).message });
      }
      if (cancelled) return;
      // Follow the model from here on: every new model object is a change to store.
      let last: Model = store.getState().model;
      unsubscribe = store.subscribe((state) => {
        if (state.model === last) return;
        const switched = state.model.id !== last.id;
        last = state.model;
        saver.schedule(state.model);
        if (switched) void library.setMeta(LAST_OPEN_KEY, state.model.id).catch(() => {});
      });
      setReady(true);
    })();

    const flushOnHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    document.addEventListener('visibilitychange', flushOnHide);
    window.addEventListener('pagehide', flushOnHide);
    return () => {
      cancelled = true;
      unsubscribe();
      document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnHide);
      void saver.flush().finally(() => saver.dispose());
    };
  }, [store, library]);

  return { ready, status, flush: () => autosave.current?.flush() ?? Promise.resolve() };
}
