/**
 * Names of the framework ids the findings and breaks cite, for the findings coverage table and the appendix.
 * OWASP Non-Human Identities Top 10 (2025); OWASP Top 10 for LLM Applications (2025); OWASP Top 10 for Agentic
 * Applications (ASI, 2026 edition, published December 2025); NIST Cybersecurity Framework 2.0.
 */

export const OWASP_NHI: Record<string, string> = {
  NHI1: 'Improper Offboarding',
  NHI2: 'Secret Leakage',
  NHI3: 'Vulnerable Third-Party NHI',
  NHI4: 'Insecure Authentication',
  NHI5: 'Overprivileged NHI',
  NHI6: 'Insecure Cloud Deployment Configurations',
  NHI7: 'Long-Lived Secrets',
  NHI8: 'Environment Isolation',
  NHI9: 'NHI Reuse',
  NHI10: 'Human Use of NHI',
};

export const OWASP_LLM: Record<string, string> = {
  'LLM01:2025': 'Prompt Injection',
  'LLM02:2025': 'Sensitive Information Disclosure',
  'LLM03:2025': 'Supply Chain',
  'LLM06:2025': 'Excessive Agency',
  ASI01: 'Agent Goal Hijack',
  ASI02: 'Tool Misuse and Exploitation',
  ASI03: 'Identity and Privilege Abuse',
  ASI04: 'Agentic Supply Chain Vulnerabilities',
  ASI05: 'Unexpected Code Execution',
  ASI06: 'Memory and Context Poisoning',
  ASI07: 'Insecure Inter-Agent Communication',
  ASI08: 'Cascading Failures',
  ASI09: 'Human-Agent Trust Exploitation',
  ASI10: 'Rogue Agents',
};

export const NIST_CSF: Record<string, string> = {
  'GV.SC-07': 'Supplier risks are identified, assessed and responded to',
  'PR.AA-01': 'Identities and credentials of users, services and hardware are managed',
  'PR.AA-02': 'Identities are proofed and bound to credentials',
  'PR.AA-03': 'Users, services and hardware are authenticated',
  'PR.AA-04': 'Identity assertions are protected, conveyed and verified',
  'PR.AA-05': 'Access permissions are defined, managed, enforced and reviewed (least privilege)',
  'PR.DS-01': 'Data at rest is protected',
  'PR.IR-01': 'Networks and environments are protected from unauthorised logical access',
  'PR.IR-03': 'Mechanisms achieve resilience in normal and adverse situations',
  'PR.IR-04': 'Adequate capacity keeps things available',
  'DE.CM-01': 'Networks and network services are monitored',
  'DE.CM-09': 'Computing hardware, software and their data are monitored',
};

/** Sort `NHI2` before `NHI10`. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function frameworkName(id: string): string {
  return OWASP_NHI[id] ?? OWASP_LLM[id] ?? NIST_CSF[id] ?? '';
}
