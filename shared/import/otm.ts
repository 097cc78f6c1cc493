/**
 * Open Threat Model (0.1 and 0.2, JSON or YAML as IriusRisk's tooling writes it). Trust zones are boundaries,
 * components nodes, dataflows calls (flows.ts), threats with their mitigations one note per element. A
 * component's kind comes from its `type`, matched against common IriusRisk and cloud names; every match that
 * is a guess is said once per type. A file Faultline exported keeps each node's and edge's kind and props in
 * `attributes`, so exporting and importing again gives the model back.
 */
import type { EdgeKind, NodeKind } from '../domain/index.ts';
import { EDGE_KINDS, NODE_KINDS } from '../domain/index.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { addFlow } from './flows.ts';
import { GraphBuilder, slug } from './graph.ts';
import type { Json, JsonObject, ParsedFile } from './parse.ts';
import { asArray, asObject, asString, isObject, parseText } from './parse.ts';
import type { ImportError, ImportOutcome, ImportedProject, SourceFile } from './types.ts';

/** Attribute keys of a Faultline export; shared with shared/export/otm.ts. */
export const OTM_ATTR = {
  kind: 'faultline-kind',
  props: 'faultline-props',
  id: 'faultline-id',
  noBoundary: 'faultline-no-boundary',
  environment: 'faultline-environment',
  asOf: 'faultline-as-of',
} as const;

/** Component types to kinds: exact names first (no guess), then patterns (a guess). */
const EXACT: Record<string, NodeKind> = {
  'web-service': 'service',
  'web-application-server': 'service',
  'docker-container': 'service',
  'kubernetes-pod': 'service',
  'aws-lambda-function': 'service',
  database: 'datastore',
  'sql-database': 'datastore',
  'nosql-database': 'datastore',
  'aws-s3-bucket': 'datastore',
  'message-queue': 'datastore',
  'web-client': 'person',
  'generic-client': 'person',
  'android-device-client': 'person',
  'ios-device-client': 'person',
  'aws-secrets-manager': 'datastore',
  'azure-key-vault': 'datastore',
  'aws-iam-role': 'identity',
  'identity-provider': 'issuer',
  'ci-cd': 'pipeline',
};
const PATTERNS: [RegExp, NodeKind][] = [
  [/secret|vault|kms|key-?store/i, 'datastore'],
  [/db|database|sql|postgres|mysql|maria|mongo|dynamo|redis|cache|bucket|s3|storage|blob|queue|sqs|sns|kafka|topic|elastic|search/i, 'datastore'],
  [/client|browser|mobile|android|ios|user|actor|person|human/i, 'person'],
  [/iam|role|service-?account|principal/i, 'identity'],
  [/idp|identity-provider|cognito|oauth|oidc|sso|okta|auth0|entra|active-directory|sts|certificate-authority|\bca\b/i, 'issuer'],
  [/pipeline|ci|cd|jenkins|github-actions|gitlab|build/i, 'pipeline'],
  [/llm|agent|model/i, 'agent'],
  [/package|library|third-?party|saas|external/i, 'dependency'],
];

function kindOf(type: string): { kind: NodeKind; guess: boolean } {
  const exact = EXACT[type.toLowerCase()];
  if (exact) return { kind: exact, guess: false };
  const p = PATTERNS.find(([re]) => re.test(type));
  return { kind: p ? p[1] : 'service', guess: true };
}

interface Defs {
  threats: Map<string, JsonObject>;
  mitigations: Map<string, JsonObject>;
}

function threatNote(list: Json[], defs: Defs): string | null {
  const lines = list.filter(isObject).map((t) => {
    const def = defs.threats.get(asString(t.threat) ?? '') ?? {};
    const mits = asArray(t.mitigations)
      .filter(isObject)
      .map((m) => {
        const md = defs.mitigations.get(asString(m.mitigation) ?? '') ?? {};
        return `  Mitigation: ${asString(md.name) ?? asString(m.mitigation) ?? '?'} (${asString(m.state) ?? '?'})`;
      });
    const cats = asArray(def.categories).map(asString).filter(Boolean).join(', ');
    return [`• [${asString(t.state) ?? '?'}] ${asString(def.name) ?? asString(t.threat) ?? 'Threat'}${cats ? ` (${cats})` : ''}`, asString(def.description) ? `  ${asString(def.description)}` : '', ...mits]
      .filter(Boolean)
      .join('\n');
  });
  return lines.length ? `Threats (OTM):\n${lines.join('\n')}` : null;
}

