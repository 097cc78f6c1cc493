/**
 * The one node registry: how each kind looks and what it is called. Names and colours come from
 * shared/visual/kinds.ts (the report reads the same); the palette's one-line hints are the canvas's own.
 */
import type { NodeKind } from '../../../../shared/domain/kinds.ts';
import { NODE_KINDS } from '../../../../shared/domain/kinds.ts';
import type { KindStyle } from '../../../../shared/visual/kinds.ts';
import { KIND_STYLES } from '../../../../shared/visual/kinds.ts';

export interface NodeConfig extends KindStyle {
  /** One line shown in the palette. */
  hint: string;
}

const HINTS: Record<NodeKind, string> = {
  service: 'A workload: API, worker, job, VM, container',
  agent: 'An AI agent acting on its own or for a user',
  tool: 'A capability an agent can invoke: MCP server, function, plugin',
  pipeline: 'CI/CD: a build or deploy pipeline, a runner',
  person: 'A human operator using a non-human identity',
  identity: 'Service account, IAM role, OAuth app, workload identity',
  secret: 'API key, token, password, SSH key, certificate, signing key',
  issuer: 'CA, identity provider, STS, OIDC issuer, secrets engine',
  datastore: 'Database, bucket, queue, vault',
  location: 'Where secrets end up: log, repo, chat, ticket, wiki, image',
  dependency: 'Third-party package, action, image, SaaS, model API',
};

export const NODE_REGISTRY = Object.fromEntries(NODE_KINDS.map((k) => [k, { ...KIND_STYLES[k], hint: HINTS[k] }])) as Record<NodeKind, NodeConfig>;
