/** Choke points, what-if comparison and the probabilistic mode (§9). */
import { describe, expect, it } from 'vitest';
import { diffResults, monteCarlo, rankChokepoints } from '../../../shared/analysis/index.ts';
import { ScenarioError, simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

describe('rankChokepoints', () => {
  const model = () =>
    buildModel(
      [
        ['support-agent', 'agent'],
        ['refund-tool', 'tool', { criticality: 5 }],
        ['kb', 'datastore', { sensitivity: 'public' }],
        ['pay-key', 'secret', { criticality: 5 }],
        ['payments', 'identity', { criticality: 5 }],
      ],
      [
        ['i1', 'invokes', 'support-agent', 'refund-tool'],
        ['c1', 'calls', 'support-agent', 'kb', { access: 'read' }],
        ['h1', 'holds', 'refund-tool', 'pay-key'],
        ['a1', 'authenticates', 'pay-key', 'payments'],
      ],
    );

  it('ranks the fix that cuts the most first, sorted by reduction then id', () => {
    const ranked = rankChokepoints(model(), { breaks: breaks('prompt-injection:support-agent') });
    expect(ranked[0]).toEqual({
      id: 'approval:i1',
      edge: 'i1',
      node: null,
      fix: 'approval',
      description: "Require a person's approval when support-agent invokes refund-tool",
      change: 'approval: true on the invokes edge',
      scoreBefore: 3 + 5 + 5 + 5 + 0.4,
      scoreAfter: 3.4,
      reduction: 15,
      reason: null,
      closes: false,
      apply: { patch: { id: 'i1', props: { approval: true } } },
    });
    expect(ranked[1].id).toBe('remove:i1');
    expect(ranked[1].apply).toEqual({ removed: 'i1' });
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(a.reduction > b.reduction || (a.reduction === b.reduction && a.id < b.id)).toBe(true);
    }
    expect(ranked.map((c) => c.id)).toEqual(expect.arrayContaining(['remove:h1', 'remove:a1', 'remove:c1', 'lower-access:c1']));
    expect(ranked.find((c) => c.id === 'lower-access:c1')?.description).toBe('Lower the access of support-agent on kb from read to none');
    // Binding the key helps nothing here (its holder is controlled): a row that reduces nothing is not shown (§9, v1.1).
    expect(ranked.find((c) => c.id === 'bound:pay-key')).toBeUndefined();
    const all = rankChokepoints(model(), { breaks: breaks('prompt-injection:support-agent') }, { all: true });
    expect(all.find((c) => c.id === 'bound:pay-key')).toMatchObject({
      description: 'Bind pay-key to its holder with mTLS, DPoP or workload attestation',
      change: 'bound: true on pay-key',
      node: 'pay-key',
      reduction: 0,
    });
  });

  it('describes the controls of each kind in user words', () => {
    const m = buildModel(
      [['api', 'service'], ['lib', 'dependency'], ['idp', 'issuer'], ['role', 'identity'], ['db', 'datastore']],
      [['d', 'depends-on', 'api', 'lib'], ['t', 'trusts', 'api', 'idp'], ['r', 'runs-as', 'api', 'role'], ['g', 'grants', 'role', 'db', { access: 'admin' }]],
    );
    const ranked = rankChokepoints(m, { breaks: breaks('supply-chain:lib') });
    const text = Object.fromEntries(ranked.map((c) => [c.id, c.description]));
    expect(text).toMatchObject({
      'verified:d': 'Verify lib before api takes it in: pin, sign, check',
      'remove:r': 'Stop api running as role',
      'lower-access:g': 'Lower the access of role on db from admin to write',
      'remove:g': 'Remove the grant of role on db',
      'remove:d': 'Drop the dependency of api on lib',
    });
    expect(rankChokepoints(m, { breaks: breaks('compromise:idp') }).map((c) => c.id)).toContain('constrained:t');
  });

  it('shows a fix that delays detection with a negative reduction and says why', () => {
    // The attacker trips the monitored api at 0.5 and is contained at 2.5, before reaching db at 5.5.
    const m = buildModel(
      [['tok', 'secret'], ['role', 'identity'], ['api', 'service', { monitored: true }, 'prod-api'], ['db', 'datastore', { sensitivity: 'restricted' }]],
      [['a', 'authenticates', 'tok', 'role'], ['g1', 'grants', 'role', 'api', { access: 'admin', delayHours: 0 }], ['g2', 'grants', 'role', 'db', { access: 'admin', delayHours: 5 }]],
    );
    const ranked = rankChokepoints(m, { breaks: breaks('leak:tok'), params: { responseHours: 1 } });
    const removeApi = ranked.find((c) => c.id === 'remove:g1')!;
    expect(removeApi.reduction).toBeLessThan(0);
    expect(removeApi.reason).toBe('delays detection at prod-api');
    expect(ranked.at(-1)?.id).toBe('remove:g1');
  });

  it('refuses a bad scenario', () => {
    expect(() => rankChokepoints(model(), { breaks: breaks('leak:support-agent') })).toThrow(ScenarioError);
  });

  it('says "closes" only for a fix that leaves nothing beyond the breaks', () => {
    const ranked = rankChokepoints(model(), { breaks: breaks('prompt-injection:support-agent') });
    expect(ranked.filter((c) => c.closes)).toEqual([]);
    const only = rankChokepoints(
      buildModel([['tok', 'secret', { ttlHours: 24 }], ['role', 'identity']], [['a', 'authenticates', 'tok', 'role']]),
      { breaks: breaks('leak:tok') },
    );
    expect(only.find((c) => c.id === 'remove:a')).toMatchObject({ closes: true, description: 'Stop tok authenticating as role' });
  });
});

