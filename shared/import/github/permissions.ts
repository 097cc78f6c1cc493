/**
 * The job's GITHUB_TOKEN as an identity, and what `permissions:` grants it. A job's own block replaces the
 * workflow's. Without any block the token gets the repository's default, which the files cannot show: we take
 * GitHub's permissive default (write), the worse case, and say so. `id-token` is not a repository scope: it
 * lets the job ask the GitHub OIDC issuer for a token (cloud.ts).
 */
import type { GraphBuilder } from '../graph.ts';
import type { Json, ParsedFile } from '../parse.ts';
import { isObject } from '../parse.ts';

/** Scopes a token can be granted (GitHub's documented list), with how much they matter. */
const SCOPES: Record<string, { label: string; criticality: number }> = {
  actions: { label: 'GitHub Actions (runs, artifacts, caches)', criticality: 3 },
  attestations: { label: 'GitHub attestations', criticality: 3 },
  checks: { label: 'GitHub checks', criticality: 2 },
  contents: { label: 'Repository contents (code, releases)', criticality: 5 },
  deployments: { label: 'GitHub deployments', criticality: 3 },
  discussions: { label: 'GitHub discussions', criticality: 1 },
  issues: { label: 'GitHub issues', criticality: 2 },
  models: { label: 'GitHub Models', criticality: 2 },
  packages: { label: 'GitHub Packages', criticality: 4 },
  pages: { label: 'GitHub Pages', criticality: 3 },
  'pull-requests': { label: 'Pull requests', criticality: 3 },
  'repository-projects': { label: 'Repository projects', criticality: 1 },
  'security-events': { label: 'Code scanning alerts', criticality: 3 },
  statuses: { label: 'Commit statuses', criticality: 2 },
};

interface TokenPermissions {
  /** scope → read | write; `*` means every scope. */
  grants: Map<string, 'read' | 'write'>;
  idTokenWrite: boolean;
  /** True when no block applies and the repository default was assumed. */
  assumedDefault: boolean;
}

/** The permissions in force for a job: its own block, else the workflow's, else the repository default. */
export function effectivePermissions(
  job: Json | undefined,
  workflow: Json | undefined,
  warn: (message: string) => void,
): TokenPermissions {
  const block = isObject(job) && 'permissions' in job ? job.permissions : isObject(workflow) && 'permissions' in workflow ? workflow.permissions : undefined;
  const grants = new Map<string, 'read' | 'write'>();
  if (block === undefined) {
    grants.set('*', 'write');
    return { grants, idTokenWrite: false, assumedDefault: true };
  }
  if (block === 'read-all' || block === 'write-all') {
    grants.set('*', block === 'read-all' ? 'read' : 'write');
    return { grants, idTokenWrite: block === 'write-all', assumedDefault: false };
  }
  if (!isObject(block)) {
    if (block !== null) warn(`permissions: ${JSON.stringify(block)} is not a known form; the token is imported with no grants`);
    return { grants, idTokenWrite: false, assumedDefault: false };
  }
  let idTokenWrite = false;
  for (const [scope, level] of Object.entries(block)) {
    if (scope === 'id-token') {
      idTokenWrite = level === 'write';
      continue;
    }
    if (!(scope in SCOPES)) {
      warn(`permissions: unknown scope "${scope}" left out`);
      continue;
    }
    if (level === 'read' || level === 'write') grants.set(scope, level);
    else if (level !== 'none') warn(`permissions: ${scope}: "${String(level)}" is not read, write or none; left out`);
  }
  return { grants, idTokenWrite, assumedDefault: false };
}

/** The token identity's grants on repository scopes; each scope is one node shared by every workflow. */
export function addTokenGrants(b: GraphBuilder, parsed: ParsedFile, tokenId: string, perms: TokenPermissions): void {
  for (const [scope, access] of perms.grants) {
    const id = scope === '*' ? 'gha-repo' : `gha-repo-${scope}`;
    const info = SCOPES[scope];
    b.node(
      id,
      'datastore',
      info ? info.label : 'GitHub repository (every scope)',
      { file: parsed.file.name, line: null },
      { criticality: info?.criticality ?? 5, sensitivity: 'confidential', scope },
    );
    b.edge('grants', tokenId, id, { props: { access }, merge: (a, c) => ({ ...a, access: a.access === 'write' || c.access === 'write' ? 'write' : 'read' }) });
  }
}
