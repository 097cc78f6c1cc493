/**
 * Roles and their bindings as `grants` from the bound service accounts. A rule's access comes from its verbs
 * (get/list/watch read; create/update/patch/delete write; `*`, escalate, bind, impersonate admin), and one
 * documented privilege path more: `create` on pods/exec, pods/attach or serviceaccounts/token is admin, since
 * it yields the pod's or the account's identity. A rule's targets are the objects of this import it covers
 * (secrets, workloads, service accounts, in the binding's namespace or the whole cluster); whatever else it
 * covers is granted on one "Kubernetes API" node per namespace (or the cluster), with the resources listed.
 */
import type { GraphBuilder } from '../graph.ts';
import type { Json, JsonObject } from '../parse.ts';
import { asArray, asObject, asString } from '../parse.ts';
import type { SourceRef } from '../types.ts';

type Access = 'read' | 'write' | 'admin';
const RANK: Record<Access, number> = { read: 1, write: 2, admin: 3 };
const maxAccess = (a: Access, b: Access): Access => (RANK[a] >= RANK[b] ? a : b);

const VERB_ACCESS: Record<string, Access> = {
  get: 'read',
  list: 'read',
  watch: 'read',
  create: 'write',
  update: 'write',
  patch: 'write',
  delete: 'write',
  deletecollection: 'write',
  '*': 'admin',
  escalate: 'admin',
  bind: 'admin',
  impersonate: 'admin',
};

const ESCALATING = new Set(['pods/exec', 'pods/attach', 'serviceaccounts/token']);
/** The API group each resource the importer resolves to objects lives in. */
const GROUP_OF: Record<string, string> = {
  secrets: '',
  serviceaccounts: '',
  'serviceaccounts/token': '',
  pods: '',
  'pods/exec': '',
  'pods/attach': '',
  deployments: 'apps',
  statefulsets: 'apps',
  daemonsets: 'apps',
  replicasets: 'apps',
  jobs: 'batch',
  cronjobs: 'batch',
};
const WORKLOAD_RESOURCES = new Set(['pods', 'pods/exec', 'pods/attach', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs']);
const ALL_GROUPS = ['*'];

/** True when the rule's groups hold `resource` (a `*` resource matches in any group the rule names). */
function inGroup(rule: Rule, resource: string): boolean {
  const groups = rule.apiGroups.length ? rule.apiGroups : [''];
  return groups.includes('*') || groups.includes(GROUP_OF[resource] ?? '\u0000');
}

interface Rule {
  /** `""` is the core group (secrets, pods, service accounts); `apps` and `batch` hold the other workloads. */
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  verbs: string[];
}

export interface RoleDef {
  rules: Rule[];
  ref: SourceRef;
}

/** Kubernetes' own ClusterRoles, as its documentation describes them, for bindings to roles not in the files. */
export const BUILT_IN_ROLES: Record<string, Rule[]> = {
  'cluster-admin': [{ apiGroups: ALL_GROUPS, resources: ['*'], resourceNames: [], verbs: ['*'] }],
  admin: [{ apiGroups: ALL_GROUPS, resources: ['*'], resourceNames: [], verbs: ['*'] }],
  edit: [{ apiGroups: ALL_GROUPS, resources: ['*'], resourceNames: [], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
  // `view` deliberately leaves secrets out.
  view: [
    {
      apiGroups: ALL_GROUPS,
      resources: ['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs', 'configmaps', 'services'],
      resourceNames: [],
      verbs: ['get', 'list', 'watch'],
    },
  ],
};

const strings = (v: Json | undefined) => asArray(v).map(asString).filter((s): s is string => s !== null);

export function readRules(doc: JsonObject): Rule[] {
  return asArray(doc.rules).map((r) => {
    const o = asObject(r);
    return { apiGroups: strings(o.apiGroups), resources: strings(o.resources), resourceNames: strings(o.resourceNames), verbs: strings(o.verbs) };
  });
}

/** The access a rule's verbs give on `resource`; unknown verbs are reported and read as read. */
function ruleAccess(rule: Rule, resource: string, unknownVerb: (verb: string) => void): Access | null {
  let access: Access | null = null;
  for (const verb of rule.verbs) {
    let a: Access | undefined = VERB_ACCESS[verb];
    if (verb === 'create' && ESCALATING.has(resource)) a = 'admin';
    if (!a) {
      unknownVerb(verb);
      a = 'read';
    }
    access = access ? maxAccess(access, a) : a;
  }
  return access;
}

/** What a binding's grants can land on: the objects of the import (declared or referenced), by namespace. */
export interface Targets {
  secrets(ns: string | null): { id: string; name: string }[];
  workloads(ns: string | null): { id: string; name: string }[];
  accounts(ns: string | null): { id: string; name: string }[];
  /** The API node of a namespace (or of the cluster for null), made on first use. */
  api(ns: string | null, ref: SourceRef): string;
}

/** Adds the grants of one binding's role for `subject`, scoped to `ns` (null: the whole cluster). */
export function grantRules(b: GraphBuilder, subject: string, rules: Rule[], ns: string | null, targets: Targets, ref: SourceRef): void {
  const apiResources = new Map<string, Access>();
  const grant = (target: string, access: Access, resources: string[]) =>
    target !== subject &&
    b.edge('grants', subject, target, {
      props: { access, resources },
      merge: (a, c) => ({
        ...a,
        access: maxAccess(a.access as Access, c.access as Access),
        resources: [...new Set([...(a.resources as string[]), ...(c.resources as string[])])],
      }),
    });
  const warned = new Set<string>();
  const unknownVerb = (verb: string) => {
    if (warned.has(verb)) return;
    warned.add(verb);
    b.warn(ref, `verb "${verb}" is not get, list, watch, create, update, patch, delete or *; read as read`);
  };
  for (const rule of rules) {
    for (const resource of rule.resources.length ? rule.resources : ['*']) {
      const access = ruleAccess(rule, resource, unknownVerb);
      if (!access) continue;
      const named = (list: { id: string; name: string }[]) =>
        rule.resourceNames.length ? list.filter((t) => rule.resourceNames.includes(t.name)) : list;
      const all = resource === '*';
      const covers = (r: string) => (all ? inGroup(rule, r) : resource === r && inGroup(rule, r));
      if (covers('secrets')) for (const s of named(targets.secrets(ns))) grant(s.id, access, ['secrets']);
      if ([...WORKLOAD_RESOURCES].some(covers)) {
        for (const w of named(targets.workloads(ns))) grant(w.id, access, [resource]);
      }
      if (covers('serviceaccounts') || covers('serviceaccounts/token')) {
        for (const a of named(targets.accounts(ns))) grant(a.id, access, [resource]);
      }
      if (all || !['secrets', 'serviceaccounts', 'serviceaccounts/token'].includes(resource)) {
        apiResources.set(resource, maxAccess(apiResources.get(resource) ?? access, access));
      }
    }
  }
  if (apiResources.size) {
    const access = [...apiResources.values()].reduce(maxAccess);
    grant(targets.api(ns, ref), access, [...apiResources.keys()]);
  }
}
