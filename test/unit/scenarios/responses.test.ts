/** The app's 1.1 logic: responses as undoable scenario edits, on the overlay and in the results; criticality following sensitivity. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { followSensitivity } from '../../../shared/domain/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import type { Patch } from '../../../renderer/src/editor/patch.ts';
import { updateProps } from '../../../renderer/src/editor/props.ts';
import { deriveOverlay, impactRows, nodeOverlayOf, sortRows } from '../../../renderer/src/scenarios/overlay.ts';
import { addResponse, removeResponse, setWhatIf, updateResponse } from '../../../renderer/src/scenarios/scenarioOps.ts';
import { buildModel } from '../engine/build.ts';

function model(): Model {
  return buildModel(
    [
      ['tok', 'secret', {}, 'CI token'],
      ['role', 'identity', {}, 'Deploy role'],
      ['db', 'datastore', {}, 'Orders DB'],
      ['api', 'service'],
    ],
    [
      ['a', 'authenticates', 'tok', 'role'],
      ['g', 'grants', 'role', 'db', { access: 'write' }],
    ],
    [{ id: 's', name: 'Leak', breaks: [{ mode: 'leak', node: 'tok' }] }],
  );
}

/** Applies a patch and checks that its inverse (undo) gives the model back. */
const run = (m: Model, patch: Patch): Model => {
  expect(patch.length).toBeGreaterThan(0);
  const next = applyPatch(m, patch);
  expect(applyPatch(next, invertPatch(patch))).toEqual(m);
  return next;
};

describe('responses as scenario edits', () => {
  it('adds, changes and deletes a response, each one undoable patch', () => {
    let m = model();
    m = run(m, addResponse(m, 's', { action: 'rotate', node: 'tok', at: 2 }));
    expect(m.scenarios[0].responses).toEqual([{ action: 'rotate', node: 'tok', at: 2 }]);
    m = run(m, addResponse(m, 's', { action: 'revoke', node: 'role', at: 72 }));
    m = run(m, updateResponse(m, 's', 0, { at: 0.5 }));
    m = run(m, updateResponse(m, 's', 0, { action: 'revoke' }));
    expect(m.scenarios[0].responses).toEqual([
      { action: 'revoke', node: 'tok', at: 0.5 },
      { action: 'revoke', node: 'role', at: 72 },
    ]);
    m = run(m, removeResponse(m, 's', 1));
    expect(m.scenarios[0].responses).toEqual([{ action: 'revoke', node: 'tok', at: 0.5 }]);
  });

  it('refuses what the engine would refuse: a kind the action does not apply to, a missing node, a bad hour', () => {
    const m = model();
    expect(addResponse(m, 's', { action: 'rotate', node: 'role', at: 1 })).toEqual([]);
    expect(addResponse(m, 's', { action: 'revoke', node: 'db', at: 1 })).toEqual([]);
    expect(addResponse(m, 's', { action: 'rotate', node: 'ghost', at: 1 })).toEqual([]);
    expect(addResponse(m, 's', { action: 'rotate', node: 'tok', at: -1 })).toEqual([]);
    expect(addResponse(m, 's', { action: 'rotate', node: 'tok', at: Number.NaN })).toEqual([]);
    const one = applyPatch(m, addResponse(m, 's', { action: 'revoke', node: 'role', at: 1 }));
    expect(updateResponse(one, 's', 0, { action: 'rotate' })).toEqual([]);
    expect(updateResponse(one, 's', 0, { at: 1 })).toEqual([]);
    expect(removeResponse(one, 's', 3)).toEqual([]);
  });
});

