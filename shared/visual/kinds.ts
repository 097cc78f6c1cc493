/**
 * What each node kind is called, in a title, a count and a sentence, its accent colour and its palette hint: one
 * table for the canvas (renderer/src/canvas/nodes/registry.ts) and the report. A kind added to the domain does
 * not compile until it has its entry here.
 */
import type { NodeKind } from '../domain/index.ts';
import { NODE_KINDS } from '../domain/index.ts';

export interface KindStyle {
  label: string;
  plural: string;
  /** The kind inside a sentence: `AI agent`, `data store` (acronyms keep their capitals). */
  noun: string;
  nouns: string;
  /** Accent colour, the same in both themes, chosen to stay apart for common colour-vision deficiencies. */
  color: string;
  /** One line shown in the canvas's palette. */
  hint: string;
}

/** Each kind's names, accent colour and palette hint: the canvas's palette and nodes, the report and the exports read them here. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  service: {
    label: 'Service',
    plural: 'Services',
    noun: 'service',
    nouns: 'services',
    color: '#2563EB',
    hint: 'A workload: API, worker, job, VM, container',
  },
  agent: {
    label: 'AI agent',
    plural: 'AI agents',
    noun: 'AI agent',
    nouns: 'AI agents',
    color: '#7C3AED',
    hint: 'An AI agent acting on its own or for a user',
  },
  tool: {
    label: 'Tool',
    plural: 'Tools',
    noun: 'tool',
    nouns: 'tools',
    color: '#0891B2',
    hint: 'A capability an agent can invoke: MCP server, function, plugin',
  },
  pipeline: {
    label: 'Pipeline',
    plural: 'Pipelines',
    noun: 'pipeline',
    nouns: 'pipelines',
    color: '#EA580C',
    hint: 'CI/CD: a build or deploy pipeline, a runner',
  },
  person: {
    label: 'Person',
    plural: 'People',
    noun: 'person',
    nouns: 'people',
    color: '#64748B',
    hint: 'A human operator using a non-human identity',
  },
  identity: {
    label: 'Identity',
    plural: 'Identities',
    noun: 'identity',
    nouns: 'identities',
    color: '#059669',
    hint: 'Service account, IAM role, OAuth app, workload identity',
  },
  secret: {
    label: 'Secret',
    plural: 'Secrets',
    noun: 'secret',
    nouns: 'secrets',
    color: '#D97706',
    hint: 'API key, token, password, SSH key, certificate, signing key',
  },
  issuer: {
    label: 'Issuer',
    plural: 'Issuers',
    noun: 'issuer',
    nouns: 'issuers',
    color: '#0D9488',
    hint: 'CA, identity provider, STS, OIDC issuer, secrets engine',
  },
  datastore: {
    label: 'Data store',
    plural: 'Data stores',
    noun: 'data store',
    nouns: 'data stores',
    color: '#4F46E5',
    hint: 'Database, bucket, queue, vault',
  },
  location: {
    label: 'Location',
    plural: 'Locations',
    noun: 'location',
    nouns: 'locations',
    color: '#BE123C',
    hint: 'Where secrets end up: log, repo, chat, ticket, wiki, image',
  },
  dependency: {
    label: 'Dependency',
    plural: 'Dependencies',
    noun: 'dependency',
    nouns: 'dependencies',
    color: '#A16207',
    hint: 'Third-party package, action, image, SaaS, model API',
  },
};

/** `1 AI agent`, `3 AI agents`, `2 identities`: a count of nodes of a kind, in a sentence. */
export const kindCount = (kind: NodeKind, n: number) => `${n} ${n === 1 ? KIND_STYLES[kind].noun : KIND_STYLES[kind].nouns}`;

/** The accent of each kind, for the generated stylesheet (./css.ts) and the thumbnails. */
export const KIND_COLORS = Object.fromEntries(NODE_KINDS.map((kind) => [kind, KIND_STYLES[kind].color])) as Record<NodeKind, string>;
