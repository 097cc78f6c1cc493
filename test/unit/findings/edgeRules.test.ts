import { describe, expect, it } from 'vitest';
import { build, findingsOf, idsOf } from './build.ts';

describe('agent-tool-no-approval (NHI5, LLM06:2025)', () => {
  const agentTool = (agent: Record<string, unknown>, tool: Record<string, unknown>, edge: Record<string, unknown> = {}) =>
    build({ nodes: [['agent', 'bot', agent], ['tool', 'shell', tool]], edges: [['invokes', 'bot', 'shell', edge]] });

  it.each(['write', 'exec', 'payments'])('flags an autonomous prod agent invoking a %s tool as critical', (cap) => {
    const [f] = findingsOf(agentTool({}, { capabilities: [cap] }), 'agent-tool-no-approval');
    expect(f).toMatchObject({
      id: 'agent-tool-no-approval:bot:shell',
      severity: 'critical',
      owasp: ['NHI5'],
      llm: ['LLM06:2025', 'ASI02'],
    });
    expect(f.message).toContain(cap);
  });

  it('is high for a supervised agent', () => {
    const [f] = findingsOf(agentTool({ autonomy: 'supervised' }, { capabilities: ['exec'] }), 'agent-tool-no-approval');
    expect(f.severity).toBe('high');
  });

  it('leaves an invocation with approval alone', () => {
    expect(idsOf(agentTool({}, { capabilities: ['exec'] }, { approval: true }), 'agent-tool-no-approval')).toEqual([]);
  });

  it('leaves read and network tools alone', () => {
    expect(idsOf(agentTool({}, { capabilities: ['read', 'network'] }), 'agent-tool-no-approval')).toEqual([]);
  });

  it('leaves an agent and tool that are both outside prod alone', () => {
    const m = agentTool({ environment: 'dev' }, { environment: 'staging', capabilities: ['exec'] });
    expect(idsOf(m, 'agent-tool-no-approval')).toEqual([]);
  });
});

describe('unverified-dependency (NHI3)', () => {
  it('flags an unverified depends-on', () => {
    const m = build({ nodes: [['service', 'api'], ['dependency', 'pkg']], edges: [['depends-on', 'api', 'pkg']] });
    expect(findingsOf(m, 'unverified-dependency')).toMatchObject([
      { id: 'unverified-dependency:api:pkg', severity: 'medium', owasp: ['NHI3'], llm: [] },
    ]);
  });

  it('adds the agentic supply-chain mapping for an agent', () => {
    const m = build({ nodes: [['agent', 'bot'], ['dependency', 'model']], edges: [['depends-on', 'bot', 'model']] });
    expect(findingsOf(m, 'unverified-dependency')[0].llm).toEqual(['LLM03:2025', 'ASI04']);
  });

  it('leaves a verified depends-on alone', () => {
    const m = build({
      nodes: [['service', 'api'], ['dependency', 'pkg']],
      edges: [['depends-on', 'api', 'pkg', { verified: true }]],
    });
    expect(idsOf(m, 'unverified-dependency')).toEqual([]);
  });
});

describe('unconstrained-trust (NHI6)', () => {
  it('flags an unconstrained trusts', () => {
    const m = build({ nodes: [['identity', 'role'], ['issuer', 'oidc']], edges: [['trusts', 'role', 'oidc']] });
    expect(findingsOf(m, 'unconstrained-trust')).toMatchObject([
      { id: 'unconstrained-trust:role:oidc', owasp: ['NHI6'], csf: ['PR.AA-04'] },
    ]);
  });

  it('leaves a constrained trusts alone', () => {
    const m = build({
      nodes: [['identity', 'role'], ['issuer', 'oidc']],
      edges: [['trusts', 'role', 'oidc', { constrained: true }]],
    });
    expect(idsOf(m, 'unconstrained-trust')).toEqual([]);
  });
});

describe('edge-kind-mismatch', () => {
  it('flags an edge between kinds its kind does not name, as low', () => {
    const m = build({ nodes: [['service', 'api'], ['datastore', 'db']], edges: [['holds', 'api', 'db', {}, 'odd']] });
    const [f] = findingsOf(m, 'edge-kind-mismatch');
    expect(f).toMatchObject({ id: 'edge-kind-mismatch:odd', severity: 'low', nodes: ['api', 'db'], edges: ['odd'] });
    expect(f.message).toContain('simulated all the same');
  });

  it('leaves edges the table names alone', () => {
    const m = build({ nodes: [['service', 'api'], ['secret', 'tok']], edges: [['holds', 'api', 'tok']] });
    expect(idsOf(m, 'edge-kind-mismatch')).toEqual([]);
  });
});
