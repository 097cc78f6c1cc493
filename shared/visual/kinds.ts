/**
 * What each node kind is called, in a title, a count and a sentence, with its accent colour: one table for the
 * canvas (renderer/src/canvas/nodes/registry.ts adds the palette's hints) and the report.
 */
import type { NodeKind } from '../domain/kinds.ts';
import { KIND_COLORS } from './palette.ts';

export interface KindStyle {
  label: string;
  plural: string;
  /** The kind inside a sentence: `AI agent`, `data store` (acronyms keep their capitals). */
  noun: string;
  nouns: string;
  color: string;
}

/** Each kind's names and accent colour (./palette.ts): the canvas's palette and nodes, the report and the exports read them here. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  service: { label: 'Service', plural: 'Services', noun: 'service', nouns: 'services', color: KIND_COLORS.service },
  agent: { label: 'AI agent', plural: 'AI agents', noun: 'AI agent', nouns: 'AI agents', color: KIND_COLORS.agent },
  tool: { label: 'Tool', plural: 'Tools', noun: 'tool', nouns: 'tools', color: KIND_COLORS.tool },
  pipeline: { label: 'Pipeline', plural: 'Pipelines', noun: 'pipeline', nouns: 'pipelines', color: KIND_COLORS.pipeline },
  person: { label: 'Person', plural: 'People', noun: 'person', nouns: 'people', color: KIND_COLORS.person },
  identity: { label: 'Identity', plural: 'Identities', noun: 'identity', nouns: 'identities', color: KIND_COLORS.identity },
  secret: { label: 'Secret', plural: 'Secrets', noun: 'secret', nouns: 'secrets', color: KIND_COLORS.secret },
  issuer: { label: 'Issuer', plural: 'Issuers', noun: 'issuer', nouns: 'issuers', color: KIND_COLORS.issuer },
  datastore: { label: 'Data store', plural: 'Data stores', noun: 'data store', nouns: 'data stores', color: KIND_COLORS.datastore },
  location: { label: 'Location', plural: 'Locations', noun: 'location', nouns: 'locations', color: KIND_COLORS.location },
  dependency: { label: 'Dependency', plural: 'Dependencies', noun: 'dependency', nouns: 'dependencies', color: KIND_COLORS.dependency },
};

/** `1 AI agent`, `3 AI agents`, `2 identities`: a count of nodes of a kind, in a sentence. */
export const kindCount = (kind: NodeKind, n: number) => `${n} ${n === 1 ? KIND_STYLES[kind].noun : KIND_STYLES[kind].nouns}`;
