/** Findings about secrets and ownership: lifetime, where secrets end up, certificates, silent outages. */
import type { LocationType } from '../../domain/index.ts';
import { DAY_MS, day, parseIsoUtc } from './context.ts';
import type { Rule } from './make.ts';
import { makeFinding } from './make.ts';

/**
 * NHI7: neither `ttlHours` nor `rotationDays`, so a stolen copy never stops working on its own. The message
 * follows the model: a bound secret's copy is useless alone, but a controlled holder keeps it.
 */
export const secretNoLifetime: Rule = (ctx, out) => {
  for (const s of ctx.nodesOf('secret')) {
    if (s.props.ttlHours !== null || s.props.rotationDays !== null) continue;
    const why = s.props.bound
      ? 'a copy is useless alone (bound), but whoever controls a holder keeps it until someone rotates or revokes it'
      : 'a stolen copy works until someone rotates or revokes it';
    out.add(
      makeFinding('secret-no-lifetime', [s.id], {
        message: `Secret "${ctx.label(s.id)}" has neither a TTL nor a rotation period: ${why}.`,
        nodes: [s.id],
        edges: [],
      }),
    );
  }
};

/** The location types people read and search; an image or env file is named by §9 only when public. */
const READABLE_LOCATIONS: readonly LocationType[] = ['log', 'repo', 'chat', 'ticket', 'wiki'];

/**
 * NHI2: a `contains` from a log, repo, chat, ticket or wiki to a secret, or from any location whose audience is
 * public (a public image layer, a public bucket). Critical when the audience is public.
 */
export const secretInLocation: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('contains')) {
    const loc = ctx.node(e.source);
    const secret = ctx.node(e.target);
    if (loc?.kind !== 'location' || secret?.kind !== 'secret') continue;
    const audience = loc.props.audience;
    if (!READABLE_LOCATIONS.includes(loc.props.locationType) && audience !== 'public') continue;
    out.add(
      makeFinding('secret-in-location', [loc.id, secret.id], {
        message: `Secret "${ctx.label(secret.id)}" is in ${loc.props.locationType} "${ctx.label(loc.id)}", readable by ${audienceWords[audience]}.`,
        nodes: [secret.id, loc.id],
        edges: [e.id],
        severity: audience === 'public' ? 'critical' : 'high',
      }),
    );
  }
};

const audienceWords = { team: 'the team', org: 'the whole organisation', public: 'anyone' } as const;

/**
 * A certificate (`secretType: certificate`) with `expiresAt` at most 30 days after `asOf`, or already past it,
 * and no `autoRenew`. High once expired. Needs `asOf` and `expiresAt`; without either there is nothing to compare.
 */
export const certExpiring: Rule = (ctx, out) => {
  if (ctx.asOfMs === null || Number.isNaN(ctx.asOfMs)) return;
  for (const s of ctx.nodesOf('secret')) {
    const { secretType, expiresAt, autoRenew } = s.props;
    if (secretType !== 'certificate' || expiresAt === null || autoRenew) continue;
    const left = (parseIsoUtc(expiresAt) - ctx.asOfMs) / DAY_MS;
    if (Number.isNaN(left) || left > 30) continue;
    const days = Math.round(Math.abs(left));
    const when =
      left < 0
        ? `expired on ${day(expiresAt)}, ${days} day${days === 1 ? '' : 's'} before the model's date`
        : `expires on ${day(expiresAt)}, ${days} day${days === 1 ? '' : 's'} after the model's date`;
    out.add(
      makeFinding('cert-expiring', [s.id], {
        message: `Certificate "${ctx.label(s.id)}" ${when} (${day(ctx.model.asOf ?? '')}) and does not renew itself.`,
        nodes: [s.id],
        edges: [],
        severity: left < 0 ? 'high' : 'medium',
      }),
    );
  }
};

/**
 * Silent outage: a `holds` with `required` from a service (or pipeline, the other kind with `healthCheck`) that
 * has no health check. When the secret expires or is revoked the workload goes down and nobody is told (§7).
 */
export const silentOutage: Rule = (ctx, out) => {
  for (const e of ctx.edgesOf('holds')) {
    const holder = ctx.node(e.source);
    if (!e.props.required || ctx.node(e.target)?.kind !== 'secret') continue;
    if (!holder || (holder.kind !== 'service' && holder.kind !== 'pipeline') || holder.props.healthCheck) continue;
    out.add(
      makeFinding('silent-outage', [holder.id, e.target], {
        message: `${holder.kind === 'service' ? 'Service' : 'Pipeline'} "${ctx.label(holder.id)}" needs secret "${ctx.label(e.target)}" and has no health check: if the secret expires or is revoked it stops silently.`,
        nodes: [holder.id, e.target],
        edges: [e.id],
      }),
    );
  }
};

/** NHI1: a secret or identity whose `owner` is empty, so nobody offboards or rotates it. */
export const noOwner: Rule = (ctx, out) => {
  for (const n of [...ctx.nodesOf('secret'), ...ctx.nodesOf('identity')]) {
    if (n.props.owner.trim() !== '') continue;
    out.add(
      makeFinding('no-owner', [n.id], {
        message: `${n.kind === 'secret' ? 'Secret' : 'Identity'} "${ctx.label(n.id)}" has no owner: nobody is answerable for rotating or retiring it.`,
        nodes: [n.id],
        edges: [],
      }),
    );
  }
};