/** The first diagram position of an element, if its representations give one. */
function position(el: JsonObject): { x: number; y: number; width?: number; height?: number } | null {
  for (const r of asArray(el.representations).filter(isObject)) {
    const p = asObject(r.position);
    if (typeof p.x === 'number' && typeof p.y === 'number') {
      const s = asObject(r.size);
      return { x: p.x, y: p.y, ...(typeof s.width === 'number' && typeof s.height === 'number' ? { width: s.width, height: s.height } : {}) };
    }
  }
  return null;
}

function parseProps(el: JsonObject): Record<string, unknown> {
  const raw = asString(asObject(el.attributes)[OTM_ATTR.props]);
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

/** Component types imported by a guess, each said once, in the first file that has it. */
type Guesses = Map<string, { kind: NodeKind; file: string }>;

function importOtm(b: GraphBuilder, parsed: ParsedFile, guesses: Guesses): void {
  const file = parsed.file.name;
  const doc = asObject(parsed.docs[0]);
  const version = asString(doc.otmVersion) ?? '';
  if (!/^0\.[12]\./.test(version)) b.warn({ file, line: parsed.keyLine(doc, 'otmVersion') }, `otmVersion ${version || '?'}: this importer reads 0.1 and 0.2; read all the same`);
  const defs: Defs = {
    threats: new Map(asArray(doc.threats).filter(isObject).map((t) => [asString(t.id) ?? '', t])),
    mitigations: new Map(asArray(doc.mitigations).filter(isObject).map((m) => [asString(m.id) ?? '', m])),
  };
  const zones = new Map<string, string>();
  const outside = new Set<string>();
  const zoneList = asArray(doc.trustZones ?? doc.trustzones).filter(isObject);
  for (const z of zoneList) {
    const zid = asString(z.id) ?? '';
    if (asObject(z.attributes)[OTM_ATTR.noBoundary] === true || asObject(z.attributes)[OTM_ATTR.noBoundary] === 'true') {
      outside.add(zid);
      continue;
    }
    const env = asString(asObject(z.attributes)[OTM_ATTR.environment]);
    const id = b.boundary(asString(asObject(z.attributes)[OTM_ATTR.id]) ?? `otm-tz-${slug(zid)}`, asString(z.name) ?? zid, env === 'staging' || env === 'dev' || env === 'shared' ? env : 'prod');
    const pos = position(z);
    if (pos?.width && pos.height) b.frame(id, { x: pos.x, y: pos.y, width: pos.width, height: pos.height });
    zones.set(zid, id);
  }
  for (const z of zoneList) {
    const parent = asString(asObject(z.parent).trustZone);
    if (parent) b.warn(parsed.ref(z), `trust zone “${asString(z.name) ?? ''}” sits inside another: boundaries are not nested here, so it stands on its own`);
  }

  const nodes = new Map<string, { id: string; kind: NodeKind }>();
  const components = asArray(doc.components).filter(isObject);
  const used = new Set<string>();
  const zoneOf = (c: JsonObject, depth = 0): string | undefined => {
    const parent = asObject(c.parent);
    const tz = asString(parent.trustZone) ?? (typeof c.parent === 'string' ? c.parent : null);
    if (tz) {
      const zone = zones.get(tz);
      if (zone) used.add(zone);
      else if (!outside.has(tz)) b.warn(parsed.ref(c), `component “${asString(c.name) ?? asString(c.id) ?? ''}” is in trust zone “${tz}”, which is not in the file: it stands outside every boundary`);
      return zone;
    }
    const pc = components.find((x) => asString(x.id) === asString(parent.component));
    return pc && depth < 20 ? zoneOf(pc, depth + 1) : undefined;
  };
  for (const c of components) {
    const cid = asString(c.id) ?? '';
    const type = asString(c.type) ?? '';
    const attrs = asObject(c.attributes);
    const exported = asString(attrs[OTM_ATTR.kind]);
    const known = exported && (NODE_KINDS as readonly string[]).includes(exported) ? (exported as NodeKind) : null;
    const { kind, guess } = known ? { kind: known, guess: false } : kindOf(type);
    if (guess && !guesses.has(type || '(no type)')) guesses.set(type || '(no type)', { kind, file });
    const name = asString(c.name) ?? cid;
    const readable = cid.length <= 32 && !/^[0-9a-f]{8}-/i.test(cid);
    const id = b.node(asString(attrs[OTM_ATTR.id]) ?? (readable ? `otm-${slug(cid)}` : `otm-${slug(name)}-${slug(cid).slice(0, 8)}`), kind, name, parsed.ref(c), {
      ...parseProps(c),
      ...(known ? {} : { otmType: type }),
      ...(asString(c.description) ? { notes: asString(c.description) } : {}),
    }, zoneOf(c));
    const pos = position(c);
    if (pos) b.place(id, pos);
    nodes.set(cid, { id, kind });
    const note = threatNote(asArray(c.threats), defs);
    if (note) {
      b.note(`note-otm-${slug(cid)}`, note, id, '#fde68a');
      b.appendNodeNotes(id, note);
    }
  }

  for (const z of zoneList) {
    const id = zones.get(asString(z.id) ?? '');
    if (id && !used.has(id)) b.warn(parsed.ref(z), `trust zone “${asString(z.name) ?? asString(z.id) ?? ''}” holds no component: no boundary is drawn for it`);
  }

  let personFlows = 0;
  for (const f of asArray(doc.dataflows).filter(isObject)) {
    const name = asString(f.name) ?? asString(f.id) ?? 'flow';
    const from = nodes.get(asString(f.source) ?? asString(f.from) ?? '');
    const to = nodes.get(asString(f.destination) ?? asString(f.to) ?? '');
    if (!from || !to) {
      b.warn(parsed.ref(f), `dataflow “${name}” names a component that is not in the file; left out`);
      continue;
    }
    const attrs = asObject(f.attributes);
    const exported = asString(attrs[OTM_ATTR.kind]);
    let near: string | null;
    if (exported && (EDGE_KINDS as readonly string[]).includes(exported)) {
      b.edge(exported as EdgeKind, from.id, to.id, { props: parseProps(f), id: asString(attrs[OTM_ATTR.id]) ?? undefined });
      near = from.id;
    } else {
      near = addFlow(b, from, to, name, parsed.ref(f));
      if (f.bidirectional === true) addFlow(b, to, from, name, parsed.ref(f));
      if (near === null && (from.kind === 'person' || to.kind === 'person')) personFlows++;
    }
    const note = threatNote(asArray(f.threats), defs);
    if (note) {
      b.note(`note-otm-${slug(asString(f.id) ?? name)}`, `Flow “${name}”: ${note}`, near ?? from.id, '#fde68a');
      b.appendNodeNotes(near ?? from.id, `Flow “${name}”: ${note}`);
    }
  }
  if (personFlows) b.warn({ file, line: null }, `${personFlows} dataflows to or from clients and users left out: a person holds credentials or runs as an identity, it does not call`);
}

export function importOtmFiles(files: readonly SourceFile[]): Result<ImportOutcome, ImportError> {
  const b = new GraphBuilder();
  const guesses: Guesses = new Map();
  let project: ImportedProject | undefined;
  for (const file of files) {
    const p = parseText(file, { json: /\.json$/i.test(file.name) });
    if (!p.ok) return p;
    const doc = p.value.docs[0];
    if (!isObject(doc) || !('otmVersion' in doc)) return err({ file: file.name, line: 1, message: 'not an Open Threat Model file (no otmVersion)' });
    importOtm(b, p.value, guesses);
    project ??= projectOf(doc);
  }
  for (const [type, { kind, file }] of guesses) b.warn({ file, line: null }, `component type “${type}” imported as ${kind} (a guess)`);
  return ok({ kind: 'otm', graph: b.build(), warnings: b.warnings, findings: b.findings, files: files.length, ...(project ? { project } : {}) });
}

/**
 * The model's name, description and as-of date from an OTM project (the first file's): Faultline's export writes
 * them there, and without asOf the date-based findings (an expiring certificate, privilege drift) are lost.
 */
function projectOf(doc: Record<string, unknown>): ImportedProject | undefined {
  const project = asObject(doc.project);
  const attributes = asObject(project.attributes);
  const asOf = asString(attributes[OTM_ATTR.asOf]);
  const out: ImportedProject = {
    ...(asString(project.name) ? { name: asString(project.name)! } : {}),
    ...(asString(project.description) ? { description: asString(project.description)! } : {}),
    ...(asOf ? { asOf } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}
