/** Detection and containment (§7), silent failures, the trace ladder, the score and the result shape (§8). */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../shared/engine/index.ts';
import { breaks, buildModel, impact, traceOf } from './build.ts';
import type { EdgeSpec, NodeSpec } from './build.ts';

describe('detection and containment', () => {
  // tok leaks at 0; role (monitored, detectHours 1) is reached at 0.5: detected at 1.5
  const nodes: NodeSpec[] = [
    ['tok', 'secret'],
    ['role', 'identity', { monitored: true }],
    ['onTime', 'datastore'],
    ['late', 'datastore'],
    ['ca', 'issuer'],
    ['cert', 'secret', { ttlHours: 100 }],
  ];
  const edges: EdgeSpec[] = [
    ['a', 'authenticates', 'tok', 'role'],
    ['g1', 'grants', 'role', 'onTime', { delayHours: 3 }],
    ['g2', 'grants', 'role', 'late', { delayHours: 3.01 }],
    ['i', 'issued-by', 'cert', 'ca'],
  ];
  const model = buildModel(nodes, edges);

  it('detects at the first security effect on a monitored node plus detectHours; contains responseHours later', () => {
    const r = simulate(model, { breaks: breaks('leak:tok'), params: { responseHours: 2 } });
    expect(r.detection).toEqual({ detectedAt: 1.5, containedAt: 3.5, detectedBy: 'role' });
  });

  it('cuts every security step arriving after containedAt, keeps one arriving exactly at it', () => {
    const r = simulate(model, { breaks: breaks('leak:tok'), params: { responseHours: 2 } });
    expect(impact(r, 'onTime')?.at).toBe(3.5);
    expect(impact(r, 'late')).toBeUndefined();
  });

  it('responds in 648 h (27 days) by default', () => {
    const r = simulate(model, { breaks: breaks('leak:tok') });
    expect(r.detection.containedAt).toBe(1.5 + 648);
    expect(impact(r, 'late')?.at).toBe(3.51);
  });

  it('is undetected when no monitored node is reached', () => {
    expect(simulate(model, { breaks: breaks('outage:ca') }).detection).toEqual({ detectedAt: null, containedAt: null, detectedBy: null });
  });

  it('never cuts availability, and availability never triggers detection', () => {
    const r = simulate(model, { breaks: breaks('leak:tok', 'outage:ca', 'revoke:role'), params: { responseHours: 0 } });
    expect(r.detection).toEqual({ detectedAt: 1.5, containedAt: 1.5, detectedBy: 'role' });
    expect(impact(r, 'cert', 'down')?.at).toBe(100);
    expect(simulate(model, { breaks: breaks('revoke:role') }).detection.detectedAt).toBeNull();
  });

  it('a monitored node broken at 0 is detected after its detectHours', () => {
    const m = buildModel([['api', 'service', { monitored: true, detectHours: 4 }]]);
    expect(simulate(m, { breaks: breaks('compromise:api') }).detection.detectedAt).toBe(4);
  });
});

describe('silent failures', () => {
  const m = buildModel([
    ['a', 'service'],
    ['b', 'service', { healthCheck: true }],
    ['p', 'pipeline'],
    ['bot', 'agent'],
  ]);

  it('marks a service or pipeline without healthCheck going down as silent', () => {
    const r = simulate(m, { breaks: breaks('outage:a', 'outage:b', 'outage:p', 'outage:bot') });
    expect(Object.fromEntries(r.impacts.map((i) => [i.node, i.silent]))).toEqual({ a: true, b: false, p: true, bot: false });
  });

  it('a compromise is never silent', () => {
    expect(simulate(m, { breaks: breaks('compromise:a') }).impacts[0].silent).toBe(false);
  });
});

