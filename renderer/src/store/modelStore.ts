/**
 * The document store: the open model and where it came from. Built by a factory so each test and each
 * window gets its own; read through useModelStore (store/context.tsx).
 */
import { createStore } from 'zustand/vanilla';
import type { Model, Position } from '../../../shared/domain/schema.ts';
import { withPositions } from '../canvas/adapter.ts';
import { emptyModel } from './emptyModel.ts';

export interface DocumentSource {
  /** What the title bar shows: a file name, or the model name for a new model. */
  fileName: string | null;
  /** Absolute path in Electron, null in the browser or for a model never saved. */
  filePath: string | null;
}

export type Notice = { tone: 'error' | 'info'; text: string } | null;

export interface ModelState extends DocumentSource {
  model: Model;
  /** True when the model differs from the file it was opened from or last saved to. */
  dirty: boolean;
  notice: Notice;
  loadModel(model: Model, source: DocumentSource): void;
  newModel(): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  markSaved(source: DocumentSource): void;
  showNotice(notice: Notice): void;
}

export type ModelStore = ReturnType<typeof createModelStore>;

export function createModelStore(initial: Model = emptyModel()) {
  return createStore<ModelState>()((set) => ({
    model: initial,
    fileName: null,
    filePath: null,
    dirty: false,
    notice: null,
    loadModel: (model, source) => set({ model, ...source, dirty: false, notice: null }),
    newModel: () => set({ model: emptyModel(), fileName: null, filePath: null, dirty: false, notice: null }),
    moveNodes: (positions) => set((s) => ({ model: withPositions(s.model, positions), dirty: true })),
    markSaved: (source) => set({ ...source, dirty: false }),
    showNotice: (notice) => set({ notice }),
  }));
}
