/** Breaks (§6) and the scenario input checks. */
import { describe, expect, it } from 'vitest';
import { checkScenario, ScenarioError, simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel, impactMap } from './build.ts';

const model = () =>
  buildModel([
    ['key', 'secret'],
    ['renewing', 'secret', { autoRenew: true }],
    ['role', 'identity'],
    ['api', 'service'],
    ['bot', 'agent'],
    ['lib', 'dependency'],
  ], [['e1', 'runs-as', 'api', 'role']]);

describe('break modes (§6)', () => {
  it.each([
    ['leak', 'key'],
    ['compromise', 'api'],
    ['compromise', 'role'],
    ['prompt-injection', 'bot'],
    ['supply-chain', 'lib'],
  ])('%s on %s: control at 0 with no via', (mode, node) => {
    const r = simulate(model(), { breaks: breaks(`${mode}:${node}`) });
    // A stolen secret says until when its copy works (§5, v1.1): with no TTL nor rotation, never ends.
    const until = mode === 'leak' ? { until: null } : {};
    expect(r.impacts.find((i) => i.node === node)).toEqual({ node, effect: 'control', at: 0, via: null, silent: false, ...until });
  });

  it.each([
    ['expire', 'key'],
    ['revoke', 'key'],
    ['revoke', 'role'],
    ['outage', 'api'],
    ['outage', 'lib'],
  ])('%s on %s: down at 0 with no via', (mode, node) => {
    const r = simulate(model(), { breaks: breaks(`${mode}:${node}`) });
    expect(r.impacts.find((i) => i.node === node)).toMatchObject({ node, effect: 'down', at: 0, via: null });
  });

  it('expire on a secret that renews itself has no effect and is listed as prevented', () => {
    const r = simulate(model(), { breaks: breaks('expire:renewing') });
    expect(r.impacts).toEqual([]);
    expect(r.prevented).toEqual([{ mode: 'expire', node: 'renewing', reason: 'autoRenew' }]);
  });

  it('a patch can turn autoRenew on for one scenario', () => {
    const r = simulate(model(), { breaks: breaks('expire:key'), patches: [{ id: 'key', props: { autoRenew: true } }] });
    expect(r.prevented).toHaveLength(1);
  });

  it('several breaks are simulated together', () => {
    const r = simulate(model(), { breaks: breaks('leak:key', 'outage:api') });
    expect(impactMap(r)).toEqual({ 'key:control': '0', 'api:down': '0' });
  });

  it('the result names the scenario, "adhoc" by default', () => {
    expect(simulate(model(), { breaks: breaks('leak:key') }).scenario.id).toBe('adhoc');
    expect(simulate(model(), { id: 's1', breaks: [] }).scenario.id).toBe('s1');
  });

  it('the result echoes everything simulated: breaks, patches, removed, responses and params (§8, v1.1)', () => {
    const scenario = {
      id: 's2',
      breaks: breaks('leak:key'),
      patches: [{ id: 'api', props: { criticality: 5 } }],
      removed: ['e1'],
      responses: [{ action: 'rotate' as const, node: 'key', at: 4 }],
      params: { maxExposure: 0.3 },
    };
    expect(simulate(model(), scenario).scenario).toEqual({
      id: 's2',
      breaks: breaks('leak:key'),
      patches: [{ id: 'api', props: { criticality: 5 } }],
      removed: ['e1'],
      responses: [{ action: 'rotate', node: 'key', at: 4 }],
      params: { responseHours: 648, maxExposure: 0.3 },
    });
    expect(simulate(model(), { breaks: breaks('leak:key') }).scenario).toEqual({
      id: 'adhoc',
      breaks: breaks('leak:key'),
      patches: [],
      removed: [],
      responses: [],
      params: { responseHours: 648 },
    });
  });
});

describe('bad scenario input', () => {
  it.each([
    [{ breaks: breaks('leak:nope') }, 'scenario.breaks[0].node', 'scenario.breaks[0].node: no node "nope"'],
    [{ breaks: breaks('leak:key', 'leak:api') }, 'scenario.breaks[1].mode', 'scenario.breaks[1].mode: "leak" does not apply to a service ("api")'],
    [{ breaks: breaks('compromise:key') }, 'scenario.breaks[0].mode', undefined],
    [{ breaks: breaks('prompt-injection:api') }, 'scenario.breaks[0].mode', undefined],
    [{ breaks: [], patches: [{ id: 'ghost', props: {} }] }, 'scenario.patches[0].id', undefined],
    [{ breaks: [], patches: [{ id: 'e1', props: { delayHours: -1 } }] }, 'scenario.patches[0].props.delayHours', undefined],
    [{ breaks: [], patches: [{ id: 'key', props: { bound: 'yes' } }] }, 'scenario.patches[0].props.bound', undefined],
    [{ breaks: [], removed: ['e1', 'ghost'] }, 'scenario.removed[1]', undefined],
    [{ breaks: [], params: { responseHours: -2 } }, 'scenario.params.responseHours', undefined],
  ])('refuses %j at %s', (scenario, path, message) => {
    const problem = checkScenario(model(), scenario as never);
    expect(problem).toBeInstanceOf(ScenarioError);
    expect(problem?.path).toBe(path);
    expect(problem?.message.startsWith(`${path}: `)).toBe(true);
    if (message) expect(problem?.message).toBe(message);
    expect(() => simulate(model(), scenario as never)).toThrow(ScenarioError);
  });

  it('accepts a good scenario', () => {
    const scenario = { breaks: breaks('leak:key'), patches: [{ id: 'e1', props: { delayHours: 2 } }], removed: ['e1'] };
    expect(checkScenario(model(), scenario)).toBeNull();
  });
});
