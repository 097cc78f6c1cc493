import { useCallback } from 'react';
import { updateProps } from '../../editor/props.ts';
import { useWhatIfCommit } from '../../scenarios/index.ts';
import { useModelStoreApi } from '../../store/context.tsx';
import { MIXED } from './PropField.tsx';
import type { Commit } from './PropField.tsx';

/** The value the selected items share for a prop, or MIXED. */
export function sharedValue(items: readonly { props: Record<string, unknown> }[], name: string): unknown {
  const first = items[0]?.props[name];
  const key = JSON.stringify(first);
  return items.every((i) => JSON.stringify(i.props[name]) === key) ? first : MIXED;
}

/** Commit callbacks for prop fields of the selected nodes or edges: validated, one undo step per field. */
export function usePropCommit(coll: 'nodes' | 'edges', ids: readonly string[]) {
  const store = useModelStoreApi();
  const key = ids.join(',');
  // With what-if editing on, a prop edit becomes the shown scenario's patch instead of a model edit.
  const whatIf = useWhatIfCommit();
  const commitFor = useCallback(
    (name: string): Commit =>
      (value, typing) => {
        if (whatIf) return whatIf(key.split(','), name, value, typing);
        const { model, apply } = store.getState();
        const edit = updateProps(model, coll, key.split(','), { [name]: value });
        if (!edit.ok) return edit.message;
        apply(edit.patch, { label: `Set ${name}`, squash: typing ? `props:${coll}:${key}:${name}` : undefined });
        return null;
      },
    [store, coll, key, whatIf],
  );
  const done = useCallback(() => store.getState().breakSquash(), [store]);
  return { commitFor, done };
}
