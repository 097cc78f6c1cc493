/**
 * Every editing action the toolbar, the keyboard, menus and overlays share, as stable callbacks.
 * Lives inside <ReactFlowProvider> (it needs the viewport) and the model store provider.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { flushSync } from 'react-dom';
import type { NodeKind, Position } from '../../../shared/domain/index.ts';
import type { FlowEdge, FlowNode } from '../canvas/adapter.ts';
import { boundaryFlowId, modelBounds } from '../canvas/adapter.ts';
import { EDIT_LABEL_PX, lowestReadableZoom } from '../canvas/detail.ts';
import { editViewport } from '../canvas/fit.ts';
import { drawnRect, measuredSizes, nodeRect } from '../canvas/flowGeometry.ts';
import { LARGE_MODEL } from '../canvas/useLargeModel.ts';
import { RENAMING_MODEL } from '../shell/ModelTitle.tsx';
import { useModelStoreApi, useUiStoreApi } from '../store/context.tsx';
import { interpolateModel, easeInOut } from './animate.ts';
import { copySelection, parseClipboard, pasteContent, serializeClipboard } from './clipboard.ts';
import type { ClipboardContent } from './clipboard.ts';
import { memoryClip, readSystemClipboard, rememberClip, writeSystemClipboard } from './clipboardIo.ts';
import type { Moves, Selection } from './commands.ts';
import { EMPTY_SELECTION, addNode, breaksLostBy, deleteItems, move } from './commands.ts';
import type { AlignMode } from './geometry.ts';
import type { Rect } from '../../../shared/visual/index.ts';
import { alignRects, freeSpot } from './geometry.ts';

/** Where a layout's moves put the drawing. */
function moveBounds(moves: Moves): Rect | null {
  return boundsOf([...(moves.nodes?.values() ?? [])].map((p) => ({ ...p, ...NODE_BOX })).concat([...(moves.boundaries?.values() ?? [])]));
}
import { describeLayout } from './layout/methods.ts';
import { LayoutCancelled, startLayout } from './layout/runner.ts';
import { applyPatch } from './patch.ts';
import { addNote } from '../decide/notes/notesOps.ts';
import { useEditingNote } from '../decide/notes/useNoteEditing.ts';
import { NODE_BOX, boundaryRect, boundsOf, fallbackPosition } from '../../../shared/visual/index.ts';

const GRID = 8;
const PASTE_STEP = 32;
const LAYOUT_MS = 300;
/** Above this many nodes a layout jumps to its result instead of animating. */
const ANIMATE_LIMIT = 600;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** From this zoom node labels are readable (canvas/detail.ts). */
const READABLE = lowestReadableZoom(EDIT_LABEL_PX);
const FIT_MS = 250;
const ZOOM_MS = 150;
/** One keyboard zoom step, React Flow's own. */
const ZOOM_STEP = 1.2;

/**
 * The room a new node is given when placed beside others: a fresh card is taller than its default size once
 * its chips wrap (a new secret shows "no TTL" and "never rotated"), and React Flow measures it only later.
 */
