import { beforeEach, describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { checkScenario, simulate } from '../../../shared/engine/index.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import type { Patch } from '../../../renderer/src/editor/patch.ts';
import {
  createScenario,
  deleteScenario,
  dropWhatIf,
  duplicateScenario,
  moveScenario,
  renameScenario,
  setParams,
  setWhatIf,
  toggleBreak,
  toggleRemovedEdge,
  whatIfLines,
  withWhatIf,
} from '../../../renderer/src/scenarios/scenarioOps.ts';
import { buildModel } from '../engine/build.ts';

function agentModel(): Model {
  return buildModel(
    [
      ['token', 'secret', {}, 'Zendesk token'],
      ['queue', 'datastore'],
      ['agent', 'agent'],
      ['crm', 'tool', { capabilities: ['write'] }],
      ['crm-key', 'secret'],
    ],
    [
      ['e1', 'grants', 'token', 'queue', { access: 'write' }],
      ['e2', 'instructs', 'queue', 'agent'],
      ['e3', 'invokes', 'agent', 'crm'],
      ['e4', 'holds', 'crm', 'crm-key'],
    ],
    [
      { id: 'a', name: 'A', breaks: [{ mode: 'leak', node: 'token' }] },
      { id: 'b', name: 'B', breaks: [] },
      { id: 'c', name: 'C', breaks: [] },
    ],
  );
}

const ids = (m: Model) => m.scenarios.map((s) => s.id);

describe('scenario list operations', () => {
  let model: Model;
  /** Applies a patch and checks that its inverse gives the model back. */
  const run = (patch: Patch): Model => {
    const next = applyPatch(model, patch);
    expect(applyPatch(next, invertPatch(patch))).toEqual(model);
    return next;
  };

  beforeEach(() => {
    model = agentModel();
  });

  it('creates a scenario with a fresh id, named after its break, at the end', () => {
    const { patch, id } = createScenario(model, { breaks: [{ mode: 'leak', node: 'token' }] });
    const next = run(patch);
    expect(id).toBe('scenario-1');
    expect(next.scenarios.at(-1)).toEqual({
      id: 'scenario-1',
      name: 'Leak Zendesk token',
      breaks: [{ mode: 'leak', node: 'token' }],
      patches: [],
      removed: [],
      responses: [],
      params: { responseHours: 648 },
    });
    const second = createScenario(next);
    expect(second.id).toBe('scenario-2');
    expect(applyPatch(next, second.patch).scenarios.at(-1)!.name).toBe('Scenario 2');
  });

  it('renames, and a rename to the same name is no edit', () => {
    expect(run(renameScenario(model, 'b', 'Token leak')).scenarios[1].name).toBe('Token leak');
    expect(renameScenario(model, 'b', 'B')).toEqual([]);
  });

  it('duplicates right below the original with a new id and everything else copied', () => {
    const made = duplicateScenario(model, 'a')!;
    const next = run(made.patch);
    expect(ids(next)).toEqual(['a', made.id, 'b', 'c']);
    expect(next.scenarios[1]).toEqual({ ...model.scenarios[0], id: made.id, name: 'A (copy)' });
    // the copy is independent of the original
    expect(next.scenarios[1].breaks).not.toBe(model.scenarios[0].breaks);
  });

  it('deletes', () => {
    expect(ids(run(deleteScenario(model, 'b')))).toEqual(['a', 'c']);
  });

  it('reorders by one place or more, clamped at the ends', () => {
    expect(ids(run(moveScenario(model, 'c', -1)))).toEqual(['a', 'c', 'b']);
    expect(ids(run(moveScenario(model, 'a', 2)))).toEqual(['b', 'c', 'a']);
    expect(ids(run(moveScenario(model, 'a', 10)))).toEqual(['b', 'c', 'a']);
    expect(moveScenario(model, 'a', -1)).toEqual([]);
  });

  it('adds a break, takes it out again, and refuses a mode that does not apply to the kind', () => {
    const added = run(toggleBreak(model, 'b', { mode: 'compromise', node: 'agent' }));
    expect(added.scenarios[1].breaks).toEqual([{ mode: 'compromise', node: 'agent' }]);
    model = added;
    expect(run(toggleBreak(model, 'b', { mode: 'compromise', node: 'agent' })).scenarios[1].breaks).toEqual([]);
    expect(toggleBreak(model, 'b', { mode: 'leak', node: 'agent' })).toEqual([]);
    expect(toggleBreak(model, 'b', { mode: 'leak', node: 'nowhere' })).toEqual([]);
  });

  it('leaves an edge out and brings it back', () => {
    const out = run(toggleRemovedEdge(model, 'a', 'e3'));
    expect(out.scenarios[0].removed).toEqual(['e3']);
    model = out;
    expect(run(toggleRemovedEdge(model, 'a', 'e3')).scenarios[0].removed).toEqual([]);
  });

  it('sets the response time and the exposure limit, and refuses values out of range', () => {
    const next = run(setParams(model, 'a', { responseHours: 24, maxExposure: 0.3 }));
    expect(next.scenarios[0].params).toEqual({ responseHours: 24, maxExposure: 0.3 });
    model = next;
    expect(run(setParams(model, 'a', { maxExposure: null })).scenarios[0].params).toEqual({ responseHours: 24 });
    expect(setParams(model, 'a', { responseHours: -1 })).toEqual([]);
    expect(setParams(model, 'a', { maxExposure: 1.5 })).toEqual([]);
    expect(setParams(model, 'a', { responseHours: 24 })).toEqual([]);
  });
});

describe('what-if patches', () => {
  let model: Model;

  beforeEach(() => {
    model = agentModel();
  });

  it('records only the changed prop, for this scenario only; the model keeps its value', () => {
    const edit = setWhatIf(model, 'a', ['e3'], { approval: true });
    if (!edit.ok) throw new Error(edit.message);
    const next = applyPatch(model, edit.patch);
    expect(next.scenarios[0].patches).toEqual([{ id: 'e3', props: { approval: true } }]);
    expect(next.edges.find((e) => e.id === 'e3')!.props).toEqual(model.edges.find((e) => e.id === 'e3')!.props);
    expect(checkScenario(next, next.scenarios[0])).toBeNull();
  });

  it("drops an override set back to the model's value, and the patch with it", () => {
    const on = setWhatIf(model, 'a', ['e3'], { approval: true });
    if (!on.ok) throw new Error(on.message);
    model = applyPatch(model, on.patch);
    const off = setWhatIf(model, 'a', ['e3'], { approval: false });
    if (!off.ok) throw new Error(off.message);
    expect(applyPatch(model, off.patch).scenarios[0].patches).toEqual([]);
  });

  it('refuses a value the schema refuses, naming the prop, and changes nothing', () => {
    const edit = setWhatIf(model, 'a', ['e1'], { access: 'root' });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.prop).toBe('access');
    expect(setWhatIf(model, 'a', ['token'], { ttlHours: -3 }).ok).toBe(false);
  });

  it('sets several items at once and merges with earlier overrides of the same item', () => {
    let edit = setWhatIf(model, 'a', ['token', 'crm-key'], { ttlHours: 1 });
    if (!edit.ok) throw new Error(edit.message);
    model = applyPatch(model, edit.patch);
    edit = setWhatIf(model, 'a', ['token'], { bound: true });
    if (!edit.ok) throw new Error(edit.message);
    model = applyPatch(model, edit.patch);
    expect(model.scenarios[0].patches).toEqual([
      { id: 'token', props: { ttlHours: 1, bound: true } },
      { id: 'crm-key', props: { ttlHours: 1 } },
    ]);
    expect(whatIfLines(model, model.scenarios[0])).toEqual([
      { id: 'token', prop: 'ttlHours', from: null, to: 1 },
      { id: 'token', prop: 'bound', from: false, to: true },
      { id: 'crm-key', prop: 'ttlHours', from: null, to: 1 },
    ]);
    model = applyPatch(model, dropWhatIf(model, 'a', 'token', 'ttlHours'));
    expect(model.scenarios[0].patches[0]).toEqual({ id: 'token', props: { bound: true } });
    model = applyPatch(model, dropWhatIf(model, 'a', 'token'));
    expect(model.scenarios[0].patches).toEqual([{ id: 'crm-key', props: { ttlHours: 1 } }]);
  });

  it('shows items with the overrides merged, for the inspector', () => {
    const edit = setWhatIf(model, 'a', ['e3'], { approval: true });
    if (!edit.ok) throw new Error(edit.message);
    model = applyPatch(model, edit.patch);
    const [e3] = withWhatIf(model.edges.filter((e) => e.id === 'e3'), model.scenarios[0]);
    expect(e3.props).toMatchObject({ approval: true, required: false });
    expect(withWhatIf(model.edges, null)).toBe(model.edges);
  });

  it('approval on the invokes edge as a what-if shrinks the blast radius', () => {
    const before = simulate(model, model.scenarios[0]);
    const edit = setWhatIf(model, 'a', ['e3'], { approval: true });
    if (!edit.ok) throw new Error(edit.message);
    const next = applyPatch(model, edit.patch);
    const after = simulate(next, next.scenarios[0]);
    expect(after.impacts.length).toBeLessThan(before.impacts.length);
    expect(after.summary.score).toBeLessThan(before.summary.score);
    expect(after.impacts.map((i) => i.node)).not.toContain('crm');
  });
});
