/**
 * Undo and redo over patches (after tldraw's HistoryManager): one entry per user gesture. Selection,
 * viewport and simulation overlays are never recorded, so they never clear redo. Pure and framework-free.
 */
import type { Patch } from './patch.ts';
import { composePatches, invertPatch } from './patch.ts';

interface HistoryEntry<M = unknown> {
  /** Unique per recorded state: the document is clean when the top entry's id is the saved one. */
  id: number;
  label: string;
  patch: Patch;
  /** Whatever the caller wants back on undo/redo (the selection before and after, for instance). */
  before: M | undefined;
  after: M | undefined;
}

interface RecordOptions<M> {
  label?: string;
  /**
   * Consecutive records with the same key merge into one entry (typing in one field, nudging with the
   * arrows), until `breakSquash()` or any other record.
   */
  squash?: string;
  before?: M;
  after?: M;
}

export class History<M = unknown> {
  private undos: HistoryEntry<M>[] = [];
  private redos: HistoryEntry<M>[] = [];
  private squashKey: string | null = null;
  private nextId = 1;

  constructor(private readonly limit = 500) {}

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  get undoDepth(): number {
    return this.undos.length;
  }

  get redoDepth(): number {
    return this.redos.length;
  }

  /** The id of the state the document is in: 0 for the state it was loaded in. */
  currentId(): number {
    return this.undos.at(-1)?.id ?? 0;
  }

  /** Records a change already applied to the document. An empty patch records nothing and keeps redo. */
  record(patch: Patch, options: RecordOptions<M> = {}): HistoryEntry<M> | null {
    if (patch.length === 0) return null;
    this.redos = [];
    const top = this.undos.at(-1);
    if (options.squash && top && this.squashKey === options.squash) {
      const merged: HistoryEntry<M> = {
        ...top,
        id: this.nextId++,
        patch: composePatches(top.patch, patch),
        after: options.after ?? top.after,
      };
      this.undos[this.undos.length - 1] = merged;
      return merged;
    }
    this.squashKey = options.squash ?? null;
    const entry: HistoryEntry<M> = {
      id: this.nextId++,
      label: options.label ?? 'Edit',
      patch,
      before: options.before,
      after: options.after,
    };
    this.undos.push(entry);
    if (this.undos.length > this.limit) this.undos.shift();
    return entry;
  }

  /** Ends the current gesture: the next record starts a new entry even with the same squash key. */
  breakSquash(): void {
    this.squashKey = null;
  }

  /** Pops the last entry; returns the patch that undoes it, to apply to the document. */
  undo(): { patch: Patch; entry: HistoryEntry<M> } | null {
    const entry = this.undos.pop();
    if (!entry) return null;
    this.squashKey = null;
    this.redos.push(entry);
    return { patch: invertPatch(entry.patch), entry };
  }

  redo(): { patch: Patch; entry: HistoryEntry<M> } | null {
    const entry = this.redos.pop();
    if (!entry) return null;
    this.squashKey = null;
    this.undos.push(entry);
    return { patch: entry.patch, entry };
  }

  clear(): void {
    this.undos = [];
    this.redos = [];
    this.squashKey = null;
  }
}
