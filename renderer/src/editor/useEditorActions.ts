/**
 * Every editing action the toolbar, the keyboard, menus and overlays share, as stable callbacks.
 * Lives inside <ReactFlowProvider> (it needs the viewport) and the model store provider.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { flushSync } from 'react-dom';
import type { NodeKind } from '../../../shared/domain/kinds.ts';
import type { Position } from '../../../shared/domain/schema.ts';
import type { FlowEdge, FlowNode } from '../canvas/adapter.ts';
import { boundaryFlowId, fallbackPosition, modelBounds } from '../canvas/adapter.ts';
import { EDIT_LABEL_PX, lowestReadableZoom } from '../canvas/detail.ts';
import { editViewport } from '../canvas/fit.ts';
import { measuredSizes, nodeRect } from '../canvas/flowGeometry.ts';
import { LARGE_MODEL } from '../canvas/useLargeModel.ts';
import { useModelStoreApi, useUiStoreApi } from '../store/context.tsx';
import { interpolateModel, easeInOut } from './animate.ts';
import { copySelection, parseClipboard, pasteContent, serializeClipboard } from './clipboard.ts';
import type { ClipboardContent } from './clipboard.ts';
import { memoryClip, readSystemClipboard, rememberClip, writeSystemClipboard } from './clipboardIo.ts';
import type { Selection } from './commands.ts';
import { EMPTY_SELECTION, addNode, deleteItems, move } from './commands.ts';
import type { AlignMode, Rect } from './geometry.ts';
import { DEFAULT_NODE_SIZE, alignRects, boundaryRect, boundsOf } from './geometry.ts';
import { applyPatch } from './patch.ts';
import { addNote } from '../decide/notes/notesOps.ts';
import { useEditingNote } from '../decide/notes/useNoteEditing.ts';

const GRID = 8;
const PASTE_STEP = 32;
const LAYOUT_MS = 300;
/** Above this many nodes a layout jumps to its result instead of animating. */
const ANIMATE_LIMIT = 600;

/** From this zoom node labels are readable (canvas/detail.ts). */
const READABLE = lowestReadableZoom(EDIT_LABEL_PX);
const FIT_MS = 250;

let pasteCount = 0;

