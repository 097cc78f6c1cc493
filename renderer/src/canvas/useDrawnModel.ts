/**
 * The model and selection as the canvas draws them: one render behind the store after an edit. React
 * re-renders at once with what the canvas already drew (its memos hold), then maps the edit in its
 * background pass, which yields to the browser between components: a drop's frame paints what React
 * Flow already holds, and the derived work (the moved nodes, the large model's rectangles, overview and
 * bounds) follows. Another model (open, new) is drawn at once: its camera is set in the same render.
 */
import { useDeferredValue } from 'react';
import type { Model } from '../../../shared/domain/index.ts';
import type { Selection } from '../editor/commands.ts';
import { useModelStore } from '../store/context.tsx';

export function useDrawnModel(): { model: Model; selection: Selection } {
  const model = useModelStore((s) => s.model);
  const selection = useModelStore((s) => s.selection);
  const drawnModel = useDeferredValue(model);
  const drawnSelection = useDeferredValue(selection);
  return drawnModel.id === model.id ? { model: drawnModel, selection: drawnSelection } : { model, selection };
}
