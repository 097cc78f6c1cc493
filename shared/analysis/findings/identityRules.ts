/** Findings about who uses which credential: reuse, environments, human use, privileges and their review. */
import type { Environment, ModelEdge } from '../../domain/index.ts';
import type { LintContext } from './context.ts';
import { DAY_MS, day, listing, parseIsoUtc, uniqueSorted } from './context.ts';
import { makeFinding } from './make.ts';
import type { Rule } from './make.ts';

/** NHI9: one secret held by, or one identity run as, two or more distinct workloads. */
export const nhiReuse: Rule = (ctx, out) => {
  const check = (id: string, edges: ModelEdge[], verb: string) => {
    const used = edges.filter((e) => ctx.isWorkload(e.source));
    const workloads = uniqueSorted(used.map((e) => e.source));
    if (workloads.length < 2) return;
    out.add(
      makeFinding('nhi-reuse', [id], {
        message: `${ctx.Named(id)} is ${verb} ${workloads.length} workloads (${listing(workloads.map((w) => `"${ctx.label(w)}"`))}): one leak or compromise is all of theirs, and it cannot be revoked for one alone.`,
        nodes: [id, ...workloads],
        edges: used.map((e) => e.id),
      }),
    );
  };
  for (const s of ctx.nodesOf('secret')) check(s.id, ctx.into('holds', s.id), 'held by');
  for (const i of ctx.nodesOf('identity')) check(i.id, ctx.into('runs-as', i.id), 'run as by');
};

/**
 * The workloads using an identity: those that run as it, and those holding a secret that authenticates as it,
 * with the edges that make them users.
 */
function identityUsers(ctx: LintContext, identity: string): { users: string[]; edges: string[] } {
  const users: string[] = [];
  const edges: string[] = [];
  for (const e of ctx.into('runs-as', identity)) {
    if (!ctx.isWorkload(e.source)) continue;
    users.push(e.source);
    edges.push(e.id);
  }
  for (const auth of ctx.into('authenticates', identity)) {
    for (const h of ctx.into('holds', auth.source)) {
      if (!ctx.isWorkload(h.source)) continue;
      users.push(h.source);
      edges.push(auth.id, h.id);
    }
  }
  return { users: uniqueSorted(users), edges };
}

const ENV_ORDER: Environment[] = ['prod', 'staging', 'dev', 'shared'];

/**
 * NHI8: an identity whose users (see `identityUsers`) sit in two or more of prod, staging and dev. `shared`
 * users are left out: shared infrastructure is meant to span environments. The identity's own `environment`
 * does not count here; a staging workload using a prod identity is `nonprod-uses-prod`.
 */
export const identityCrossEnv: Rule = (ctx, out) => {
  for (const i of ctx.nodesOf('identity')) {
    const { users, edges } = identityUsers(ctx, i.id);
    const byEnv = new Map<Environment, string[]>();
    for (const u of users) {
      const env = ctx.node(u)?.props.environment ?? 'prod';
      if (env === 'shared') continue;
      const list = byEnv.get(env);
      if (list) list.push(u);
      else byEnv.set(env, [u]);
    }
    if (byEnv.size < 2) continue;
    const parts = ENV_ORDER.filter((env) => byEnv.has(env)).map(
      (env) => `${env} (${(byEnv.get(env) ?? []).map((u) => `"${ctx.label(u)}"`).join(', ')})`,
    );
    out.add(
      makeFinding('identity-cross-env', [i.id], {
        message: `Identity "${ctx.label(i.id)}" is used from ${listing(parts)}: a compromise in one environment reaches the others.`,
        nodes: [i.id, ...users],
        edges,
      }),
    );
  }
};

