/** The rules domain 1.1 adds: signs (§4), invalid carries nothing and rotation (§5), responses (§6), until and detectedBy (§8). */
import { describe, expect, it } from 'vitest';
import type { ScenarioResponse } from '../../../shared/domain/index.ts';
import { checkScenario, explainPath, simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel, impact, impactMap } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

const rotate = (node: string, at: number): ScenarioResponse => ({ action: 'rotate', node, at });
const revoke = (node: string, at: number): ScenarioResponse => ({ action: 'revoke', node, at });

/** tok (leaked) authenticates as role at 0.5 h; role grants write on db (0.5 h) and admin on ops (5 h). */
const chain = (tokProps: Record<string, unknown> = {}, extraNodes: NodeSpec[] = [], extraEdges: EdgeSpec[] = []) =>
  buildModel(
    [['tok', 'secret', tokProps], ['role', 'identity'], ['db', 'datastore'], ['ops', 'service'], ...extraNodes],
    [
      ['a', 'authenticates', 'tok', 'role'],
      ['g', 'grants', 'role', 'db', { access: 'write' }],
      ['x', 'grants', 'role', 'ops', { access: 'admin', delayHours: 5 }],
      ...extraEdges,
    ],
  );

describe('signs (§4)', () => {
  const pki = (keyProps: Record<string, unknown> = {}, signsProps: Record<string, unknown> = {}) =>
    buildModel(
      [['key', 'secret', { secretType: 'signing-key', ...keyProps }], ['idp', 'issuer'], ['app', 'service'], ['tok', 'secret', { ttlHours: 2 }]],
      [['s', 'signs', 'key', 'idp', signsProps], ['t', 'trusts', 'app', 'idp'], ['i', 'issued-by', 'tok', 'idp']],
    );

  it('a stolen signing key controls its issuer after 1 h, and the issuer’s relying parties after that', () => {
    const r = simulate(pki(), { breaks: breaks('leak:key') });
    expect(impact(r, 'idp')).toMatchObject({ effect: 'control', at: 1, via: { edge: 's', from: 'key', fromEffect: 'control' } });
    expect(impact(r, 'app')).toMatchObject({ effect: 'control', at: 1.5, via: { edge: 't', from: 'idp' } });
    expect(impact(r, 'tok')).toMatchObject({ effect: 'control', at: 2, via: { edge: 'i', from: 'idp' } });
  });

  it('follows the secret rules: a bound key nobody controls forges nothing, a TTL shorter than the delay neither', () => {
    expect(impactMap(simulate(pki({ bound: true }), { breaks: breaks('leak:key') }))).toEqual({ 'key:control': '0' });
    expect(impactMap(simulate(pki({ ttlHours: 0.5 }), { breaks: breaks('leak:key') }))).toEqual({ 'key:control': '0' });
  });

  it('the key down takes a required issuer down, and its credentials after their TTL; not when it is not required', () => {
    const r = simulate(pki(), { breaks: breaks('revoke:key') });
    expect(impactMap(r)).toEqual({ 'key:down': '0', 'idp:down': '0', 'tok:down': '2' });
    expect(impact(r, 'idp')).toMatchObject({ via: { edge: 's', from: 'key', fromEffect: 'down' } });
    expect(impactMap(simulate(pki({}, { required: false }), { breaks: breaks('revoke:key') }))).toEqual({ 'key:down': '0' });
  });

  it('explains the forged step and offers no binding for a signing key', () => {
    const m = pki();
    const r = simulate(m, { breaks: breaks('leak:key') });
    const step = explainPath(m, r, 'idp').at(-1)!;
    expect(step).toMatchObject({ rule: 'stolen copy', control: 'a TTL or rotation shorter than 1 h' });
    expect(step.sentence).toBe('key signs for idp at 1 h: idp controlled (it mints what the key signs)');
  });
});