const NEW_NODE_ROOM = { width: NODE_BOX.width, height: 120 };

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

    const addNodeAt = (kind: NodeKind, center: Position = viewCenter(), label?: string) => {
      const { model, apply } = state();
      const topLeft = {
        x: Math.round((center.x - NODE_BOX.width / 2) / GRID) * GRID,
        y: Math.round((center.y - NODE_BOX.height / 2) / GRID) * GRID,
      };
      // Adding several in a row puts them side by side, never on one another.
      // Where React Flow holds no node (a large model zoomed out), the model's own place: each node by its index,
      // not a search of the model per node (nodeRect's fallback), which made an add quadratic on 10,000 nodes.
      const lookup = rfStore.getState().nodeLookup;
      const taken = model.nodes.map((n, i) => drawnRect(lookup, n.id) ?? { ...(n.position ?? fallbackPosition(i)), ...NODE_BOX });
      const p = freeSpot(topLeft, NEW_NODE_ROOM, taken);
      const { patch, id } = addNode(model, kind, { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID }, label);
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
          ...content.nodes.map((n, i) => ({ ...(n.position ?? fallbackPosition(i)), ...NODE_BOX })),
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

    const removeSelection = () => {
      const { model, selection, apply } = state();
      if (isEmpty(selection)) return;
      apply(deleteItems(model, selection), { label: 'Delete', select: EMPTY_SELECTION });
    };

    /** Deletes the selection; a node that is a scenario's break is deleted only once the user has been told. */
    const deleteSelection = () => {
      const { model, selection } = state();
      const lost = breaksLostBy(model, selection.nodes);
      if (lost.length === 0) return removeSelection();
      const nodes = [...new Set(lost.flatMap((l) => l.lost))];
      const names = (xs: string[]) => xs.map((x) => `“${x}”`).join(', ');
      const emptied = lost.filter((l) => l.left === 0).map((l) => l.name);
      ui.getState().setConfirm({
        title: nodes.length === 1 ? `Delete ${names(nodes)}?` : `Delete ${nodes.length} nodes that are breaks?`,
        text:
          `${names(nodes)} ${nodes.length === 1 ? 'is the break' : 'are breaks'} of ${lost.length === 1 ? 'the scenario' : `${lost.length} scenarios:`} ${names(lost.map((l) => l.name))}. ` +
          'Deleting takes the break out of them' +
          (emptied.length ? `, and leaves ${names(emptied)} with no break at all, so ${emptied.length === 1 ? 'it shows' : 'they show'} nothing.` : '.') +
          ' Undo brings everything back.',
        confirm: 'Delete',
        onConfirm: removeSelection,
      });
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
    const frame = (bounds: Rect | null, duration = FIT_MS) => {
      const { width, height } = rfStore.getState();
      if (!bounds || width === 0) return;
      const vp = editViewport(bounds, width, height);
      // A large model goes straight to its overview: each frame of an animated zoom-out would mount and
      // drop hundreds of nodes on the way (the picture is drawn only once the view is out far enough).
      const large = state().model.nodes.length > LARGE_MODEL;
      if (!large) {
        void rf.setViewport(vp, { duration });
        return;
      }
      // React Flow learns of its nodes in an effect: they leave it (synchronously) before the view
      // takes in the whole model, or it would mount all 10,000 for one frame.
      flushSync(() => ui.getState().setLeavingNodes(true));
      void rf.setViewport(vp);
      ui.getState().setLeavingNodes(false);
    };
    const fit = () => frame(modelBounds(state().model));

    // A press during a zoom's animation steps on from where that zoom is going, not from where the view is
    // on its way: three quick presses of − zoom out three steps (React Flow's zoomOut lost one in three).
    let zoomTarget: { zoom: number; until: number } | null = null;
    const zoomBy = (factor: number) => {
      const now = performance.now();
      const from = zoomTarget && now < zoomTarget.until ? zoomTarget.zoom : rf.getZoom();
      const { minZoom, maxZoom } = rfStore.getState();
      const zoom = Math.min(maxZoom, Math.max(minZoom, from * factor));
      zoomTarget = { zoom, until: now + ZOOM_MS };
      void rf.zoomTo(zoom, { duration: ZOOM_MS });
    };

    /**
     * Auto-layout in its worker (editor/layout/): the progress and Cancel show meanwhile, the canvas stays live.
     * The moves apply as one undo step to the model as it is then (nodes added meanwhile keep their place).
     */
    const layout = async () => {
      const before = state().model;
      if (before.nodes.length === 0 || ui.getState().layoutJob) return;
      const job = startLayout(before, measuredSizes(rfStore.getState().nodeLookup));
      ui.getState().setLayoutJob({ method: job.method, nodes: before.nodes.length, startedAt: performance.now(), cancel: job.cancel });
      let moves: Moves;
      try {
        moves = await job.done;
      } catch (e) {
        ui.getState().setLayoutJob(null);
        if (state().model.id !== before.id) return;
        state().showNotice(
          e instanceof LayoutCancelled
            ? { tone: 'info', text: 'Auto-layout cancelled: nothing moved.' }
            : { tone: 'error', text: `Auto-layout failed: ${(e as Error).message}. Nothing moved.` },
        );
        return;
      }
      ui.getState().setLayoutJob(null);
      // Another model was opened meanwhile: these moves are not for it.
      if (state().model.id !== before.id) return;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      const animate = !reduced && before.nodes.length <= ANIMATE_LIMIT && state().model === before;
      if (animate) {
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
      } else {
        // A large model: frame the laid-out drawing first, then move the nodes. Zoomed out to the whole, the
        // canvas draws its overview picture, so the move is one cheap repaint instead of mounting the nodes
        // that would pass through the old view.
        // frame() hands React Flow no nodes before the view jumps out, so nothing in view is mounted on the way.
        // (A first step out to where the edges become one picture, kept from before that, now only made the
        // longest task longer: 101-118 ms against 72-90 ms without it, `npm run bench -- layout`.)
        frame(moveBounds(moves), 0);
        await nextFrame();
      }
      ui.getState().setPreview(null);
      const { model, apply } = state();
      apply(move(model, moves), { label: 'Auto-layout' });
      state().showNotice({
        tone: 'info',
        text: `Laid out ${describeLayout(before.nodes.length, job.method)}. Undo puts them back.`,
      });
      if (animate) requestAnimationFrame(fit);
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
        if (u.layoutJob) u.layoutJob.cancel();
        else if (u.edgeMenu) u.setEdgeMenu(null);
        else if (u.overlay) u.setOverlay(null);
        else if (u.tool !== 'select') u.setTool('select');
        else select(EMPTY_SELECTION);
      },
      nudge,
      align,
      layout,
      fit,
      zoomIn: () => zoomBy(ZOOM_STEP),
      zoomOut: () => zoomBy(1 / ZOOM_STEP),
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
        else if (isEmpty(selection)) ui.getState().setRenaming(RENAMING_MODEL);
      },
      openOverlay: (overlay: 'quick-add' | 'search' | 'shortcuts' | 'export') => ui.getState().setOverlay(overlay),
    };
  }, [store, ui, rfStore, rf]);
}

export type EditorActions = ReturnType<typeof useEditorActions>;