describe('the trace ladder', () => {
  it('a node read at 1 and controlled at 5 appears twice; its impact is control at 5', () => {
    const m = buildModel(
      [['role', 'identity'], ['db', 'datastore']],
      [['r', 'grants', 'role', 'db', { delayHours: 1 }], ['w', 'grants', 'role', 'db', { access: 'admin', delayHours: 5 }]],
    );
    const r = simulate(m, { breaks: breaks('compromise:role') });
    expect(traceOf(r, 'db')).toEqual(['read@1', 'control@5']);
    expect(impact(r, 'db')).toMatchObject({ effect: 'control', at: 5, via: { edge: 'w' } });
  });

  it('a node reached at several levels at once appears once, at the highest', () => {
    const m = buildModel(
      [['role', 'identity'], ['db', 'datastore']],
      [['r', 'grants', 'role', 'db', { delayHours: 1 }], ['w', 'grants', 'role', 'db', { access: 'admin', delayHours: 1 }]],
    );
    expect(traceOf(simulate(m, { breaks: breaks('compromise:role') }), 'db')).toEqual(['control@1']);
  });

  it('a zero-delay chain reaching a higher level at the same time upgrades the entry in place', () => {
    // db is read at 0 directly; a longer chain of zero-delay steps controls it at 0 too
    const m = buildModel(
      [['role', 'identity'], ['db', 'datastore'], ['log', 'location'], ['tok', 'secret'], ['admin', 'identity']],
      [
        ['r', 'grants', 'role', 'db', { delayHours: 0 }],
        ['l', 'grants', 'role', 'log', { delayHours: 0 }],
        ['c', 'contains', 'log', 'tok'],
        ['a', 'authenticates', 'tok', 'admin', { delayHours: 0 }],
        ['x', 'grants', 'admin', 'db', { access: 'admin', delayHours: 0 }],
      ],
    );
    const r = simulate(m, { breaks: breaks('compromise:role') });
    expect(traceOf(r, 'db')).toEqual(['control@0']);
    expect(impact(r, 'db')?.via).toEqual({ edge: 'x', from: 'admin', fromEffect: 'control' });
  });

  it('a level derived from the node’s own entry at the same time is a new entry, so vias never loop', () => {
    // log is read at 0, the secret in it grants admin back on log at 0
    const m = buildModel(
      [['role', 'identity'], ['log', 'location'], ['tok', 'secret']],
      [['l', 'grants', 'role', 'log', { delayHours: 0 }], ['c', 'contains', 'log', 'tok'], ['b', 'grants', 'tok', 'log', { access: 'admin', delayHours: 0 }]],
    );
    const r = simulate(m, { breaks: breaks('compromise:role') });
    expect(traceOf(r, 'log')).toEqual(['control@0', 'read@0']);
    expect(impact(r, 'tok')?.via).toEqual({ edge: 'c', from: 'log', fromEffect: 'read' });
    expect(impact(r, 'log')?.via).toEqual({ edge: 'b', from: 'tok', fromEffect: 'control' });
  });

  it('a via names the trace entry it used, even when that entry is lower than the node’s top', () => {
    const m = buildModel(
      [['role', 'identity'], ['wiki', 'location'], ['tok', 'secret']],
      [['r', 'grants', 'role', 'wiki', { delayHours: 1 }], ['w', 'grants', 'role', 'wiki', { access: 'admin', delayHours: 5 }], ['c', 'contains', 'wiki', 'tok']],
    );
    const r = simulate(m, { breaks: breaks('compromise:role') });
    expect(impact(r, 'tok')).toMatchObject({ at: 1, via: { from: 'wiki', fromEffect: 'read' } });
  });
});

