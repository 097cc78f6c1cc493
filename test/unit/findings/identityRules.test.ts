import { describe, expect, it } from 'vitest';
import { build, findingsOf, idsOf } from './build.ts';

describe('nhi-reuse (NHI9)', () => {
  it('flags a secret held by two workloads', () => {
    const m = build({
      nodes: [['service', 'a'], ['agent', 'b'], ['secret', 'tok']],
      edges: [['holds', 'a', 'tok'], ['holds', 'b', 'tok']],
    });
    expect(findingsOf(m, 'nhi-reuse')).toMatchObject([
      { id: 'nhi-reuse:tok', severity: 'medium', nodes: ['tok', 'a', 'b'], edges: ['e1', 'e2'], owasp: ['NHI9'] },
    ]);
  });

  it('flags an identity run as by two workloads', () => {
    const m = build({
      nodes: [['service', 'a'], ['pipeline', 'b'], ['identity', 'role']],
      edges: [['runs-as', 'a', 'role'], ['runs-as', 'b', 'role']],
    });
    expect(idsOf(m, 'nhi-reuse')).toEqual(['nhi-reuse:role']);
  });

  it('does not count a person or a second edge from the same workload', () => {
    const m = build({
      nodes: [['service', 'a'], ['person', 'p'], ['secret', 'tok']],
      edges: [['holds', 'a', 'tok'], ['holds', 'a', 'tok'], ['holds', 'p', 'tok']],
    });
    expect(idsOf(m, 'nhi-reuse')).toEqual([]);
  });
});

describe('identity-cross-env (NHI8)', () => {
  it('flags an identity run as from prod and from staging', () => {
    const m = build({
      nodes: [['service', 'a', { environment: 'prod' }], ['service', 'b', { environment: 'staging' }], ['identity', 'role']],
      edges: [['runs-as', 'a', 'role'], ['runs-as', 'b', 'role']],
    });
    const [f] = findingsOf(m, 'identity-cross-env');
    expect(f).toMatchObject({ id: 'identity-cross-env:role', nodes: ['role', 'a', 'b'], owasp: ['NHI8'] });
    expect(f.message).toContain('prod ("A") and staging ("B")');
  });

  it('counts holders of a secret that authenticates as the identity', () => {
    const m = build({
      nodes: [['service', 'a', { environment: 'dev' }], ['secret', 'key'], ['service', 'b'], ['identity', 'role']],
      edges: [['holds', 'a', 'key'], ['authenticates', 'key', 'role'], ['runs-as', 'b', 'role']],
    });
    expect(findingsOf(m, 'identity-cross-env')).toMatchObject([{ id: 'identity-cross-env:role', edges: ['e1', 'e2', 'e3'] }]);
  });

  it('leaves an identity used from one environment, plus shared ones, alone', () => {
    const m = build({
      nodes: [['service', 'a'], ['service', 'b', { environment: 'shared' }], ['identity', 'role', { environment: 'staging' }]],
      edges: [['runs-as', 'a', 'role'], ['runs-as', 'b', 'role']],
    });
    expect(idsOf(m, 'identity-cross-env')).toEqual([]);
  });
});

describe('human-use (NHI10)', () => {
  it('flags a person holding a secret a workload holds', () => {
    const m = build({
      nodes: [['person', 'ana'], ['service', 'api'], ['secret', 'tok']],
      edges: [['holds', 'ana', 'tok'], ['holds', 'api', 'tok']],
    });
    expect(findingsOf(m, 'human-use')).toMatchObject([
      { id: 'human-use:ana:tok', nodes: ['ana', 'tok', 'api'], edges: ['e1', 'e2'], owasp: ['NHI10'] },
    ]);
  });

  it('flags a person running as an identity a workload runs as', () => {
    const m = build({
      nodes: [['person', 'ana'], ['pipeline', 'ci'], ['identity', 'role']],
      edges: [['runs-as', 'ana', 'role'], ['runs-as', 'ci', 'role']],
    });
    expect(idsOf(m, 'human-use')).toEqual(['human-use:ana:role']);
  });

  it('leaves a personal credential alone', () => {
    const m = build({
      nodes: [['person', 'ana'], ['service', 'api'], ['secret', 'mine'], ['secret', 'its']],
      edges: [['holds', 'ana', 'mine'], ['holds', 'api', 'its']],
    });
    expect(idsOf(m, 'human-use')).toEqual([]);
  });
});

