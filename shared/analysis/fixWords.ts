/**
 * Fixes in words (§9): what to change, on what. Each edge kind says its own removal with its own verb
 * ("Take CI token out of Build log", "Remove the grant of Deploy role on Orders DB"), never a generic
 * "remove this trust"; each control and time-based fix says the change and the model props it sets.
 */
import type { EdgeKind } from '../domain/index.ts';
import { formatHours } from '../format.ts';

/** Removing an edge, in the edge's own verb. S and T are the labels of its source and target. */
export const REMOVE_WORDS: Record<EdgeKind, (S: string, T: string) => string> = {
  'runs-as': (S, T) => `Stop ${S} running as ${T}`,
  holds: (S, T) => `Take ${T} away from ${S}`,
  contains: (S, T) => `Take ${T} out of ${S}`,
  authenticates: (S, T) => `Stop ${S} authenticating as ${T}`,
  assumes: (S, T) => `Stop ${S} assuming ${T}`,
  grants: (S, T) => `Remove the grant of ${S} on ${T}`,
  calls: (S, T) => `Stop ${S} calling ${T}`,
  invokes: (S, T) => `Stop ${S} invoking ${T}`,
  instructs: (S, T) => `Stop ${S} feeding instructions to ${T}`,
  'depends-on': (S, T) => `Drop the dependency of ${S} on ${T}`,
  deploys: (S, T) => `Stop ${S} deploying ${T}`,
  trusts: (S, T) => `Stop ${S} trusting ${T}`,
  'issued-by': (S, T) => `Stop ${T} issuing ${S}`,
  signs: (S, T) => `Stop ${S} signing for ${T}`,
};

/** The short-lived credential every fix of that kind proposes (§9): OIDC federation, STS, 1 h tokens. */
export const SHORT_LIVED_HOURS = 1;
/** The monitoring fix: monitored, and an alert within this many hours of a reach. */
export const MONITOR_DETECT_HOURS = 1;
/** The faster-response fix: contained this many hours after detection. */
export const RESPOND_WITHIN_HOURS = 24;

/** Sentences and the props they set, for every fix but removal. */
export const FIX_WORDS = {
  approval: (S: string, T: string) => ({ text: `Require a person's approval when ${S} invokes ${T}`, change: 'approval: true on the invokes edge' }),
  verified: (S: string, T: string) => ({ text: `Verify ${T} before ${S} takes it in: pin, sign, check`, change: 'verified: true on the depends-on edge' }),
  constrained: (S: string, T: string) => ({
    text: `Constrain what ${S} accepts from ${T}: subject, audience, claims`,
    change: 'constrained: true on the trusts edge',
  }),
  bound: (secret: string) => ({ text: `Bind ${secret} to its holder with mTLS, DPoP or workload attestation`, change: `bound: true on ${secret}` }),
  'lower-access': (S: string, T: string, from: string, to: string) => ({
    text: `Lower the access of ${S} on ${T} from ${from} to ${to}`,
    change: `access: ${to} on the edge`,
  }),
  'short-lived': (secret: string) => ({
    text: `Make ${secret} short-lived: a new one every ${formatHours(SHORT_LIVED_HOURS)}, through OIDC federation or STS`,
    change: `ttlHours: ${SHORT_LIVED_HOURS} on ${secret}`,
  }),
  monitor: (node: string) => ({
    text: `Monitor ${node}: alert within ${formatHours(MONITOR_DETECT_HOURS)} of an attacker reaching it`,
    change: `monitored: true, detectHours: ${MONITOR_DETECT_HOURS} on ${node}`,
  }),
  'respond-faster': (now: number) => ({
    text: `Respond within ${formatHours(RESPOND_WITHIN_HOURS)} of detection (now ${formatHours(now)})`,
    change: `responseHours: ${RESPOND_WITHIN_HOURS} in the scenario`,
  }),
} as const;
