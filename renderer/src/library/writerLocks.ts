/**
 * One writer per model across windows and tabs (the web build's tabs, Electron's windows: both share an
 * origin, so they share Web Locks and BroadcastChannel). The window holding a model's lock is the only one
 * that autosaves it; the others show it read-only and follow its saves. Taking over asks the writer to
 * save and let go, and takes the lock anyway if it does not answer in time (a frozen window); the library
 * then bumps the model's revision, so a late write from the old writer is refused (library.ts).
 */

const LOCK_PREFIX = 'faultline-model:';
const CHANNEL_NAME = 'faultline-library';

type Message = { type: 'release'; modelId: string } | { type: 'saved'; modelId: string };

/** The parts of the Web Locks API used here (navigator.locks). */
interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void> | undefined): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

interface ChannelLike {
  postMessage(message: Message): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<Message>) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent<Message>) => void): void;
  close(): void;
}

export interface WriterLocks {
  /** Becomes the writer of `modelId` if no window is; false when another window is. */
  claim(modelId: string): Promise<boolean>;
  /** Asks the writer to save and let go; after `patienceMs` without an answer, takes the lock anyway. */
  takeOver(modelId: string): Promise<void>;
  release(modelId: string): void;
  owns(modelId: string): boolean;
  isHeldElsewhere(modelId: string): Promise<boolean>;
  /** Tells the other windows a model was saved, so a read-only view can follow. */
  announceSaved(modelId: string): void;
  /** Another window asks for `modelId`: save what is pending and stop editing; the lock goes right after. */
  onReleaseRequested(handler: (modelId: string) => Promise<void>): () => void;
  /** This window is no longer the writer of `modelId` (it let go on request, or its lock was taken). */
  onLost(handler: (modelId: string) => void): () => void;
  onSaved(handler: (modelId: string) => void): () => void;
  dispose(): void;
}

interface WriterLockOptions {
  locks?: LockManagerLike;
  channel?: ChannelLike;
  patienceMs?: number;
}

const lockName = (modelId: string) => `${LOCK_PREFIX}${modelId}`;

function listeners<T extends unknown[], R>() {
  const set = new Set<(...args: T) => R>();
  return {
    add(fn: (...args: T) => R) {
      set.add(fn);
      return () => void set.delete(fn);
    },
    call: (...args: T) => [...set].map((fn) => fn(...args)),
  };
}

export function createWriterLocks({
  locks = (globalThis.navigator as Navigator | undefined)?.locks as unknown as LockManagerLike | undefined,
  channel = typeof BroadcastChannel === 'undefined' ? undefined : (new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike),
  patienceMs = 3000,
}: WriterLockOptions = {}): WriterLocks {
  const held = new Map<string, () => void>();
  const releaseRequested = listeners<[string], Promise<void>>();
  const lost = listeners<[string], void>();
  const saved = listeners<[string], void>();

  /** Requests the lock with `options`; true once held (and held until `release`), false when not granted. */
  function acquire(modelId: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }): Promise<boolean> {
    if (held.has(modelId)) return Promise.resolve(true);
    // Without Web Locks (very old engines, unit tests) every window writes, guarded by the revision check.
    if (!locks) {
      held.set(modelId, () => {});
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      locks
        .request(lockName(modelId), options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          return new Promise<void>((release) => {
            held.set(modelId, release);
            resolve(true);
          });
        })
        .catch(() => {
          // Aborted while waiting (not granted), or taken by a window that stole it (lost).
          if (held.delete(modelId)) lost.call(modelId);
          resolve(false);
        });
    });
  }

  function release(modelId: string): void {
    const free = held.get(modelId);
    held.delete(modelId);
    free?.();
  }

  const onMessage = (e: MessageEvent<Message>) => {
    const message = e.data;
    if (message?.type === 'saved') saved.call(message.modelId);
    if (message?.type === 'release' && held.has(message.modelId)) {
      const { modelId } = message;
      void Promise.allSettled(releaseRequested.call(modelId)).then(() => {
        if (!held.has(modelId)) return;
        release(modelId);
        lost.call(modelId);
      });
    }
  };
  channel?.addEventListener('message', onMessage);

  return {
    claim: (modelId) => acquire(modelId, { ifAvailable: true }),
    async takeOver(modelId) {
      if (held.has(modelId)) return;
      channel?.postMessage({ type: 'release', modelId });
      const granted = await acquire(modelId, { signal: AbortSignal.timeout(patienceMs) });
      if (!granted) await acquire(modelId, { steal: true });
    },
    release,
    owns: (modelId) => held.has(modelId),
    async isHeldElsewhere(modelId) {
      if (held.has(modelId) || !locks) return false;
      const state = await locks.query();
      return (state.held ?? []).some((l) => l.name === lockName(modelId));
    },
    announceSaved: (modelId) => channel?.postMessage({ type: 'saved', modelId }),
    onReleaseRequested: releaseRequested.add,
    onLost: lost.add,
    onSaved: saved.add,
    dispose() {
      channel?.removeEventListener('message', onMessage);
      channel?.close();
      for (const id of [...held.keys()]) release(id);
    },
  };
}
