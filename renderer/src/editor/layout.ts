/**
 * Auto-layout with elkjs: layered, left to right in the direction compromise flows (edges whose rule runs
 * target to source, like `depends-on`, are laid out reversed). Trust boundaries become compound nodes, so
 * their members stay together. The result is a set of moves: one undo step.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { EdgeKind } from '../../../shared/domain/kinds.ts';
import type { Model, Position } from '../../../shared/domain/schema.ts';
import type { Moves, Sizes } from './commands.ts';
import type { Rect } from './geometry.ts';
import { DEFAULT_NODE_SIZE, boundaryRect, boundsOf } from './geometry.ts';

/** §4: for these kinds the compromise rule runs from target to source. */
const AGAINST_FLOW: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['depends-on', 'trusts', 'issued-by']);

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '96',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.componentComponent': '72',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeRouting': 'SPLINES',
};

const BOUNDARY_PREFIX = 'b:';

/** The ELK graph for a model (exported for tests). */
export function toElkGraph(model: Model, sizes: Sizes): ElkNode {
  const members = new Map<string, ElkNode[]>();
  const roots: ElkNode[] = [];
  const known = new Set(model.boundaries.map((b) => b.id));
  for (const n of model.nodes) {
    const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
    const child: ElkNode = { id: n.id, width: size.width, height: size.height };
    if (n.boundary && known.has(n.boundary)) members.set(n.boundary, [...(members.get(n.boundary) ?? []), child]);
    else roots.push(child);
  }
  const frames: ElkNode[] = model.boundaries.map((b) => {
    const children = members.get(b.id) ?? [];
    return {
      id: BOUNDARY_PREFIX + b.id,
      children,
      // The label sits above the frame's top edge; the padding keeps members clear of it.
      layoutOptions: { 'elk.padding': '[top=36,left=28,bottom=28,right=28]' },
      ...(children.length === 0 ? { width: b.size.width, height: b.size.height } : {}),
    };
  });
  const edges: ElkExtendedEdge[] = model.edges
    .filter((e) => e.source !== e.target)
    .map((e) => {
      const [s, t] = AGAINST_FLOW.has(e.kind) ? [e.target, e.source] : [e.source, e.target];
      return { id: e.id, sources: [s], targets: [t] };
    });
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children: [...frames, ...roots], edges };
}

/** Absolute positions from a laid-out ELK graph, shifted so the drawing keeps its top-left corner. */
export function fromElkGraph(model: Model, laid: ElkNode, anchor: Position): Moves {
  const nodes = new Map<string, Position>();
  const boundaries = new Map<string, Rect>();
  const visit = (n: ElkNode, ox: number, oy: number) => {
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    if (n.id.startsWith(BOUNDARY_PREFIX)) {
      boundaries.set(n.id.slice(BOUNDARY_PREFIX.length), { x, y, width: n.width ?? 0, height: n.height ?? 0 });
    } else if (n.id !== 'root') nodes.set(n.id, { x, y });
    for (const c of n.children ?? []) visit(c, x, y);
  };
  visit(laid, 0, 0);
  const laidBounds = boundsOf([
    ...boundaries.values(),
    ...[...nodes.values()].map((p) => ({ ...p, width: 0, height: 0 })),
  ]);
  const dx = laidBounds ? anchor.x - laidBounds.x : 0;
  const dy = laidBounds ? anchor.y - laidBounds.y : 0;
  const shift = (p: Position) => ({ x: Math.round(p.x + dx), y: Math.round(p.y + dy) });
  return {
    nodes: new Map([...nodes].filter(([id]) => model.nodes.some((n) => n.id === id)).map(([id, p]) => [id, shift(p)])),
    boundaries: new Map([...boundaries].map(([id, r]) => [id, { ...r, ...shift(r) }])),
  };
}

/** Where the current drawing starts: layout keeps it there so the view does not jump away. */
export function drawingAnchor(model: Model): Position {
  const rects = [
    ...model.nodes.filter((n) => n.position).map((n) => ({ ...n.position!, ...DEFAULT_NODE_SIZE })),
    ...model.boundaries.map(boundaryRect),
  ];
  const b = boundsOf(rects);
  return b ? { x: b.x, y: b.y } : { x: 0, y: 0 };
}

let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;

/** Lays the model out. elkjs (1.6 MB) loads on first use, so it never slows the first paint. */
export async function computeLayout(model: Model, sizes: Sizes): Promise<Moves> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  const laid = await (await elk).layout(toElkGraph(model, sizes));
  return fromElkGraph(model, laid, drawingAnchor(model));
}