/** NHI10: a person holds a secret a workload holds too, or runs as an identity a workload runs as. */
export const humanUse: Rule = (ctx, out) => {
  for (const p of ctx.nodesOf('person')) {
    for (const kind of ['holds', 'runs-as'] as const) {
      for (const mine of ctx.outOf(kind, p.id)) {
        const shared = ctx.into(kind, mine.target).filter((e) => ctx.isWorkload(e.source));
        if (shared.length === 0) continue;
        const workloads = uniqueSorted(shared.map((e) => e.source));
        const what = kind === 'holds' ? 'holds' : 'runs as';
        out.add(
          makeFinding('human-use', [p.id, mine.target], {
            message: `Person "${ctx.label(p.id)}" ${what} ${ctx.named(mine.target)}, as ${listing(workloads.map((w) => `"${ctx.label(w)}"`))} ${workloads.length > 1 ? 'do' : 'does'}: human actions look like the workload's and the credential cannot be rotated without breaking it.`,
            nodes: [p.id, mine.target, ...workloads],
            edges: [mine.id, ...shared.map((e) => e.id)],
          }),
        );
      }
    }
  }
};

/** NHI5: a `grants` with `admin` access. */
export const adminGrant: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('grants')) {
    if (e.props.access !== 'admin') continue;
    out.add(
      makeFinding('admin-grant', [e.source, e.target], {
        message: `${ctx.Named(e.source)} grants admin on ${ctx.named(e.target)}: whoever holds it controls the target.`,
        nodes: [e.source, e.target],
        edges: [e.id],
      }),
    );
  }
};

/**
 * Privilege drift (NHI5, PR.AA-05): an identity with `grants` whose `lastReviewed` is null (never reviewed:
 * reported even without `asOf`) or more than 90 days before `asOf` (only when the model has a date).
 */
export const privilegeDrift: Rule = (ctx, out) => {
  for (const i of ctx.nodesOf('identity')) {
    const grants = ctx.outOf('grants', i.id);
    if (grants.length === 0) continue;
    const reviewed = i.props.lastReviewed;
    let why: string;
    if (reviewed === null) {
      why = 'have never been reviewed';
    } else {
      if (ctx.asOfMs === null) continue;
      const age = Math.floor((ctx.asOfMs - parseIsoUtc(reviewed)) / DAY_MS);
      if (!(age > 90)) continue;
      why = `were last reviewed on ${day(reviewed)}, ${age} days before the model's date`;
    }
    out.add(
      makeFinding('privilege-drift', [i.id], {
        message: `The permissions of identity "${ctx.label(i.id)}" (${grants.length} grant${grants.length === 1 ? '' : 's'}) ${why}: they may have drifted past what it needs.`,
        nodes: [i.id, ...uniqueSorted(grants.map((g) => g.target))],
        edges: grants.map((g) => g.id),
      }),
    );
  }
};

/**
 * NHI8, "safe in staging, not in production": a staging or dev workload that holds a prod secret, runs as a
 * prod identity or invokes a prod tool.
 */
export const nonprodUsesProd: Rule = (ctx, out) => {
  const checks = [
    ['holds', 'secret', 'holds'],
    ['runs-as', 'identity', 'runs as'],
    ['invokes', 'tool', 'invokes'],
  ] as const;
  for (const [kind, targetKind, verb] of checks) {
    for (const e of ctx.edgesOf(kind)) {
      const w = ctx.node(e.source);
      const t = ctx.node(e.target);
      if (!w || !t || !ctx.isWorkload(w.id) || t.kind !== targetKind) continue;
      const env = w.props.environment;
      if ((env !== 'staging' && env !== 'dev') || t.props.environment !== 'prod') continue;
      out.add(
        makeFinding('nonprod-uses-prod', [w.id, t.id], {
          message: `${env === 'dev' ? 'Dev' : 'Staging'} ${w.kind} "${ctx.label(w.id)}" ${verb} production ${t.kind} "${ctx.label(t.id)}": a break in ${env} reaches prod.`,
          nodes: [w.id, t.id],
          edges: [e.id],
          llm: kind === 'invokes' ? ['LLM06:2025', 'ASI02'] : [],
        }),
      );
    }
  }
};
