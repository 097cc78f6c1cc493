/**
 * How a follower of the open model (the simulation worker, the library's autosave) catches up: with the
 * patches the history already made, not a diff of its own. A trail collects the store's changes since the
 * follower last caught up and hands them over as one patch from the model it holds, or says "send the
 * whole model" where no patch exists (another model opened, a change it missed). Pure: no store, no DOM.
 */
import type { Model } from '../../../shared/domain/index.ts';
import type { Op, Patch } from './patch.ts';

/** One change of the store's model: the patch from `before` to `after`, or null where none exists (a load). */
export interface ModelChange {
  before: Model | null;
  after: Model;
  patch: Patch | null;
}

/** What a follower needs to hold `model`: the patch from the model it was handed last, or null for all of it. */
export interface CatchUp {
  model: Model;
  from: Model | null;
  patch: Patch | null;
}

export interface PatchTrail {
  /** Notes a change; one that does not start where the trail's model ends breaks it (a full resync follows). */
  push(change: ModelChange): void;
  /** Everything since the last take, and starts over from the model handed now. */
  take(): CatchUp;
  /** The model the trail has reached. */
  readonly model: Model | null;
}

/** Past this many ops a patch costs more to send and apply than the whole model: the follower resyncs. */
export const MAX_TRAIL_OPS = 5_000;

export function createPatchTrail(start: Model | null): PatchTrail {
  let from = start;
  let model = start;
  let ops: Op[] | null = start ? [] : null;
  return {
    push(change) {
      if (ops && change.patch && change.before === model && ops.length + change.patch.length <= MAX_TRAIL_OPS) {
        for (const op of change.patch) ops.push(op);
      } else ops = null;
      model = change.after;
    },
    take() {
      const out: CatchUp = { model: model!, from: ops ? from : null, patch: ops };
      from = model;
      ops = [];
      return out;
    },
    get model() {
      return model;
    },
  };
}

/** Two catch-ups in a row as one (a request that replaces one never sent), or a full resync where they do not meet. */
export function joinCatchUps(first: CatchUp, second: CatchUp): CatchUp {
  if (first.patch && second.patch && second.from === first.model && first.patch.length + second.patch.length <= MAX_TRAIL_OPS) {
    return { model: second.model, from: first.from, patch: [...first.patch, ...second.patch] };
  }
  return { model: second.model, from: null, patch: null };
}
