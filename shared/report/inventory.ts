/** The model section's tables: what there is of each kind, and the inventories of secrets, identities, agents, tools. */
import type { Model, ModelEdge, NodeOf } from '../domain/index.ts';
import { NODE_KINDS } from '../domain/index.ts';
import { KIND_STYLES, kindCount } from './style.ts';
import type { AgentRow, IdentityRow, KindCount, ModelSection, SecretRow, ToolRow } from './types.ts';
import type { Labels } from './words.ts';

const byLabel = <T extends { label: string; id: string }>(a: T, b: T) =>
  a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function edgesBy(model: Model) {
  const into = new Map<string, ModelEdge[]>();
  const out = new Map<string, ModelEdge[]>();
  for (const e of model.edges) {
    (into.get(e.target) ?? into.set(e.target, []).get(e.target)!).push(e);
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
  }
  return { into: (id: string) => into.get(id) ?? [], out: (id: string) => out.get(id) ?? [] };
}

/** Sorted, each once: parallel edges name the same thing twice. */
const unique = (items: readonly string[]) => [...new Set(items)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

export function kindCounts(model: Model): KindCount[] {
  return NODE_KINDS.map((kind) => ({
    kind,
    count: model.nodes.filter((n) => n.kind === kind).length,
  }))
    .filter((k) => k.count > 0)
    .map(({ kind, count }) => ({ kind, count, label: count === 1 ? KIND_STYLES[kind].label : KIND_STYLES[kind].plural, text: kindCount(kind, count) }));
}

export function inventory(model: Model, labels: Labels): Pick<ModelSection, 'secrets' | 'identities' | 'agents' | 'tools'> {
  const { into, out } = edgesBy(model);
  const sources = (id: string, kind: ModelEdge['kind']) =>
    [...new Set(into(id).filter((e) => e.kind === kind).map((e) => labels.node(e.source)))].sort();
  const label = (n: { id: string; label: string }) => n.label || n.id;

  const secrets: SecretRow[] = model.nodes
    .filter((n): n is NodeOf<'secret'> => n.kind === 'secret')
    .map((n) => ({
      id: n.id,
      label: label(n),
      secretType: n.props.secretType,
      ttlHours: n.props.ttlHours,
      rotationDays: n.props.rotationDays,
      bound: n.props.bound,
      autoRenew: n.props.autoRenew,
      owner: n.props.owner,
      expiresAt: n.props.expiresAt,
      environment: n.props.environment,
      holders: sources(n.id, 'holds'),
      storedIn: sources(n.id, 'contains'),
    }))
    .sort(byLabel);

  const identities: IdentityRow[] = model.nodes
    .filter((n): n is NodeOf<'identity'> => n.kind === 'identity')
    .map((n) => ({
      id: n.id,
      label: label(n),
      owner: n.props.owner,
      environment: n.props.environment,
      lastReviewed: n.props.lastReviewed,
      usedBy: [...new Set([...sources(n.id, 'runs-as'), ...sources(n.id, 'authenticates'), ...sources(n.id, 'assumes')])],
      grants: unique(
        out(n.id)
          .filter((e) => e.kind === 'grants' || e.kind === 'assumes')
          .map((e) =>
            e.kind === 'grants'
              ? `${labels.node(e.target)} (${(e.props as { access?: string }).access ?? 'read'})`
              : `${labels.node(e.target)} (assume)`,
          ),
      ),
    }))
    .sort(byLabel);

  const agents: AgentRow[] = model.nodes
    .filter((n): n is NodeOf<'agent'> => n.kind === 'agent')
    .map((n) => ({
      id: n.id,
      label: label(n),
      autonomy: n.props.autonomy,
      owner: n.props.owner,
      environment: n.props.environment,
      tools: unique(
        out(n.id)
          .filter((e): e is Extract<ModelEdge, { kind: 'invokes' }> => e.kind === 'invokes')
          .map((e) => `${labels.node(e.target)}${e.props.approval ? ' (approval)' : ''}`),
      ),
      instructedBy: sources(n.id, 'instructs'),
    }))
    .sort(byLabel);

  const tools: ToolRow[] = model.nodes
    .filter((n): n is NodeOf<'tool'> => n.kind === 'tool')
    .map((n) => ({
      id: n.id,
      label: label(n),
      capabilities: [...n.props.capabilities],
      owner: n.props.owner,
      environment: n.props.environment,
      invokedBy: unique(
        into(n.id)
          .filter((e): e is Extract<ModelEdge, { kind: 'invokes' }> => e.kind === 'invokes')
          .map((e) => `${labels.node(e.source)}${e.props.approval ? ' (approval)' : ''}`),
      ),
    }))
    .sort(byLabel);

  return { secrets, identities, agents, tools };
}