describe('invalid carries nothing (§5)', () => {
  it('leak plus expire of the same secret reaches nothing beyond it', () => {
    const m = chain({}, [['cache', 'datastore']], [['z', 'grants', 'tok', 'cache']]);
    const r = simulate(m, { breaks: breaks('leak:tok', 'expire:tok') });
    expect(impactMap(r)).toEqual({ 'tok:control': '0', 'tok:down': '0' });
    expect(impact(r, 'tok', 'control')?.until).toBe(0);
  });

  it('carries a step that arrives at the hour of invalidation, as a TTL and a rotation do ("after u" is strict)', () => {
    const m = chain({}, [['cache', 'datastore']], [['z', 'grants', 'tok', 'cache', { delayHours: 0 }]]);
    const r = simulate(m, { breaks: breaks('leak:tok', 'expire:tok') });
    expect(impactMap(r)).toEqual({ 'tok:control': '0', 'tok:down': '0', 'cache:read': '0' });
  });

  it('leak plus revoke of the same secret reaches nothing beyond it, for the attacker and for its holders', () => {
    const m = chain({}, [['api', 'service']], [['h', 'holds', 'api', 'tok']]);
    expect(impact(simulate(m, { breaks: breaks('compromise:api', 'revoke:tok') }), 'role')).toBeUndefined();
    expect(impact(simulate(m, { breaks: breaks('leak:tok', 'revoke:tok') }), 'role')).toBeUndefined();
  });

  it('an identity revoked at 0 and compromised carries nothing', () => {
    const r = simulate(chain(), { breaks: breaks('compromise:role', 'revoke:role') });
    expect(impactMap(r)).toEqual({ 'role:control': '0', 'role:down': '0' });
  });

  it('a datastore outage does not stop a copy already stolen', () => {
    const m = chain({}, [['vault', 'datastore']], [['v', 'contains', 'vault', 'tok', { required: true }]]);
    const r = simulate(m, { breaks: breaks('leak:tok', 'outage:vault') });
    expect(impact(r, 'tok', 'down')).toMatchObject({ at: 0, via: { edge: 'v', from: 'vault' } });
    expect(impact(r, 'role')).toMatchObject({ effect: 'control', at: 0.5 });
    expect(impact(r, 'ops')).toMatchObject({ effect: 'control', at: 5.5 });
    expect(impact(r, 'tok', 'control')?.until).toBeNull();
  });

  it('a secret whose issuer is down dies when its TTL runs out: steps arriving from then on do not happen', () => {
    // the issuer is down at 0; tok (TTL 2 h) goes down and is invalid at 2; the grant arriving at 3 is lost
    const m = chain({ ttlHours: 2 }, [['ca', 'issuer'], ['late', 'datastore']], [['i', 'issued-by', 'tok', 'ca'], ['l', 'grants', 'tok', 'late', { delayHours: 3, access: 'admin' }]]);
    const without = simulate(m, { breaks: breaks('leak:tok') });
    expect(impact(without, 'late')).toBeUndefined(); // the copy only lives 2 h anyway
    const viaHolder = chain(
      { ttlHours: 2 },
      [['ca', 'issuer'], ['late', 'datastore'], ['api', 'service']],
      [['i', 'issued-by', 'tok', 'ca'], ['l', 'grants', 'tok', 'late', { delayHours: 3, access: 'admin' }], ['h', 'holds', 'api', 'tok']],
    );
    // a controlled holder gets every new copy, until the issuer stops issuing them
    expect(impact(simulate(viaHolder, { breaks: breaks('compromise:api') }), 'late')).toMatchObject({ at: 3 });
    const r = simulate(viaHolder, { breaks: breaks('compromise:api', 'outage:ca') });
    expect(impact(r, 'tok', 'down')?.at).toBe(2);
    expect(impact(r, 'late')).toBeUndefined();
    expect(impact(r, 'role')).toMatchObject({ at: 0.5 });
    expect(impact(r, 'tok', 'control')?.until).toBe(2);
  });

  it('an issuer outage invalidates: removing the issued-by edge lets the holder’s secret carry on (where §7 monotonicity stops)', () => {
    const m = chain(
      { ttlHours: 2 },
      [['ca', 'issuer'], ['api', 'service'], ['late', 'datastore']],
      [['i', 'issued-by', 'tok', 'ca'], ['h', 'holds', 'api', 'tok'], ['l', 'grants', 'tok', 'late', { delayHours: 3 }]],
    );
    const scenario = { breaks: breaks('compromise:api', 'outage:ca') };
    expect(impact(simulate(m, scenario), 'late')).toBeUndefined();
    expect(impact(simulate(m, { ...scenario, removed: ['i'] }), 'late')).toMatchObject({ at: 3 });
  });
});

