import { describe, expect, it } from 'vitest';
import { build, findingsOf, idsOf } from './build.ts';

describe('secret-no-lifetime (NHI7)', () => {
  it('flags a secret with neither TTL nor rotation', () => {
    const m = build({ nodes: [['secret', 'tok', { ttlHours: null, rotationDays: null }]] });
    const [f] = findingsOf(m, 'secret-no-lifetime');
    expect(f).toMatchObject({ id: 'secret-no-lifetime:tok', severity: 'medium', nodes: ['tok'], owasp: ['NHI7'] });
    expect(f.message).toContain('"TOK"');
  });

  it('says what a stolen copy does, following the model: bound or not', () => {
    const m = build({ nodes: [['secret', 'tok', { ttlHours: null }], ['secret', 'mtls', { ttlHours: null, bound: true }]] });
    const [mtls, tok] = ['secret-no-lifetime:mtls', 'secret-no-lifetime:tok'].map((id) => findingsOf(m, 'secret-no-lifetime').find((f) => f.id === id)!);
    expect(tok.message).toBe('Secret "TOK" has neither a TTL nor a rotation period: a stolen copy works until someone rotates or revokes it.');
    expect(mtls.message).toContain('useless alone (bound), but whoever controls a holder keeps it');
  });

  it('accepts a secret with a TTL or a rotation period', () => {
    const m = build({
      nodes: [
        ['secret', 'ttl', { ttlHours: 1, rotationDays: null }],
        ['secret', 'rotated', { ttlHours: null, rotationDays: 30 }],
      ],
    });
    expect(idsOf(m, 'secret-no-lifetime')).toEqual([]);
  });
});

describe('secret-in-location (NHI2)', () => {
  it.each(['log', 'repo', 'chat', 'ticket', 'wiki'])('flags a secret contained in a %s', (locationType) => {
    const m = build({
      nodes: [['location', 'where', { locationType }], ['secret', 'tok']],
      edges: [['contains', 'where', 'tok']],
    });
    expect(findingsOf(m, 'secret-in-location')).toMatchObject([
      { id: 'secret-in-location:where:tok', severity: 'high', nodes: ['tok', 'where'], edges: ['e1'], owasp: ['NHI2'] },
    ]);
  });

  it('is critical when the location is public', () => {
    const m = build({
      nodes: [['location', 'gh', { locationType: 'repo', audience: 'public' }], ['secret', 'tok']],
      edges: [['contains', 'gh', 'tok']],
    });
    expect(findingsOf(m, 'secret-in-location')[0].severity).toBe('critical');
  });

  it.each(['image', 'env-file'])('leaves a secret in an %s for the team or the organisation alone', (locationType) => {
    for (const audience of ['team', 'org']) {
      const m = build({
        nodes: [['location', 'where', { locationType, audience }], ['secret', 'tok']],
        edges: [['contains', 'where', 'tok']],
      });
      expect(idsOf(m, 'secret-in-location')).toEqual([]);
    }
  });

  it.each(['image', 'env-file'])('flags a secret in a public %s as critical (v1.1: any public location)', (locationType) => {
    const m = build({
      nodes: [['location', 'layer', { locationType, audience: 'public' }], ['secret', 'tok']],
      edges: [['contains', 'layer', 'tok']],
    });
    const [f] = findingsOf(m, 'secret-in-location');
    expect(f).toMatchObject({ id: 'secret-in-location:layer:tok', severity: 'critical', owasp: ['NHI2'] });
    expect(f.message).toBe(`Secret "TOK" is in ${locationType} "LAYER", readable by anyone.`);
  });

  it('leaves a secret in a datastore (a vault) alone', () => {
    const m = build({ nodes: [['datastore', 'vault'], ['secret', 'tok']], edges: [['contains', 'vault', 'tok']] });
    expect(idsOf(m, 'secret-in-location')).toEqual([]);
  });
});

