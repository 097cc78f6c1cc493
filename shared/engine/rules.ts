/**
 * domain.md §4-§5 as one table: what each edge kind carries. The compiler turns it into per-edge typed
 * arrays (params.ts), the explanations and the choke-point ranking read their controls from it. A kind
 * added to EDGE_KINDS without its entry does not compile.
 *
 * Reading an entry: `forward` is the compromise rule "S at `premise` or above ⇒ T at `level`", where
 * `access` reads the edge's own `access` prop (`none` carries nothing) and `unless` names the control
 * prop that stops the step. `reverse` is "T control ⇒ S control". `secretRules`: a step out of a secret
 * goes by §5 (stolen copy or through a holder). `availability`: what going down does along the edge,
 * `required` read from the edge's own prop.
 */
import type { Access, EdgeKind, SecurityEffect } from '../domain/index.ts';

/** The props that, set to true on an edge, stop its compromise rule (and that a fix sets). */
export type EdgeControl = 'approval' | 'verified' | 'constrained';

/** What a node suffers along an availability rule: `down-after-ttl` is `issued-by`'s "S down at t + ttlHours". */
export type AvailabilityStep = 'down' | 'degraded' | 'down-after-ttl';

interface ForwardRule {
  premise: SecurityEffect;
  level: SecurityEffect | 'access';
  /** the `access` an edge without one has (`grants`: read, `calls`: none) */
  accessDefault?: Access;
  unless?: EdgeControl;
}

export type AvailabilityRule =
  /** the target down takes the source along: always `effect` */
  | { when: 'target-down'; effect: AvailabilityStep }
  /** the target down takes the source along: `required` when the edge says `required: true`, else `optional` */
  | { when: 'target-down'; required: AvailabilityStep; optional: AvailabilityStep | null }
  /** the source down takes a target along only if the edge is `required` */
  | { when: 'source-down'; required: 'down'; optional: null };

export interface EdgeRule {
  forward: ForwardRule | null;
  reverse: { unless?: EdgeControl } | null;
  secretRules: boolean;
  /** the source holds the target (§5 "through a holder": whoever controls it gets every new copy) */
  holder: boolean;
  availability: AvailabilityRule | null;
}

/** The most common rule of §4: S control ⇒ T control. */
const CONTROL_GIVES_CONTROL: ForwardRule = { premise: 'control', level: 'control' };

/** §4, row by row. */
export const EDGE_RULES: Record<EdgeKind, EdgeRule> = {
  'runs-as': {
    forward: CONTROL_GIVES_CONTROL,
    reverse: null,
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', effect: 'down' },
  },
  holds: {
    forward: CONTROL_GIVES_CONTROL,
    reverse: null,
    secretRules: false,
    holder: true,
    availability: { when: 'target-down', required: 'down', optional: 'degraded' },
  },
  contains: {
    forward: { premise: 'read', level: 'control' },
    reverse: null,
    secretRules: false,
    holder: false,
    availability: { when: 'source-down', required: 'down', optional: null },
  },
  authenticates: {
    forward: CONTROL_GIVES_CONTROL,
    reverse: null,
    secretRules: true,
    holder: false,
    availability: null,
  },
  assumes: { forward: CONTROL_GIVES_CONTROL, reverse: null, secretRules: false, holder: false, availability: null },
  grants: {
    forward: { premise: 'control', level: 'access', accessDefault: 'read' },
    reverse: null,
    secretRules: true,
    holder: false,
    availability: null,
  },
  calls: {
    forward: { premise: 'control', level: 'access', accessDefault: 'none' },
    reverse: null,
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', required: 'down', optional: 'degraded' },
  },
  invokes: {
    forward: { ...CONTROL_GIVES_CONTROL, unless: 'approval' },
    reverse: null,
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', required: 'down', optional: 'degraded' },
  },
  instructs: {
    forward: { premise: 'write', level: 'control' },
    reverse: null,
    secretRules: false,
    holder: false,
    availability: null,
  },
  'depends-on': {
    forward: null,
    reverse: { unless: 'verified' },
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', required: 'down', optional: null },
  },
  deploys: { forward: CONTROL_GIVES_CONTROL, reverse: null, secretRules: false, holder: false, availability: null },
  trusts: {
    forward: null,
    reverse: { unless: 'constrained' },
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', required: 'down', optional: null },
  },
  'issued-by': {
    forward: null,
    reverse: {},
    secretRules: false,
    holder: false,
    availability: { when: 'target-down', effect: 'down-after-ttl' },
  },
  signs: {
    forward: CONTROL_GIVES_CONTROL,
    reverse: null,
    secretRules: true,
    holder: false,
    availability: { when: 'source-down', required: 'down', optional: null },
  },
};

/** The control prop that stops the kind's compromise rule, if it has one: the fix of §9 besides removal. */
export function edgeControl(kind: EdgeKind): EdgeControl | null {
  const rule = EDGE_RULES[kind];
  return rule.forward?.unless ?? rule.reverse?.unless ?? null;
}