describe('rotate responses (§5, §6)', () => {
  it('a rotation before the first step cuts everything beyond the secret', () => {
    const r = simulate(chain(), { breaks: breaks('leak:tok'), responses: [rotate('tok', 0.25)] });
    expect(impactMap(r)).toEqual({ 'tok:control': '0' });
    expect(impact(r, 'tok')?.until).toBe(0.25);
  });

  it('a rotation after the first step keeps it and what follows from it', () => {
    const r = simulate(chain(), { breaks: breaks('leak:tok'), responses: [rotate('tok', 2)] });
    expect(impactMap(r)).toEqual({ 'tok:control': '0', 'role:control': '0.5', 'db:write': '1', 'ops:control': '5.5' });
    expect(impact(r, 'tok')?.until).toBe(2);
  });

  it('keeps a step arriving exactly at the rotation (at or before it, §5)', () => {
    expect(impact(simulate(chain(), { breaks: breaks('leak:tok'), responses: [rotate('tok', 0.5)] }), 'role')?.at).toBe(0.5);
  });

  it('does not touch a copy taken at or after the rotation: it is a copy of the new secret', () => {
    const r = simulate(chain(), { breaks: breaks('leak:tok'), responses: [rotate('tok', 0)] });
    expect(impact(r, 'role')?.at).toBe(0.5);
    expect(impact(r, 'tok')?.until).toBeNull();
  });

  it('the first rotation after the theft ends the copy; later ones change nothing', () => {
    const r = simulate(chain(), { breaks: breaks('leak:tok'), responses: [rotate('tok', 9), rotate('tok', 0.25)] });
    expect(impactMap(r)).toEqual({ 'tok:control': '0' });
  });

  it('does not stop a holder the attacker controls: it gets the new secret', () => {
    const m = chain({}, [['api', 'service']], [['h', 'holds', 'api', 'tok']]);
    const r = simulate(m, { breaks: breaks('compromise:api'), responses: [rotate('tok', 0.25)] });
    expect(impact(r, 'role')).toMatchObject({ at: 0.5, via: { edge: 'a', from: 'tok' } });
    expect(impact(r, 'tok')?.until).toBeNull();
    expect(explainPath(m, r, 'role').at(-1)).toMatchObject({ rule: 'through a holder', sentence: 'tok authenticates as role through api at 30 min' });
  });

  it('a holder reached after the rotation takes the step the cut copy could not', () => {
    // tok leaks at 0 and is rotated at 0.25; the attacker controls its holder at 3 (a 3 h deploy)
    const m = chain({}, [['api', 'service'], ['ci', 'pipeline']], [['h', 'holds', 'api', 'tok'], ['d', 'deploys', 'ci', 'api', { delayHours: 3 }]]);
    const r = simulate(m, { breaks: breaks('leak:tok', 'compromise:ci'), responses: [rotate('tok', 0.25)] });
    expect(impact(r, 'role')).toMatchObject({ at: 3.5, via: { edge: 'a', from: 'tok', fromEffect: 'control' } });
  });

  it('combines with the copy’s validity: the earlier end wins', () => {
    const r = simulate(chain({ ttlHours: 1 }), { breaks: breaks('leak:tok'), responses: [rotate('tok', 24)] });
    expect(impact(r, 'tok')?.until).toBe(1);
  });
});

