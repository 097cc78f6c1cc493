/** The shape of a finding (domain.md §9) and the catalogue of rules: title, severity, framework mappings. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Stable across runs and file order: the rule id and the ids of what it is about, `rule:id[:id]`. */
  id: string;
  rule: RuleId;
  severity: Severity;
  title: string;
  /** One or two sentences naming nodes by label. */
  message: string;
  /** Node ids involved, the main one first. */
  nodes: string[];
  /** Edge ids involved, in id order. */
  edges: string[];
  /** OWASP Non-Human Identities Top 10 (2025): `NHI1`..`NHI10`. */
  owasp: string[];
  /** OWASP Top 10 for LLM Applications 2025 (`LLM06:2025`) and for Agentic Applications (`ASI02`). */
  llm: string[];
  /** NIST CSF 2.0 subcategories, like `PR.AA-05`. */
  csf: string[];
}

export interface RuleInfo {
  title: string;
  /** The usual severity; some rules raise or lower it per finding (see the rule). */
  severity: Severity;
  owasp: readonly string[];
  llm: readonly string[];
  csf: readonly string[];
}

/** Every rule of §9, plus the edge-kind check of §4. */
export const RULES = {
  'secret-no-lifetime': {
    title: 'Secret never expires and is never rotated',
    severity: 'medium',
    owasp: ['NHI7'],
    llm: [],
    csf: ['PR.AA-01'],
  },
  'secret-in-location': {
    title: 'Secret stored where people can read it',
    severity: 'high',
    owasp: ['NHI2'],
    llm: [],
    csf: ['PR.AA-01', 'PR.DS-01'],
  },
  'nhi-reuse': {
    title: 'One credential shared by several workloads',
    severity: 'medium',
    owasp: ['NHI9'],
    llm: [],
    csf: ['PR.AA-01', 'PR.AA-02'],
  },
  'identity-cross-env': {
    title: 'Identity used across environments',
    severity: 'medium',
    owasp: ['NHI8'],
    llm: [],
    csf: ['PR.IR-01', 'PR.AA-05'],
  },
  'human-use': {
    title: 'A person uses a workload credential',
    severity: 'medium',
    owasp: ['NHI10'],
    llm: [],
    csf: ['PR.AA-01', 'PR.AA-05'],
  },
  'agent-tool-no-approval': {
    title: 'Agent can act in production without approval',
    severity: 'high',
    owasp: ['NHI5'],
    llm: ['LLM06:2025', 'ASI02'],
    csf: ['PR.AA-05'],
  },
  'unverified-dependency': {
    title: 'Dependency trusted without verification',
    severity: 'medium',
    owasp: ['NHI3'],
    llm: [],
    csf: ['GV.SC-07'],
  },
  'unconstrained-trust': {
    title: 'Trust without constraints',
    severity: 'medium',
    owasp: ['NHI6'],
    llm: [],
    csf: ['PR.AA-04'],
  },
  'cert-expiring': {
    title: 'Certificate expiring without renewal',
    severity: 'medium',
    owasp: [],
    llm: [],
    csf: ['PR.AA-01', 'PR.IR-03'],
  },
  'silent-outage': {
    title: 'Required secret of a workload without a health check',
    severity: 'medium',
    owasp: [],
    llm: [],
    csf: ['DE.CM-01', 'DE.CM-09'],
  },
  'no-owner': {
    title: 'Credential without an owner',
    severity: 'low',
    owasp: ['NHI1'],
    llm: [],
    csf: ['PR.AA-01'],
  },
  'admin-grant': {
    title: 'Admin access granted',
    severity: 'medium',
    owasp: ['NHI5'],
    llm: [],
    csf: ['PR.AA-05'],
  },
  'privilege-drift': {
    title: 'Permissions not reviewed in 90 days',
    severity: 'medium',
    owasp: ['NHI5'],
    llm: [],
    csf: ['PR.AA-05'],
  },
  'nonprod-uses-prod': {
    title: 'Staging or dev workload uses production credentials',
    severity: 'high',
    owasp: ['NHI8'],
    llm: [],
    csf: ['PR.IR-01', 'PR.AA-05'],
  },
  'edge-kind-mismatch': {
    title: 'Edge between kinds its kind does not name',
    severity: 'low',
    owasp: [],
    llm: [],
    csf: [],
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
