/**
 * Kubernetes manifests (multi-document YAML, `kind: List` too): service accounts are identities, Secrets are
 * secrets, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Pods, Jobs and CronJobs
 * are services that run as their service account (unless its token is not mounted) and hold the secrets they
 * mount or read, their images are dependencies, roles and bindings are grants (rbac.ts), namespaces are
 * boundaries. Objects that take no part in the trust graph (Services, ConfigMaps, volumes, …) are counted in one
 * warning per file.
 */
import type { Environment } from '../../domain/index.ts';
import type { Result } from '../../result.ts';
import { ok } from '../../result.ts';
import { GraphBuilder, slug } from '../graph.ts';
import { parseImage } from '../image.ts';
import type { Json, JsonObject, ParsedFile } from '../parse.ts';
import { asArray, asObject, asString, isObject, parseText } from '../parse.ts';
import { secretTypeFromName } from '../secretType.ts';
import type { ImportError, ImportOutcome, SourceFile, SourceRef } from '../types.ts';
import { BUILT_IN_ROLES, grantRules, readRules } from './rbac.ts';
import type { RoleDef, Targets } from './rbac.ts';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod', 'Job', 'CronJob'];
const SECRET_TYPES: Record<string, ReturnType<typeof secretTypeFromName>> = {
  'kubernetes.io/service-account-token': 'token',
  'kubernetes.io/tls': 'certificate',
  'kubernetes.io/dockerconfigjson': 'password',
  'kubernetes.io/dockercfg': 'password',
  'kubernetes.io/basic-auth': 'password',
  'kubernetes.io/ssh-auth': 'ssh-key',
  'bootstrap.kubernetes.io/token': 'token',
};

interface Obj {
  doc: JsonObject;
  kind: string;
  name: string;
  ns: string;
  parsed: ParsedFile;
  ref: SourceRef;
}

const envOf = (ns: string): Environment => (/stag|uat/i.test(ns) ? 'staging' : /dev|test|sandbox/i.test(ns) ? 'dev' : 'prod');

/** The pod spec inside a workload of any of the kinds above. */
function podSpec(o: Obj): JsonObject {
  const spec = asObject(o.doc.spec);
  if (o.kind === 'Pod') return spec;
  if (o.kind === 'CronJob') return asObject(asObject(asObject(asObject(spec.jobTemplate).spec).template).spec);
  return asObject(asObject(spec.template).spec);
}

function objectsOf(parsed: ParsedFile, docs: readonly Json[], out: Obj[], skipped: Map<string, number>): void {
  for (const doc of docs) {
    if (!isObject(doc)) continue;
    const kind = asString(doc.kind);
    if (kind === 'List' || kind?.endsWith('List')) {
      objectsOf(parsed, asArray(doc.items), out, skipped);
      continue;
    }
    const meta = asObject(doc.metadata);
    const name = asString(meta.name);
    // A kustomization lists files to build from; the build's output is what runs.
    if (!kind || !name || kind === 'Kustomization') {
      const why = kind === 'Kustomization' ? 'Kustomization (import the output of kustomize build)' : 'object without kind or metadata.name';
      skipped.set(why, (skipped.get(why) ?? 0) + 1);
      continue;
    }
    out.push({ doc, kind, name, ns: asString(meta.namespace) ?? 'default', parsed, ref: parsed.ref(doc) });
  }
}