describe('revoke responses (§6)', () => {
  it('an identity revoked at an hour keeps what it reached before and stops what comes after', () => {
    const m = chain({}, [['api', 'service']], [['r', 'runs-as', 'api', 'role']]);
    const r = simulate(m, { breaks: breaks('leak:tok'), responses: [revoke('role', 3)] });
    expect(impact(r, 'db')).toMatchObject({ effect: 'write', at: 1 });
    expect(impact(r, 'ops')).toBeUndefined();
    // the revocation is the root of its down: via null at its hour, and what runs as the role goes down with it
    expect(impact(r, 'role', 'down')).toMatchObject({ at: 3, via: null });
    expect(impact(r, 'api', 'down')).toMatchObject({ at: 3, via: { edge: 'r', from: 'role', fromEffect: 'down' } });
    expect(explainPath(m, r, 'api', 'down').map((s) => s.sentence)).toEqual(['role revoked at 3 h (response)', 'api down at 3 h: its identity role is down']);
  });

  it('a secret revoked at an hour takes its holders down then, and its copy dies then', () => {
    const m = chain({}, [['api', 'service']], [['h', 'holds', 'api', 'tok']]);
    const r = simulate(m, { breaks: breaks('leak:tok'), responses: [revoke('tok', 0.25)] });
    expect(impactMap(r)).toEqual({ 'tok:control': '0', 'api:down': '0.25', 'tok:down': '0.25' });
    expect(impact(r, 'tok', 'control')?.until).toBe(0.25);
  });

  it('carries a step arriving at the revocation hour itself, and none later', () => {
    expect(impact(simulate(chain(), { breaks: breaks('leak:tok'), responses: [revoke('tok', 0.5)] }), 'role')).toMatchObject({ at: 0.5 });
    expect(impact(simulate(chain(), { breaks: breaks('leak:tok'), responses: [revoke('tok', 0.49)] }), 'role')).toBeUndefined();
  });

  it('is refused on a kind it does not apply to, a missing node or a bad hour, with its path', () => {
    const m = chain();
    expect(checkScenario(m, { breaks: [], responses: [revoke('db', 1)] })?.message).toBe('scenario.responses[0].action: "revoke" does not apply to a datastore ("db")');
    expect(checkScenario(m, { breaks: [], responses: [rotate('role', 1)] })?.message).toBe('scenario.responses[0].action: "rotate" does not apply to an identity ("role")');
    expect(checkScenario(m, { breaks: [], responses: [rotate('x', 1)] })?.message).toBe('scenario.responses[0].node: no node "x"');
    expect(checkScenario(m, { breaks: [], responses: [rotate('tok', 1), rotate('tok', -1)] })?.message).toBe('scenario.responses[1].at: expected a number of hours ≥ 0');
    expect(checkScenario(m, { breaks: [], responses: [rotate('tok', Number.NaN)] })?.path).toBe('scenario.responses[0].at');
    expect(checkScenario(m, { breaks: [], responses: [rotate('tok', 1e308)] })?.message).toBe('scenario.responses[0].at: expected at most 1000000 hours (114 years)');
    expect(checkScenario(m, { breaks: [], params: { responseHours: 1e308 } })?.path).toBe('scenario.params.responseHours');
  });
});