describe('time-based chokepoint candidates (§9, v1.1)', () => {
  // tok leaks; its copy authenticates as role at 0.5 and grants admin on vault after 2 h; role reaches db late.
  const nodes = (monitored: boolean): NodeSpec[] => [
    ['tok', 'secret', { criticality: 2 }],
    ['role', 'identity', { criticality: 1, monitored }],
    ['vault', 'datastore', { sensitivity: 'restricted' }],
    ['db', 'datastore', { sensitivity: 'confidential' }],
    ['ops', 'person'],
  ];
  const edges: EdgeSpec[] = [
    ['a', 'authenticates', 'tok', 'role'],
    ['v', 'grants', 'tok', 'vault', { access: 'admin', delayHours: 2 }],
    ['g', 'grants', 'role', 'db', { access: 'admin', delayHours: 100 }],
    ['h', 'holds', 'ops', 'tok'],
  ];

  it('proposes a short-lived credential for a secret whose stolen copy carried a step, worded as what to change', () => {
    const ranked = rankChokepoints(buildModel(nodes(false), edges), { breaks: breaks('leak:tok') });
    expect(ranked.find((c) => c.id === 'short-lived:tok')).toMatchObject({
      fix: 'short-lived',
      node: 'tok',
      edge: null,
      description: 'Make tok short-lived: a new one every 1 h, through OIDC federation or STS',
      change: 'ttlHours: 1 on tok',
      reduction: 5,
    });
  });

  it('does not propose a short-lived credential for a bound secret, nor binding for a signing key or a secret nobody holds', () => {
    const bound = rankChokepoints(buildModel(nodes(false), edges), { breaks: breaks('compromise:ops'), patches: [{ id: 'tok', props: { bound: true } }] });
    expect(bound.some((c) => c.fix === 'short-lived')).toBe(false);
    const unheld = buildModel(nodes(false), edges.filter((e) => e[0] !== 'h'));
    expect(rankChokepoints(unheld, { breaks: breaks('leak:tok') }, { all: true }).some((c) => c.fix === 'bound')).toBe(false);
    const signing = buildModel([['key', 'secret', { secretType: 'signing-key' }], ['idp', 'issuer'], ['ops', 'person']], [['s', 'signs', 'key', 'idp'], ['h', 'holds', 'ops', 'key']]);
    expect(rankChokepoints(signing, { breaks: breaks('leak:key') }, { all: true }).map((c) => c.id)).toEqual(['remove:s', 'short-lived:key']);
  });

  it('proposes monitoring a reached node when detection there would contain the attacker in time', () => {
    const ranked = rankChokepoints(buildModel(nodes(false), edges), { breaks: breaks('leak:tok'), params: { responseHours: 24 } });
    // role is reached at 0.5: monitored, detected at 1.5 and contained at 25.5, before db falls at 100.5
    expect(ranked.find((c) => c.id === 'monitor:role')).toMatchObject({
      fix: 'monitor',
      node: 'role',
      description: 'Monitor role: alert within 1 h of an attacker reaching it',
      change: 'monitored: true, detectHours: 1 on role',
      reduction: 4,
    });
  });

  it('proposes responding within 24 h when the scenario is detected, with the response time it has now', () => {
    const ranked = rankChokepoints(buildModel(nodes(true), edges), { breaks: breaks('leak:tok') });
    expect(ranked.find((c) => c.id === 'respond-faster')).toMatchObject({
      fix: 'respond-faster',
      node: null,
      edge: null,
      description: 'Respond within 24 h of detection (now 27 d)',
      change: 'responseHours: 24 in the scenario',
      reduction: 4,
    });
    // already quick, or undetected: nothing to propose
    expect(rankChokepoints(buildModel(nodes(true), edges), { breaks: breaks('leak:tok'), params: { responseHours: 12 } }).some((c) => c.fix === 'respond-faster')).toBe(false);
    expect(rankChokepoints(buildModel(nodes(false), edges), { breaks: breaks('leak:tok') }).some((c) => c.fix === 'respond-faster')).toBe(false);
  });
});