describe('admin-grant (NHI5)', () => {
  it('flags a grant with admin access', () => {
    const m = build({ nodes: [['identity', 'role'], ['datastore', 'db']], edges: [['grants', 'role', 'db', { access: 'admin' }]] });
    expect(findingsOf(m, 'admin-grant')).toMatchObject([{ id: 'admin-grant:role:db', owasp: ['NHI5'], csf: ['PR.AA-05'] }]);
  });

  it('leaves read and write grants alone', () => {
    const m = build({
      nodes: [['identity', 'role'], ['datastore', 'db']],
      edges: [['grants', 'role', 'db', { access: 'write' }], ['grants', 'role', 'db']],
    });
    expect(idsOf(m, 'admin-grant')).toEqual([]);
  });
});

describe('privilege-drift (NHI5, PR.AA-05)', () => {
  const role = (lastReviewed: string | null, asOf: string | null = '2026-11-27') =>
    build({ asOf, nodes: [['identity', 'role', { lastReviewed }], ['datastore', 'db']], edges: [['grants', 'role', 'db']] });

  it('flags an identity with grants last reviewed more than 90 days before asOf', () => {
    const [f] = findingsOf(role('2026-08-28'), 'privilege-drift');
    expect(f).toMatchObject({ id: 'privilege-drift:role', nodes: ['role', 'db'], edges: ['e1'], csf: ['PR.AA-05'] });
    expect(f.message).toContain('91 days');
  });

  it('leaves one reviewed exactly 90 days before asOf alone', () => {
    expect(idsOf(role('2026-08-29'), 'privilege-drift')).toEqual([]);
  });

  it('flags one never reviewed, even when the model has no date', () => {
    expect(idsOf(role(null), 'privilege-drift')).toEqual(['privilege-drift:role']);
    expect(idsOf(role(null, null), 'privilege-drift')).toEqual(['privilege-drift:role']);
  });

  it('skips the age check when the model has no date', () => {
    expect(idsOf(role('2020-01-01', null), 'privilege-drift')).toEqual([]);
  });

  it('leaves an identity without grants alone', () => {
    const m = build({ nodes: [['identity', 'role', { lastReviewed: null }]] });
    expect(idsOf(m, 'privilege-drift')).toEqual([]);
  });
});

describe('nonprod-uses-prod (NHI8)', () => {
  it('flags a staging workload holding a prod secret', () => {
    const m = build({
      nodes: [['service', 'stg', { environment: 'staging' }], ['secret', 'tok', { environment: 'prod' }]],
      edges: [['holds', 'stg', 'tok']],
    });
    expect(findingsOf(m, 'nonprod-uses-prod')).toMatchObject([
      { id: 'nonprod-uses-prod:stg:tok', severity: 'high', owasp: ['NHI8'], llm: [] },
    ]);
  });

  it('flags a dev workload running as a prod identity', () => {
    const m = build({
      nodes: [['pipeline', 'ci', { environment: 'dev' }], ['identity', 'role']],
      edges: [['runs-as', 'ci', 'role']],
    });
    expect(idsOf(m, 'nonprod-uses-prod')).toEqual(['nonprod-uses-prod:ci:role']);
  });

  it('flags a staging agent invoking a prod tool, with the agentic mapping', () => {
    const m = build({
      nodes: [['agent', 'bot', { environment: 'staging' }], ['tool', 'shell']],
      edges: [['invokes', 'bot', 'shell']],
    });
    expect(findingsOf(m, 'nonprod-uses-prod')).toMatchObject([{ llm: ['LLM06:2025', 'ASI02'] }]);
  });

  it('leaves staging using staging, prod using prod and shared workloads alone', () => {
    const m = build({
      nodes: [
        ['service', 'stg', { environment: 'staging' }],
        ['secret', 'stg-tok', { environment: 'staging' }],
        ['service', 'prd'],
        ['secret', 'prd-tok'],
        ['service', 'shr', { environment: 'shared' }],
      ],
      edges: [['holds', 'stg', 'stg-tok'], ['holds', 'prd', 'prd-tok'], ['holds', 'shr', 'prd-tok']],
    });
    expect(idsOf(m, 'nonprod-uses-prod')).toEqual([]);
  });
});
