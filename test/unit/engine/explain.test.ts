/** The path shown to the user, from the break to a node. */
import { describe, expect, it } from 'vitest';
import { explainEntries, explainPath, simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel } from './build.ts';

const model = () =>
  buildModel(
    [
      ['ci-token', 'secret', { ttlHours: 1 }],
      ['deploy-role', 'identity'],
      ['prod-db', 'datastore'],
      ['runner', 'service'],
      ['bound-key', 'secret', { bound: true }],
      ['admin-role', 'identity'],
      ['bot', 'agent'],
      ['refund', 'tool'],
      ['ca', 'issuer'],
      ['cert', 'secret', { ttlHours: 24 }],
    ],
    [
      ['e1', 'authenticates', 'ci-token', 'deploy-role'],
      ['e2', 'grants', 'deploy-role', 'prod-db', { access: 'write' }],
      ['e3', 'holds', 'runner', 'bound-key'],
      ['e4', 'authenticates', 'bound-key', 'admin-role'],
      ['e5', 'invokes', 'bot', 'refund'],
      ['e6', 'issued-by', 'cert', 'ca'],
      ['e7', 'holds', 'runner', 'cert'],
    ],
  );

describe('explainPath', () => {
  it('walks from the break to the node, with rules, controls and sentences', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('leak:ci-token') });
    const path = explainPath(m, r, 'prod-db');
    expect(path.map((s) => s.node)).toEqual(['ci-token', 'deploy-role', 'prod-db']);
    expect(path[0]).toMatchObject({ effect: 'control', at: 0, edge: null, from: null, rule: 'break: leak', control: null, sentence: 'ci-token leaked at 0 h' });
    expect(path[1]).toMatchObject({
      edge: 'e1',
      edgeKind: 'authenticates',
      from: 'ci-token',
      fromEffect: 'control',
      rule: 'stolen copy',
      // nobody holds ci-token: binding it to a holder is no fix (v1.1: text follows the model)
      control: 'a TTL or rotation shorter than 30 min',
      sentence: 'ci-token authenticates as deploy-role at 30 min',
    });
    expect(path[2]).toMatchObject({ effect: 'write', at: 1, rule: 'grants write', control: 'lower access', sentence: 'deploy-role grants write on prod-db at 1 h' });
  });

  it('names "through a holder" when the secret is bound and its holder is controlled', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('compromise:runner') });
    const last = explainPath(m, r, 'admin-role').at(-1)!;
    expect(last).toMatchObject({ rule: 'through a holder', control: 'remove the edge', sentence: 'bound-key authenticates as admin-role through runner at 30 min' });
  });

  it('names the control of an agent step', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('prompt-injection:bot') });
    expect(explainPath(m, r, 'refund')[1]).toMatchObject({ rule: 'invokes tool', control: 'approval on the invokes edge' });
  });

  it('explains an availability path', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('outage:ca') });
    const path = explainPath(m, r, 'runner');
    expect(path.map((s) => `${s.node} ${s.effect}@${s.at}`)).toEqual(['ca down@0', 'cert down@24', 'runner down@24']);
    expect(path[0].sentence).toBe('ca went down at 0 h');
    expect(path[1]).toMatchObject({ rule: 'availability: issuer down, credential expires', sentence: 'cert down at 24 h: its issuer ca is down and it expired' });
    expect(path[2]).toMatchObject({ rule: 'availability: required secret down', control: 'required: false on the holds edge' });
  });

  it('explains a lower level by the step that reached it or above, and an unreached node by nothing', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('leak:ci-token') });
    expect(explainPath(m, r, 'deploy-role', 'read').at(-1)).toMatchObject({ node: 'deploy-role', effect: 'control' });
    expect(explainPath(m, r, 'refund')).toEqual([]);
    expect(explainPath(m, r, 'prod-db', 'control')).toEqual([]);
  });

  it('defaults to the highest impact: security before availability', () => {
    const m = model();
    const r = simulate(m, { breaks: breaks('outage:ca', 'compromise:runner') });
    expect(explainPath(m, r, 'runner')).toHaveLength(1);
    expect(explainPath(m, r, 'runner')[0]).toMatchObject({ effect: 'control', rule: 'break: compromise', sentence: 'runner compromised at 0 h' });
    expect(explainPath(m, r, 'runner', 'down').map((s) => s.node)).toEqual(['ca', 'cert', 'runner']);
  });

  it('reads patches from the scenario it is given', () => {
    const m = model();
    const scenario = { breaks: breaks('leak:ci-token', 'compromise:runner'), patches: [{ id: 'ci-token', props: { bound: true } }] };
    const r = simulate(m, scenario);
    // bound: not a stolen copy; and with no holder of ci-token, deploy-role is not reached at all
    expect(explainPath(m, r, 'deploy-role', undefined, scenario)).toEqual([]);
  });
});

describe('explainEntries', () => {
  it('tells each trace entry as the last step of its own path does', () => {
    const m = model();
    const scenario = { breaks: breaks('leak:ci-token', 'outage:ca') };
    const r = simulate(m, scenario);
    const told = explainEntries(m, r, r.trace, scenario);
    expect(told).toHaveLength(r.trace.length);
    for (const [i, entry] of r.trace.entries()) {
      const path = explainPath(m, r, entry.node, entry.effect, scenario);
      expect(told[i]).toEqual(path.at(-1));
    }
  });
});
