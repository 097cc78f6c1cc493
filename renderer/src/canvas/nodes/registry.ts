/**
 * The one node registry: how each kind looks and what it is called. Adding a kind touches the domain's
 * kind table and this record, nothing else.
 */
import type { NodeKind } from '../../../../shared/domain/index.ts';
import { KIND_COLORS } from '../../../../shared/visual/index.ts';

interface NodeConfig {
  label: string;
  /** One line shown in the palette. */
  hint: string;
  /** Accent colour (shared/visual/palette.ts, shared with the report). */
  color: string;
}

export const NODE_REGISTRY: Record<NodeKind, NodeConfig> = {
  service: { label: 'Service', hint: 'A workload: API, worker, job, VM, container', color: KIND_COLORS.service },
  agent: { label: 'AI agent', hint: 'An AI agent acting on its own or for a user', color: KIND_COLORS.agent },
  tool: { label: 'Tool', hint: 'A capability an agent can invoke: MCP server, function, plugin', color: KIND_COLORS.tool },
  pipeline: { label: 'Pipeline', hint: 'CI/CD: a build or deploy pipeline, a runner', color: KIND_COLORS.pipeline },
  person: { label: 'Person', hint: 'A human operator using a non-human identity', color: KIND_COLORS.person },
  identity: { label: 'Identity', hint: 'Service account, IAM role, OAuth app, workload identity', color: KIND_COLORS.identity },
  secret: { label: 'Secret', hint: 'API key, token, password, SSH key, certificate, signing key', color: KIND_COLORS.secret },
  issuer: { label: 'Issuer', hint: 'CA, identity provider, STS, OIDC issuer, secrets engine', color: KIND_COLORS.issuer },
  datastore: { label: 'Data store', hint: 'Database, bucket, queue, vault', color: KIND_COLORS.datastore },
  location: { label: 'Location', hint: 'Where secrets end up: log, repo, chat, ticket, wiki, image', color: KIND_COLORS.location },
  dependency: { label: 'Dependency', hint: 'Third-party package, action, image, SaaS, model API', color: KIND_COLORS.dependency },
};
