import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintModel, RULES, SEVERITIES } from '../../../shared/analysis/index.ts';
import type { Model } from '../../../shared/domain/index.ts';
import { build } from './build.ts';

/** A model that trips most rules at once. */
function busy(): Model {
  return build({
    nodes: [
      ['person', 'ana'],
      ['pipeline', 'ci', { healthCheck: false, environment: 'staging' }],
      ['service', 'api', { healthCheck: false }],
      ['agent', 'bot'],
      ['tool', 'shell', { capabilities: ['exec'] }],
      ['secret', 'tok', { ttlHours: null, owner: '' }],
      ['secret', 'tls', { secretType: 'certificate', expiresAt: '2026-11-01' }],
      ['identity', 'role', { lastReviewed: null }],
      ['location', 'log'],
      ['datastore', 'db'],
      ['dependency', 'pkg'],
      ['issuer', 'oidc'],
    ],
    edges: [
      ['holds', 'ci', 'tok'],
      ['holds', 'api', 'tok'],
      ['holds', 'ana', 'tok'],
      ['contains', 'log', 'tok'],
      ['invokes', 'bot', 'shell'],
      ['runs-as', 'api', 'role'],
      ['runs-as', 'ci', 'role'],
      ['grants', 'role', 'db', { access: 'admin' }],
      ['depends-on', 'api', 'pkg'],
      ['trusts', 'role', 'oidc'],
      ['holds', 'api', 'tls'],
      ['calls', 'db', 'api'],
    ],
  });
}

describe('lintModel', () => {
  it('sorts by severity, then id', () => {
    const findings = lintModel(busy());
    const keys = findings.map((f) => [SEVERITIES.indexOf(f.severity), f.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(findings[0].severity).toBe('critical');
  });

  it('covers every rule on a model that breaks them all', () => {
    const rules = new Set(lintModel(busy()).map((f) => f.rule));
    expect([...rules].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('gives ids that are unique', () => {
    const ids = lintModel(busy()).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not change the model', () => {
    const model = busy();
    const before = structuredClone(model);
    lintModel(model);
    expect(model).toEqual(before);
  });

  it('gives the same findings whatever the order of nodes and edges in the file', () => {
    const model = busy();
    const expected = lintModel(model);
    fc.assert(
      fc.property(fc.shuffledSubarray(model.nodes, { minLength: model.nodes.length }), fc.shuffledSubarray(model.edges, { minLength: model.edges.length }), (nodes, edges) => {
        expect(lintModel({ ...model, nodes, edges })).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('finds nothing in a clean model', () => {
    const m = build({
      nodes: [['service', 'api'], ['secret', 'tok'], ['identity', 'role'], ['datastore', 'db']],
      edges: [['holds', 'api', 'tok'], ['authenticates', 'tok', 'role'], ['grants', 'role', 'db', { access: 'write' }]],
    });
    expect(lintModel(m)).toEqual([]);
  });

  it('maps every rule named by §9 with an OWASP NHI id to that id', () => {
    for (const [rule, info] of Object.entries(RULES)) {
      for (const id of info.owasp) expect(id, rule).toMatch(/^NHI([1-9]|10)$/);
      for (const id of info.csf) expect(id, rule).toMatch(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/);
    }
  });
});
