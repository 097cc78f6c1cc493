/**
 * Cloud logins in a job: AWS (aws-actions/configure-aws-credentials), Azure (azure/login) and Google Cloud
 * (google-github-actions/auth). With OIDC the job holds a short-lived token issued by the GitHub OIDC issuer
 * that authenticates as the cloud identity, and that identity trusts the issuer (the trust policy is not in the
 * workflow, so the trust is imported unconstrained: pin the repository and branch in the `sub` condition and
 * set `constrained`). With stored keys the job holds a long-lived secret that authenticates as the identity.
 */
import { slug } from '../graph.ts';
import type { GraphBuilder } from '../graph.ts';
import type { JsonObject, ParsedFile } from '../parse.ts';
import { asObject, asString } from '../parse.ts';
import { secretRefs } from './expressions.ts';

const OIDC_ISSUER = 'gha-oidc-issuer';

export interface JobContext {
  b: GraphBuilder;
  parsed: ParsedFile;
  jobNode: string;
  jobLabel: string;
  /** Slug of file and job, for ids of things that belong to this job. */
  jobKey: string;
  environment: 'prod' | 'staging' | 'dev' | 'shared';
  idTokenWrite: boolean;
  /** Why the job may lack id-token: write without it being an error (a reusable workflow, the default). */
  idTokenNote: string | null;
  /** Adds a repository secret the job holds; returns its node id. */
  holdSecret(name: string, line: number | null): string;
}

type Provider = 'aws' | 'azure' | 'gcp';
const PROVIDER_LABEL: Record<Provider, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** Which cloud login a `uses:` names, if any. */
export function cloudProvider(action: string): Provider | null {
  const a = action.toLowerCase();
  if (a === 'aws-actions/configure-aws-credentials') return 'aws';
  if (a === 'azure/login') return 'azure';
  if (a === 'google-github-actions/auth') return 'gcp';
  return null;
}

/** A readable name for a value that may be an expression: `from secret X`, `from vars.X`, an ARN's last part. */
function valueName(value: string): string {
  const secret = secretRefs(value)[0];
  if (secret) return `from secret ${secret}`;
  const expr = /\$\{\{\s*([^}]+?)\s*\}\}/.exec(value);
  if (expr) return `from ${expr[1]}`;
  return /^arn:aws:iam::\d+:role\/(.+)$/.exec(value)?.[1] ?? value;
}

function cloudIdentity(ctx: JobContext, provider: Provider, key: string, label: string, line: number | null): string {
  return ctx.b.node(`${provider}-identity-${slug(key)}`, 'identity', label, { file: ctx.parsed.file.name, line }, {
    environment: ctx.environment,
    cloud: PROVIDER_LABEL[provider],
  });
}

/** The OIDC path: job holds a 1-hour token, issued by GitHub's issuer, authenticating as `identity`, which trusts the issuer. */
function oidc(ctx: JobContext, provider: Provider, identity: string, line: number | null, ttlHours: number): void {
  const { b, parsed } = ctx;
  b.node(OIDC_ISSUER, 'issuer', 'GitHub Actions OIDC (token.actions.githubusercontent.com)', { file: parsed.file.name, line }, {
    environment: 'shared',
    criticality: 5,
  });
  const token = b.node(
    `gha-oidc-${ctx.jobKey}-${provider}`,
    'secret',
    `${PROVIDER_LABEL[provider]} session via OIDC (${ctx.jobLabel})`,
    { file: parsed.file.name, line },
    { secretType: 'token', ttlHours, environment: ctx.environment },
  );
  b.edge('holds', ctx.jobNode, token);
  b.edge('issued-by', token, OIDC_ISSUER);
  b.edge('authenticates', token, identity);
  b.edge('trusts', identity, OIDC_ISSUER, { props: { constrained: false, condition: 'trust policy not in the workflow' } });
  if (!ctx.idTokenWrite) {
    b.warn({ file: parsed.file.name, line }, `${ctx.jobLabel}: OIDC login to ${PROVIDER_LABEL[provider]} without id-token: write in this file${ctx.idTokenNote ? ` (${ctx.idTokenNote})` : ''}`);
  }
}

/** Imports one cloud login step. */
export function addCloudLogin(ctx: JobContext, provider: Provider, step: JsonObject, line: number | null): void {
  const w = asObject(step.with);
  const str = (k: string) => asString(w[k]);
  if (provider === 'aws') {
    const role = str('role-to-assume');
    const keyId = str('aws-access-key-id');
    const secretKey = str('aws-secret-access-key');
    const seconds = Number(str('role-duration-seconds') ?? 3600);
    const ttl = Number.isFinite(seconds) && seconds > 0 ? seconds / 3600 : 1;
    const roleId = role ? cloudIdentity(ctx, 'aws', role, `AWS role ${valueName(role)}`, line) : null;
    if (secretKey) {
      const name = secretRefs(secretKey)[0];
      const user = cloudIdentity(ctx, 'aws', `user-${keyId ?? secretKey}`, `AWS IAM user (keys ${valueName(keyId ?? secretKey)})`, line);
      if (name) ctx.b.edge('authenticates', ctx.holdSecret(name, line), user);
      if (roleId) ctx.b.edge('assumes', user, roleId);
      return;
    }
    if (roleId) oidc(ctx, 'aws', roleId, line, ttl);
    else ctx.b.warn({ file: ctx.parsed.file.name, line }, `${ctx.jobLabel}: configure-aws-credentials with neither role-to-assume nor keys; left out`);
    return;
  }
  if (provider === 'azure') {
    const creds = str('creds');
    const clientId = str('client-id');
    if (creds) {
      const name = secretRefs(creds)[0];
      const sp = cloudIdentity(ctx, 'azure', `creds-${creds}`, `Azure service principal (credentials ${valueName(creds)})`, line);
      if (name) ctx.b.edge('authenticates', ctx.holdSecret(name, line), sp);
      return;
    }
    if (clientId) {
      oidc(ctx, 'azure', cloudIdentity(ctx, 'azure', clientId, `Azure app ${valueName(clientId)}`, line), line, 1);
      return;
    }
    ctx.b.warn({ file: ctx.parsed.file.name, line }, `${ctx.jobLabel}: azure/login with neither creds nor client-id; left out`);
    return;
  }
  const keyJson = str('credentials_json');
  const pool = str('workload_identity_provider');
  const account = str('service_account');
  if (keyJson) {
    const name = secretRefs(keyJson)[0];
    const sa = cloudIdentity(ctx, 'gcp', `key-${keyJson}`, `Google service account (key ${valueName(keyJson)})`, line);
    if (name) ctx.b.edge('authenticates', ctx.holdSecret(name, line), sa);
    return;
  }
  if (pool) {
    const label = account ? `Google service account ${valueName(account)}` : `Google workload identity ${valueName(pool)}`;
    oidc(ctx, 'gcp', cloudIdentity(ctx, 'gcp', account ?? pool, label, line), line, 1);
    return;
  }
  ctx.b.warn({ file: ctx.parsed.file.name, line }, `${ctx.jobLabel}: google-github-actions/auth with neither credentials_json nor workload_identity_provider; left out`);
}
