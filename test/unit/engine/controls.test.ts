/** Each control of §4-§5 stops the step it is meant to stop. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel, impact } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

const run = (nodes: NodeSpec[], edges: EdgeSpec[], ...b: string[]) => simulate(buildModel(nodes, edges), { breaks: breaks(...b) });

describe('edge controls', () => {
  it('approval on invokes stops the agent from taking the tool', () => {
    const r = run([['bot', 'agent'], ['t', 'tool']], [['e', 'invokes', 'bot', 't', { approval: true }]], 'prompt-injection:bot');
    expect(impact(r, 't')).toBeUndefined();
  });

  it('verified on depends-on stops a hijacked dependency', () => {
    const r = run([['api', 'service'], ['lib', 'dependency']], [['e', 'depends-on', 'api', 'lib', { verified: true }]], 'supply-chain:lib');
    expect(impact(r, 'api')).toBeUndefined();
  });

  it('constrained on trusts stops a controlled issuer', () => {
    const r = run([['api', 'service'], ['idp', 'issuer']], [['e', 'trusts', 'api', 'idp', { constrained: true }]], 'compromise:idp');
    expect(impact(r, 'api')).toBeUndefined();
  });

  it('a patch applies a control for one scenario only', () => {
    const m = buildModel([['bot', 'agent'], ['t', 'tool']], [['e', 'invokes', 'bot', 't']]);
    const patched = simulate(m, { breaks: breaks('prompt-injection:bot'), patches: [{ id: 'e', props: { approval: true } }] });
    expect(impact(patched, 't')).toBeUndefined();
    expect(impact(simulate(m, { breaks: breaks('prompt-injection:bot') }), 't')).toBeDefined();
  });

  it('removed edges are left out', () => {
    const m = buildModel([['bot', 'agent'], ['t', 'tool']], [['e', 'invokes', 'bot', 't']]);
    expect(simulate(m, { breaks: breaks('prompt-injection:bot'), removed: ['e'] }).impacts).toHaveLength(1);
    expect(simulate(m, { breaks: breaks('prompt-injection:bot') }, { excludeEdges: new Set(['e']) }).impacts).toHaveLength(1);
  });
});

describe('stolen secrets (§5)', () => {
  const secret = (props: Record<string, unknown>): NodeSpec[] => [['tok', 'secret', props], ['role', 'identity']];
  const auth: EdgeSpec[] = [['a', 'authenticates', 'tok', 'role']];

  it('bound: a stolen copy of a bound secret is useless on its own', () => {
    expect(impact(run(secret({ bound: true }), auth, 'leak:tok'), 'role')).toBeUndefined();
  });

  it('a TTL shorter than the step stops the stolen copy', () => {
    expect(impact(run(secret({ ttlHours: 0.25 }), auth, 'leak:tok'), 'role')).toBeUndefined();
  });

  it('a TTL equal to the step still lets it through (d ≤ validity)', () => {
    expect(impact(run(secret({ ttlHours: 0.5 }), auth, 'leak:tok'), 'role')?.at).toBe(0.5);
  });

  it('rotation shorter than the step stops the stolen copy', () => {
    expect(impact(run(secret({ rotationDays: 0.01 }), auth, 'leak:tok'), 'role')).toBeUndefined();
    expect(impact(run(secret({ rotationDays: 1 }), auth, 'leak:tok'), 'role')?.at).toBe(0.5);
  });

  it('the shorter of TTL and rotation counts', () => {
    expect(impact(run(secret({ ttlHours: 48, rotationDays: 0.01 }), auth, 'leak:tok'), 'role')).toBeUndefined();
  });

  it('the validity also limits grants out of a secret', () => {
    const r = run([['tok', 'secret', { ttlHours: 0.1 }], ['db', 'datastore']], [['g', 'grants', 'tok', 'db', { access: 'write' }]], 'leak:tok');
    expect(impact(r, 'db')).toBeUndefined();
  });

  it('through a holder: a controlled holder gets every new copy, bound or not, at max(t, u) + d', () => {
    const nodes: NodeSpec[] = [['ci', 'pipeline'], ['runner', 'service'], ['tok', 'secret', { bound: true, ttlHours: 0.1 }], ['role', 'identity']];
    const edges: EdgeSpec[] = [['d', 'deploys', 'ci', 'runner', { delayHours: 2 }], ['h', 'holds', 'runner', 'tok'], ...auth];
    const r = run(nodes, edges, 'leak:tok', 'compromise:ci');
    // the secret is stolen at 0, its holder controlled at 2: the step arrives at max(0, 2) + 0.5
    expect(impact(r, 'role')).toMatchObject({ effect: 'control', at: 2.5, via: { edge: 'a', from: 'tok', fromEffect: 'control' } });
  });

  it('through a holder: the holder first, the secret later', () => {
    const nodes: NodeSpec[] = [['runner', 'service'], ['tok', 'secret', { bound: true }], ['role', 'identity']];
    const edges: EdgeSpec[] = [['h', 'holds', 'runner', 'tok', { delayHours: 3 }], ...auth];
    const r = run(nodes, edges, 'compromise:runner');
    expect(impact(r, 'tok')?.at).toBe(3);
    expect(impact(r, 'role')?.at).toBe(3.5);
  });

  it('a removed holds edge makes no holder', () => {
    const nodes: NodeSpec[] = [['runner', 'service'], ['tok', 'secret', { bound: true }], ['role', 'identity']];
    const m = buildModel(nodes, [['h', 'holds', 'runner', 'tok'], ...auth]);
    const r = simulate(m, { breaks: breaks('compromise:runner', 'leak:tok'), removed: ['h'] });
    expect(impact(r, 'role')).toBeUndefined();
  });
});