describe('diffResults', () => {
  const m = buildModel(
    [['tok', 'secret'], ['role', 'identity'], ['db', 'datastore'], ['api', 'service']],
    [['a', 'authenticates', 'tok', 'role'], ['g', 'grants', 'role', 'db'], ['h', 'holds', 'api', 'tok']],
  );

  it('lists impacts added, removed and changed', () => {
    // An outage of the holder adds availability impacts; it does not invalidate the stolen token (§5, v1.1).
    const before = simulate(m, { breaks: breaks('leak:tok') });
    const after = simulate(m, { breaks: breaks('leak:tok', 'outage:api'), patches: [{ id: 'g', props: { access: 'admin' } }, { id: 'a', props: { delayHours: 2 } }] });
    const d = diffResults(before, after);
    expect(d.added.map((i) => `${i.node} ${i.effect}`)).toEqual(['api down']);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => `${c.node} ${c.before.effect}@${c.before.at} → ${c.after.effect}@${c.after.at}`)).toEqual([
      'role control@0.5 → control@2',
      'db read@1 → control@2.5',
    ]);
    expect(diffResults(after, before).removed.map((i) => `${i.node} ${i.effect}`)).toEqual(['api down']);
  });

  it('is empty for identical results', () => {
    const r = simulate(m, { breaks: breaks('leak:tok') });
    expect(diffResults(r, r)).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('monteCarlo', () => {
  const model = (likelihood: number) =>
    buildModel(
      [['tok', 'secret'], ['role', 'identity'], ['db', 'datastore'], ['api', 'service']],
      [['a', 'authenticates', 'tok', 'role', { likelihood }], ['g', 'grants', 'role', 'db', { access: 'write' }], ['h', 'holds', 'api', 'tok']],
    );

  it('reaches with share 1 what likelihood-1 edges reach; lower levels are implied', () => {
    const mc = monteCarlo(model(1), { breaks: breaks('leak:tok') }, { runs: 50, seed: 1 });
    expect(mc).toEqual({
      runs: 50,
      seed: 1,
      nodes: {
        db: { write: 1, read: 1 },
        role: { control: 1, write: 1, read: 1 },
        tok: { control: 1, write: 1, read: 1 },
      },
    });
  });

  it('never takes a likelihood-0 edge', () => {
    const mc = monteCarlo(model(0), { breaks: breaks('leak:tok') }, { runs: 50, seed: 1 });
    expect(Object.keys(mc.nodes)).toEqual(['tok']);
  });

  it('is repeatable with a seed, and estimates the likelihood', () => {
    const a = monteCarlo(model(0.5), { breaks: breaks('leak:tok') }, { runs: 2000, seed: 42 });
    expect(monteCarlo(model(0.5), { breaks: breaks('leak:tok') }, { runs: 2000, seed: 42 })).toEqual(a);
    expect(a.nodes.role.control).toBeGreaterThan(0.45);
    expect(a.nodes.role.control).toBeLessThan(0.55);
    expect(a.nodes.db.write).toBe(a.nodes.role.control);
  });

  it('counts a degradable node that goes down as degraded too', () => {
    const mc = monteCarlo(model(1), { breaks: breaks('revoke:tok') }, { runs: 10, seed: 3 });
    expect(mc.nodes).toEqual({ api: { down: 1, degraded: 1 }, tok: { down: 1 } });
  });

  it('uses patched likelihoods and honours removed edges', () => {
    const mc = monteCarlo(model(1), { breaks: breaks('leak:tok'), patches: [{ id: 'a', props: { likelihood: 0 } }] }, { runs: 10, seed: 3 });
    expect(Object.keys(mc.nodes)).toEqual(['tok']);
    expect(Object.keys(monteCarlo(model(1), { breaks: breaks('leak:tok'), removed: ['g'] }, { runs: 10, seed: 3 }).nodes)).toEqual(['role', 'tok']);
  });
});