export function importKubernetes(files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const objects: Obj[] = [];
  const b = new GraphBuilder();
  for (const file of files) {
    const p = parseText(file, { multi: true });
    if (!p.ok) return p;
    const skipped = new Map<string, number>();
    const before = objects.length;
    objectsOf(p.value, p.value.docs, objects, skipped);
    for (const o of objects.slice(before)) {
      const known = ['Namespace', 'ServiceAccount', 'Secret', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', ...WORKLOAD_KINDS];
      if (!known.includes(o.kind)) skipped.set(o.kind, (skipped.get(o.kind) ?? 0) + 1);
    }
    if (skipped.size) {
      const list = [...skipped].map(([k, n]) => `${n} ${n > 1 ? k.replace(/^object /, 'objects ') : k}`).join(', ');
      b.warn({ file: file.name, line: null }, `left out (no part in the trust graph, or not understood): ${list}`);
    }
  }

  const namespace = (ns: string) => b.boundary(`k8s-ns-${slug(ns)}`, `namespace ${ns}`, envOf(ns));
  for (const o of objects.filter((o) => o.kind === 'Namespace')) namespace(o.name);

  const accountId = (ns: string, name: string) => `k8s-sa-${slug(ns)}-${slug(name)}`;
  const secretId = (ns: string, name: string) => `k8s-secret-${slug(ns)}-${slug(name)}`;
  const account = (ns: string, name: string, ref: SourceRef, declared: boolean) => {
    const id = accountId(ns, name);
    if (!b.has(id)) {
      if (!declared) {
        b.warn(ref, name === 'default'
          ? `runs as the default service account of namespace ${ns} (no serviceAccountName): every such pod shares it`
          : `service account ${ns}/${name} is used but not in the files; imported all the same`);
      }
      b.node(id, 'identity', `${name} (service account)`, ref, { environment: envOf(ns), namespace: ns, k8sObject: 'account', k8sName: name }, namespace(ns));
    }
    return id;
  };
  const secret = (ns: string, name: string, ref: SourceRef, declared: boolean, type?: string) => {
    const id = secretId(ns, name);
    if (!b.has(id)) {
      if (!declared) b.warn(ref, `secret ${ns}/${name} is used but not in the files; imported all the same`);
      b.node(id, 'secret', name, ref, {
        secretType: (type && SECRET_TYPES[type]) ?? secretTypeFromName(name),
        environment: envOf(ns),
        namespace: ns,
        k8sObject: 'secret',
        k8sName: name,
      }, namespace(ns));
    }
    return id;
  };

  for (const o of objects.filter((o) => o.kind === 'ServiceAccount')) account(o.ns, o.name, o.ref, true);
  for (const o of objects.filter((o) => o.kind === 'Secret')) {
    const type = asString(o.doc.type) ?? 'Opaque';
    const id = secret(o.ns, o.name, o.ref, true, type);
    const sa = asString(asObject(asObject(o.doc.metadata).annotations)['kubernetes.io/service-account.name']);
    if (type === 'kubernetes.io/service-account-token' && sa) {
      b.edge('authenticates', id, account(o.ns, sa, o.ref, false));
      b.appendNodeNotes(id, 'A long-lived service-account token: it never expires until the Secret is deleted.');
    }
  }

  const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));
  for (const o of workloads) addWorkload(b, o, namespace(o.ns), account, secret);

  addBindings(b, objects, namespace, account);
  return ok({ kind: 'kubernetes', graph: b.build(), warnings: b.warnings, findings: b.findings, files: files.length });
}

type Make = (ns: string, name: string, ref: SourceRef, declared: boolean) => string;

function addWorkload(b: GraphBuilder, o: Obj, boundary: string, account: Make, secret: Make): void {
  const spec = podSpec(o);
  const containers = [...asArray(spec.initContainers), ...asArray(spec.containers)].filter(isObject);
  const probes = containers.some((c) => isObject(c.livenessProbe) || isObject(c.readinessProbe));
  const id = b.node(`k8s-${o.kind.toLowerCase()}-${slug(o.ns)}-${slug(o.name)}`, 'service', o.name, o.ref, {
    environment: envOf(o.ns),
    healthCheck: probes,
    namespace: o.ns,
    workload: o.kind,
    k8sObject: 'workload',
    k8sName: o.name,
  }, boundary);

  const saName = asString(spec.serviceAccountName) ?? asString(spec.serviceAccount) ?? 'default';
  if (spec.automountServiceAccountToken === false) {
    b.appendNodeNotes(id, `Runs as ${saName} without its token mounted (automountServiceAccountToken: false).`);
  } else {
    b.edge('runs-as', id, account(o.ns, saName, o.ref, false));
  }

  const hold = (name: string | null, optional: boolean) => {
    if (!name) return;
    const ref = { file: o.ref.file, line: o.parsed.textLine(o.ref.line, name) };
    b.edge('holds', id, secret(o.ns, name, ref, false), { props: { required: !optional } });
  };
  for (const v of asArray(spec.volumes).filter(isObject)) {
    const s = asObject(v.secret);
    hold(asString(s.secretName), s.optional === true);
    for (const src of asArray(asObject(v.projected).sources).filter(isObject)) {
      const ps = asObject(src.secret);
      hold(asString(ps.name), ps.optional === true);
    }
  }
  for (const pull of asArray(spec.imagePullSecrets).filter(isObject)) hold(asString(pull.name), false);
  for (const c of containers) {
    for (const e of asArray(c.env).filter(isObject)) {
      const ref = asObject(asObject(e.valueFrom).secretKeyRef);
      hold(asString(ref.name), ref.optional === true);
    }
    for (const e of asArray(c.envFrom).filter(isObject)) {
      const ref = asObject(e.secretRef);
      hold(asString(ref.name), ref.optional === true);
    }
    const image = asString(c.image);
    if (image) {
      const { name, ref, verified } = parseImage(image);
      const dep = b.node(`k8s-image-${slug(name)}`, 'dependency', name, o.ref, { dependencyType: 'image' });
      b.edge('depends-on', id, dep, {
        props: { verified, ref },
        merge: (a, c2) => ({ ...a, verified: a.verified === true && c2.verified === true }),
      });
    }
  }
}