describe('the result (§8)', () => {
  const m = buildModel(
    [
      ['tok', 'secret', { criticality: 4 }],
      ['role', 'identity', { criticality: 5 }],
      ['db', 'datastore', { sensitivity: 'restricted' }],
      ['api', 'service', { criticality: 2 }],
      ['b', 'service'],
      ['a', 'service'],
    ],
    [
      ['e2', 'authenticates', 'tok', 'role'],
      ['e3', 'grants', 'role', 'db'],
      ['e4', 'holds', 'api', 'tok'],
      ['e5', 'holds', 'b', 'tok'],
      ['e6', 'holds', 'a', 'tok', { required: false }],
    ],
  );

  it('has exactly the §8 shape', () => {
    const r = simulate(m, { id: 's1', breaks: breaks('leak:tok') });
    expect(Object.keys(r)).toEqual(['scenario', 'prevented', 'impacts', 'trace', 'detection', 'summary']);
    // a stolen secret's impact carries `until` (v1.1); others do not
    expect(Object.keys(r.impacts[0])).toEqual(['node', 'effect', 'at', 'via', 'silent', 'until']);
    expect(Object.keys(r.impacts[1])).toEqual(['node', 'effect', 'at', 'via', 'silent']);
    expect(Object.keys(r.detection)).toEqual(['detectedAt', 'containedAt', 'detectedBy']);
    expect(Object.keys(r.scenario)).toEqual(['id', 'breaks', 'patches', 'removed', 'responses', 'params']);
    expect(Object.keys(r.trace[0])).toEqual(['node', 'effect', 'at', 'via']);
    expect(Object.keys(r.summary)).toEqual(['score', 'exposure', 'counts']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('scores criticality × weight and divides by 1.8 × the total criticality', () => {
    const r = simulate(m, { breaks: breaks('leak:tok') });
    // tok control 4×1, role control 5×1, db read 5×0.4
    expect(r.summary.score).toBe(11);
    expect(r.summary.exposure).toBe(Math.round((11 / (1.8 * (4 + 5 + 5 + 2 + 3 + 3))) * 1e9) / 1e9);
    expect(r.summary.counts).toEqual({ control: 2, write: 0, read: 1, down: 0, degraded: 0 });
  });

  it('scores availability: down 0.8, degraded 0.3', () => {
    const r = simulate(m, { breaks: breaks('revoke:tok') });
    // tok down 4×0.8, api down 2×0.8, b down 3×0.8, a degraded 3×0.3
    expect(r.summary.score).toBe(Math.round((3.2 + 1.6 + 2.4 + 0.9) * 1e9) / 1e9);
    expect(r.summary.counts).toEqual({ control: 0, write: 0, read: 0, down: 3, degraded: 1 });
  });

  it('uses patched criticality in the score and the exposure', () => {
    const r = simulate(m, { breaks: breaks('leak:tok'), patches: [{ id: 'tok', props: { criticality: 1 } }] });
    expect(r.summary.score).toBe(8);
    expect(r.summary.exposure).toBe(Math.round((8 / (1.8 * 19)) * 1e9) / 1e9);
  });

  it('sorts impacts and trace by time, then node id, then effect (security first)', () => {
    // tok is stolen through its holders but revoked at 0: it carries nothing (§5, v1.1), so the attacker
    // gets no further than tok
    const r = simulate(m, { breaks: breaks('revoke:tok', 'compromise:b', 'compromise:a') });
    expect(r.impacts.map((i) => `${i.at} ${i.node} ${i.effect}`)).toEqual([
      '0 a control',
      '0 a degraded',
      '0 api down',
      '0 b control',
      '0 b down',
      '0 tok control',
      '0 tok down',
    ]);
    expect(r.trace.map((t) => `${t.at} ${t.node} ${t.effect}`)).toEqual(r.impacts.map((i) => `${i.at} ${i.node} ${i.effect}`));
    const later = simulate(m, { breaks: breaks('outage:api', 'leak:tok') });
    expect(later.impacts.map((i) => `${i.at} ${i.node} ${i.effect}`)).toEqual(['0 api down', '0 tok control', '0.5 role control', '1 db read']);
  });

  it('is 0 exposure on an empty scenario', () => {
    const r = simulate(m, { breaks: [] });
    expect(r.summary).toEqual({ score: 0, exposure: 0, counts: { control: 0, write: 0, read: 0, down: 0, degraded: 0 } });
  });
});
