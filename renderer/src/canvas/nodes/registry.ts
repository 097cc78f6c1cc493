/**
 * The one node registry: how each kind looks and what it is called. Adding a kind touches the domain's
 * kind table and this record, nothing else.
 */
import type { NodeKind } from '../../../../shared/domain/kinds.ts';

export interface NodeConfig {
  label: string;
  /** One line shown in the palette. */
  hint: string;
  /** Accent colour; the same in both themes, chosen to stay apart for common colour-vision deficiencies. */
  color: string;
}

export const NODE_REGISTRY: Record<NodeKind, NodeConfig> = {
  service: { label: 'Service', hint: 'A workload: API, worker, job, VM, container', color: '#2563eb' },
  agent: { label: 'AI agent', hint: 'An AI agent acting on its own or for a user', color: '#7c3aed' },
  tool: { label: 'Tool', hint: 'A capability an agent can invoke: MCP server, function, plugin', color: '#0891b2' },
  pipeline: { label: 'Pipeline', hint: 'CI/CD: a build or deploy pipeline, a runner', color: '#ea580c' },
  person: { label: 'Person', hint: 'A human operator using a non-human identity', color: '#64748b' },
  identity: { label: 'Identity', hint: 'Service account, IAM role, OAuth app, workload identity', color: '#059669' },
  secret: { label: 'Secret', hint: 'API key, token, password, SSH key, certificate, signing key', color: '#d97706' },
  issuer: { label: 'Issuer', hint: 'CA, identity provider, STS, OIDC issuer, secrets engine', color: '#0d9488' },
  datastore: { label: 'Data store', hint: 'Database, bucket, queue, vault', color: '#4f46e5' },
  location: { label: 'Location', hint: 'Where secrets end up: log, repo, chat, ticket, wiki, image', color: '#be123c' },
  dependency: { label: 'Dependency', hint: 'Third-party package, action, image, SaaS, model API', color: '#a16207' },
};
