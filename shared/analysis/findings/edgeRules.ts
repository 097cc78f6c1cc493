/** Findings about single edges: agents and tools, dependencies, trust, and edges the kind table does not name. */
import type { Capability } from '../../domain/index.ts';
import { EDGE_ENDS, edgeFits } from '../../domain/index.ts';
import { listing } from './context.ts';
import { makeFinding } from './make.ts';
import type { Rule } from './make.ts';

/** Capabilities that change the world: what an agent should not use in prod without a person's approval. */
const RISKY_CAPABILITIES: readonly Capability[] = ['write', 'exec', 'payments'];

/**
 * NHI5, LLM06:2025 (excessive agency), ASI02 (tool misuse): an agent `invokes` a tool with write, exec or
 * payments, without `approval`, where the agent or the tool is in prod. Critical for an `auto` agent.
 */
export const agentToolNoApproval: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('invokes')) {
    const agent = ctx.node(e.source);
    const tool = ctx.node(e.target);
    if (agent?.kind !== 'agent' || tool?.kind !== 'tool' || e.props.approval) continue;
    const risky = RISKY_CAPABILITIES.filter((c) => tool.props.capabilities.includes(c));
    if (risky.length === 0) continue;
    if (agent.props.environment !== 'prod' && tool.props.environment !== 'prod') continue;
    const auto = agent.props.autonomy === 'auto';
    out.add(
      makeFinding('agent-tool-no-approval', [agent.id, tool.id], {
        message: `${auto ? 'Autonomous agent' : 'Agent'} "${ctx.label(agent.id)}" invokes tool "${ctx.label(tool.id)}" (${listing(risky)}) in prod without approval: a prompt injection acts through it.`,
        nodes: [agent.id, tool.id],
        edges: [e.id],
        severity: auto ? 'critical' : 'high',
      }),
    );
  }
};

/** NHI3: a `depends-on` without `verified` (pinned, signed, checked): the target's compromise becomes ours. */
export const unverifiedDependency: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('depends-on')) {
    if (e.props.verified) continue;
    const agentic = ctx.node(e.source)?.kind === 'agent';
    out.add(
      makeFinding('unverified-dependency', [e.source, e.target], {
        message: `${ctx.Named(e.source)} depends on ${ctx.named(e.target)} without verifying it: whoever replaces it controls "${ctx.label(e.source)}".`,
        nodes: [e.source, e.target],
        edges: [e.id],
        llm: agentic ? ['LLM03:2025', 'ASI04'] : [],
      }),
    );
  }
};

/** NHI6: a `trusts` without `constrained` (audience, subject, claims): anything the issuer asserts is accepted. */
export const unconstrainedTrust: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('trusts')) {
    if (e.props.constrained) continue;
    out.add(
      makeFinding('unconstrained-trust', [e.source, e.target], {
        message: `${ctx.Named(e.source)} trusts ${ctx.named(e.target)} without constraints on subject or audience: whoever controls "${ctx.label(e.target)}" can act as "${ctx.label(e.source)}".`,
        nodes: [e.source, e.target],
        edges: [e.id],
      }),
    );
  }
};

/** §4: an edge between kinds the table does not name for it. Allowed and simulated; flagged for a second look. */
export const edgeKindMismatch: Rule = (ctx, out) => {
  for (const e of ctx.edges) {
    const s = ctx.node(e.source);
    const t = ctx.node(e.target);
    if (!s || !t || edgeFits(e.kind, s.kind, t.kind)) continue;
    const ends = EDGE_ENDS[e.kind];
    out.add(
      makeFinding('edge-kind-mismatch', [e.id], {
        message: `Edge "${e.id}": ${s.kind} "${ctx.label(s.id)}" ${e.kind} ${t.kind} "${ctx.label(t.id)}", but ${e.kind} goes from ${listing([...ends.sources])} to ${listing([...ends.targets])}. It is simulated all the same.`,
        nodes: [s.id, t.id],
        edges: [e.id],
      }),
    );
  }
};