function addBindings(b: GraphBuilder, objects: Obj[], namespace: (ns: string) => string, account: Make): void {
  const roles = new Map<string, RoleDef>();
  for (const o of objects) {
    if (o.kind === 'Role') roles.set(`Role/${o.ns}/${o.name}`, { rules: readRules(o.doc), ref: o.ref });
    if (o.kind === 'ClusterRole') roles.set(`ClusterRole/${o.name}`, { rules: readRules(o.doc), ref: o.ref });
  }
  // Every secret, workload and account the import knows, declared or only referenced, by namespace.
  const inScope = (what: 'secret' | 'workload' | 'account') => (ns: string | null) =>
    b
      .find((_kind, props) => props.k8sObject === what && (ns === null || props.namespace === ns))
      .map((id) => ({ id, name: String(b.props(id).k8sName) }));
  const targets: Targets = {
    secrets: inScope('secret'),
    workloads: inScope('workload'),
    accounts: inScope('account'),
    api: (ns, ref) =>
      b.node(ns === null ? 'k8s-api-cluster' : `k8s-api-${slug(ns)}`, 'service', ns === null ? 'Kubernetes API (cluster)' : `Kubernetes API (namespace ${ns})`, { file: ref.file, line: null }, {
        criticality: 5,
        environment: ns === null ? 'prod' : envOf(ns),
      }, ns === null ? undefined : namespace(ns)),
  };

  for (const o of objects.filter((x) => x.kind === 'RoleBinding' || x.kind === 'ClusterRoleBinding')) {
    const roleRef = asObject(o.doc.roleRef);
    const roleKind = asString(roleRef.kind) ?? 'ClusterRole';
    const roleName = asString(roleRef.name) ?? '';
    const scope = o.kind === 'RoleBinding' ? o.ns : null;
    const found = roles.get(roleKind === 'Role' ? `Role/${o.ns}/${roleName}` : `ClusterRole/${roleName}`);
    let rules = found?.rules;
    if (!rules && roleKind === 'ClusterRole' && BUILT_IN_ROLES[roleName]) {
      rules = BUILT_IN_ROLES[roleName];
      b.warn(o.ref, `${o.kind} ${o.name}: ClusterRole ${roleName} is built into Kubernetes, not in the files; imported as Kubernetes documents it`);
    }
    if (!rules) {
      b.warn(o.ref, `${o.kind} ${o.name}: ${roleKind} ${roleName} is not in the files; its grants are left out`);
      continue;
    }
    for (const s of asArray(o.doc.subjects).filter(isObject)) {
      const kind = asString(s.kind);
      const name = asString(s.name) ?? '';
      let subject: string;
      if (kind === 'ServiceAccount') subject = account(asString(s.namespace) ?? o.ns, name, o.ref, false);
      else if (kind === 'User') subject = b.node(`k8s-user-${slug(name)}`, 'person', name, o.ref, { kubernetesUser: name });
      else {
        b.warn(o.ref, `${o.kind} ${o.name}: subject ${kind ?? '?'} ${name} left out (only service accounts and users are imported)`);
        continue;
      }
      grantRules(b, subject, rules, scope, targets, o.ref);
    }
  }
}
