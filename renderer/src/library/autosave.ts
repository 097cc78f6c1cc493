/**
 * Autosave: every change is written within a second. Changes arriving in a burst are coalesced (a short
 * quiet delay, capped by a maximum wait so continuous editing still saves every second). A failed write
 * keeps the latest model in memory and retries; nothing is dropped.
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { CatchUp, ModelChange } from '../editor/patchTrail.ts';
import { joinCatchUps } from '../editor/patchTrail.ts';
import { describeStorageError } from './storageErrors.ts';

export type SaveStatus =
  | { state: 'saved'; at: number }
  | { state: 'saving' }
  | { state: 'pending' }
  | { state: 'error'; message: string }
  /** Another window is the writer: nothing here is saved until this window takes over. */
  | { state: 'read-only' };

/** What a write is handed: the model, and the history's patch from the model written before, where one exists. */
export type Pending = CatchUp;

export interface AutosaveOptions {
  write(pending: Pending): Promise<void>;
  onStatus(status: SaveStatus): void;
  /** Quiet time after the last change before writing. */
  quietMs?: number;
  /** The longest a change waits, however busy the user is. */
  maxWaitMs?: number;
  retryMs?: number;
  now?: () => number;
}

export interface Autosave {
  /** A new model to save; `change` says how it came from the one scheduled or written before. */
  schedule(model: Model, change?: ModelChange | null): void;
  /** Writes whatever is pending now (before closing, before a snapshot). */
  flush(): Promise<void>;
  dispose(): void;
}

export function createAutosave({
  write,
  onStatus,
  quietMs = 300,
  // 500 ms, not 1000: the key reaching the page and the write itself take time on a busy machine, and a
  // change must be on disk within the second (test/e2e/faults.spec.ts crashes the page to check).
  maxWaitMs = 500,
  retryMs = 3000,
  now = Date.now,
}: AutosaveOptions): Autosave {
  // Per model id: switching models within the second must not drop the last edit of the one left. Each
  // keeps the patches since its last write, joined, so the write touches only what they changed.
  const pending = new Map<string, Pending>();
  const queue = (older: Pending, newer: Pending) => pending.set(newer.model.id, joinCatchUps(older, newer));
  const keep = (failed: Pending) => {
    const newer = pending.get(failed.model.id);
    if (newer) queue(failed, newer);
    else pending.set(failed.model.id, failed);
  };
  let firstPendingAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> | null = null;
  let disposed = false;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const arm = (ms: number) => {
    clear();
    if (!disposed) timer = setTimeout(() => void flush(), ms);
  };

  async function flush(): Promise<void> {
    clear();
    if (writing) await writing;
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending.clear();
    onStatus({ state: 'saving' });
    writing = (async () => {
      for (const [i, p] of batch.entries()) {
        try {
          await write(p);
        } catch (e) {
          // Keep what failed, joined with any newer edit of the same model that arrived meanwhile.
          for (const m of batch.slice(i)) keep(m);
          firstPendingAt = now();
          onStatus({ state: 'error', message: describeStorageError(e).message });
          arm(retryMs);
          return;
        }
      }
      if (pending.size === 0) onStatus({ state: 'saved', at: now() });
    })().finally(() => {
      writing = null;
    });
    await writing;
  }

  return {
    schedule(model, change = null) {
      if (disposed) return;
      if (pending.size === 0) firstPendingAt = now();
      const patch = change?.after === model ? change.patch : null;
      const fresh: Pending = { model, from: patch ? change!.before : null, patch };
      const older = pending.get(model.id);
      if (older) queue(older, fresh);
      else pending.set(model.id, fresh);
      onStatus({ state: 'pending' });
      const waited = now() - firstPendingAt;
      arm(Math.max(0, Math.min(quietMs, maxWaitMs - waited)));
    },
    flush,
    dispose() {
      disposed = true;
      clear();
    },
  };
}