describe('until (§5, §8)', () => {
  it('is on every stolen secret and nowhere else: null without a limit, the end of the validity with one', () => {
    const none = simulate(chain(), { breaks: breaks('leak:tok') });
    expect(impact(none, 'tok')?.until).toBeNull();
    expect(none.impacts.filter((i) => i.node !== 'tok').every((i) => !('until' in i))).toBe(true);
    expect(impact(simulate(chain({ ttlHours: 6 }), { breaks: breaks('leak:tok') }), 'tok')?.until).toBe(6);
    expect(impact(simulate(chain({ rotationDays: 2 }), { breaks: breaks('leak:tok') }), 'tok')?.until).toBe(48);
  });

  it('counts from the theft, and is the theft itself for a bound secret nobody controls', () => {
    const m = chain({ ttlHours: 6, bound: true }, [['log', 'location'], ['dev', 'identity']], [['c', 'contains', 'log', 'tok'], ['w', 'grants', 'dev', 'log', { delayHours: 2 }]]);
    const r = simulate(m, { breaks: breaks('compromise:dev') });
    expect(impact(r, 'tok')).toMatchObject({ at: 2, until: 2 });
    expect(impact(simulate(chain({ ttlHours: 6 }, [['log', 'location'], ['dev', 'identity']], [['c', 'contains', 'log', 'tok'], ['w', 'grants', 'dev', 'log', { delayHours: 2 }]]), { breaks: breaks('compromise:dev') }), 'tok')?.until).toBe(8);
  });
});

describe('detectedBy (§8)', () => {
  it('names the monitored node whose reach set detectedAt, the smaller id on a tie', () => {
    const m = buildModel(
      [['tok', 'secret'], ['b-role', 'identity', { monitored: true }], ['a-role', 'identity', { monitored: true, detectHours: 1 }], ['db', 'datastore', { monitored: true, detectHours: 0 }]],
      [['x', 'authenticates', 'tok', 'b-role'], ['y', 'authenticates', 'tok', 'a-role'], ['g', 'grants', 'b-role', 'db', { delayHours: 1 }]],
    );
    expect(simulate(m, { breaks: breaks('leak:tok') }).detection).toEqual({ detectedAt: 1.5, containedAt: 649.5, detectedBy: 'a-role' });
  });
});

describe('hours as a file writes them (0.1 + 0.2 is 0.3)', () => {
  // k leaks; k grants read on a log (0.1 h) that contains s (0.2 h); s grants read on d (no delay).
  const logged = (sProps: Record<string, unknown> = {}, extraNodes: NodeSpec[] = [], extraEdges: EdgeSpec[] = []) =>
    buildModel(
      [['k', 'secret'], ['log', 'datastore'], ['s', 'secret', sProps], ['d', 'datastore'], ...extraNodes],
      [
        ['g', 'grants', 'k', 'log', { delayHours: 0.1 }],
        ['c', 'contains', 'log', 's', { delayHours: 0.2 }],
        ['r', 'grants', 's', 'd', { delayHours: 0 }],
        ...extraEdges,
      ],
    );

  it('a step that arrives at 0.1 + 0.2 h comes at 0.3 h: before a rotation at 0.3 h, printed as 0.3', () => {
    const r = simulate(logged(), { breaks: breaks('leak:k'), responses: [rotate('s', 0.3)] });
    expect(impactMap(r)).toEqual({ 'k:control': '0', 'log:read': '0.1', 's:control': '0.3', 'd:read': '0.3' });
  });

  it('containment at 0.3 h keeps a step that arrives at 0.1 + 0.2 h (§7 cuts only what comes after)', () => {
    const m = logged({}, [['m', 'secret', { monitored: true, detectHours: 0 }]], [['w', 'contains', 'log', 'm', { delayHours: 0.2 }]]);
    const r = simulate(m, { breaks: breaks('leak:k'), params: { responseHours: 0 } });
    expect(r.detection.containedAt).toBe(0.3);
    expect(impact(r, 'd')?.at).toBe(0.3);
    // At one hour, impacts are in node id order (§8).
    expect(r.impacts.filter((i) => i.at === 0.3).map((i) => i.node)).toEqual(['d', 'm', 's']);
  });

  it('rotationDays 0.7 is a validity of 16.8 h: a 16.8 h step fires, and until says 16.8', () => {
    const m = buildModel([['s', 'secret', { rotationDays: 0.7 }], ['d', 'datastore']], [['r', 'grants', 's', 'd', { delayHours: 16.8 }]]);
    const r = simulate(m, { breaks: breaks('leak:s') });
    expect(impact(r, 'd')?.at).toBe(16.8);
    expect(impact(r, 's')?.until).toBe(16.8);
  });
});

