/**
 * Copy and paste in the file format's own node, edge and boundary JSON, so a group copied from one model
 * pastes into another (or into a text editor). Pasted ids are fresh; pasted text goes through the domain
 * schemas like any other input. Pure: the system clipboard is handled in clipboardIo.ts.
 */
import type { Boundary, Model, ModelEdge, ModelNode, Position } from '../../../shared/domain/index.ts';
import { boundarySchema, edgeSchema, nodeSchema } from '../../../shared/domain/index.ts';
import { checkNesting, parseModelJson } from '../../../shared/file/index.ts';
import type { Selection } from './commands.ts';
import { boundaryAt } from './geometry.ts';
import { freshId, usedIds } from './ids.ts';
import type { Patch } from './patch.ts';
import { PatchBuilder } from './patch.ts';
import { NODE_BOX, center } from '../../../shared/visual/index.ts';

const CLIPBOARD_FORMAT = 'faultline-clipboard';

export interface ClipboardContent {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: ModelNode[];
  edges: ModelEdge[];
  boundaries: Boundary[];
}

/** What a copy takes: the selected nodes and boundaries, the members of those boundaries, and every edge between copied nodes. */
export function copySelection(model: Model, sel: Selection): ClipboardContent | null {
  const boundaryIds = new Set(sel.boundaries);
  const nodeIds = new Set(sel.nodes);
  for (const n of model.nodes) if (n.boundary && boundaryIds.has(n.boundary)) nodeIds.add(n.id);
  const nodes = model.nodes.filter((n) => nodeIds.has(n.id));
  const edges = model.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  const boundaries = model.boundaries.filter((b) => boundaryIds.has(b.id));
  if (nodes.length === 0 && boundaries.length === 0) return null;
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges, boundaries };
}

export function serializeClipboard(content: ClipboardContent): string {
  return JSON.stringify(content, null, 2);
}

/**
 * Reads clipboard text; anything but our format (or a whole model file) is null. A whole model file goes
 * through the one load path, as opening it would (a newer or broken file pastes nothing); in our own format
 * invalid items are dropped, and content nested too deep to save is refused whole.
 */
export function parseClipboard(text: string): ClipboardContent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const obj = raw as Record<string, unknown>;
  if (obj.format === 'faultline') {
    const file = parseModelJson(raw);
    if (!file.ok) return null;
    const { nodes, edges, boundaries } = file.value;
    return nodes.length === 0 && boundaries.length === 0 ? null : { format: CLIPBOARD_FORMAT, version: 1, nodes, edges, boundaries };
  }
  if (obj.format !== CLIPBOARD_FORMAT || checkNesting(raw) !== null) return null;
  const items = <T>(value: unknown, parse: (v: unknown) => { success: boolean; data?: T }): T[] =>
    Array.isArray(value)
      ? value
          .map((v) => parse(v))
          .filter((r) => r.success)
          .map((r) => r.data as T)
      : [];
  const nodes = items<ModelNode>(obj.nodes, (v) => nodeSchema.safeParse(v));
  const boundaries = items<Boundary>(obj.boundaries, (v) => boundarySchema.safeParse(v));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = items<ModelEdge>(obj.edges, (v) => edgeSchema.safeParse(v)).filter(
    (e) => ids.has(e.source) && ids.has(e.target),
  );
  if (nodes.length === 0 && boundaries.length === 0) return null;
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges, boundaries };
}

/**
 * Adds the content with fresh ids, shifted by `offset`. Nodes keep a pasted boundary; others join the
 * boundary they land in. Returns the patch and what to select afterwards.
 */
export function pasteContent(
  model: Model,
  content: ClipboardContent,
  offset: Position,
): { patch: Patch; selection: Selection } {
  const used = usedIds(model);
  const b = new PatchBuilder(model);
  const boundaryIds = new Map<string, string>();
  for (const x of content.boundaries) {
    const id = freshId('b', used);
    boundaryIds.set(x.id, id);
    b.add('boundaries', { ...x, id, position: { x: x.position.x + offset.x, y: x.position.y + offset.y } });
  }
  const boundaries = b.list('boundaries');
  const nodeIds = new Map<string, string>();
  content.nodes.forEach((n, i) => {
    const id = freshId(n.kind, used);
    nodeIds.set(n.id, id);
    const base = n.position ?? { x: i * 24, y: i * 24 };
    const position = { x: Math.round(base.x + offset.x), y: Math.round(base.y + offset.y) };
    const { boundary: old, ...rest } = n;
    const boundary =
      (old && boundaryIds.get(old)) ?? boundaryAt(boundaries, center({ ...position, ...NODE_BOX }));
    b.add('nodes', (boundary ? { ...rest, id, position, boundary } : { ...rest, id, position }) as ModelNode);
  });
  const edgeIds: string[] = [];
  for (const e of content.edges) {
    const source = nodeIds.get(e.source);
    const target = nodeIds.get(e.target);
    if (!source || !target) continue;
    const id = freshId('e', used);
    edgeIds.push(id);
    b.add('edges', { ...e, id, source, target });
  }
  return {
    patch: b.build(),
    selection: { nodes: [...nodeIds.values()], edges: edgeIds, boundaries: [...boundaryIds.values()] },
  };
}