export function useEditorActions() {
  const store = useModelStoreApi();
  const ui = useUiStoreApi();
  const rfStore = useStoreApi<FlowNode, FlowEdge>();
  const rf = useReactFlow<FlowNode, FlowEdge>();

  return useMemo(() => {
    const state = () => store.getState();
    const select = (selection: Selection) => state().setSelection(selection);
    const isEmpty = (s: Selection) => s.nodes.length + s.edges.length + s.boundaries.length === 0;

    /** The centre of the visible canvas, in model coordinates. */
    const viewCenter = (): Position => {
      const { domNode, width, height } = rfStore.getState();
      const box = domNode?.getBoundingClientRect();
      return rf.screenToFlowPosition({ x: (box?.left ?? 0) + width / 2, y: (box?.top ?? 0) + height / 2 });
    };

    const addNodeAt = (kind: NodeKind, center: Position = viewCenter()) => {
      const { model, apply } = state();
      const topLeft = {
        x: Math.round((center.x - DEFAULT_NODE_SIZE.width / 2) / GRID) * GRID,
        y: Math.round((center.y - DEFAULT_NODE_SIZE.height / 2) / GRID) * GRID,
      };
      // Clicking twice adds two nodes, not one on top of the other.
      let p = topLeft;
      for (let i = 0; i < 50 && model.nodes.some((n) => n.position?.x === p.x && n.position?.y === p.y); i++) {
        p = { x: p.x + PASTE_STEP, y: p.y + PASTE_STEP };
      }
      const { patch, id } = addNode(model, kind, p);
      apply(patch, { label: 'Add node', select: { nodes: [id], edges: [], boundaries: [] } });
      return id;
    };

    const paste = (content: ClipboardContent) => {
      const { model, apply } = state();
      const sameModel = content.nodes.every((n) => model.nodes.some((m) => m.id === n.id));
      let offset: Position;
      if (sameModel && content.nodes.length > 0) {
        pasteCount++;
        offset = { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount };
      } else {
        // From another model: centre the group in view.
        const rects = [
          ...content.nodes.map((n, i) => ({ ...(n.position ?? fallbackPosition(i)), ...DEFAULT_NODE_SIZE })),
          ...content.boundaries.map(boundaryRect),
        ];
        const b = boundsOf(rects)!;
        const c = viewCenter();
        offset = {
          x: Math.round((c.x - b.x - b.width / 2) / GRID) * GRID,
          y: Math.round((c.y - b.y - b.height / 2) / GRID) * GRID,
        };
      }
      const { patch, selection } = pasteContent(model, content, offset);
      apply(patch, { label: 'Paste', select: selection });
    };

    const copy = () => {
      const { model, selection } = state();
      const content = copySelection(model, selection);
      if (!content) return null;
      const text = serializeClipboard(content);
      rememberClip(text);
      pasteCount = 0;
      void writeSystemClipboard(text);
      return text;
    };

    const deleteSelection = () => {
      const { model, selection, apply } = state();
      if (isEmpty(selection)) return;
      apply(deleteItems(model, selection), { label: 'Delete', select: EMPTY_SELECTION });
    };

    /** Model rectangles of the selected kind nodes, as drawn. */
    const selectedRects = () => {
      const lookup = rfStore.getState().nodeLookup;
      const rects = new Map<string, Rect>();
      for (const id of state().selection.nodes) {
        const r = nodeRect(lookup, state().model, id);
        if (r) rects.set(id, r);
      }
      return rects;
    };

    const nudge = (dx: number, dy: number) => {
      const { model, selection, apply } = state();
      const frames = new Set(selection.boundaries);
      const nodes = new Map<string, Position>();
      const boundaries = new Map<string, Rect>();
      for (const b of model.boundaries) {
        if (frames.has(b.id)) boundaries.set(b.id, { ...boundaryRect(b), x: b.position.x + dx, y: b.position.y + dy });
      }
      const chosen = new Set(selection.nodes);
      model.nodes.forEach((n, i) => {
        if (!chosen.has(n.id) && !(n.boundary && frames.has(n.boundary))) return;
        const p = n.position ?? fallbackPosition(i);
        nodes.set(n.id, { x: p.x + dx, y: p.y + dy });
      });
      const reassign = selection.nodes.filter(
        (id) => !frames.has(model.nodes.find((n) => n.id === id)?.boundary ?? ''),
      );
      const patch = move(model, { nodes, boundaries, reassign, sizes: measuredSizes(rfStore.getState().nodeLookup) });
      apply(patch, { label: 'Nudge', squash: `nudge:${[...chosen, ...frames].join(',')}` });
    };

    const align = (mode: AlignMode) => {
      const { model, apply } = state();
      const positions = alignRects(selectedRects(), mode);
      const sizes = measuredSizes(rfStore.getState().nodeLookup);
      apply(move(model, { nodes: positions, reassign: positions.keys(), sizes }), { label: 'Align' });
    };

    // Framed from the model's geometry: React Flow's fitView waits for nodes it draws, and a large model
    // zoomed far out is drawn as a picture (an empty canvas would wait for its first node).
    const fit = () => {
      const bounds = modelBounds(state().model);
      const { width, height } = rfStore.getState();
      if (!bounds || width === 0) return;
      const vp = editViewport(bounds, width, height);
      // A large model goes straight to its overview: each frame of an animated zoom-out would mount and
      // drop hundreds of nodes on the way (the picture is drawn only once the view is out far enough).
      const large = state().model.nodes.length > LARGE_MODEL;
      if (!large) {
        void rf.setViewport(vp, { duration: FIT_MS });
        return;
      }
      // React Flow learns of its nodes in an effect: they leave it (synchronously) before the view
      // takes in the whole model, or it would mount all 10,000 for one frame.
      flushSync(() => ui.getState().setLeavingNodes(true));
      void rf.setViewport(vp);
      ui.getState().setLeavingNodes(false);
    };

    const layout = async () => {
      const before = state().model;
      if (before.nodes.length === 0) return;
      const { computeLayout } = await import('./layout.ts');
      const moves = await computeLayout(before, measuredSizes(rfStore.getState().nodeLookup));
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      if (!reduced && before.nodes.length <= ANIMATE_LIMIT) {
        const target = applyPatch(before, move(before, moves));
        const start = performance.now();
        await new Promise<void>((resolve) => {
          const frame = (now: number) => {
            const t = Math.min(1, (now - start) / LAYOUT_MS);
            ui.getState().setPreview(interpolateModel(before, target, easeInOut(t)));
            if (t < 1) requestAnimationFrame(frame);
            else resolve();
          };
          requestAnimationFrame(frame);
        });
      }
      ui.getState().setPreview(null);
      const { model, apply } = state();
      apply(move(model, moves), { label: 'Auto-layout' });
      requestAnimationFrame(fit);
    };

    /** Selects a node and brings it to the middle of the view. */
    const focusNode = (id: string) => {
      select({ nodes: [id], edges: [], boundaries: [] });
      const r = nodeRect(rfStore.getState().nodeLookup, state().model, id);
      if (!r) return;
      const zoom = Math.max(rfStore.getState().transform[2], 1);
      void rf.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom, duration: 300 });
    };

    /** A sticky note in the middle of the view, open for writing (palette, S). */
    const addNoteAt = (center: Position = viewCenter()) => {
      const { patch, id } = addNote(state().model, center);
      state().apply(patch, { label: 'Add note' });
      useEditingNote.getState().set(id);
      return id;
    };

    return {
      addNoteAt,
      undo: () => state().undo(),
      redo: () => state().redo(),
      deleteSelection,
      copy,
      cut: () => {
        if (copy()) deleteSelection();
      },
      /** Pastes `text` if it is ours, else the last copy made in this app. */
      pasteText: (text: string | null) => {
        const content = (text && parseClipboard(text)) || parseClipboard(memoryClip() ?? '');
        if (content) paste(content);
      },
      /** The toolbar's paste: the system clipboard when readable, the in-app copy otherwise. */
      pasteFromClipboard: async () => {
        const text = await readSystemClipboard();
        const content = (text && parseClipboard(text)) || parseClipboard(memoryClip() ?? '');
        if (content) paste(content);
      },
      duplicate: () => {
        const { model, selection } = state();
        const content = copySelection(model, selection);
        if (!content) return;
        const { patch, selection: pasted } = pasteContent(model, content, { x: PASTE_STEP, y: PASTE_STEP });
        state().apply(patch, { label: 'Duplicate', select: pasted });
      },
      selectAll: () => {
        const { model } = state();
        select({
          nodes: model.nodes.map((n) => n.id),
          edges: model.edges.map((e) => e.id),
          boundaries: model.boundaries.map((b) => b.id),
        });
      },
      escape: () => {
        const u = ui.getState();
        if (u.edgeMenu) u.setEdgeMenu(null);
        else if (u.overlay) u.setOverlay(null);
        else if (u.tool !== 'select') u.setTool('select');
        else select(EMPTY_SELECTION);
      },
      nudge,
      align,
      layout,
      fit,
      addNodeAt,
      focusNode,
      viewCenter,
      startBoundary: () => ui.getState().setTool(ui.getState().tool === 'boundary' ? 'select' : 'boundary'),
      rename: () => {
        const { selection } = state();
        if (selection.nodes.length === 1 && selection.boundaries.length === 0) {
          // Zoomed far out a node draws no text: bring it close enough to read what is typed.
          if (rfStore.getState().transform[2] < READABLE) focusNode(selection.nodes[0]);
          ui.getState().setRenaming(selection.nodes[0]);
        } else if (selection.boundaries.length === 1 && selection.nodes.length === 0)
          ui.getState().setRenaming(boundaryFlowId(selection.boundaries[0]));
      },
      openOverlay: (overlay: 'quick-add' | 'search' | 'shortcuts' | 'export') => ui.getState().setOverlay(overlay),
    };
  }, [store, ui, rfStore, rf]);
}

export type EditorActions = ReturnType<typeof useEditorActions>;
