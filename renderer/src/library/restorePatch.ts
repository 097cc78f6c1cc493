/**
 * Restoring a snapshot as one ordinary edit: a patch that removes what the model holds now and inserts
 * what the snapshot held, so undo brings the current model back. Model-level fields (name, description,
 * asOf) are not part of patches and stay as they are.
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { Collection, ItemOp, Patch } from '../editor/patch.ts';

const COLLECTIONS: readonly Collection[] = ['nodes', 'edges', 'boundaries', 'scenarios', 'notes'];

export function restorePatch(current: Model, snapshot: Model): Patch {
  const ops: ItemOp[] = [];
  for (const coll of COLLECTIONS) {
    const now = current[coll] as readonly ItemOp['after'][];
    const then = snapshot[coll] as readonly ItemOp['after'][];
    // Remove from the end so every recorded index is where the item sat when it went.
    for (let i = now.length - 1; i >= 0; i--) ops.push({ coll, id: now[i]!.id, before: now[i], after: null, index: i });
    then.forEach((item, i) => ops.push({ coll, id: item!.id, before: null, after: item, index: i }));
  }
  return ops;
}