describe('responses and dead copies on the overlay and in the results', () => {
  it('marks each response on its node with its hour, in time order', () => {
    const m = model();
    const scenario = { ...m.scenarios[0], responses: [{ action: 'revoke' as const, node: 'tok', at: 9 }, { action: 'rotate' as const, node: 'tok', at: 2 }] };
    const o = deriveOverlay({ model: m, result: simulate(m, scenario), scenario });
    expect(nodeOverlayOf(o, 'tok').responses).toEqual([
      { action: 'rotate', at: 2 },
      { action: 'revoke', at: 9 },
    ]);
    expect(nodeOverlayOf(o, 'role').responses).toEqual([]);
  });

  it('sets a stolen copy that died before carrying anything apart: dead after its hour, listed after the live rows', () => {
    const m = model();
    const early = { ...m.scenarios[0], responses: [{ action: 'rotate' as const, node: 'tok', at: 0.25 }] };
    const both = { ...early, breaks: [...early.breaks, { mode: 'compromise' as const, node: 'api' }] };
    const result = simulate(m, both);
    const o = deriveOverlay({ model: m, result, scenario: both });
    expect(nodeOverlayOf(o, 'tok').deadAfter).toBe(0.25);
    expect(nodeOverlayOf(o, 'api').deadAfter).toBeNull();
    const rows = impactRows(m, result);
    expect(rows.find((r) => r.node === 'tok')?.deadAfter).toBe(0.25);
    // even sorted by label descending (tok > api), the dead copy comes after the live row
    expect(sortRows(rows, { key: 'label', dir: 'desc' }).map((r) => r.node)).toEqual(['api', 'tok']);
    expect(sortRows(rows, { key: 'at', dir: 'asc' }).map((r) => r.node)).toEqual(['api', 'tok']);
    // rotated after the first step: the copy carried something, so it is not set apart
    const late = { ...m.scenarios[0], responses: [{ action: 'rotate' as const, node: 'tok', at: 3 }] };
    expect(nodeOverlayOf(deriveOverlay({ model: m, result: simulate(m, late), scenario: late }), 'tok').deadAfter).toBeNull();
  });
});

describe('a datastore’s criticality follows its sensitivity unless set (§2)', () => {
  it('follows while it is the value the old sensitivity gives, or unset', () => {
    expect(followSensitivity({ sensitivity: 'internal', criticality: 2 }, { sensitivity: 'restricted' })).toEqual({ sensitivity: 'restricted', criticality: 5 });
    expect(followSensitivity({ sensitivity: 'internal' }, { sensitivity: 'public' })).toEqual({ sensitivity: 'public', criticality: 1 });
  });

  it('keeps a criticality the user set, and one set in the same edit', () => {
    expect(followSensitivity({ sensitivity: 'internal', criticality: 3 }, { sensitivity: 'restricted' })).toEqual({ sensitivity: 'restricted' });
    expect(followSensitivity({ sensitivity: 'internal', criticality: 2 }, { sensitivity: 'restricted', criticality: 1 })).toEqual({ sensitivity: 'restricted', criticality: 1 });
    expect(followSensitivity({ sensitivity: 'internal', criticality: 2 }, { owner: 'x' })).toEqual({ owner: 'x' });
  });

  it('in the inspector: sensitivity restricted shows criticality 5, as one undo step', () => {
    const m = model();
    const edit = updateProps(m, 'nodes', ['db'], { sensitivity: 'restricted' });
    if (!edit.ok) throw new Error(edit.message);
    const next = run(m, edit.patch);
    expect(next.nodes.find((n) => n.id === 'db')!.props).toMatchObject({ sensitivity: 'restricted', criticality: 5 });
    const set = updateProps(next, 'nodes', ['db'], { criticality: 3 });
    if (!set.ok) throw new Error(set.message);
    const after = applyPatch(applyPatch(next, set.patch), (updateProps(applyPatch(next, set.patch), 'nodes', ['db'], { sensitivity: 'public' }) as { patch: Patch }).patch);
    expect(after.nodes.find((n) => n.id === 'db')!.props).toMatchObject({ sensitivity: 'public', criticality: 3 });
  });

  it('for one scenario too: a what-if sensitivity carries its criticality', () => {
    const m = model();
    const edit = setWhatIf(m, 's', ['db'], { sensitivity: 'confidential' });
    if (!edit.ok) throw new Error(edit.message);
    expect(applyPatch(m, edit.patch).scenarios[0].patches).toEqual([{ id: 'db', props: { sensitivity: 'confidential', criticality: 4 } }]);
  });
});
