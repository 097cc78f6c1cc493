import { describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { addNode, deleteItems, move, setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { createWireEncoder, createWorkerCore, decodeModel, encodeModel } from '../../../renderer/src/scenarios/protocol.ts';
import { toggleBreak } from '../../../renderer/src/scenarios/scenarioOps.ts';
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
    const first = encodeModel(null, { model: m })!;
    expect('full' in first).toBe(true);
    expect(decodeModel(null, first)).toEqual(m);
    expect(encodeModel(m, { model: m })).toBeNull();
  });

  it("after an edit, carries the history's patch, and decodes to the edited model", () => {
    const m = model();
    const patch = setLabel(m, 'db', 'Orders');
    const next = applyPatch(m, patch);
    const wire = encodeModel(m, { model: next, change: { from: m, patch } })!;
    expect(wire).toEqual({ patch: JSON.stringify(patch) });
    expect(decodeModel(m, wire)).toEqual(next);
  });

  it('goes whole when the patch does not start from the model the worker holds, or there is none', () => {
    const m = model();
    const once = applyPatch(m, setLabel(m, 'db', 'Orders'));
    const patch = setLabel(once, 'db', 'Payments');
    const twice = applyPatch(once, patch);
    expect(encodeModel(m, { model: twice, change: { from: once, patch } })).toEqual({ full: JSON.stringify(twice) });
    expect(encodeModel(m, { model: once, change: null })).toEqual({ full: JSON.stringify(once) });
  });

  it('the worker core answers with the engine, as JSON, over a run of deltas', () => {
    const encode = createWireEncoder();
    const handle = createWorkerCore();
    let m = model();
    const first = handle(encode({ id: 1, model: m, scenario: m.scenarios[0], lint: true }));
    expect(JSON.parse(first.result!)).toEqual(simulate(m, m.scenarios[0]));
    expect(JSON.parse(first.findings!)).toEqual(lintModel(m));
    const before = m;
    const patch = toggleBreak(m, 's1', { mode: 'compromise', node: 'db' });
    m = applyPatch(m, patch);
    const msg = encode({ id: 2, model: m, change: { from: before, patch }, scenario: m.scenarios[0], lint: false });
    expect(msg.model).toHaveProperty('patch');
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

describe("the worker follows the history's patches", () => {
  it('holds, after a run of edits sent as patches, the model a full resync gives', () => {
    const core = createWorkerCore();
    const encode = createWireEncoder();
    let m = model();
    const first = encode({ id: 1, model: m, scenario: null, lint: true });
    core(first);
    // What the worker holds, decoded as it decodes.
    let held = decodeModel(null, first.model!);
    const edits = [
      (x: Model) => setLabel(x, 'db', 'Orders'),
      (x: Model) => move(x, { nodes: new Map([['tok', { x: 40, y: 9 }]]), boundaries: new Map() }),
      (x: Model) => deleteItems(x, { nodes: ['role'], edges: [], boundaries: [] }),
      (x: Model) => addNode(x, 'identity', { x: 1, y: 1 }).patch,
    ];
    let id = 2;
    for (const edit of edits) {
      const patch = edit(m);
      const from = m;
      m = applyPatch(m, patch);
      const msg = encode({ id: id++, model: m, change: { from, patch }, scenario: null, lint: true });
      expect(msg.model).toHaveProperty('patch');
      held = decodeModel(held, msg.model!);
      expect(held).toEqual(m);
      const patched = core(msg);
      const whole = createWorkerCore()(createWireEncoder()({ id: 0, model: m, scenario: null, lint: true }));
      expect(patched.findings).toBe(whole.findings);
    }
    // The worker's model itself: what it simulates from now equals a fresh worker given the whole model.
    const scenario = m.scenarios[0];
    expect(core(encode({ id: id++, model: m, scenario, lint: false })).result).toBe(JSON.stringify(simulate(m, scenario)));
    expect(decodeModel(null, encodeModel(null, { model: m })!)).toEqual(m);
  });
});
