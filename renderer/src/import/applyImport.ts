/**
 * Turning an import plan into one edit: the imported part is laid out on its own (ELK, or the source's own
 * drawing when it has a usable one), set to the right of what the canvas holds, and added with its notes in
 * a single patch, so one undo takes the whole import back. Pure apart from the layout passed in.
 */
import type { Boundary, Model, ModelNode, Position } from '../../../shared/domain/index.ts';
import type { ImportPlan } from '../../../shared/import/index.ts';
import { hasUsableDrawing, placeGraph, placeNotes } from '../../../shared/import/index.ts';
import { modelBounds } from '../canvas/adapter.ts';
import type { Moves, Selection } from '../editor/commands.ts';
import type { Patch } from '../editor/patch.ts';
import { PatchBuilder } from '../editor/patch.ts';

/** Lays out a model of the imported part only; the app passes ELK (editor/layout.ts). */
type LayoutFn = (part: Model) => Promise<Moves>;

/** Blank between what the canvas held and what the import adds. */
const GAP = 200;
/** Above this many nodes ELK takes seconds: the import is set in columns by kind instead (shared/import/place.ts). */
const ELK_LIMIT = 800;

interface ImportEdit {
  patch: Patch;
  /** The new nodes, selected after the import so the user sees what came in. */
  selection: Selection;
}

export async function importEdit(model: Model, plan: ImportPlan, layout: LayoutFn): Promise<ImportEdit> {
  const part: Model = { ...model, id: `${model.id}-import`, nodes: plan.nodes, edges: plan.edges.filter((e) => plan.nodes.some((n) => n.id === e.source) && plan.nodes.some((n) => n.id === e.target)), boundaries: plan.boundaries, scenarios: [] };
  let nodes: ModelNode[] = plan.nodes;
  let boundaries: Boundary[] = plan.boundaries;
  if (plan.nodes.length > ELK_LIMIT) {
    ({ nodes, boundaries } = placeGraph({ nodes: plan.nodes, edges: part.edges, boundaries: plan.boundaries, notes: [] }));
  } else if (plan.nodes.length && !hasUsableDrawing(plan.nodes)) {
    const moves = await layout(part);
    nodes = plan.nodes.map((n) => ({ ...n, position: moves.nodes?.get(n.id) ?? n.position ?? { x: 0, y: 0 } }) as ModelNode);
    boundaries = plan.boundaries.map((b) => {
      const r = moves.boundaries?.get(b.id);
      return r ? { ...b, position: { x: r.x, y: r.y }, size: { width: r.width, height: r.height } } : b;
    });
  }

  // Beside the existing drawing, top-aligned with it.
  const before = modelBounds(model);
  const after = modelBounds({ ...part, nodes, boundaries });
  const dx = before && after ? Math.round(before.x + before.width + GAP - after.x) : after ? -Math.round(after.x) : 0;
  const dy = before && after ? Math.round(before.y - after.y) : after ? -Math.round(after.y) : 0;
  const shift = (p: Position) => ({ x: p.x + dx, y: p.y + dy });
  nodes = nodes.map((n) => ({ ...n, position: shift(n.position ?? { x: 0, y: 0 }) }) as ModelNode);
  boundaries = boundaries.map((b) => ({ ...b, position: shift(b.position) }));

  const at = new Map<string, Position>([...model.nodes.filter((n) => n.position).map((n) => [n.id, n.position!] as const), ...nodes.map((n) => [n.id, n.position!] as const)]);
  const notes = placeNotes(
    plan.notes.map((n) => (n.position ? { ...n, position: shift(n.position) } : n)),
    (id) => at.get(id),
  );

  const b = new PatchBuilder(model);
  for (const x of boundaries) b.add('boundaries', x);
  for (const x of nodes) b.add('nodes', x);
  for (const x of plan.edges) b.add('edges', x);
  for (const x of notes) b.add('notes', x);
  return { patch: b.build(), selection: { nodes: nodes.map((n) => n.id), edges: [], boundaries: [] } };
}
