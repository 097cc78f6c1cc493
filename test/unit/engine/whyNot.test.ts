/** Why a node is not reached: the nearest reached node and the rule or control that held. */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../shared/engine/index.ts';
import { simulate, whyNotReached } from '../../../shared/engine/index.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';
import { breaks, buildModel } from './build.ts';

function why(nodes: NodeSpec[], edges: EdgeSpec[], scenario: ScenarioInput, node: string) {
  const m = buildModel(nodes, edges);
  return whyNotReached(m, simulate(m, scenario), node, scenario);
}

describe('whyNotReached', () => {
  it('names the approval on an invokes edge', () => {
    const w = why([['bot', 'agent', {}, 'Support bot'], ['refund', 'tool', {}, 'Refund tool']], [['e1', 'invokes', 'bot', 'refund', { approval: true }]], { breaks: breaks('prompt-injection:bot') }, 'refund');
    expect(w.distance).toBe(1);
    expect(w.steps[0]).toMatchObject({ from: 'bot', fromEffect: 'control', edge: 'e1', to: 'refund', held: 'approval on invokes' });
    expect(w.sentence).toBe('Refund tool is not reached: the step from Support bot (control at 0 h) along invokes stops here, approval on invokes.');
  });

  it('the same edge without approval is carried: the tool is reached and nothing is explained', () => {
    const w = why([['bot', 'agent'], ['refund', 'tool']], [['e1', 'invokes', 'bot', 'refund']], { breaks: breaks('prompt-injection:bot') }, 'refund');
    expect(w.distance).toBe(0);
    expect(w.steps).toEqual([]);
  });

  it('names a bound secret that nobody controlling holds', () => {
    const w = why([['runner', 'service'], ['key', 'secret', { bound: true }], ['role', 'identity']], [['h', 'holds', 'runner', 'key'], ['a', 'authenticates', 'key', 'role']], { breaks: breaks('leak:key') }, 'role');
    expect(w.steps[0].held).toBe('bound secret: a stolen copy is useless without its holder');
  });

  it('names the direction when depends-on carries nothing that way', () => {
    const w = why([['app', 'service'], ['lib', 'dependency']], [['d', 'depends-on', 'app', 'lib']], { breaks: breaks('compromise:app') }, 'lib');
    expect(w.steps[0].held).toBe('no rule carries a compromise along depends-on in this direction');
  });

  it('names verified on a depends-on edge', () => {
    const w = why([['app', 'service'], ['lib', 'dependency']], [['d', 'depends-on', 'app', 'lib', { verified: true }]], { breaks: breaks('supply-chain:lib') }, 'app');
    expect(w.steps[0].held).toBe('verified on depends-on');
  });

  it('names containment with its hour', () => {
    const w = why(
      [['ci', 'pipeline', { monitored: true, detectHours: 1 }], ['svc', 'service']],
      [['d', 'deploys', 'ci', 'svc', { delayHours: 30 }]],
      { breaks: breaks('compromise:ci'), params: { responseHours: 24 } },
      'svc',
    );
    expect(w.steps[0].held).toBe('contained at 25 h');
  });

  it('names a level too low for the rule', () => {
    const w = why([['db', 'datastore'], ['agent', 'agent'], ['role', 'identity'], ['other', 'datastore']], [['g', 'grants', 'role', 'db', { access: 'read' }], ['g2', 'grants', 'db', 'other', { access: 'write' }]], { breaks: breaks('compromise:role') }, 'other');
    expect(w.steps[0]).toMatchObject({ from: 'db', held: 'db only at read; grants needs control' });
  });

  it('names a stolen copy that expires before a slow step, and a rotation before it', () => {
    const nodes: NodeSpec[] = [['tok', 'secret', { ttlHours: 1 }], ['bucket', 'datastore']];
    const edges: EdgeSpec[] = [['g', 'grants', 'tok', 'bucket', { delayHours: 3 }]];
    expect(why(nodes, edges, { breaks: breaks('leak:tok') }, 'bucket').steps[0].held).toBe('stolen copy valid 1 h, the step takes 3 h');
    const rotated = why([['tok', 'secret'], ['bucket', 'datastore']], edges, { breaks: breaks('leak:tok'), responses: [{ action: 'rotate', node: 'tok', at: 2 }] }, 'bucket');
    expect(rotated.steps[0].held).toBe('tok rotated at 2 h, before the step');
  });

  it('names a revoked identity', () => {
    const w = why([['role', 'identity'], ['db', 'datastore']], [['g', 'grants', 'role', 'db', { access: 'admin', delayHours: 5 }]], { breaks: breaks('compromise:role'), responses: [{ action: 'revoke', node: 'role', at: 2 }] }, 'db');
    expect(w.steps[0].held).toBe('role revoked at 2 h: an invalid credential carries nothing');
  });

  it('names a left-out edge', () => {
    const w = why([['bot', 'agent'], ['t', 'tool']], [['e', 'invokes', 'bot', 't']], { breaks: breaks('compromise:bot'), removed: ['e'] }, 't');
    expect(w.steps[0].held).toBe('invokes left out of this scenario');
  });

  it('walks several steps to the nearest reached node', () => {
    const w = why(
      [['bot', 'agent', {}, 'Bot'], ['t', 'tool', {}, 'Tool'], ['db', 'datastore', {}, 'DB'], ['x', 'datastore', {}, 'X']],
      [['e1', 'invokes', 'bot', 't', { approval: true }], ['e2', 'calls', 't', 'db', { access: 'write' }], ['e3', 'calls', 't', 'x', { access: 'read' }]],
      { breaks: breaks('compromise:bot') },
      'db',
    );
    expect(w.distance).toBe(2);
    expect(w.steps[0]).toMatchObject({ from: 'bot', to: 't', held: 'approval on invokes' });
    expect(w.sentence).toBe('DB is not reached: the nearest reached node is Bot (control at 0 h), 2 steps away; the step along invokes to Tool stops there, approval on invokes.');
  });

  it('says when nothing connected is reached', () => {
    const w = why([['a', 'service'], ['b', 'service'], ['c', 'service']], [['e', 'calls', 'b', 'c']], { breaks: breaks('compromise:a') }, 'c');
    expect(w).toMatchObject({ distance: null, steps: [], sentence: 'Nothing connected to c is reached by this scenario.' });
  });

  it('tells outages by the availability rules', () => {
    const w = why([['svc', 'service'], ['db', 'datastore']], [['c', 'calls', 'svc', 'db']], { breaks: breaks('outage:svc') }, 'db');
    expect(w.steps[0]).toMatchObject({ fromEffect: 'down', held: 'no rule carries an outage along calls in this direction' });
  });

  it('does not depend on the order of nodes and edges in the file', () => {
    const nodes: NodeSpec[] = [['bot', 'agent'], ['t1', 'tool'], ['t2', 'tool'], ['db', 'datastore']];
    const edges: EdgeSpec[] = [['e1', 'invokes', 'bot', 't1', { approval: true }], ['e2', 'invokes', 'bot', 't2', { approval: true }], ['e3', 'calls', 't1', 'db', { access: 'read' }], ['e4', 'calls', 't2', 'db', { access: 'read' }]];
    const a = why(nodes, edges, { breaks: breaks('compromise:bot') }, 'db');
    const b = why([...nodes].reverse(), [...edges].reverse(), { breaks: breaks('compromise:bot') }, 'db');
    expect(b).toEqual(a);
  });
});
