/**
 * The template catalogue: one entry per starting model in this folder. Pure data, no I/O: whoever lists
 * templates reads `file` next to this module and loads it through the one load path (parseModelFile).
 */
export interface TemplateEntry {
  /** Stable id, the file name without `.faultline.json`. */
  id: string;
  name: string;
  description: string;
  /** File name in assets/templates. */
  file: string;
}

export const TEMPLATES: readonly TemplateEntry[] = [
  {
    id: 'cicd-deploy-tokens',
    name: 'CI/CD deploy tokens',
    description:
      'GitHub Actions release job with a PAT, OIDC into an AWS deploy role, GitOps through Argo CD, a self-hosted runner ' +
      'and Terraform state. Try the PAT leak, then the same leak with a 1-hour GitHub App token.',
    file: 'cicd-deploy-tokens.faultline.json',
  },
  {
    id: 'ai-support-agent',
    name: 'AI support agents with MCP tools',
    description:
      'Triage and resolution agents reading tickets, chat, KB and web pages; CRM, e-mail and refund tools; a staging agent ' +
      'wired to the production payments key. Try a poisoned ticket.',
    file: 'ai-support-agent.faultline.json',
  },
  {
    id: 'microservices-mtls',
    name: 'Microservices with mTLS and Vault',
    description:
      'Short-lived mesh certificates from a Vault PKI intermediate, renewed by cert-manager; 1-hour database leases; one ' +
      'hand-issued certificate about to expire. Try a Vault outage.',
    file: 'microservices-mtls.faultline.json',
  },
  {
    id: 'saas-integration',
    name: 'SaaS integration hub',
    description:
      'OAuth apps and refresh tokens into Salesforce, a Slack bot, Google domain-wide delegation, Stripe webhooks, an LLM ' +
      'provider, a vendor holding its own token, and staging running on a production secret.',
    file: 'saas-integration.faultline.json',
  },
];
