import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import { restorePatch } from '../../../renderer/src/library/restorePatch.ts';
import { model } from './helpers.ts';

describe('restorePatch', () => {
  it('turns the current model into the snapshot, and its inverse turns it back', () => {
    const current = model('a', 5);
    current.nodes[2].label = 'edited since';
    const snapshot = model('a', 3);
    const patch = restorePatch(current, snapshot);
    const restored = applyPatch(current, patch);
    expect(restored.nodes).toEqual(snapshot.nodes);
    expect(restored.edges).toEqual(snapshot.edges);
    expect(applyPatch(restored, invertPatch(patch))).toEqual(current);
  });
});