describe('cert-expiring', () => {
  const cert = (props: Record<string, unknown>, asOf: string | null = '2026-11-27') =>
    build({ asOf, nodes: [['secret', 'tls', { secretType: 'certificate', ...props }]] });

  it('flags a certificate expiring within 30 days of asOf, without autoRenew', () => {
    const [f] = findingsOf(cert({ expiresAt: '2026-12-07' }), 'cert-expiring');
    expect(f).toMatchObject({ id: 'cert-expiring:tls', severity: 'medium' });
    expect(f.message).toContain('10 days after');
  });

  it('flags a certificate expiring exactly 30 days after asOf', () => {
    expect(idsOf(cert({ expiresAt: '2026-12-27' }), 'cert-expiring')).toEqual(['cert-expiring:tls']);
  });

  it('raises an already expired certificate to high', () => {
    const [f] = findingsOf(cert({ expiresAt: '2026-11-01' }), 'cert-expiring');
    expect(f.severity).toBe('high');
    expect(f.message).toContain('expired on 2026-11-01, 26 days before');
  });

  it('leaves a certificate expiring in 31 days alone', () => {
    expect(idsOf(cert({ expiresAt: '2026-12-28' }), 'cert-expiring')).toEqual([]);
  });

  it('leaves a certificate that renews itself alone', () => {
    expect(idsOf(cert({ expiresAt: '2026-12-01', autoRenew: true }), 'cert-expiring')).toEqual([]);
  });

  it('leaves a secret that is not a certificate alone', () => {
    expect(idsOf(cert({ expiresAt: '2026-12-01', secretType: 'token' }), 'cert-expiring')).toEqual([]);
  });

  it('is skipped when the model has no asOf date', () => {
    expect(idsOf(cert({ expiresAt: '2020-01-01' }, null), 'cert-expiring')).toEqual([]);
  });

  it('reads a date-time without a zone as UTC', () => {
    expect(idsOf(cert({ expiresAt: '2026-12-27T00:00' }), 'cert-expiring')).toEqual(['cert-expiring:tls']);
    expect(idsOf(cert({ expiresAt: '2026-12-27T00:01' }), 'cert-expiring')).toEqual([]);
  });
});

describe('silent-outage', () => {
  it('flags a required secret of a service without a health check', () => {
    const m = build({ nodes: [['service', 'api', { healthCheck: false }], ['secret', 'tok']], edges: [['holds', 'api', 'tok']] });
    expect(findingsOf(m, 'silent-outage')).toMatchObject([
      { id: 'silent-outage:api:tok', severity: 'medium', nodes: ['api', 'tok'], edges: ['e1'] },
    ]);
  });

  it('flags a pipeline too, the other kind that goes down silently', () => {
    const m = build({ nodes: [['pipeline', 'ci', { healthCheck: false }], ['secret', 'tok']], edges: [['holds', 'ci', 'tok']] });
    expect(idsOf(m, 'silent-outage')).toEqual(['silent-outage:ci:tok']);
  });

  it('leaves a health-checked service alone', () => {
    const m = build({ nodes: [['service', 'api', { healthCheck: true }], ['secret', 'tok']], edges: [['holds', 'api', 'tok']] });
    expect(idsOf(m, 'silent-outage')).toEqual([]);
  });

  it('leaves a secret the service does not require alone', () => {
    const m = build({
      nodes: [['service', 'api', { healthCheck: false }], ['secret', 'tok']],
      edges: [['holds', 'api', 'tok', { required: false }]],
    });
    expect(idsOf(m, 'silent-outage')).toEqual([]);
  });

  it('leaves an agent alone (it has no health check to add)', () => {
    const m = build({ nodes: [['agent', 'bot'], ['secret', 'tok']], edges: [['holds', 'bot', 'tok']] });
    expect(idsOf(m, 'silent-outage')).toEqual([]);
  });
});

describe('no-owner (NHI1)', () => {
  it('flags a secret and an identity with no owner', () => {
    const m = build({ nodes: [['secret', 'tok', { owner: '' }], ['identity', 'role', { owner: '  ' }]] });
    expect(findingsOf(m, 'no-owner')).toMatchObject([
      { id: 'no-owner:role', severity: 'low', owasp: ['NHI1'], csf: ['PR.AA-01'] },
      { id: 'no-owner:tok', severity: 'low' },
    ]);
  });

  it('leaves owned credentials and ownerless workloads alone', () => {
    const m = build({ nodes: [['secret', 'tok', { owner: 'sre' }], ['service', 'api', { owner: '' }]] });
    expect(idsOf(m, 'no-owner')).toEqual([]);
  });
});
