/**
 * Editor state that is not the document: the active tool, what is being renamed, open menus and overlays,
 * the layout animation's preview model and a running auto-layout. Never saved, never in history.
 */
import { createStore } from 'zustand/vanilla';
import type { Model } from '../../../shared/domain/index.ts';
import type { LayoutMethod } from '../editor/layout/methods.ts';

type Tool = 'select' | 'boundary';
type Overlay = 'quick-add' | 'search' | 'shortcuts' | 'export' | 'import' | 'about' | null;

interface EdgeMenu {
  edgeId: string;
  /** Where to open, in client (screen) pixels. */
  x: number;
  y: number;
}

/** An auto-layout running in its worker. */
interface LayoutJobState {
  method: LayoutMethod;
  nodes: number;
  /** `performance.now()` when it started. */
  startedAt: number;
  cancel(): void;
}

/** A question before a step the user may not expect (deleting a scenario's break). */
interface ConfirmRequest {
  title: string;
  text: string;
  /** The confirm button's words (the cancel button says Cancel). */
  confirm: string;
  onConfirm(): void;
}

export interface UiState {
  tool: Tool;
  /** Selection mode: a plain drag on the canvas draws a selection box (the middle or right button pans). */
  boxSelect: boolean;
  /** React Flow id of the node or boundary being renamed inline. */
  renaming: string | null;
  edgeMenu: EdgeMenu | null;
  overlay: Overlay;
  /** While a layout animates: the model with in-between positions, drawn instead of the real one. */
  preview: Model | null;
  layoutJob: LayoutJobState | null;
  confirm: ConfirmRequest | null;
  /**
   * A large model's view is about to jump far out (fit all): the canvas hands React Flow no nodes first,
   * else React Flow would mount every node now in view for the one render before it learns of the overview.
   */
  leavingNodes: boolean;
  setTool(tool: Tool): void;
  setBoxSelect(on: boolean): void;
  setRenaming(id: string | null): void;
  setEdgeMenu(menu: EdgeMenu | null): void;
  setOverlay(overlay: Overlay): void;
  setPreview(model: Model | null): void;
  setLayoutJob(job: LayoutJobState | null): void;
  setConfirm(request: ConfirmRequest | null): void;
  setLeavingNodes(on: boolean): void;
}

export type UiStore = ReturnType<typeof createUiStore>;

export function createUiStore() {
  return createStore<UiState>()((set) => ({
    tool: 'select',
    boxSelect: false,
    renaming: null,
    edgeMenu: null,
    overlay: null,
    preview: null,
    layoutJob: null,
    confirm: null,
    leavingNodes: false,
    setTool: (tool) => set({ tool }),
    setBoxSelect: (boxSelect) => set({ boxSelect }),
    setRenaming: (renaming) => set({ renaming }),
    setEdgeMenu: (edgeMenu) => set({ edgeMenu }),
    setOverlay: (overlay) => set({ overlay }),
    setPreview: (preview) => set({ preview }),
    setLayoutJob: (layoutJob) => set({ layoutJob }),
    setConfirm: (confirm) => set({ confirm }),
    setLeavingNodes: (leavingNodes) => set({ leavingNodes }),
  }));
}
