/** File ▸ Import… over the whole window: the dialog, and applying its plan as one edit with the layout. */
import { useCallback } from 'react';
import type { Model } from '../../../shared/domain/schema.ts';
import type { ImportPlan } from '../../../shared/import/merge.ts';
import { useEditorActions } from '../editor/useEditorActions.ts';
import { useModelStoreApi, useUiStore, useUiStoreApi } from '../store/context.tsx';
import { importEdit } from './applyImport.ts';
import { ImportDialog } from './ImportDialog.tsx';

/** ELK loads on first use, as for Auto-layout. */
const layoutPart = async (part: Model) => (await import('../editor/layout.ts')).computeLayout(part, new Map());

const undoKeys = () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z');

export function ImportHost() {
  const open = useUiStore((s) => s.overlay === 'import');
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const { fit } = useEditorActions();
  const close = useCallback(() => ui.getState().setOverlay(null), [ui]);
  const apply = useCallback(
    async (plan: ImportPlan, summary: string) => {
      const { patch, selection } = await importEdit(store.getState().model, plan, layoutPart);
      store.getState().apply(patch, { label: 'Import', select: selection });
      store.getState().showNotice({ tone: 'info', text: `${summary} ${undoKeys()} takes the whole import back.` });
      close();
      requestAnimationFrame(fit);
    },
    [store, close, fit],
  );
  return open ? <ImportDialog onClose={close} onApply={apply} /> : null;
}
