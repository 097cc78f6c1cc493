/** One help line per prop, from domain.md §2 and §4, and the unit each number is in. */
import type { EdgeKind } from '../../../../shared/domain/index.ts';

const PROP_HELP: Record<string, string> = {
  criticality: 'How much it matters, 1 (little) to 5 (crown jewels): impacts on it score this × the effect weight.',
  environment: 'Where it runs. A staging or dev workload using prod identities or secrets is a finding (NHI8).',
  owner: 'Who answers for it. A secret or identity with no owner is a finding (NHI1).',
  monitored: 'An attack reaching it is detected after the detection time; containment follows.',
  detectHours: 'From being reached to being detected, when monitored.',
  notes: 'Free text; shown as the node’s tooltip and in the report.',
  healthCheck: 'Without one, this workload going down is a silent failure.',
  autonomy: 'auto: acts on its own; supervised: a person stays in the loop.',
  capabilities: 'What invoking it can do. write, exec or payments in prod without approval is a finding (NHI5).',
  lastReviewed:
    'When its permissions were last revalidated; empty = never. Grants unreviewed for 90 days drift (NHI5).',
  secretType: 'What kind of credential this is.',
  ttlHours: 'How long one copy stays valid. A stolen copy outlives the step only within this.',
  rotationDays: 'How often it is replaced. Neither TTL nor rotation is a finding (NHI7).',
  bound: 'mTLS-bound, DPoP or workload-attested: a stolen copy is useless on its own.',
  autoRenew: 'Renews itself before it expires: an “expire” break is prevented.',
  expiresAt: 'When it expires. A certificate expiring within 30 days without auto-renew is a finding.',
  sensitivity: 'Sets the criticality, unless you set that yourself: public 1, internal 2, confidential 4, restricted 5.',
  locationType: 'Where secrets end up: a log, repo, chat, ticket or wiki holding one is a finding (NHI2), and so is any public place.',
  audience: 'Who can read what lands here.',
  delayHours: 'How long the step along this edge takes.',
  likelihood: '0 to 1: the chance the step works; used only by the probabilistic mode.',
  access: 'The level the target is reached at: admin means control.',
  required: 'If the target goes down, the source goes down too (else it is degraded).',
  approval: 'A person approves each invocation: a compromised agent does not take the tool over.',
  verified: 'Pinned, signed, checked: a hijacked dependency does not spread to the source.',
  constrained: 'Audience, subject or claims constrained: the issuer’s compromise does not spread.',
};

/** Where a prop means something different on one edge kind. */
const EDGE_HELP: Partial<Record<`${EdgeKind}.${string}`, string>> = {
  'calls.access': 'What a controlled caller gets on the target; none: a compromise does not spread through this call.',
  'contains.required': 'If the container goes down, the secret goes down with it.',
  'depends-on.required': 'If the dependency goes down, the source goes down (else nothing happens).',
  'trusts.required': 'If the trusted issuer goes down, the source goes down.',
  'signs.required': 'If the signing key goes down (expired, revoked), the issuer can no longer sign and goes down; off for an issuer with other keys.',
  'signs.delayHours': 'How long forging with a stolen key takes before the issuer’s relying parties accept it.',
};

export function helpFor(prop: string, edgeKind?: EdgeKind): string {
  return (edgeKind && EDGE_HELP[`${edgeKind}.${prop}`]) ?? PROP_HELP[prop] ?? '';
}

export const PROP_TITLES: Record<string, string> = {
  detectHours: 'Detection time',
  healthCheck: 'Health check',
  lastReviewed: 'Last reviewed',
  secretType: 'Secret type',
  ttlHours: 'TTL',
  rotationDays: 'Rotation',
  autoRenew: 'Auto-renew',
  expiresAt: 'Expires',
  locationType: 'Location type',
  delayHours: 'Delay',
};

export const PROP_UNITS: Record<string, string> = {
  detectHours: 'hours',
  ttlHours: 'hours',
  rotationDays: 'days',
  delayHours: 'hours',
};

export const DATE_PROPS = new Set(['lastReviewed', 'expiresAt']);
export const MULTILINE_PROPS = new Set(['notes']);

/** Fields in this order; props not listed follow. Kind props come before the common ones. */
export const PROP_ORDER = [
  'environment',
  'criticality',
  'secretType',
  'ttlHours',
  'rotationDays',
  'bound',
  'autoRenew',
  'expiresAt',
  'autonomy',
  'capabilities',
  'sensitivity',
  'locationType',
  'audience',
  'lastReviewed',
  'healthCheck',
  'access',
  'required',
  'approval',
  'verified',
  'constrained',
  'delayHours',
  'likelihood',
  'owner',
  'monitored',
  'detectHours',
  'notes',
];
