/**
 * One workflow file: the workflow and each job become pipelines in a boundary named after the workflow; the
 * workflow deploys its jobs; each job runs as its own GITHUB_TOKEN and holds the repository secrets it names;
 * risky triggers become findings and an untrusted dependency the jobs depend on.
 */
import type { Environment } from '../../domain/index.ts';
import { slug } from '../graph.ts';
import type { GraphBuilder } from '../graph.ts';
import type { Json, JsonObject, ParsedFile } from '../parse.ts';
import { asObject, asString, isObject } from '../parse.ts';
import { secretTypeFromName } from '../secretType.ts';
import { secretLinePattern, secretRefs, secretRefsIn } from './expressions.ts';
import { addTokenGrants, effectivePermissions } from './permissions.ts';
import { addDependency, addSteps, checksOutPullRequest } from './steps.ts';
import type { StepsContext } from './steps.ts';

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;
export const workflowKey = (fileName: string) => slug(baseName(fileName).replace(/\.ya?ml$/i, ''));

/** Trigger names from `on:` in any of its three forms (a name, a list, a mapping). */
function triggersOf(on: Json | undefined): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return isObject(on) ? Object.keys(on) : [];
}

/** GitHub environment names to the model's: production, staging, development. */
function environmentOf(job: JsonObject): Environment {
  const env = asString(job.environment) ?? asString(asObject(job.environment).name) ?? '';
  if (/stag|pre-?prod|uat/i.test(env)) return 'staging';
  if (/dev|test|ci|preview|sandbox/i.test(env)) return 'dev';
  return 'prod';
}

function envSecrets(env: Json | undefined, into = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(asObject(env))) {
    const name = typeof v === 'string' ? secretRefs(v)[0] : undefined;
    if (name) into.set(k, name);
    else into.delete(k);
  }
  return into;
}

const noExpression = (label: string | null) => (label && !label.includes('${{') ? label : null);

/**
 * `key` makes this workflow's ids unique (its file name, or its path when two files share a name);
 * `localWorkflow` finds the key of a workflow file of this import named by a local `uses:`.
 */
