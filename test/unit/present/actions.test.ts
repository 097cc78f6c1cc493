import { beforeEach, describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { playbackActions } from '../../../renderer/src/present/actions.ts';
import type { PlaybackActions } from '../../../renderer/src/present/actions.ts';
import { playbackOf } from '../../../renderer/src/present/playback.ts';
import { createPresentStore } from '../../../renderer/src/present/store.ts';
import type { PresentStore } from '../../../renderer/src/present/store.ts';
import { createScenarioStore } from '../../../renderer/src/scenarios/store.ts';
import type { ScenarioStore } from '../../../renderer/src/scenarios/store.ts';
import { buildModel } from '../engine/build.ts';

function leak(): Model {
  return buildModel(
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
}

describe('moving through a shown radius', () => {
  let scenarios: ScenarioStore;
  let player: PresentStore;
  let actions: PlaybackActions;

  beforeEach(() => {
    const model = leak();
    const scenario = model.scenarios[0];
    scenarios = createScenarioStore({ activeId: 's1' });
    scenarios.setState({ shown: { model, scenario, result: simulate(model, scenario) } });
    player = createPresentStore();
    actions = playbackActions(scenarios, player);
  });

  const at = () => scenarios.getState().playhead;

  it('stands at the last hop while the whole radius is shown', () => {
    expect(at()).toBeNull();
    expect(actions.position()).toEqual({ index: 2, count: 3 });
  });

  it('steps one hop back and forth, and stops at either end', () => {
    actions.first();
    expect(at()).toEqual({ at: 0, depth: 0 });
    actions.prev();
    expect(at()).toEqual({ at: 0, depth: 0 });
    actions.next();
    expect(at()).toEqual({ at: 0.5, depth: 1 });
    actions.next();
    actions.next();
    expect(at()).toEqual({ at: 1, depth: 2 });
    expect(actions.position().index).toBe(2);
  });

  it('seeks to an hour, whole', () => {
    actions.seek(0.7);
    expect(at()).toEqual({ at: 0.7, depth: Infinity });
    expect(actions.position().index).toBe(1);
  });

  it('leaves the moment alone when seeking the hour already shown whole (a drag seeks every frame)', () => {
    actions.seek(0.7);
    const shown = scenarios.getState().playhead;
    actions.seek(0.7);
    expect(scenarios.getState().playhead).toBe(shown);
    actions.first();
    actions.seek(0);
    expect(at()).toEqual({ at: 0, depth: Infinity });
  });

  it('plays from the break when started at the end, and pauses', () => {
    actions.togglePlay();
    expect(player.getState().playing).toBe(true);
    expect(at()).toEqual({ at: 0, depth: 0 });
    actions.togglePlay();
    expect(player.getState().playing).toBe(false);
  });

  it('does nothing with no result shown', () => {
    scenarios.setState({ shown: null });
    actions.next();
    actions.togglePlay();
    expect(at()).toBeNull();
    expect(player.getState().playing).toBe(false);
  });

  it('counts the hops of the result shown', () => {
    expect(actions.position().count).toBe(playbackOf(scenarios.getState().shown!.result).hops.length);
  });
});
