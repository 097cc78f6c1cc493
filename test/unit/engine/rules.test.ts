/** One test per rule of the §4 edge table, security and availability. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel, impact, impactMap } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

const run = (nodes: NodeSpec[], edges: EdgeSpec[], ...b: string[]) => simulate(buildModel(nodes, edges), { breaks: breaks(...b) });

describe('security rules (§4)', () => {
  it('runs-as: the workload at control gives the identity control', () => {
    const r = run([['api', 'service'], ['role', 'identity']], [['e', 'runs-as', 'api', 'role']], 'compromise:api');
    expect(impact(r, 'role')).toMatchObject({ effect: 'control', at: 0, via: { edge: 'e', from: 'api', fromEffect: 'control' } });
  });

  it('holds: the holder at control steals the secret', () => {
    const r = run([['api', 'service'], ['key', 'secret']], [['e', 'holds', 'api', 'key']], 'compromise:api');
    expect(impact(r, 'key')).toMatchObject({ effect: 'control', at: 0 });
  });

  it('contains: a location read is enough to take the secret it contains', () => {
    const r = run(
      [['role', 'identity'], ['log', 'location'], ['key', 'secret']],
      [['g', 'grants', 'role', 'log', { access: 'read' }], ['c', 'contains', 'log', 'key']],
      'compromise:role',
    );
    expect(impact(r, 'log')).toMatchObject({ effect: 'read', at: 0.5 });
    expect(impact(r, 'key')).toMatchObject({ effect: 'control', at: 0.5, via: { edge: 'c', from: 'log', fromEffect: 'read' } });
  });

  it('authenticates: a leaked secret authenticates as its identity after 0.5 h', () => {
    const r = run([['tok', 'secret'], ['role', 'identity']], [['e', 'authenticates', 'tok', 'role']], 'leak:tok');
    expect(impact(r, 'role')).toMatchObject({ effect: 'control', at: 0.5, via: { edge: 'e', from: 'tok' } });
  });

  it('assumes: an identity at control takes the identity it can assume', () => {
    const r = run([['a', 'identity'], ['b', 'identity']], [['e', 'assumes', 'a', 'b']], 'compromise:a');
    expect(impact(r, 'b')).toMatchObject({ effect: 'control', at: 0 });
  });

  it.each([
    ['read', 'read'],
    ['write', 'write'],
    ['admin', 'control'],
  ])('grants %s gives the target %s after 0.5 h', (access, effect) => {
    const r = run([['role', 'identity'], ['db', 'datastore']], [['e', 'grants', 'role', 'db', { access }]], 'compromise:role');
    expect(impact(r, 'db')).toMatchObject({ effect, at: 0.5 });
  });

  it('grants read on an identity is control of it (§3)', () => {
    const r = run([['a', 'identity'], ['b', 'identity']], [['e', 'grants', 'a', 'b', { access: 'read' }]], 'compromise:a');
    expect(impact(r, 'b')).toMatchObject({ effect: 'control', at: 0.5 });
  });

  it('calls gives its access, and nothing with access none', () => {
    const nodes: NodeSpec[] = [['api', 'service'], ['db', 'datastore'], ['cache', 'datastore']];
    const r = run(nodes, [['e1', 'calls', 'api', 'db', { access: 'write' }], ['e2', 'calls', 'api', 'cache']], 'compromise:api');
    expect(impact(r, 'db')).toMatchObject({ effect: 'write', at: 0 });
    expect(impact(r, 'cache')).toBeUndefined();
  });

  it('invokes: an agent at control controls its tool', () => {
    const r = run([['bot', 'agent'], ['refund', 'tool']], [['e', 'invokes', 'bot', 'refund']], 'prompt-injection:bot');
    expect(impact(r, 'refund')).toMatchObject({ effect: 'control', at: 0 });
  });

  it('instructs: a source at write injects instructions into the agent (indirect prompt injection)', () => {
    const r = run(
      [['role', 'identity'], ['wiki', 'location'], ['bot', 'agent']],
      [['g', 'grants', 'role', 'wiki', { access: 'write' }], ['i', 'instructs', 'wiki', 'bot']],
      'compromise:role',
    );
    expect(impact(r, 'bot')).toMatchObject({ effect: 'control', at: 0.5, via: { edge: 'i', from: 'wiki', fromEffect: 'write' } });
  });

  it('instructs: a source only read injects nothing', () => {
    const r = run(
      [['role', 'identity'], ['wiki', 'location'], ['bot', 'agent']],
      [['g', 'grants', 'role', 'wiki', { access: 'read' }], ['i', 'instructs', 'wiki', 'bot']],
      'compromise:role',
    );
    expect(impact(r, 'bot')).toBeUndefined();
  });

  it('depends-on: a hijacked dependency controls its dependent after 24 h (reverse direction)', () => {
    const r = run([['api', 'service'], ['lib', 'dependency']], [['e', 'depends-on', 'api', 'lib']], 'supply-chain:lib');
    expect(impact(r, 'api')).toMatchObject({ effect: 'control', at: 24, via: { edge: 'e', from: 'lib' } });
  });

  it('deploys: a pipeline at control controls what it deploys after 1 h', () => {
    const r = run([['ci', 'pipeline'], ['api', 'service']], [['e', 'deploys', 'ci', 'api']], 'compromise:ci');
    expect(impact(r, 'api')).toMatchObject({ effect: 'control', at: 1 });
  });

  it('trusts: a controlled issuer controls whoever trusts it after 0.5 h (reverse direction)', () => {
    const r = run([['api', 'service'], ['idp', 'issuer']], [['e', 'trusts', 'api', 'idp']], 'compromise:idp');
    expect(impact(r, 'api')).toMatchObject({ effect: 'control', at: 0.5, via: { edge: 'e', from: 'idp' } });
  });

  it('issued-by: a controlled issuer forges the credentials it issues after 1 h', () => {
    const r = run([['cert', 'secret'], ['ca', 'issuer']], [['e', 'issued-by', 'cert', 'ca']], 'compromise:ca');
    expect(impact(r, 'cert')).toMatchObject({ effect: 'control', at: 1, via: { edge: 'e', from: 'ca' } });
  });

  it('forward rules never run backwards', () => {
    const r = run([['api', 'service'], ['role', 'identity']], [['e', 'runs-as', 'api', 'role']], 'compromise:role');
    expect(impact(r, 'api')).toBeUndefined();
  });

  it('an edge between kinds the table does not name still applies its rule', () => {
    const r = run(
      [['api', 'service'], ['db', 'datastore'], ['role', 'identity'], ['other', 'identity']],
      [['g', 'grants', 'api', 'db', { access: 'write' }], ['a', 'authenticates', 'role', 'other', { ttlHours: 0 }]],
      'compromise:api',
      'compromise:role',
    );
    expect(impact(r, 'db')).toMatchObject({ effect: 'write', at: 0.5 });
    // §5 only applies out of a secret: an identity authenticates as the other at its own level
    expect(impact(r, 'other')).toMatchObject({ effect: 'control', at: 0.5 });
  });

  it('honours delayHours on an edge', () => {
    const r = run([['a', 'identity'], ['b', 'identity']], [['e', 'assumes', 'a', 'b', { delayHours: 3 }]], 'compromise:a');
    expect(impact(r, 'b')?.at).toBe(3);
  });
});

describe('availability rules (§4)', () => {
  it('runs-as: the identity down takes the workload down', () => {
    const r = run([['api', 'service'], ['role', 'identity']], [['e', 'runs-as', 'api', 'role']], 'revoke:role');
    expect(impact(r, 'api', 'down')).toMatchObject({ at: 0, via: { edge: 'e', from: 'role', fromEffect: 'down' } });
  });

  it('holds: a required secret down takes the holder down', () => {
    const r = run([['api', 'service'], ['key', 'secret']], [['e', 'holds', 'api', 'key']], 'revoke:key');
    expect(impact(r, 'api', 'down')).toMatchObject({ at: 0 });
  });

  it('holds: a secret that is not required degrades the holder', () => {
    const r = run([['api', 'service'], ['key', 'secret']], [['e', 'holds', 'api', 'key', { required: false }]], 'revoke:key');
    expect(impactMap(r)).toEqual({ 'key:down': '0', 'api:degraded': '0' });
  });

  it('contains: the container down takes a required secret down, else nothing', () => {
    const nodes: NodeSpec[] = [['vault', 'datastore'], ['a', 'secret'], ['b', 'secret']];
    const r = run(nodes, [['e1', 'contains', 'vault', 'a', { required: true }], ['e2', 'contains', 'vault', 'b']], 'outage:vault');
    expect(impact(r, 'a', 'down')).toMatchObject({ at: 0, via: { edge: 'e1', from: 'vault' } });
    expect(impact(r, 'b')).toBeUndefined();
  });

  it('calls: the callee down takes the caller down (required by default), or degrades it', () => {
    const nodes: NodeSpec[] = [['a', 'service'], ['b', 'service'], ['db', 'datastore']];
    const r = run(nodes, [['e1', 'calls', 'a', 'db'], ['e2', 'calls', 'b', 'db', { required: false }]], 'outage:db');
    expect(impact(r, 'a')?.effect).toBe('down');
    expect(impact(r, 'b')?.effect).toBe('degraded');
  });

  it('invokes: the tool down degrades the agent (not required by default), or takes it down', () => {
    const nodes: NodeSpec[] = [['a', 'agent'], ['b', 'agent'], ['t', 'tool']];
    const r = run(nodes, [['e1', 'invokes', 'a', 't'], ['e2', 'invokes', 'b', 't', { required: true }]], 'outage:t');
    expect(impact(r, 'a')?.effect).toBe('degraded');
    expect(impact(r, 'b')?.effect).toBe('down');
  });

  it('depends-on: the dependency down takes a dependent down only if required', () => {
    const nodes: NodeSpec[] = [['a', 'service'], ['b', 'service'], ['lib', 'dependency']];
    const r = run(nodes, [['e1', 'depends-on', 'a', 'lib'], ['e2', 'depends-on', 'b', 'lib', { required: true }]], 'outage:lib');
    expect(impact(r, 'a')).toBeUndefined();
    expect(impact(r, 'b')).toMatchObject({ effect: 'down', at: 0 });
  });

  it('trusts: the trusted issuer down takes the truster down only if required', () => {
    const nodes: NodeSpec[] = [['a', 'service'], ['b', 'service'], ['idp', 'issuer']];
    const r = run(nodes, [['e1', 'trusts', 'a', 'idp'], ['e2', 'trusts', 'b', 'idp', { required: true }]], 'outage:idp');
    expect(impact(r, 'a')).toBeUndefined();
    expect(impact(r, 'b')).toMatchObject({ effect: 'down', at: 0 });
  });

  it('issued-by: the issuer down takes the credential down after its TTL', () => {
    const r = run([['cert', 'secret', { ttlHours: 24 }], ['ca', 'issuer']], [['e', 'issued-by', 'cert', 'ca']], 'outage:ca');
    expect(impact(r, 'cert')).toMatchObject({ effect: 'down', at: 24, via: { edge: 'e', from: 'ca', fromEffect: 'down' } });
  });

  it('issued-by: a credential with no TTL never goes down with its issuer', () => {
    const r = run([['cert', 'secret'], ['ca', 'issuer']], [['e', 'issued-by', 'cert', 'ca']], 'outage:ca');
    expect(impact(r, 'cert')).toBeUndefined();
  });

  it('down spreads along a chain of required steps, with no delay', () => {
    const r = run(
      [['ca', 'issuer'], ['cert', 'secret', { ttlHours: 2 }], ['api', 'service'], ['web', 'service']],
      [['i', 'issued-by', 'cert', 'ca'], ['h', 'holds', 'api', 'cert'], ['c', 'calls', 'web', 'api']],
      'outage:ca',
    );
    expect(impactMap(r)).toEqual({ 'ca:down': '0', 'cert:down': '2', 'api:down': '2', 'web:down': '2' });
  });

  it('degraded never spreads', () => {
    const r = run(
      [['db', 'datastore'], ['api', 'service'], ['web', 'service']],
      [['c1', 'calls', 'api', 'db', { required: false }], ['c2', 'calls', 'web', 'api']],
      'outage:db',
    );
    expect(impactMap(r)).toEqual({ 'db:down': '0', 'api:degraded': '0' });
  });

  it('degraded applies only to service, agent, tool and pipeline', () => {
    const r = run([['ops', 'person'], ['key', 'secret']], [['h', 'holds', 'ops', 'key', { required: false }]], 'revoke:key');
    expect(impactMap(r)).toEqual({ 'key:down': '0' });
  });

  it('a degraded node that later goes down shows both steps; the impact keeps down', () => {
    const r = run(
      [['db', 'datastore'], ['ca', 'issuer'], ['cert', 'secret', { ttlHours: 5 }], ['api', 'service']],
      [['c', 'calls', 'api', 'db', { required: false }], ['i', 'issued-by', 'cert', 'ca'], ['h', 'holds', 'api', 'cert']],
      'outage:db',
      'outage:ca',
    );
    expect(r.trace.filter((t) => t.node === 'api').map((t) => `${t.effect}@${t.at}`)).toEqual(['degraded@0', 'down@5']);
    expect(impact(r, 'api')).toMatchObject({ effect: 'down', at: 5 });
    expect(r.summary.counts.degraded).toBe(0);
  });

  it('down at the same time as degraded leaves only down', () => {
    const r = run(
      [['db', 'datastore'], ['api', 'service']],
      [['c1', 'calls', 'api', 'db', { required: false }], ['c2', 'calls', 'api', 'db']],
      'outage:db',
    );
    expect(r.trace.filter((t) => t.node === 'api').map((t) => t.effect)).toEqual(['down']);
  });

  it('security and availability are independent: a compromise takes nothing down', () => {
    const r = run([['api', 'service'], ['role', 'identity']], [['e', 'runs-as', 'api', 'role']], 'compromise:api');
    expect(r.summary.counts.down).toBe(0);
  });
});
