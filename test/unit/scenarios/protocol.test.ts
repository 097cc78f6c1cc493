import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { createWireEncoder, createWorkerCore, decodeModel, encodeModel } from '../../../renderer/src/scenarios/protocol.ts';
import { createScenario, toggleBreak } from '../../../renderer/src/scenarios/scenarioOps.ts';
import { buildModel } from '../engine/build.ts';

const model = () =>
  buildModel(
    [
      ['tok', 'secret'],
      ['role', 'identity'],
      ['db', 'datastore'],
    ],
    [
      ['e1', 'authenticates', 'tok', 'role'],
      ['e2', 'grants', 'role', 'db', { access: 'write' }],
    ],
    [{ id: 's1', name: 'Leak', breaks: [{ mode: 'leak', node: 'tok' }] }],
  );

describe('the model on the wire to the worker', () => {
  it('goes whole the first time, then as nothing when unchanged', () => {
    const m = model();
    const first = encodeModel(null, m)!;
    expect('full' in first).toBe(true);
    expect(decodeModel(null, first)).toEqual(m);
    expect(encodeModel(m, m)).toBeNull();
  });

  it('after an edit, carries only the changed item, and decodes to the edited model', () => {
    const m = model();
    const next = applyPatch(m, setLabel(m, 'db', 'Orders'));
    const wire = encodeModel(m, next)!;
    expect(wire).toEqual({ head: null, lists: [{ coll: 'nodes', changed: [[2, JSON.stringify(next.nodes[2])]] }] });
    expect(decodeModel(m, wire)).toEqual(next);
  });

  it('sends a whole list when items were added or removed, and the fields outside the lists when they changed', () => {
    const m = model();
    const added = applyPatch(m, createScenario(m).patch);
    const renamed = { ...added, name: 'Renamed' };
    const wire = encodeModel(m, renamed)!;
    expect(wire).toMatchObject({ lists: [{ coll: 'scenarios', full: JSON.stringify(renamed.scenarios) }] });
    expect('head' in wire && wire.head).toBeTruthy();
    expect(decodeModel(m, wire)).toEqual(renamed);
  });

  it('the worker core answers with the engine, as JSON, over a run of deltas', () => {
    const encode = createWireEncoder();
    const handle = createWorkerCore();
    let m = model();
    const first = handle(encode({ id: 1, model: m, scenario: m.scenarios[0], lint: true }));
    expect(JSON.parse(first.result!)).toEqual(simulate(m, m.scenarios[0]));
    expect(JSON.parse(first.findings!)).toEqual(lintModel(m));
    m = applyPatch(m, toggleBreak(m, 's1', { mode: 'compromise', node: 'db' }));
    const msg = encode({ id: 2, model: m, scenario: m.scenarios[0], lint: false });
    expect(msg.model).toMatchObject({ lists: [{ coll: 'scenarios' }] });
    const second = handle(msg);
    expect(JSON.parse(second.result!)).toEqual(simulate(m, m.scenarios[0]));
    expect(second.findings).toBeNull();
  });

  it('names the JSON path of a scenario the engine refuses', () => {
    const m = model();
    const handle = createWorkerCore();
    const res = handle(createWireEncoder()({ id: 1, model: m, scenario: { ...m.scenarios[0], breaks: [{ mode: 'leak', node: 'db' }] }, lint: false }));
    expect(res.result).toBeNull();
    expect(res.error).toMatchObject({ path: 'scenario.breaks[0].mode' });
  });
});
