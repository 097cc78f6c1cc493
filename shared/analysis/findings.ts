/**
 * Static findings (domain.md §9): what the model says about itself, no break needed. Each finding has a stable
 * id and its OWASP NHI Top 10 (2025), OWASP LLM/agentic and NIST CSF 2.0 mappings. Pure: no I/O, no clock;
 * date rules compare with `model.asOf` and are skipped when it is null.
 */
import type { Model } from '../domain/index.ts';
import { buildContext } from './findings/context.ts';
import { agentToolNoApproval, edgeKindMismatch, unconstrainedTrust, unverifiedDependency } from './findings/edgeRules.ts';
import {
  adminGrant,
  humanUse,
  identityCrossEnv,
  nhiReuse,
  nonprodUsesProd,
  privilegeDrift,
} from './findings/identityRules.ts';
import type { Rule } from './findings/make.ts';
import { FindingSet } from './findings/make.ts';
import { certExpiring, noOwner, secretInLocation, secretNoLifetime, silentOutage } from './findings/secretRules.ts';
import type { Finding, Severity } from './findings/types.ts';
import { SEVERITIES } from './findings/types.ts';

export type { Finding, RuleId, RuleInfo, Severity } from './findings/types.ts';
export { RULES, SEVERITIES } from './findings/types.ts';

const ALL_RULES: readonly Rule[] = [
  secretNoLifetime,
  secretInLocation,
  nhiReuse,
  identityCrossEnv,
  humanUse,
  agentToolNoApproval,
  unverifiedDependency,
  unconstrainedTrust,
  certExpiring,
  silentOutage,
  noOwner,
  adminGrant,
  privilegeDrift,
  nonprodUsesProd,
  edgeKindMismatch,
];

/** Every finding of the model, most severe first, then by id. */
export function lintModel(model: Model): Finding[] {
  const ctx = buildContext(model);
  const out = new FindingSet();
  for (const rule of ALL_RULES) rule(ctx, out);
  return sortFindings(out.list());
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
