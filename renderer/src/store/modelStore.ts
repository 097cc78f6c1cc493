/**
 * The document store: the open model, where it came from, its undo history and the selection. Built by a
 * factory so each test and each window gets its own; read through useModelStore (store/context.tsx).
 *
 * The model is the truth and holds no React Flow types. Every edit is a patch (editor/patch.ts) applied
 * through `apply`, recorded as one history entry per gesture. Selection is kept here for the inspector and
 * the commands, but it never enters history and never clears redo.
 */
import { createStore } from 'zustand/vanilla';
import type { Model } from '../../../shared/domain/index.ts';
import type { Selection } from '../editor/commands.ts';
import { EMPTY_SELECTION } from '../editor/commands.ts';
import { History } from '../editor/history.ts';
import type { Patch } from '../editor/patch.ts';
import { applyPatch } from '../editor/patch.ts';
import type { ModelChange } from '../editor/patchTrail.ts';
import { emptyModel } from './emptyModel.ts';

interface DocumentSource {
  /** What the title bar shows: a file name, or the model name for a new model. */
  fileName: string | null;
  /** Absolute path in Electron, null in the browser or for a model never saved. */
  filePath: string | null;
}

type Notice = { tone: 'error' | 'info'; text: string } | null;

interface ApplyOptions {
  label?: string;
  /** Merge with the previous edit of the same key: typing in one field, nudging, is one undo step. */
  squash?: string;
  /** The selection after the edit (a paste selects what it pasted). */
  select?: Selection;
}

export interface ModelState extends DocumentSource {
  model: Model;
  /** True when the model differs from the file it was opened from or last saved to. */
  dirty: boolean;
  notice: Notice;
  canUndo: boolean;
  canRedo: boolean;
  selection: Selection;
  /** The latest edit, a new object each time: lets the library keep a version before bulk edits. */
  lastEdit: { label: string } | null;
  /**
   * How `model` came to be: the patch from the model before (an edit, undo or redo), or null when it was
   * loaded whole. The worker and the library follow the model by these patches (editor/patchTrail.ts).
   */
  lastChange: ModelChange | null;
  /**
   * True while another window is the model's writer (library/writerLocks.ts): edits, undo and redo change
   * nothing until this window takes over. Opening another model does not clear it; the library does.
   */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;
  /** Opens a model: replaces the document and starts a fresh history. */
  loadModel(model: Model, source: DocumentSource): void;
  newModel(): void;
  /** Applies an edit and records it as one undo step; an empty patch changes nothing. */
  apply(patch: Patch, options?: ApplyOptions): void;
  undo(): void;
  redo(): void;
  /** Ends the current gesture: the next edit is a new undo step even with the same squash key. */
  breakSquash(): void;
  setSelection(selection: Selection): void;
  markSaved(source: DocumentSource): void;
  showNotice(notice: Notice): void;
}

export type ModelStore = ReturnType<typeof createModelStore>;

/** Same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSelection(a: Selection, b: Selection): boolean {
  return sameList(a.nodes, b.nodes) && sameList(a.edges, b.edges) && sameList(a.boundaries, b.boundaries);
}

/** Of `ids`, those `list` holds; `ids` itself when it holds them all (no set of every id is built). */
function present(list: readonly { id: string }[], ids: readonly string[]): readonly string[] {
  if (ids.length === 0) return ids;
  const wanted = new Set(ids);
  const found = new Set<string>();
  for (const x of list) if (wanted.has(x.id)) found.add(x.id);
  return found.size === wanted.size ? ids : ids.filter((id) => found.has(id));
}

/**
 * The selection minus whatever no longer exists in the model: the same object when all of it does, so
 * an edit that keeps the selection (a move) does not look like a new selection to the canvas.
 */
function existing(model: Model, sel: Selection | undefined): Selection {
  if (!sel) return EMPTY_SELECTION;
  const nodes = present(model.nodes, sel.nodes);
  const edges = present(model.edges, sel.edges);
  const boundaries = present(model.boundaries, sel.boundaries);
  if (nodes === sel.nodes && edges === sel.edges && boundaries === sel.boundaries) return sel;
  return { nodes, edges, boundaries };
}

export function createModelStore(initial: Model = emptyModel()) {
  const history = new History<Selection>();
  let savedId = 0;

  return createStore<ModelState>()((set, get) => {
    const after = (model: Model, selection: Selection, label: string, change: ModelChange) =>
      set({
        model,
        lastChange: change,
        selection,
        lastEdit: { label },
        dirty: history.currentId() !== savedId,
        canUndo: history.canUndo,
        canRedo: history.canRedo,
      });
    const reset = (model: Model, source: DocumentSource) => {
      history.clear();
      savedId = 0;
      set({
        model,
        lastChange: { before: get().model, after: model, patch: null },
        ...source,
        dirty: false,
        notice: null,
        canUndo: false,
        canRedo: false,
        selection: EMPTY_SELECTION,
        lastEdit: null,
      });
    };

    return {
      model: initial,
      fileName: null,
      filePath: null,
      dirty: false,
      notice: null,
      canUndo: false,
      canRedo: false,
      selection: EMPTY_SELECTION,
      lastEdit: null,
      lastChange: null,
      readOnly: false,
      setReadOnly: (readOnly) => {
        if (readOnly !== get().readOnly) set({ readOnly });
      },
      loadModel: (model, source) => reset(model, source),
      newModel: () => reset(emptyModel(), { fileName: null, filePath: null }),
      apply: (patch, options = {}) => {
        if (patch.length === 0 || get().readOnly) return;
        const { model, selection } = get();
        const next = applyPatch(model, patch);
        const selected = existing(next, options.select ?? selection);
        history.record(patch, { label: options.label, squash: options.squash, before: selection, after: selected });
        after(next, selected, options.label ?? 'Edit', { before: model, after: next, patch });
      },
      undo: () => {
        if (get().readOnly) return;
        const step = history.undo();
        if (!step) return;
        const before = get().model;
        const next = applyPatch(before, step.patch);
        after(next, existing(next, step.entry.before), 'Undo', { before, after: next, patch: step.patch });
      },
      redo: () => {
        if (get().readOnly) return;
        const step = history.redo();
        if (!step) return;
        const before = get().model;
        const next = applyPatch(before, step.patch);
        after(next, existing(next, step.entry.after), 'Redo', { before, after: next, patch: step.patch });
      },
      breakSquash: () => history.breakSquash(),
      setSelection: (selection) => {
        if (!sameSelection(selection, get().selection)) set({ selection });
      },
      markSaved: (source) => {
        history.breakSquash();
        savedId = history.currentId();
        set({ ...source, dirty: false });
      },
      showNotice: (notice) => set({ notice }),
    };
  });
}
