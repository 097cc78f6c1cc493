import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { explainPath, simulate } from '../../../shared/engine/index.ts';
import { move, setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { scenarioActions } from '../../../renderer/src/scenarios/actions.ts';
import { connectScenarios } from '../../../renderer/src/scenarios/controller.ts';
import { nodeOverlayOf } from '../../../renderer/src/scenarios/overlay.ts';
import type { RunRequest, RunResponse } from '../../../renderer/src/scenarios/protocol.ts';
import { runRequest } from '../../../renderer/src/scenarios/protocol.ts';
import type { Runner } from '../../../renderer/src/scenarios/runner.ts';
import { inlineRunner } from '../../../renderer/src/scenarios/runner.ts';
import { createScenarioStore } from '../../../renderer/src/scenarios/store.ts';
import type { ScenarioStore } from '../../../renderer/src/scenarios/store.ts';
import { createModelStore } from '../../../renderer/src/store/modelStore.ts';
import type { ModelStore } from '../../../renderer/src/store/modelStore.ts';
import { buildModel } from '../engine/build.ts';

function leakModel(): Model {
  return buildModel(
    [
      ['tok', 'secret'],
      ['role', 'identity'],
      ['db', 'datastore'],
      ['other', 'service'],
    ],
    [
      ['e1', 'authenticates', 'tok', 'role'],
      ['e2', 'grants', 'role', 'db', { access: 'write' }],
    ],
    [{ id: 's1', name: 'Leak', breaks: [{ mode: 'leak', node: 'tok' }] }],
  );
}

/** A runner whose answers the test releases one by one. */
function manualRunner() {
  const sent: { req: RunRequest; resolve: (r: RunResponse) => void }[] = [];
  const runner: Runner = {
    run: (req) => new Promise((resolve) => sent.push({ req, resolve })),
    dispose: () => {},
  };
  const answer = async (i: number) => {
    sent[i].resolve(runRequest(sent[i].req));
    await Promise.resolve();
    await Promise.resolve();
  };
  return { runner, sent, answer };
}

const flush = () => new Promise((r) => setTimeout(r, 5));

describe('the live scenario controller', () => {
  let models: ModelStore;
  let ui: ScenarioStore;
  let disconnect: () => void;

  beforeEach(() => {
    models = createModelStore(leakModel());
    ui = createScenarioStore();
  });
  afterEach(() => disconnect?.());

  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 200 && !ok(); i++) await flush();
    expect(ok()).toBe(true);
  };

  it('shows the result of the scenario picked, as simulate() gives it, without touching the model or its history', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    const model = models.getState().model;
    ui.getState().activate('s1');
    await until(() => ui.getState().shown !== null);
    const expected = simulate(model, model.scenarios[0]);
    expect(ui.getState().shown!.result).toEqual(expected);
    for (const i of expected.impacts) expect(nodeOverlayOf(ui.getState().overlay, i.node).effect).toBe(i.effect);
    expect(models.getState().model).toBe(model);
    expect(models.getState()).toMatchObject({ canUndo: false, canRedo: false, dirty: false });
  });

  it('undo after a simulation undoes the last model edit, and the overlay follows the model', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    const s = () => models.getState();
    s().apply(setLabel(s().model, 'db', 'Orders DB'), { label: 'Rename' });
    ui.getState().activate('s1');
    await until(() => ui.getState().shown !== null);
    const runs = ui.getState().run.count;
    s().undo();
    expect(s().model.nodes.find((n) => n.id === 'db')!.label).toBe('db');
    expect(s().canUndo).toBe(false);
    expect(s().canRedo).toBe(true);
    expect(ui.getState().activeId).toBe('s1');
    await until(() => ui.getState().run.count > runs && ui.getState().shown?.model === s().model);
    s().redo();
    expect(s().model.nodes.find((n) => n.id === 'db')!.label).toBe('Orders DB');
  });

  it('drops an answer to a request that a newer one replaced, and sends only the latest of a burst', async () => {
    const { runner, sent, answer } = manualRunner();
    disconnect = connectScenarios(models, ui, runner);
    // the initial lint
    expect(sent).toHaveLength(1);
    await answer(0);
    ui.getState().activate('s1');
    expect(sent).toHaveLength(2);
    const s = () => models.getState();
    s().apply(setLabel(s().model, 'db', 'one'));
    s().apply(setLabel(s().model, 'db', 'two'));
    s().apply(setLabel(s().model, 'db', 'three'));
    // one in flight, the burst waits as a single request
    expect(sent).toHaveLength(2);
    await answer(1);
    expect(ui.getState().shown).toBeNull();
    expect(sent).toHaveLength(3);
    expect(sent[2].req.model.nodes.find((n) => n.id === 'db')!.label).toBe('three');
    await answer(2);
    expect(ui.getState().shown!.model).toBe(s().model);
    expect(ui.getState().run.status).toBe('idle');
  });

  it('a move runs nothing: the shown answer follows the moved model a task later, and the next run carries the move', async () => {
    const { runner, sent, answer } = manualRunner();
    disconnect = connectScenarios(models, ui, runner);
    await answer(0);
    ui.getState().activate('s1');
    await answer(1);
    const { result } = ui.getState().shown!;
    const s = () => models.getState();
    s().apply(move(s().model, { nodes: new Map([['db', { x: 500, y: 80 }]]), boundaries: new Map() }), { label: 'Move' });
    expect(sent).toHaveLength(2);
    await flush();
    expect(sent).toHaveLength(2);
    expect(ui.getState().shown!.model).toBe(s().model);
    expect(ui.getState().shown!.result).toBe(result);
    expect(ui.getState().findingsModel).toBe(s().model);
    // The worker got neither model; the next request brings it both changes as one patch.
    const held = sent[1].req.model;
    s().apply(setLabel(s().model, 'db', 'Orders'), { label: 'Rename' });
    expect(sent).toHaveLength(3);
    const { change, model } = sent[2].req;
    expect(change?.from).toBe(held);
    expect(applyPatch(held, change!.patch)).toEqual(model);
    expect(model.nodes.find((n) => n.id === 'db')).toMatchObject({ label: 'Orders', position: { x: 500, y: 80 } });
  });

  it('keeps the shown result object when a re-run gives the same answer (the canvas has nothing to redraw)', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    ui.getState().activate('s1');
    await until(() => ui.getState().shown !== null);
    const { result } = ui.getState().shown!;
    const overlay = ui.getState().overlay;
    const runs = ui.getState().run.count;
    const s = () => models.getState();
    s().apply(setLabel(s().model, 'other', 'Something else'));
    await until(() => ui.getState().run.count > runs);
    expect(ui.getState().shown!.result).toBe(result);
    expect(ui.getState().shown!.model).toBe(s().model);
    expect(ui.getState().overlay).toBe(overlay);
  });

  it('raises the progress flag only for a run that takes longer than the threshold', async () => {
    vi.useFakeTimers();
    try {
      const { runner, sent, answer } = manualRunner();
      disconnect = connectScenarios(models, ui, runner, { slowMs: 200 });
      await answer(0);
      ui.getState().activate('s1');
      vi.advanceTimersByTime(150);
      expect(ui.getState().run).toMatchObject({ status: 'running', slow: false });
      vi.advanceTimersByTime(100);
      expect(ui.getState().run).toMatchObject({ status: 'running', slow: true });
      await answer(sent.length - 1);
      expect(ui.getState().run).toMatchObject({ status: 'idle', slow: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('explains the selected node with the engine, and highlights its path', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    ui.getState().activate('s1');
    await until(() => ui.getState().shown !== null);
    models.getState().setSelection({ nodes: ['db'], edges: [], boundaries: [] });
    const { model, result, scenario } = ui.getState().shown!;
    expect(ui.getState().explain!.steps).toEqual(explainPath(model, result, 'db', undefined, scenario));
    expect([...ui.getState().path.edges]).toEqual(['e1', 'e2']);
    models.getState().setSelection({ nodes: [], edges: [], boundaries: [] });
    expect(ui.getState().explain).toBeNull();
    expect(ui.getState().path.nodes.size).toBe(0);
  });

  it('reports a scenario the engine refuses, with its JSON path', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    const bad = buildModel([['a', 'service']], [], [{ id: 'x', breaks: [] }]);
    bad.scenarios[0].breaks.push({ mode: 'leak', node: 'a' });
    models.getState().loadModel(bad, { fileName: null, filePath: null });
    ui.getState().activate('x');
    await until(() => ui.getState().run.error !== null);
    expect(ui.getState().run.error!.path).toBe('scenario.breaks[0].mode');
    expect(ui.getState().shown).toBeNull();
  });

  it('stops showing a scenario that is gone, as when undo takes back its creation', async () => {
    disconnect = connectScenarios(models, ui, inlineRunner());
    const actions = scenarioActions(models, ui);
    actions.toggleBreak('db', 'compromise');
    const id = ui.getState().activeId!;
    expect(models.getState().model.scenarios.at(-1)).toMatchObject({ id, name: 'Compromise db', breaks: [{ mode: 'compromise', node: 'db' }] });
    await until(() => ui.getState().shown?.scenario.id === id);
    models.getState().undo();
    expect(ui.getState().activeId).toBeNull();
    await until(() => ui.getState().shown === null);
  });
});

describe('scenario actions', () => {
  let models: ModelStore;
  let ui: ScenarioStore;

  beforeEach(() => {
    models = createModelStore(leakModel());
    ui = createScenarioStore();
  });

  it('a break chosen with a scenario shown goes into it, and choosing it again takes it out, one undo step each', () => {
    const actions = scenarioActions(models, ui);
    actions.show('s1');
    actions.toggleBreak('other', 'outage');
    expect(models.getState().model.scenarios[0].breaks).toEqual([
      { mode: 'leak', node: 'tok' },
      { mode: 'outage', node: 'other' },
    ]);
    actions.toggleBreak('other', 'outage');
    expect(models.getState().model.scenarios[0].breaks).toEqual([{ mode: 'leak', node: 'tok' }]);
    models.getState().undo();
    expect(models.getState().model.scenarios[0].breaks).toHaveLength(2);
  });

  it('deleting the shown scenario shows its neighbour', () => {
    const actions = scenarioActions(models, ui);
    const second = actions.create();
    actions.show('s1');
    actions.remove('s1');
    expect(ui.getState().activeId).toBe(second);
    actions.remove(second);
    expect(ui.getState().activeId).toBeNull();
  });

  it('what-if edits go to the shown scenario, never to the model', () => {
    const actions = scenarioActions(models, ui);
    actions.show('s1');
    const before = models.getState().model.edges;
    const edit = actions.whatIf(['e2'], { access: 'read' });
    expect(edit.ok).toBe(true);
    expect(models.getState().model.edges).toBe(before);
    expect(models.getState().model.scenarios[0].patches).toEqual([{ id: 'e2', props: { access: 'read' } }]);
    expect(actions.whatIf(['e2'], { access: 'everything' }).ok).toBe(false);
  });
});
