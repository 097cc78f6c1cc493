/**
 * The vocabulary of domain.md §2-§4 and §6 as constants. Adding a kind starts here and in the
 * renderer's node registry, nowhere else.
 */

export const NODE_KINDS = [
  'service',
  'agent',
  'tool',
  'pipeline',
  'person',
  'identity',
  'secret',
  'issuer',
  'datastore',
  'location',
  'dependency',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  'runs-as',
  'holds',
  'contains',
  'authenticates',
  'assumes',
  'grants',
  'calls',
  'invokes',
  'instructs',
  'depends-on',
  'deploys',
  'trusts',
  'issued-by',
  'signs',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Security effects, lowest first: a node at one level has every level below it too (§3). */
export const SECURITY_EFFECTS = ['read', 'write', 'control'] as const;
export type SecurityEffect = (typeof SECURITY_EFFECTS)[number];

/** Read, write or control: what an attacker gains, as against an outage (§3). */
export const isSecurityEffect = (e: string): e is SecurityEffect => (SECURITY_EFFECTS as readonly string[]).includes(e);
export const AVAILABILITY_EFFECTS = ['down', 'degraded'] as const;
export type AvailabilityEffect = (typeof AVAILABILITY_EFFECTS)[number];
export const EFFECTS = ['control', 'write', 'read', 'down', 'degraded'] as const;
export type Effect = SecurityEffect | AvailabilityEffect;

/**
 * Score weights of domain.md §8: a reached node adds criticality × its effect's weight. The engine sums them in
 * tenths (whole numbers, so sums are exact); the report shows each impact's points.
 */
export const EFFECT_WEIGHTS: Readonly<Record<Effect, number>> = { control: 1.0, write: 0.6, read: 0.4, down: 0.8, degraded: 0.3 };

export const ENVIRONMENTS = ['prod', 'staging', 'dev', 'shared'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const SECRET_TYPES = [
  'api-key',
  'token',
  'password',
  'ssh-key',
  'certificate',
  'signing-key',
  'oauth-client-secret',
] as const;
export type SecretType = (typeof SECRET_TYPES)[number];

export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
type Sensitivity = (typeof SENSITIVITIES)[number];

/** §2: a datastore's default criticality follows its sensitivity. */
export const SENSITIVITY_CRITICALITY: Record<Sensitivity, number> = {
  public: 1,
  internal: 2,
  confidential: 4,
  restricted: 5,
};

/**
 * A datastore's criticality follows its sensitivity unless the user set it (§2). The file keeps the value in
 * effect, so "set by the user" reads as "differs from what the old sensitivity gives": a sensitivity edit
 * carries criticality along only then. Returns the changes to make, criticality added where it follows.
 */
export function followSensitivity(
  props: { sensitivity?: unknown; criticality?: unknown },
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const next = changes.sensitivity as Sensitivity | undefined;
  const old = props.sensitivity as Sensitivity | undefined;
  if (next === undefined || 'criticality' in changes || !(next in SENSITIVITY_CRITICALITY)) return changes;
  const following = props.criticality === undefined || (old !== undefined && props.criticality === SENSITIVITY_CRITICALITY[old]);
  return following ? { ...changes, criticality: SENSITIVITY_CRITICALITY[next] } : changes;
}

export const CAPABILITIES = ['read', 'write', 'exec', 'network', 'payments'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const LOCATION_TYPES = ['log', 'repo', 'chat', 'ticket', 'wiki', 'image', 'env-file'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const AUDIENCES = ['team', 'org', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUTONOMY = ['auto', 'supervised'] as const;
export type Autonomy = (typeof AUTONOMY)[number];

/** `access` on `grants` and `calls`; `none` only makes sense on `calls`. */
export const ACCESS_LEVELS = ['none', 'read', 'write', 'admin'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const BREAK_MODES = [
  'leak',
  'compromise',
  'prompt-injection',
  'supply-chain',
  'expire',
  'revoke',
  'outage',
] as const;
export type BreakMode = (typeof BREAK_MODES)[number];

const ALL_BUT_SECRET = NODE_KINDS.filter((k) => k !== 'secret');

/** §6 "starts": what a break puts its node at, at time 0. */
type BreakStart = 'control' | 'down';

/**
 * Everything a break mode is and does (§6), in one entry: the engine starts the scenario from `starts`,
 * `invalidates` and `preventedBy`; the app, the report and the explanations use the words. A mode added to
 * BREAK_MODES without its entry does not compile; test/unit/engine/breakModes.test.ts checks that each
 * entry's behaviour shows in a simulation.
 */
interface BreakInfo {
  title: string;
  meaning: string;
  tags: readonly string[];
  /** the node kinds the mode applies to; a break on any other kind is refused */
  appliesTo: readonly NodeKind[];
  /** the node's effect at 0 */
  starts: BreakStart;
  /** the node is invalid from 0 (§5): a revoked or expired credential carries nothing */
  invalidates: boolean;
  /** a secret with this prop set is not affected: the result lists the break as prevented (§6, §8) */
  preventedBy: 'autoRenew' | null;
  /** the break as a noun phrase: "a leak of CI token" */
  phrase: (label: string) => string;
  /** what happened to the node, after its label: "CI token leaked at 0 h" */
  happened: string;
}

/** Why a prevented break had no effect (§8 `prevented[].reason`), after the node's label. */
export const PREVENTED_BECAUSE = {
  autoRenew: 'renews itself (autoRenew), so it never expires',
} as const satisfies Record<NonNullable<BreakInfo['preventedBy']>, string>;

/** §6, one entry per mode. */
export const BREAK_INFO: Record<BreakMode, BreakInfo> = {
  leak: {
    title: 'Leak',
    meaning: "the secret is in an attacker's hands at time 0",
    tags: ['OWASP NHI2', 'ATT&CK T1552'],
    appliesTo: ['secret'],
    starts: 'control',
    invalidates: false,
    preventedBy: null,
    phrase: (l) => `a leak of ${l}`,
    happened: 'leaked',
  },
  compromise: {
    title: 'Compromise',
    meaning: 'an attacker controls this node at time 0',
    tags: ['ATT&CK T1078 (identity)', 'ATT&CK T1190 (workload)'],
    appliesTo: ALL_BUT_SECRET,
    starts: 'control',
    invalidates: false,
    preventedBy: null,
    phrase: (l) => `the compromise of ${l}`,
    happened: 'compromised',
  },
  'prompt-injection': {
    title: 'Prompt injection',
    meaning: 'the agent follows instructions planted by an attacker at time 0',
    tags: ['OWASP LLM01:2025', 'ASI01'],
    appliesTo: ['agent'],
    starts: 'control',
    invalidates: false,
    preventedBy: null,
    phrase: (l) => `a prompt injection into ${l}`,
    happened: 'prompt-injected',
  },
  'supply-chain': {
    title: 'Supply-chain hijack',
    meaning: 'the dependency is replaced by an attacker at time 0',
    tags: ['OWASP NHI3', 'ATT&CK T1195', 'ASI04'],
    appliesTo: ['dependency'],
    starts: 'control',
    invalidates: false,
    preventedBy: null,
    phrase: (l) => `a supply-chain hijack of ${l}`,
    happened: 'hijacked through its supply chain',
  },
  expire: {
    title: 'Expire',
    meaning: 'the secret stops working at time 0 (prevented when it renews itself)',
    tags: ['CSF PR.IR'],
    appliesTo: ['secret'],
    starts: 'down',
    invalidates: true,
    preventedBy: 'autoRenew',
    phrase: (l) => `the expiry of ${l}`,
    happened: 'expired',
  },
  revoke: {
    title: 'Revoke',
    meaning: 'the credential is revoked at time 0: what breaks if we rotate it now',
    tags: ['incident response'],
    appliesTo: ['secret', 'identity'],
    starts: 'down',
    invalidates: true,
    preventedBy: null,
    phrase: (l) => `revoking ${l}`,
    happened: 'revoked',
  },
  outage: {
    title: 'Outage',
    meaning: 'the node stops working at time 0',
    tags: ['CSF PR.IR'],
    appliesTo: ALL_BUT_SECRET,
    starts: 'down',
    invalidates: false,
    preventedBy: null,
    phrase: (l) => `an outage of ${l}`,
    happened: 'went down',
  },
};

/** §6: which node kinds each break mode applies to (read from BREAK_INFO). */
export const BREAK_APPLIES_TO = Object.fromEntries(BREAK_MODES.map((m) => [m, BREAK_INFO[m].appliesTo])) as Record<
  BreakMode,
  readonly NodeKind[]
>;

/** `a secret`, `an identity`: a kind as a sentence names it. */
export const aKind = (kind: NodeKind): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

export function breakApplies(mode: BreakMode, kind: NodeKind): boolean {
  return BREAK_INFO[mode].appliesTo.includes(kind);
}

/** Does the mode start a compromise (security) or an outage (availability)? */
export const isSecurityBreak = (mode: BreakMode): boolean => BREAK_INFO[mode].starts === 'control';

/** §6 (v1.1): what defenders do at an hour of a scenario. */
export const RESPONSE_ACTIONS = ['rotate', 'revoke'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

/** §6: which node kinds each response applies to, and what it does, in words for the UI and the report. */
export const RESPONSE_INFO: Record<ResponseAction, { title: string; appliesTo: readonly NodeKind[]; meaning: string }> = {
  rotate: {
    title: 'Rotate',
    appliesTo: ['secret'],
    meaning: 'stolen copies taken before this hour stop working; holders get the new secret',
  },
  revoke: {
    title: 'Revoke',
    appliesTo: ['secret', 'identity'],
    meaning: 'the credential is down from this hour and carries nothing after it',
  },
};

export function responseApplies(action: ResponseAction, kind: NodeKind): boolean {
  return RESPONSE_INFO[action].appliesTo.includes(kind);
}

/** Workload kinds: things that run and can hold secrets, run as identities, go silent. */
export const WORKLOAD_KINDS: readonly NodeKind[] = ['service', 'agent', 'tool', 'pipeline'];
/** §3: only these kinds can be `degraded`. */
export const DEGRADABLE_KINDS: readonly NodeKind[] = ['service', 'agent', 'tool', 'pipeline'];
