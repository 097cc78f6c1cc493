/** File ▸ Import… over the whole window: the dialog, and applying its plan as one edit with the layout. */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { startLayout } from '../editor/layout/runner.ts';
import type { Model } from '../../../shared/domain/index.ts';
import type { ImportPlan } from '../../../shared/import/index.ts';
import { modelBounds } from '../canvas/adapter.ts';
import { useModelStoreApi, useUiStore, useUiStoreApi } from '../store/context.tsx';
import { importEdit } from './applyImport.ts';
import { ImportDialog } from './ImportDialog.tsx';

/** Laid out as Auto-layout does: in its worker, by a method that scales with the part's size. */
const layoutPart = (part: Model) => startLayout(part, new Map()).done;

const undoKeys = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z');

export function ImportHost() {
  const open = useUiStore((s) => s.overlay === 'import');
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const rf = useReactFlow();
  const close = useCallback(() => ui.getState().setOverlay(null), [ui]);
  const apply = useCallback(
    async (plan: ImportPlan, summary: string) => {
      const { patch, selection } = await importEdit(store.getState().model, plan, layoutPart);
      store.getState().apply(patch, { label: 'Import', select: selection });
      store.getState().showNotice({ tone: 'info', text: `${summary} ${undoKeys()} takes the whole import back.` });
      close();
      // Show what came in: the imported part, framed (it sits beside what the canvas held).
      const model = store.getState().model;
      const added = new Set(selection.nodes);
      const bounds = modelBounds({ ...model, nodes: model.nodes.filter((n) => added.has(n.id)), boundaries: model.boundaries.filter((b) => plan.boundaries.some((x) => x.id === b.id)) });
      if (bounds) requestAnimationFrame(() => void rf.fitBounds(bounds, { padding: 0.12, duration: 250 }));
    },
    [store, close, rf],
  );
  return open ? <ImportDialog onClose={close} onApply={apply} /> : null;
}
