/**
 * Ties the open model to the library: reopens the last model at start, autosaves every change within a
 * second, remembers which model is open, and keeps one writer per model across windows: the window that
 * holds a model's writer lock saves it; any other window showing it is read-only, follows its saves, and
 * can take over. The store stays the truth; the library follows it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Model } from '../../../shared/domain/index.ts';
import type { ModelStore } from '../store/modelStore.ts';
import { createAutosave } from './autosave.ts';
import type { Autosave, SaveStatus } from './autosave.ts';
import type { Library } from './library.ts';
import { ModelConflictError } from './library.ts';
import { describeStorageError } from './storageErrors.ts';
import { createWriterLocks } from './writerLocks.ts';

const LAST_OPEN_KEY = 'lastOpen';

interface LibrarySession {
  /** False until the library has been read at start (and the last open model reopened). */
  ready: boolean;
  status: SaveStatus;
  /** True while another window is the open model's writer. */
  readOnly: boolean;
  /** Writes pending changes now, e.g. before a snapshot. */
  flush(): Promise<void>;
  /** Makes this window the open model's writer: the other window saves and turns read-only. */
  takeOver(): Promise<void>;
}

export function useLibrarySession(store: ModelStore, library: Library): LibrarySession {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: Date.now() });
  const readOnly = useStore(store, (s) => s.readOnly);
  const autosave = useRef<Autosave | null>(null);
  const takeOverRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    const locks = library.locks ?? createWriterLocks({ locks: undefined, channel: undefined });
    const source = () => ({ fileName: store.getState().fileName, filePath: store.getState().filePath });
    const setReadOnly = (on: boolean) => {
      store.getState().setReadOnly(on);
      if (on) setStatus({ state: 'read-only' });
    };

    const saver = createAutosave({
      async write({ model: m, from, patch }) {
        // Only the writer saves; a window that lost the lock keeps its edits in memory (File ▸ Save still works).
        if (!locks.owns(m.id)) return;
        try {
          await library.save(m, { change: from && patch ? { from, patch } : null });
        } catch (e) {
          if (!(e instanceof ModelConflictError)) throw e;
          // Another window wrote since this one read: never overwrite it. Stop writing and show its version.
          locks.release(m.id);
          setReadOnly(true);
          return;
        }
        locks.announceSaved(m.id);
      },
      onStatus: (s) => {
        if (!store.getState().readOnly) setStatus(s);
      },
    });
    autosave.current = saver;
    let cancelled = false;
    let unsubscribe = () => {};

    /** Replaces the shown model with the stored one, keeping where it came from; no save follows. */
    const showStored = (model: Model) => {
      const { readOnly: wasReadOnly } = store.getState();
      store.getState().setReadOnly(true);
      store.getState().loadModel(model, source());
      store.getState().setReadOnly(wasReadOnly);
    };

    /** Decides who writes the model now open here: this window if no other is, else read-only. */
    const enter = async (modelId: string) => {
      if (!(await locks.claim(modelId))) {
        if (store.getState().model.id === modelId) setReadOnly(true);
        return;
      }
      if (cancelled || store.getState().model.id !== modelId) {
        locks.release(modelId);
        return;
      }
      // Fence off any earlier writer, and show what it saved if that is newer than what is shown.
      const fenced = await library.claim(modelId).catch(() => null);
      if (fenced?.changed && fenced.result.ok && store.getState().model.id === modelId) showStored(fenced.result.value);
      setReadOnly(false);
      setStatus({ state: 'saved', at: Date.now() });
    };

    takeOverRef.current = async () => {
      const id = store.getState().model.id;
      await locks.takeOver(id);
      const fenced = await library.claim(id);
      if (fenced?.result.ok) showStored(fenced.result.value);
      setReadOnly(false);
      setStatus({ state: 'saved', at: Date.now() });
    };

    const offRequested = locks.onReleaseRequested(async (modelId) => {
      if (store.getState().model.id !== modelId) return;
      store.getState().setReadOnly(true); // no edit slips in between the flush and the hand-over
      await saver.flush();
    });
    const offLost = locks.onLost((modelId) => {
      if (store.getState().model.id === modelId) setReadOnly(true);
    });
    const offSaved = locks.onSaved((modelId) => {
      if (store.getState().model.id !== modelId || !store.getState().readOnly) return;
      void library.load(modelId).then((loaded) => {
        if (loaded?.ok && store.getState().model.id === modelId && store.getState().readOnly) showStored(loaded.value);
      });
    });
    const offBlocked = library.onBlocked((blocked) => {
      if (blocked) setStatus({ state: 'error', message: describeStorageError({ name: 'BlockedError' }).message });
      else void saver.flush();
    });

    void (async () => {
      try {
        await library.emptyExpiredTrash();
        const lastId = await library.getMeta<string>(LAST_OPEN_KEY);
        const writer = lastId ? await locks.claim(lastId) : false;
        const loaded = lastId ? await (writer ? library.claim(lastId).then((c) => c?.result ?? null) : library.load(lastId)) : null;
        if (cancelled) return;
        // Only over the blank model the app starts with: never replace something the user already opened.
        const { model, lastEdit, fileName } = store.getState();
        const untouched = model.nodes.length === 0 && !lastEdit && !fileName;
        if (loaded?.ok && untouched) {
          if (!writer) setReadOnly(true);
          store.getState().loadModel(loaded.value, { fileName: null, filePath: null });
        } else if (lastId && writer) locks.release(lastId);
      } catch (e) {
        if (!cancelled) setStatus({ state: 'error', message: describeStorageError(e).message });
      }
      if (cancelled) return;
      const current = store.getState().model.id;
      // A model opened while the library was not answering yet is the one to reopen next time.
      if (current !== (await library.getMeta<string>(LAST_OPEN_KEY).catch(() => undefined)) && (store.getState().fileName || store.getState().lastEdit)) {
        void library.setMeta(LAST_OPEN_KEY, current).catch(() => {});
      }
      if (!locks.owns(current) && !store.getState().readOnly) await enter(current);
      // Follow the model from here on: every new model object is a change to store.
      let last: Model = store.getState().model;
      unsubscribe = store.subscribe((state) => {
        if (state.model === last) return;
        const previous = last;
        last = state.model;
        if (state.model.id !== previous.id) {
          const leaving = previous.id;
          void library.setMeta(LAST_OPEN_KEY, state.model.id).catch(() => {});
          // Save what is pending for the model left while still its writer, then let go of it.
          void saver.flush().finally(() => {
            if (store.getState().model.id !== leaving) locks.release(leaving);
          });
          void enter(state.model.id);
          return;
        }
        if (!state.readOnly) saver.schedule(state.model, state.lastChange);
      });
      // Edits made before the library answered (a database blocked by another window) are saved now.
      if (store.getState().lastEdit && !store.getState().readOnly) saver.schedule(store.getState().model);
      setReadOnly(store.getState().readOnly);
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
      offRequested();
      offLost();
      offSaved();
      offBlocked();
      document.removeEventListener('visibilitychange', flushOnHide);
      window.removeEventListener('pagehide', flushOnHide);
      void saver.flush().finally(() => {
        saver.dispose();
        locks.release(store.getState().model.id);
      });
    };
  }, [store, library]);

  const takeOver = useCallback(() => takeOverRef.current(), []);
  return { ready, status, readOnly, flush: () => autosave.current?.flush() ?? Promise.resolve(), takeOver };
}
