/**
 * One job's steps: `uses:` becomes a dependency the job depends on (verified only when pinned to a full commit
 * SHA), cloud logins go to cloud.ts, and `run:` scripts are read for secrets written to the log.
 */
import { slug } from '../graph.ts';
import { parseImage } from '../image.ts';
import type { JsonObject } from '../parse.ts';
import { asArray, asObject, asString, isObject } from '../parse.ts';
import { addCloudLogin, cloudProvider } from './cloud.ts';
import type { JobContext } from './cloud.ts';
import { isFullSha, secretRefs } from './expressions.ts';
import { logExposure } from './scripts.ts';
import type { SecretEnv } from './scripts.ts';

export interface StepsContext extends JobContext {
  /** env var → secret name, for every env block in scope before the step's own. */
  env: SecretEnv;
  /** The shell set by `defaults.run.shell`, if any. */
  shell: string | null;
  /** The location node for this workflow's logs, made on first use. */
  logNode(): string;
  /** Records a finding about a node, with a note beside it. */
  report(rule: string, severity: 'critical' | 'high' | 'medium' | 'low', title: string, message: string, node: string, line: number | null): void;
}

interface ActionRef {
  /** `owner/repo` or `owner/repo/path`. */
  name: string;
  ref: string;
}

/** `owner/repo[/path]@ref`; null for local actions (`./…`), `docker://` images and anything else. */
function parseActionRef(uses: string): ActionRef | null {
  const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?)@(\S+)$/.exec(uses.trim());
  return m ? { name: m[1], ref: m[2] } : null;
}

/** A third-party action or reusable workflow as a dependency; several uses merge, verified only if every one is pinned. */
export function addDependency(ctx: JobContext, uses: string, line: number | null): void {
  const { b } = ctx;
  const file = ctx.parsed.file.name;
  if (uses.startsWith('./') || uses.startsWith('.\\')) return;
  if (uses.startsWith('docker://')) {
    const image = parseImage(uses.slice('docker://'.length));
    const dep = b.node(`gha-image-${slug(image.name)}`, 'dependency', image.name, { file, line }, { dependencyType: 'image' });
    b.edge('depends-on', ctx.jobNode, dep, {
      props: { verified: image.verified, ref: image.ref },
      merge: (a, c) => ({ ...a, verified: a.verified === true && c.verified === true }),
    });
    return;
  }
  const action = parseActionRef(uses);
  if (!action) {
    b.warn({ file, line }, `${ctx.jobLabel}: "uses: ${uses}" is not owner/repo@ref; left out`);
    return;
  }
  const dep = b.node(`gha-action-${slug(action.name)}`, 'dependency', action.name, { file, line }, { dependencyType: 'action' });
  b.edge('depends-on', ctx.jobNode, dep, {
    props: { verified: isFullSha(action.ref), ref: action.ref },
    merge: (a, c) => ({ ...a, verified: a.verified === true && c.verified === true, ref: a.ref === c.ref ? a.ref : `${String(a.ref)}, ${String(c.ref)}` }),
  });
}

function stepEnv(ctx: StepsContext, step: JsonObject): Map<string, string> {
  const env = new Map(ctx.env);
  for (const [k, v] of Object.entries(asObject(step.env))) {
    const name = typeof v === 'string' ? secretRefs(v)[0] : undefined;
    if (name) env.set(k, name);
    else env.delete(k);
  }
  return env;
}

function readScript(ctx: StepsContext, step: JsonObject, stepLine: number | null): void {
  const script = asString(step.run);
  if (script === null) return;
  const env = stepEnv(ctx, step);
  const shell = asString(step.shell) ?? ctx.shell;
  const found = logExposure(script, env, shell, secretRefs);
  const lines = script.split(/\r?\n/);
  const lineOf = (i: number) => {
    const text = (lines[i] ?? '').trim();
    return text ? ctx.parsed.textLine(stepLine, text) : stepLine;
  };
  for (const { secret, line } of found.echoed) {
    const at = lineOf(line);
    const secretNode = ctx.holdSecret(secret, at);
    ctx.b.edge('contains', ctx.logNode(), secretNode);
    ctx.report(
      'gha-secret-in-log',
      'high',
      'Secret written to the job log',
      `${ctx.jobLabel} prints ${secret} to its log (${ctx.parsed.file.name} line ${at ?? '?'}). GitHub masks the exact value, not a transformed copy; never echo a secret.`,
      secretNode,
      at,
    );
  }
  if (found.xtrace && found.xtrace.inScope.length + found.xtrace.printed.length > 0) {
    const at = lineOf(found.xtrace.line);
    for (const secret of found.xtrace.printed) ctx.b.edge('contains', ctx.logNode(), ctx.holdSecret(secret, at));
    const printed = found.xtrace.printed;
    ctx.report(
      'gha-xtrace-with-secrets',
      printed.length ? 'high' : 'medium',
      'Shell tracing in a step with secrets',
      printed.length
        ? `${ctx.jobLabel} turns on xtrace (set -x) and then names ${printed.join(', ')}: each command is printed to the log with the secret expanded.`
        : `${ctx.jobLabel} turns on xtrace (set -x) in a step whose environment holds ${found.xtrace.inScope.join(', ')}: any command that names it prints it to the log.`,
      ctx.jobNode,
      at,
    );
  }
}

/** True when a checkout step fetches the pull request's own code (dangerous under pull_request_target). */
export function checksOutPullRequest(step: JsonObject): boolean {
  const uses = asString(step.uses) ?? '';
  if (!/^actions\/checkout@/i.test(uses)) return false;
  const ref = asString(asObject(step.with).ref) ?? '';
  return /github\.event\.pull_request\.head|github\.head_ref/i.test(ref);
}

export function addSteps(ctx: StepsContext, steps: unknown): void {
  for (const step of asArray(steps)) {
    if (!isObject(step)) continue;
    const line = ctx.parsed.lineOf(step);
    const uses = asString(step.uses);
    if (uses) {
      addDependency(ctx, uses, line);
      const action = parseActionRef(uses);
      const provider = action ? cloudProvider(action.name) : null;
      if (provider) addCloudLogin(ctx, provider, step, line);
    }
    readScript(ctx, step, line);
  }
}
