import { beforeEach, describe, expect, it } from 'vitest';
import { lintModel } from '../../../shared/analysis/index.ts';
import { simulate } from '../../../shared/engine/index.ts';
import type { ImportOutcome } from '../../../shared/import/index.ts';
import { importFiles, modelFromImport } from '../../../shared/import/index.ts';
import { fixtureFiles, graphOf, imported } from './fixtures.ts';

let all: ImportOutcome;
let g: ReturnType<typeof graphOf>;
const DASH = 'kubernetes-dashboard';

beforeEach(() => {
  all = imported('kubernetes', fixtureFiles('kubernetes'));
  g = graphOf(all);
});

describe('Kubernetes import of the dashboard and the WordPress example', () => {
  it('makes service accounts identities, Secrets secrets and namespaces boundaries', () => {
    expect(g.node(`k8s-sa-${DASH}-${DASH}`)).toMatchObject({ kind: 'identity', label: `${DASH} (service account)`, boundary: `k8s-ns-${DASH}` });
    expect(g.node(`k8s-secret-${DASH}-${DASH}-certs`)).toMatchObject({ kind: 'secret', boundary: `k8s-ns-${DASH}` });
    expect(all.graph.boundaries.map((b) => b.label).sort()).toEqual(['namespace default', `namespace ${DASH}`]);
    expect(g.props(`k8s-secret-${DASH}-${DASH}-csrf`).source).toEqual({ file: 'dashboard-recommended.yaml', line: 59 });
  });

  it('makes workloads services that run as their service account and hold what they mount or read', () => {
    const dashboard = `k8s-deployment-${DASH}-${DASH}`;
    expect(g.node(dashboard)).toMatchObject({ kind: 'service', props: { healthCheck: true, workload: 'Deployment' } });
    g.edge('runs-as', dashboard, `k8s-sa-${DASH}-${DASH}`);
    g.edge('holds', dashboard, `k8s-secret-${DASH}-${DASH}-certs`);
    // secretKeyRef, in two Deployments: one secret held twice, created though it is not in the files.
    g.edge('holds', 'k8s-deployment-default-wordpress', 'k8s-secret-default-mysql-pass');
    g.edge('holds', 'k8s-deployment-default-wordpress-mysql', 'k8s-secret-default-mysql-pass');
    expect(all.warnings.map((w) => w.message)).toContain('secret default/mysql-pass is used but not in the files; imported all the same');
    // No serviceAccountName: the namespace's default account, shared by every such pod.
    g.edge('runs-as', 'k8s-cronjob-default-hello', 'k8s-sa-default-default');
    g.edge('runs-as', 'k8s-deployment-default-wordpress', 'k8s-sa-default-default');
  });

  it('makes container images dependencies, unverified unless pinned by digest', () => {
    expect(g.edge('depends-on', 'k8s-deployment-default-wordpress-mysql', 'k8s-image-mysql-8-0').props).toMatchObject({ verified: false, ref: '8.0' });
  });

  it('turns a Role and its RoleBinding into grants on the named secrets, with access from the verbs', () => {
    const sa = `k8s-sa-${DASH}-${DASH}`;
    for (const s of ['certs', 'csrf', 'key-holder']) {
      expect(g.edge('grants', sa, `k8s-secret-${DASH}-${DASH}-${s}`).props.access).toBe('write');
    }
    // configmaps get/update, services proxy, services/proxy get: on the namespace's API node.
    expect(g.edge('grants', sa, `k8s-api-${DASH}`).props).toMatchObject({ access: 'write', resources: ['configmaps', 'services', 'services/proxy'] });
    // The metrics ClusterRole reads pod metrics (metrics.k8s.io), not pods: the cluster API, no workload.
    expect(g.edge('grants', sa, 'k8s-api-cluster').props).toMatchObject({ access: 'read', resources: ['pods', 'nodes'] });
    expect(g.hasEdge('grants', sa, 'k8s-deployment-default-wordpress')).toBe(false);
    expect(all.warnings.map((w) => w.message)).toContain('verb "proxy" is not get, list, watch, create, update, patch, delete or *; read as read');
  });

  it('reads a binding to the built-in cluster-admin as admin on every secret and workload of the cluster', () => {
    const admin = `k8s-sa-${DASH}-admin-user`;
    expect(g.edge('grants', admin, 'k8s-secret-default-mysql-pass').props.access).toBe('admin');
    expect(g.edge('grants', admin, 'k8s-deployment-default-wordpress').props.access).toBe('admin');
    expect(g.edge('grants', admin, 'k8s-api-cluster').props.access).toBe('admin');
    expect(all.warnings.some((w) => w.message.includes('ClusterRole cluster-admin is built into Kubernetes'))).toBe(true);
  });

  it('makes a service-account token Secret authenticate as its account', () => {
    g.edge('authenticates', `k8s-secret-${DASH}-admin-user`, `k8s-sa-${DASH}-admin-user`);
    expect(g.props(`k8s-secret-${DASH}-admin-user`).secretType).toBe('token');
  });

  it('counts what takes no part in the trust graph in one warning per file', () => {
    expect(all.warnings).toContainEqual({ file: 'dashboard-recommended.yaml', line: null, message: 'left out (no part in the trust graph, or not understood): 2 Service, 1 ConfigMap' });
  });

  it('simulates: the leaked admin-user token reaches the WordPress database password', () => {
    const model = modelFromImport(all, 'cluster');
    const result = simulate(model, { id: 's', breaks: [{ mode: 'leak', node: `k8s-secret-${DASH}-admin-user` }] });
    expect(result.impacts).toContainEqual(expect.objectContaining({ node: 'k8s-secret-default-mysql-pass', effect: 'control', at: 1 }));
    expect(lintModel(model).some((f) => f.rule === 'admin-grant')).toBe(true);
  });
});

