import { useCallback } from 'react';
import { setLabel } from '../../editor/commands.ts';
import { useModelStoreApi, useUiStore, useUiStoreApi } from '../../store/context.tsx';

/** Inline rename state for one node or boundary (by React Flow id). */
export function useRename(flowId: string, modelId: string, coll: 'nodes' | 'boundaries') {
  const renaming = useUiStore((s) => s.renaming === flowId);
  const ui = useUiStoreApi();
  const store = useModelStoreApi();
  const commit = useCallback(
    (label: string) => {
      if (ui.getState().renaming !== flowId) return;
      ui.getState().setRenaming(null);
      const { model, apply } = store.getState();
      apply(setLabel(model, modelId, label, coll), { label: 'Rename' });
    },
    [ui, store, flowId, modelId, coll],
  );
  const cancel = useCallback(() => ui.getState().setRenaming(null), [ui]);
  const start = useCallback(() => ui.getState().setRenaming(flowId), [ui, flowId]);
  return { renaming, commit, cancel, start };
}
