/**
 * The model as BloodHound OpenGraph JSON (BloodHound CE's generic ingest format: `metadata.source_kind` and
 * `graph.nodes` / `graph.edges`), for an identity graph that outgrows a desktop canvas.
 *
 * Following the documented rules (schemas kept in test/fixtures/export/opengraph/):
 * - node ids unique in BloodHound's whole database: `faultline:<model id>:<node id>`;
 * - kinds prefixed so they never meet built-in ones, at most three: `FL_<Kind>` first (it picks the icon), then
 *   `FL_Node`; edge kinds match ^[A-Za-z0-9_]+$ (`FL_RunsAs`, `FL_Holds`, …);
 * - property names lower case, values primitives or homogeneous arrays of primitives; nulls and nested
 *   objects are left out (`source` becomes `source_file` and `source_line`);
 * - every edge has `properties`, endpoints matched by id.
 * Boundaries are nodes too (`FL_Boundary`), with an `FL_MemberOf` edge from each member.
 */
import type { EdgeKind, Model, NodeKind } from '../domain/index.ts';

const SOURCE_KIND = 'Faultline';

type Primitive = string | number | boolean;
type Properties = Record<string, Primitive | Primitive[]>;

interface OpenGraphNode {
  id: string;
  kinds: string[];
  properties: Properties;
}
interface OpenGraphEdge {
  start: { value: string; match_by: 'id' };
  end: { value: string; match_by: 'id' };
  kind: string;
  properties: Properties;
}
export interface OpenGraphDocument {
  metadata: { source_kind: string };
  graph: { nodes: OpenGraphNode[]; edges: OpenGraphEdge[] };
}

const pascal = (kind: string) => kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
const nodeKindName = (kind: NodeKind | 'boundary') => `FL_${pascal(kind)}`;
const edgeKindName = (kind: EdgeKind | 'member-of') => `FL_${pascal(kind)}`;

/** `ttlHours` → `ttl_hours`: BloodHound property names are lower case. */
const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase();

/** Keeps what BloodHound accepts: primitives and non-empty homogeneous arrays of them; flattens one object level. */
export function flatProperties(values: Record<string, unknown>, into: Properties = {}, prefix = ''): Properties {
  for (const [k, v] of Object.entries(values)) {
    const key = snake(prefix + k);
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) into[key] = v;
    else if (Array.isArray(v)) {
      const prims = v.filter((x): x is Primitive => ['string', 'number', 'boolean'].includes(typeof x));
      if (prims.length && prims.length === v.length && prims.every((x) => typeof x === typeof prims[0])) into[key] = prims;
    } else if (v && typeof v === 'object' && !prefix) flatProperties(v as Record<string, unknown>, into, `${k}_`);
  }
  return into;
}

export function toOpenGraph(model: Model): OpenGraphDocument {
  const gid = (id: string) => `faultline:${model.id}:${id}`;
  const nodes: OpenGraphNode[] = model.nodes.map((n) => ({
    id: gid(n.id),
    kinds: [nodeKindName(n.kind), 'FL_Node'],
    properties: flatProperties({ ...n.props, name: n.label || n.id, faultlineId: n.id, faultlineKind: n.kind, model: model.name }),
  }));
  const boundaries: OpenGraphNode[] = model.boundaries.map((b) => ({
    id: gid(`boundary:${b.id}`),
    kinds: [nodeKindName('boundary'), 'FL_Node'],
    properties: flatProperties({ name: b.label || b.id, faultlineId: b.id, environment: b.environment, model: model.name }),
  }));
  const edge = (kind: string, source: string, target: string, properties: Properties): OpenGraphEdge => ({
    start: { value: source, match_by: 'id' },
    end: { value: target, match_by: 'id' },
    kind,
    properties,
  });
  const known = new Set(model.boundaries.map((b) => b.id));
  const edges = [
    ...model.edges.map((e) => edge(edgeKindName(e.kind), gid(e.source), gid(e.target), flatProperties({ ...e.props, faultlineId: e.id, faultlineKind: e.kind }))),
    ...model.nodes
      .filter((n) => n.boundary && known.has(n.boundary))
      .map((n) => edge(edgeKindName('member-of'), gid(n.id), gid(`boundary:${n.boundary}`), {})),
  ];
  return { metadata: { source_kind: SOURCE_KIND }, graph: { nodes: [...nodes, ...boundaries], edges } };
}

export const openGraphText = (model: Model): string => `${JSON.stringify(toOpenGraph(model), null, 2)}\n`;