export function importWorkflow(b: GraphBuilder, parsed: ParsedFile, key: string, localWorkflow: (path: string) => string | null): void {
  const file = parsed.file.name;
  const doc = parsed.docs[0];
  if (!isObject(doc) || !isObject(doc.jobs)) {
    b.warn({ file, line: 1 }, 'not a workflow (no jobs:); left out');
    return;
  }
  const wfLabel = noExpression(asString(doc.name)) ?? baseName(file);
  const triggers = triggersOf(doc.on);
  const boundary = b.boundary(`gha-b-${key}`, `Workflow: ${wfLabel}`);
  const wfNode = b.node(`gha-wf-${key}`, 'pipeline', wfLabel, { file, line: parsed.keyLine(doc, 'name') ?? 1 }, { triggers, file: baseName(file) }, boundary);
  const wfEnv = envSecrets(doc.env);
  const reusable = triggers.includes('workflow_call');
  let assumedDefaultWarned = false;
  let logNode: string | null = null;
  const report: StepsContext['report'] = (rule, severity, title, message, node, line) => {
    b.finding({ rule, severity, title, message, node, file, line });
    b.note(`note-${rule}-${node}-${line ?? 0}`, `⚠ ${title}\n${message}`, node, severity === 'critical' || severity === 'high' ? '#fecaca' : '#fde68a');
    b.appendNodeNotes(node, `Import finding: ${title} (${file}${line ? ` line ${line}` : ''}).`);
  };

  for (const [jobId, jobValue] of Object.entries(doc.jobs)) {
    if (!isObject(jobValue)) {
      b.warn({ file, line: parsed.keyLine(doc.jobs, jobId) }, `job "${jobId}" is not a mapping; left out`);
      continue;
    }
    const job = jobValue;
    const jobLine = parsed.lineOf(job);
    const jobKey = `${key}-${slug(jobId)}`;
    const jobLabel = noExpression(asString(job.name)) ?? jobId;
    const environment = environmentOf(job);
    const jobNode = b.node(`gha-job-${jobKey}`, 'pipeline', jobLabel, { file, line: jobLine }, { environment, job: jobId }, boundary);
    b.edge('deploys', wfNode, jobNode, { props: { delayHours: 0 } });

    const perms = effectivePermissions(job, doc, (m) => b.warn({ file, line: jobLine }, `${jobLabel}: ${m}`));
    if (perms.assumedDefault && !assumedDefaultWarned) {
      assumedDefaultWarned = true;
      b.warn(
        { file, line: 1 },
        reusable
          ? `no permissions block: a reusable workflow's token gets the caller's permissions; imported as write on the repository (the worst case)`
          : `no permissions block: the token gets the repository's default; imported as write on the repository (GitHub's permissive default). Add permissions: to narrow it`,
      );
    }
    const token = b.node(`gha-token-${jobKey}`, 'identity', `GITHUB_TOKEN (${jobLabel})`, { file, line: jobLine }, { environment, owner: 'GitHub Actions' }, boundary);
    b.edge('runs-as', jobNode, token);
    addTokenGrants(b, parsed, token, perms);

    const holdSecret = (name: string, line: number | null) => {
      const at = line ?? parsed.matchLine(jobLine, secretLinePattern(name));
      const id = b.node(`gha-secret-${slug(name)}`, 'secret', name, { file, line: at }, { secretType: secretTypeFromName(name), owner: '' });
      b.edge('holds', jobNode, id);
      return id;
    };
    for (const name of new Set([...wfEnv.values(), ...secretRefsIn(job)])) holdSecret(name, null);

    const ctx: StepsContext = {
      b,
      parsed,
      jobNode,
      jobLabel,
      jobKey,
      environment,
      idTokenWrite: perms.idTokenWrite,
      idTokenNote: reusable ? 'a reusable workflow: the caller may grant it' : null,
      holdSecret,
      env: envSecrets(job.env, new Map(wfEnv)),
      shell: asString(asObject(asObject(job.defaults).run).shell) ?? asString(asObject(asObject(doc.defaults).run).shell),
      logNode: () => {
        logNode ??= b.node(`gha-log-${key}`, 'location', `Job logs: ${wfLabel}`, { file, line: 1 }, { locationType: 'log', audience: 'org' }, boundary);
        return logNode;
      },
      report,
    };

    const calls = asString(job.uses);
    if (calls) {
      const local = calls.startsWith('./') ? localWorkflow(calls) : null;
      if (local) b.edge('calls', jobNode, `gha-wf-${local}`, { props: { access: 'none' } });
      else if (!calls.startsWith('./')) addDependency(ctx, calls, jobLine);
      if (job.secrets === 'inherit') b.warn({ file, line: jobLine }, `${jobLabel}: secrets: inherit passes every secret of this workflow to ${calls}; only the ones named here are imported`);
    }
    addSteps(ctx, job.steps);

    if (triggers.includes('pull_request_target')) {
      const pr = b.node('gha-untrusted-pr', 'dependency', 'Pull requests from forks (untrusted)', { file, line: parsed.keyLine(doc, 'on') }, { criticality: 1, dependencyType: 'event' });
      b.edge('depends-on', jobNode, pr, { props: { verified: false, trigger: 'pull_request_target' } });
      const steps = Array.isArray(job.steps) ? job.steps.filter(isObject) : [];
      if (steps.some(checksOutPullRequest)) {
        report('gha-pr-target-checkout', 'critical', 'Pull request code runs with the repository’s secrets', `${jobLabel} checks out the pull request's head under pull_request_target and runs it with a write token and the repository's secrets.`, jobNode, jobLine);
      }
    }
    if (triggers.includes('workflow_run')) {
      const names = asString(JSON.stringify(asObject(asObject(doc.on).workflow_run).workflows ?? [])) ?? '[]';
      const run = b.node(`gha-untrusted-run-${slug(names)}`, 'dependency', `Runs of ${names.replace(/[[\]"]/g, '') || 'other workflows'} (may carry fork code)`, { file, line: parsed.keyLine(doc, 'on') }, { criticality: 1, dependencyType: 'event' });
      b.edge('depends-on', jobNode, run, { props: { verified: false, trigger: 'workflow_run' } });
    }
  }

  const onLine = parsed.keyLine(doc, 'on') ?? 1;
  if (triggers.includes('pull_request_target')) {
    report('gha-pull-request-target', 'high', 'Runs on pull requests from forks with the repository’s secrets', `“${wfLabel}” runs on pull_request_target: its jobs get a write token and the repository's secrets on events from forks. Nothing from the pull request (code, title, body, branch name) may be run or evaluated.`, wfNode, onLine);
  }
  if (triggers.includes('workflow_run')) {
    report('gha-workflow-run', 'medium', 'Runs privileged after another workflow', `“${wfLabel}” runs on workflow_run: the run that triggers it may have built code from a fork, and its artifacts and outputs are untrusted here.`, wfNode, onLine);
  }
}
