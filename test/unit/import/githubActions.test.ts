import { beforeEach, describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import { parseModelJson, serializeModel } from '../../../shared/file/index.ts';
import type { ImportOutcome } from '../../../shared/import/index.ts';
import { importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { fixture, fixtureFiles, graphOf, imported } from './fixtures.ts';

const WF = '.github/workflows/';
let all: ImportOutcome;
let g: ReturnType<typeof graphOf>;

beforeEach(() => {
  all = imported('github-actions', fixtureFiles('github-actions', WF));
  g = graphOf(all);
});

describe('GitHub Actions import of twelve real workflows', () => {
  it('makes each workflow and each job a pipeline, the workflow deploying its jobs inside its boundary', () => {
    const wf = g.node('gha-wf-powertools-publish');
    expect(wf).toMatchObject({ kind: 'pipeline', label: 'Publish to PyPi', boundary: 'gha-b-powertools-publish' });
    const job = g.node('gha-job-powertools-publish-upload');
    expect(job).toMatchObject({ kind: 'pipeline', label: 'upload', boundary: 'gha-b-powertools-publish' });
    expect(g.edge('deploys', wf.id, job.id).props.delayHours).toBe(0);
    expect(all.graph.boundaries.map((b) => b.label)).toContain('Workflow: Publish to PyPi');
    expect(all.graph.nodes.filter((n) => n.id.startsWith('gha-wf-'))).toHaveLength(12);
  });

  it('keeps where each node came from: file and line', () => {
    expect(g.props('gha-secret-pypi-token').source).toEqual({ file: `${WF}powertools-publish.yml`, line: 42 });
    expect(g.props('gha-job-node-auto-start-ci-start-ci').source).toEqual({ file: `${WF}node-auto-start-ci.yml`, line: 40 });
  });

  it('makes each secrets.X a secret the job holds, typed by its name, one node per repository secret', () => {
    expect(g.node('gha-secret-pypi-token')).toMatchObject({ kind: 'secret', label: 'PYPI_TOKEN', props: { secretType: 'token', ttlHours: null } });
    g.edge('holds', 'gha-job-powertools-publish-upload', 'gha-secret-pypi-token');
    g.edge('holds', 'gha-job-powertools-publish-upload', 'gha-secret-pypi-test-token');
    // SLACK_WEBHOOK is named by both jobs of notify-on-push: one secret held twice.
    g.edge('holds', 'gha-job-node-notify-on-push-notifyonforcepush', 'gha-secret-slack-webhook');
    g.edge('holds', 'gha-job-node-notify-on-push-notifyonmissingmetadata', 'gha-secret-slack-webhook');
    // `SECRETS.X` in capitals is the same context (Azure/login's canary).
    g.edge('holds', 'gha-job-azure-login-canary-slack-post-result', 'gha-secret-slack-channel-secret');
    // A workflow-level env secret is held by every job of the workflow.
    g.edge('holds', 'gha-job-react-compiler-prereleases-publish-prerelease', 'gha-secret-npm-token');
  });

  it('never makes GITHUB_TOKEN a repository secret: it is the job identity', () => {
    expect(all.graph.nodes.some((n) => n.kind === 'secret' && n.label === 'GITHUB_TOKEN')).toBe(false);
    expect(g.node('gha-token-node-auto-start-ci-start-ci')).toMatchObject({ kind: 'identity', label: 'GITHUB_TOKEN (start-ci)' });
    g.edge('runs-as', 'gha-job-node-auto-start-ci-start-ci', 'gha-token-node-auto-start-ci-start-ci');
  });

  it('grants the token what permissions: gives, a job block replacing the workflow one', () => {
    const token = 'gha-token-node-auto-start-ci-start-ci';
    expect(g.edge('grants', token, 'gha-repo-contents').props.access).toBe('read');
    expect(g.edge('grants', token, 'gha-repo-pull-requests').props.access).toBe('write');
    const reader = 'gha-token-node-auto-start-ci-get-prs-for-ci';
    expect(g.edge('grants', reader, 'gha-repo-pull-requests').props.access).toBe('read');
    expect(g.hasEdge('grants', reader, 'gha-repo-contents')).toBe(false);
    // Scorecard: `permissions: read-all` at the top, but the job's own block is all that applies.
    const scorecard = 'gha-token-powertools-ossf-scorecard-analysis';
    expect(g.edge('grants', scorecard, 'gha-repo-security-events').props.access).toBe('write');
    expect(g.hasEdge('grants', scorecard, 'gha-repo')).toBe(false);
  });

  it('without any permissions block assumes the permissive default, and says so', () => {
    expect(g.edge('grants', 'gha-token-powertools-publish-upload', 'gha-repo').props.access).toBe('write');
    expect(all.warnings).toContainEqual(
      expect.objectContaining({ file: `${WF}powertools-publish.yml`, message: expect.stringContaining('no permissions block') }),
    );
  });

  it('turns OIDC to AWS into a one-hour token from the GitHub issuer that authenticates as the role, which trusts the issuer', () => {
    const job = 'gha-job-powertools-run-e2e-tests-run';
    const token = 'gha-oidc-powertools-run-e2e-tests-run-aws';
    const role = 'aws-identity-secrets-aws-test-role-arn';
    expect(g.node(token)).toMatchObject({ kind: 'secret', props: { secretType: 'token', ttlHours: 1 } });
    g.edge('holds', job, token);
    g.edge('issued-by', token, 'gha-oidc-issuer');
    g.edge('authenticates', token, role);
    expect(g.edge('trusts', role, 'gha-oidc-issuer').props.constrained).toBe(false);
    expect(g.node(role).label).toBe('AWS role from secret AWS_TEST_ROLE_ARN');
    expect(g.node('gha-oidc-issuer').kind).toBe('issuer');
  });

  it('names an AWS role given as an ARN by its role name, and warns when a reusable workflow relies on its caller for id-token', () => {
    expect(g.node('aws-identity-arn-aws-iam-749337293305-role-gha-workflow-nightly-build-wheels').label).toBe('AWS role gha_workflow_nightly_build_wheels');
    expect(all.warnings.filter((w) => w.file === `${WF}pytorch-binary-upload.yml` && w.message.includes('without id-token: write'))).toHaveLength(2);
  });

  it('maps Azure login with stored credentials to a secret, and with a client id to OIDC', () => {
    g.edge('authenticates', 'gha-secret-azure-credentials', 'azure-identity-creds-secrets-azure-credentials');
    expect(g.props('gha-secret-azure-credentials').secretType).toBe('oauth-client-secret');
    g.edge('authenticates', 'gha-oidc-azure-login-canary-az-login-test-azure', 'azure-identity-secrets-azure-clientid');
  });

  it('maps Google workload identity federation: three jobs, one service account', () => {
    const sa = 'gcp-identity-vars-service-account-email';
    for (const job of ['deploy', 'metadata', 'jobs']) g.edge('authenticates', `gha-oidc-deploy-cloudrun-integration-${job}-gcp`, sa);
    expect(g.node(sa).label).toBe('Google service account from vars.SERVICE_ACCOUNT_EMAIL');
  });

  it('makes each action a dependency, verified only when pinned to a full commit SHA', () => {
    const pinned = g.edge('depends-on', 'gha-job-powertools-run-e2e-tests-run', 'gha-action-aws-actions-configure-aws-credentials');
    expect(pinned.props).toMatchObject({ verified: true, ref: '5fd3084fc36e372ff1fff382a39b10d03659f355' });
    expect(g.edge('depends-on', 'gha-job-powertools-on-opened-pr-check-related-issue', 'gha-action-actions-github-script').props).toMatchObject({ verified: false, ref: 'v6' });
    // rtCamp/action-slack-notify is pinned in both steps of the job: still verified after the merge.
    expect(g.edge('depends-on', 'gha-job-node-notify-on-push-notifyonmissingmetadata', 'gha-action-rtcamp-action-slack-notify').props.verified).toBe(true);
    // A remote reusable workflow at @main is a dependency too.
    expect(g.edge('depends-on', 'gha-job-react-compiler-discord-notify-check-maintainer', 'gha-action-facebook-react-github-workflows-shared-check-maintainer-yml').props.verified).toBe(false);
  });

  it('reports pull_request_target and workflow_run as findings, with an untrusted dependency and a note', () => {
    const rules = all.findings.map((f) => `${f.rule}@${f.file.replace(WF, '')}:${f.line}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'gha-pull-request-target@react-compiler-discord-notify.yml:3',
        'gha-pull-request-target@node-comment-labeled.yml:2',
        'gha-workflow-run@powertools-on-opened-pr.yml:1',
      ]),
    );
    expect(g.edge('depends-on', 'gha-job-react-compiler-discord-notify-notify', 'gha-untrusted-pr').props.verified).toBe(false);
    expect(all.graph.notes.find((n) => n.near === 'gha-wf-react-compiler-discord-notify')?.text).toContain('pull_request_target');
  });

  it('reports set -x in a step whose environment holds a secret', () => {
    expect(all.findings).toContainEqual(
      expect.objectContaining({ rule: 'gha-xtrace-with-secrets', file: `${WF}pytorch-binary-upload.yml`, line: 134, node: 'gha-job-pytorch-binary-upload-upload' }),
    );
  });

  it('gives a model the load path accepts, with findings the linter sees', () => {
    const model = modelFromImport(all, 'CI');
    const loaded = parseModelJson(JSON.parse(serializeModel(model)));
    expect(loaded.ok).toBe(true);
    const rules = new Set(lintModel(model).map((f) => f.rule));
    expect(rules).toContain('unverified-dependency');
    expect(rules).toContain('nhi-reuse');
  });

  it('simulates: a leaked AWS session of the e2e workflow reaches the role', () => {
    const model = modelFromImport(all, 'CI');
    const result = simulate(model, { id: 's', breaks: [{ mode: 'leak', node: 'gha-oidc-powertools-run-e2e-tests-run-aws' }] });
    expect(result.impacts).toContainEqual(expect.objectContaining({ node: 'aws-identity-secrets-aws-test-role-arn', effect: 'control', at: 0.5 }));
  });

  it('simulates: a hijacked unpinned action reaches the job token and through it the repository', () => {
    const model = modelFromImport(all, 'CI');
    const result = simulate(model, { id: 's', breaks: [{ mode: 'supply-chain', node: 'gha-action-actions-github-script' }] });
    const reached = new Map(result.impacts.map((i) => [i.node, i]));
    expect(reached.get('gha-job-powertools-on-opened-pr-check-related-issue')).toMatchObject({ effect: 'control', at: 24 });
    expect(reached.get('gha-token-powertools-on-opened-pr-check-related-issue')?.effect).toBe('control');
    expect(reached.get('gha-repo')).toMatchObject({ effect: 'write', at: 24.5 });
  });
});

const one = (text: string, name = `${WF}ci.yml`) => importFiles('github-actions', [{ name, text }]);

describe('GitHub Actions import: what the real files do not show', () => {
  it('flags a secret echoed to the log, and makes the log contain it', () => {
    const r = one(`on: push
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
    steps:
      - run: |
          echo "token is $DEPLOY_TOKEN"
          echo \${{ secrets.API_KEY }} | base64 -d > key.bin
          echo "\${{ secrets.NPM_TOKEN }}" >> "$GITHUB_ENV"
`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g2 = graphOf(r.value);
    const leaks = r.value.findings.filter((f) => f.rule === 'gha-secret-in-log');
    expect(leaks.map((f) => [f.node, f.line])).toEqual([['gha-secret-deploy-token', 9]]);
    g2.edge('contains', 'gha-log-ci', 'gha-secret-deploy-token');
    expect(g2.node('gha-log-ci').props).toMatchObject({ locationType: 'log' });
    // Piped and redirected echoes do not reach the log.
    expect(g2.hasEdge('contains', 'gha-log-ci', 'gha-secret-api-key')).toBe(false);
  });

  it('flags set -x followed by a command that names a secret as printing it', () => {
    const r = one(`on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - env:
          TOKEN: \${{ secrets.DEPLOY_TOKEN }}
        run: |
          set -ex
          curl -H "Authorization: Bearer $TOKEN" https://example.invalid
`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.findings).toContainEqual(expect.objectContaining({ rule: 'gha-xtrace-with-secrets', severity: 'high', line: 9 }));
    graphOf(r.value).edge('contains', 'gha-log-ci', 'gha-secret-deploy-token');
  });

  it('flags a pull_request_target job that checks out the pull request head as critical', () => {
    const r = one(`on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm test
`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.findings.map((f) => f.severity)).toEqual(['critical', 'high']);
  });

  it('refuses malformed YAML with the file and line, importing nothing', () => {
    const r = one(`on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n   steps: [\n`, `${WF}broken.yml`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.file).toBe(`${WF}broken.yml`);
    expect(r.error.line).toBe(5);
    expect(r.error.message).toMatch(/^not valid YAML: /);
  });

  it('warns about what it does not understand and goes on', () => {
    const r = importFiles('github-actions', [
      { name: `${WF}dependabot.yml`, text: 'version: 2\nupdates: []\n' },
      {
        name: `${WF}odd.yml`,
        text: `on: push\npermissions:\n  contents: read\n  time-travel: write\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: not-an-action\n  b: 42\n`,
      },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    const messages = r.value.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('not a workflow');
    expect(messages).toContain('unknown scope "time-travel"');
    expect(messages).toContain('"uses: not-an-action" is not owner/repo@ref');
    expect(messages).toContain('job "b" is not a mapping');
    expect(graphOf(r.value).node('gha-job-odd-a').kind).toBe('pipeline');
  });

  it('refuses a file with nothing to import (a composite action), saying why, rather than giving an empty model', () => {
    const r = importFiles('github-actions', [{ name: 'action.yml', text: 'name: start\nruns:\n  using: composite\n  steps: []\n' }]);
    expect(r).toMatchObject({ ok: false, error: { file: 'action.yml', message: expect.stringMatching(/^nothing to import in it: not a workflow \(no jobs:\)/) } });
  });

  it('runs a docker:// step at the tag it names, not latest', () => {
    const step = (uses: string) => `on: push\njobs:\n  lint:\n    runs-on: x\n    steps:\n      - uses: ${uses}\n`;
    const tagged = one(step('docker://github/super-linter:v4.9.5'), `${WF}lint.yml`);
    if (!tagged.ok) throw new Error(tagged.error.message);
    const dep = graphOf(tagged.value).edge('depends-on', 'gha-job-lint-lint', 'gha-image-github-super-linter-v4-9-5');
    expect(dep.props).toMatchObject({ ref: 'v4.9.5', verified: false });
    const digest = `sha256:${'b'.repeat(64)}`;
    const pinned = one(step(`docker://alpine@${digest}`), `${WF}lint.yml`);
    if (!pinned.ok) throw new Error(pinned.error.message);
    expect(graphOf(pinned.value).edge('depends-on', 'gha-job-lint-lint', 'gha-image-alpine').props).toMatchObject({ ref: digest, verified: true });
  });

  it('keeps two workflow files of the same name apart', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n';
    const r = importFiles('github-actions', [
      { name: 'one/.github/workflows/ci.yml', text },
      { name: 'two/.github/workflows/ci.yml', text },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.graph.nodes.filter((n) => n.id.startsWith('gha-wf-'))).toHaveLength(2);
  });

  it('reads one file as it reads the folder', () => {
    const r = importFiles('github-actions', [fixture('github-actions', 'powertools-publish.yml', WF)]);
    expect(r.ok && r.value.graph.nodes.length).toBeGreaterThan(3);
  });
});
