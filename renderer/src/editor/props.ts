/**
 * Prop edits and kind changes, validated by the domain schema: an invalid value is refused with the
 * schema's message and nothing changes. Pure.
 */
import type { EdgeKind, Model, ModelEdge, ModelNode, NodeKind } from '../../../shared/domain/index.ts';
import { DEFAULT_DELAY_HOURS, edgePropsSchemas, followSensitivity, nodePropsSchemas } from '../../../shared/domain/index.ts';
import type { Patch } from './patch.ts';
import { PatchBuilder } from './patch.ts';

type Props = Record<string, unknown>;
type Schema = {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

function nodeSchema(kind: NodeKind): Schema {
  return nodePropsSchemas[kind] as unknown as Schema;
}
function edgeSchema(kind: EdgeKind): Schema {
  return edgePropsSchemas[kind] as unknown as Schema;
}

type PropCheck = { ok: true; props: Props } | { ok: false; prop: string; message: string };

/** The props after `changes`, or the first problem the schema finds (its path names the prop). */
function checkProps(schema: Schema, props: Props, changes: Props): PropCheck {
  const parsed = schema.safeParse({ ...props, ...changes });
  if (parsed.success) return { ok: true, props: parsed.data as Props };
  const issue = parsed.error.issues[0];
  return { ok: false, prop: String(issue.path[0] ?? ''), message: issue.message };
}

type PropsEdit = { ok: true; patch: Patch } | { ok: false; prop: string; message: string };

/** Sets the same prop values on every listed node or edge; one invalid item refuses the whole edit. */
export function updateProps(model: Model, coll: 'nodes' | 'edges', ids: readonly string[], changes: Props): PropsEdit {
  const b = new PatchBuilder(model);
  for (const id of ids) {
    const item = b.get(coll, id) as ModelNode | ModelEdge | null;
    if (!item) continue;
    const node = coll === 'nodes' ? (item as ModelNode) : null;
    const schema = node ? nodeSchema(node.kind) : edgeSchema((item as ModelEdge).kind);
    // A datastore's criticality follows its sensitivity unless the user set it (§2).
    const wanted = node?.kind === 'datastore' ? followSensitivity(node.props, changes) : changes;
    const checked = checkProps(schema, item.props as Props, wanted);
    if (!checked.ok) return checked;
    const same = Object.keys(wanted).every((k) => Object.is((item.props as Props)[k], checked.props[k]));
    if (!same) b.update(coll, id, (x) => ({ ...x, props: checked.props }) as never);
  }
  return { ok: true, patch: b.build() };
}

/** Every prop name some kind's schema knows: a prop no kind knows is the user's own and always kept. */
function knownKeys(schemas: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  for (const s of Object.values(schemas)) for (const k of Object.keys(shapeOf(s))) keys.add(k);
  return keys;
}

/** The object shape of a props schema (a datastore's is wrapped in a transform). */
function shapeOf(schema: unknown): Record<string, unknown> {
  const s = schema as { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } };
  return s.shape ?? s.in?.shape ?? {};
}

const NODE_KEYS = knownKeys(nodePropsSchemas);
const EDGE_KEYS = knownKeys(edgePropsSchemas);

/**
 * Props carried over to a new kind: the user's own props and those the new kind knows, minus any value the
 * new kind refuses (it gets the default instead).
 */
function convert(schema: Schema, props: Props, known: Set<string>, target: Record<string, unknown>): Props {
  const carried: Props = {};
  for (const [k, v] of Object.entries(props)) if (!known.has(k) || k in target) carried[k] = v;
  for (let i = 0; i < 32; i++) {
    const parsed = schema.safeParse(carried);
    if (parsed.success) return parsed.data as Props;
    const key = String(parsed.error.issues[0].path[0] ?? '');
    if (!(key in carried)) break;
    delete carried[key];
  }
  return (schema.safeParse({}) as { data: Props }).data;
}

export function changeNodeKind(model: Model, ids: readonly string[], kind: NodeKind): Patch {
  const b = new PatchBuilder(model);
  for (const id of ids) {
    b.update('nodes', id, (n) => {
      if (n.kind === kind) return n;
      // A datastore's criticality follows its sensitivity by default: let the new kind fill its own.
      const props = { ...(n.props as Props) };
      const target = shapeOf(nodePropsSchemas[kind]);
      return { ...n, kind, props: convert(nodeSchema(kind), props, NODE_KEYS, target) } as ModelNode;
    });
  }
  return b.build();
}

export function changeEdgeKind(model: Model, ids: readonly string[], kind: EdgeKind): Patch {
  const b = new PatchBuilder(model);
  for (const id of ids) {
    b.update('edges', id, (e) => {
      if (e.kind === kind) return e;
      const props = { ...(e.props as Props) };
      // A delay left at the old kind's default takes the new kind's default (§4 delays differ per kind).
      if (props.delayHours === DEFAULT_DELAY_HOURS[e.kind]) delete props.delayHours;
      const target = shapeOf(edgePropsSchemas[kind]);
      return { ...e, kind, props: convert(edgeSchema(kind), props, EDGE_KEYS, target) } as ModelEdge;
    });
  }
  return b.build();
}