describe('Kubernetes import: bad and odd input', () => {
  it('refuses malformed YAML with the file and line', () => {
    const r = importFiles('kubernetes', [{ name: 'bad.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: [x\n' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ file: 'bad.yaml', line: 5 });
  });

  it('reads kind: List, skips objects without a name, and names an unknown kind in a warning', () => {
    const r = importFiles('kubernetes', [
      {
        name: 'list.yaml',
        text: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: robot, namespace: ci}\n  - kind: Secret\n  - apiVersion: example.com/v1\n    kind: Widget\n    metadata: {name: w}\n`,
      },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(graphOf(r.value).node('k8s-sa-ci-robot').kind).toBe('identity');
    expect(r.value.warnings[0].message).toBe('left out (no part in the trust graph, or not understood): 1 object without kind or metadata.name, 1 Widget');
  });

  it('does not run as the account when its token is not mounted', () => {
    const r = importFiles('kubernetes', [
      { name: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  automountServiceAccountToken: false\n  containers: [{name: c, image: "busybox@sha256:' + 'a'.repeat(64) + '"}]\n' },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    const g2 = graphOf(r.value);
    expect(g2.edges.some((e) => e.kind === 'runs-as')).toBe(false);
    expect(g2.edge('depends-on', 'k8s-pod-default-p', 'k8s-image-busybox').props.verified).toBe(true);
  });

  it('runs a ReplicationController as a workload, and says what a kustomization is rather than that it has no kind', () => {
    const rc = `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      serviceAccountName: web\n      containers: [{name: c, image: "localhost:5000/nginx"}]\n`;
    const r = importFiles('kubernetes', [{ name: 'rc.yaml', text: rc }]);
    if (!r.ok) throw new Error(r.error.message);
    const g2 = graphOf(r.value);
    g2.edge('runs-as', 'k8s-replicationcontroller-default-web', 'k8s-sa-default-web');
    // A registry's port is not a tag: the image runs latest.
    expect(g2.edge('depends-on', 'k8s-replicationcontroller-default-web', 'k8s-image-localhost-5000-nginx').props.ref).toBe('latest');
    const k = importFiles('kubernetes', [{ name: 'kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n' }]);
    expect(k).toMatchObject({ ok: false, error: { message: expect.stringContaining('1 Kustomization (import the output of kustomize build)') } });
  });

  it('says a Helm template is one, to render first, rather than what the YAML parser stumbled on', () => {
    const text = '{{- if .Values.serviceAccount.create }}\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ include "redis.serviceAccountName" . }}\n{{- end }}\n';
    const r = importFiles('kubernetes', [{ name: 'templates/sa.yaml', text }]);
    expect(r).toMatchObject({ ok: false, error: { file: 'templates/sa.yaml', message: expect.stringContaining('it is a template ({{ … }}); render it first (helm template') } });
  });
});