describe('a what-if patch of a datastore’s sensitivity (§2: default criticality follows sensitivity)', () => {
  const store = (props: Record<string, unknown>) => buildModel([['k', 'secret'], ['d', 'datastore', props]], [['g', 'grants', 'k', 'd']]);

  it('carries a default criticality along, as the same edit in the editor does: as if the file said so', () => {
    const patched = simulate(store({}), { breaks: breaks('leak:k'), patches: [{ id: 'd', props: { sensitivity: 'restricted' } }] });
    const written = simulate(store({ sensitivity: 'restricted' }), { breaks: breaks('leak:k') });
    expect(patched.summary).toEqual(written.summary);
    expect(patched.summary.score).toBeGreaterThan(simulate(store({}), { breaks: breaks('leak:k') }).summary.score);
  });

  it('leaves a criticality the model set by hand, and one the patch sets', () => {
    const own = simulate(store({ criticality: 1 }), { breaks: breaks('leak:k'), patches: [{ id: 'd', props: { sensitivity: 'restricted' } }] });
    expect(own.summary).toEqual(simulate(store({ criticality: 1 }), { breaks: breaks('leak:k') }).summary);
    const both = simulate(store({}), { breaks: breaks('leak:k'), patches: [{ id: 'd', props: { sensitivity: 'restricted', criticality: 4 } }] });
    expect(both.summary).toEqual(simulate(store({ criticality: 4 }), { breaks: breaks('leak:k') }).summary);
  });
});

describe('a copy taken again after a rotation (§5: "a copy taken at or after R is a copy of the new secret")', () => {
  // s leaks at 0 and is rotated at 4; s is also in a log the attacker reads at 6 (through k); s grants read on d in 5 h.
  const twoRoutes = () =>
    buildModel(
      [['k', 'secret'], ['log', 'location', { locationType: 'log' }], ['s', 'secret'], ['d', 'datastore']],
      [
        ['e1', 'grants', 'k', 'log', { delayHours: 6 }],
        ['e2', 'contains', 'log', 's', { delayHours: 0 }],
        ['e3', 'grants', 's', 'd', { delayHours: 5 }],
      ],
    );

  it('carries the secret’s steps afresh from the new copy, whichever route reached the secret first', () => {
    const both = simulate(twoRoutes(), { breaks: breaks('leak:s', 'leak:k'), responses: [rotate('s', 4)] });
    expect(impact(both, 'd')).toMatchObject({ effect: 'read', at: 11, via: { edge: 'e3', from: 's', fromEffect: 'control' } });
    // The first copy still died at the rotation.
    expect(impact(both, 's')).toMatchObject({ at: 0, until: 4 });
    // Adding a break never takes anything away: the same as with the log's route alone.
    const logOnly = simulate(twoRoutes(), { breaks: breaks('leak:k'), responses: [rotate('s', 4)] });
    expect(impact(logOnly, 'd')?.at).toBe(11);
  });

  it('is cut by the next rotation in its turn, and is no new copy when taken before the rotation', () => {
    expect(impact(simulate(twoRoutes(), { breaks: breaks('leak:s', 'leak:k'), responses: [rotate('s', 4), rotate('s', 10)] }), 'd')).toBeUndefined();
    // Rotated at 7, the copy taken at 6 is of the old secret, dead at 7; only the log's route is left to it.
    expect(impact(simulate(twoRoutes(), { breaks: breaks('leak:k'), responses: [rotate('s', 7)] }), 'd')).toBeUndefined();
  });

  it('tells which copy carried the step', () => {
    const m = twoRoutes();
    const r = simulate(m, { breaks: breaks('leak:s', 'leak:k'), responses: [rotate('s', 4)] });
    const step = explainPath(m, r, 'd').at(-1)!;
    expect(step.rule).toBe('stolen copy, taken again after a rotation (grants read)');
    expect(step.sentence).toBe('s grants read on d at 11 h, with a copy of s taken again at 6 h, after its rotation at 4 h');
  });
});
