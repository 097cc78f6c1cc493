/**
 * Where imported things go when nothing better is at hand (the CLI; the app lays out with ELK instead): a
 * source drawing is kept when it is usable, otherwise each boundary's members are set in columns by kind, in
 * the direction compromise flows (dependencies, workloads, secrets, identities, what they reach), boundaries
 * side by side, the rest after them. Notes go beside the node they are about.
 */
import type { Boundary, ModelNode, NodeKind, Position } from '../domain/index.ts';
import type { ImportedGraph, Note, PendingNote } from './types.ts';
import { NODE_BOX } from '../visual/index.ts';
import type { Size } from '../visual/index.ts';

const RANK: Record<NodeKind, number> = {
  dependency: 0,
  person: 1,
  pipeline: 1,
  service: 1,
  agent: 1,
  tool: 1,
  secret: 2,
  location: 2,
  identity: 3,
  issuer: 4,
  datastore: 4,
};
const COL_GAP = 72;
const ROW_GAP = 28;
const PAD = { top: 44, side: 28, bottom: 28 };
const GROUP_GAP = 96;
const WRAP = 2600;
const NOTE_SIZE = { w: 240, h: 120 };

/** True when every node has a position and no two node boxes overlap: a drawing worth keeping. */
export function hasUsableDrawing(nodes: readonly ModelNode[]): boolean {
  if (nodes.length === 0 || nodes.some((n) => !n.position)) return false;
  const boxes = nodes.map((n) => n.position!);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (Math.abs(boxes[i].x - boxes[j].x) < NODE_BOX.width + 8 && Math.abs(boxes[i].y - boxes[j].y) < NODE_BOX.height + 8) return false;
    }
  }
  return true;
}

/** Lays a group's nodes out in columns by rank from `origin`; returns the size taken. */
function columns(nodes: ModelNode[], origin: Position, out: Map<string, Position>): Size {
  const byRank = new Map<number, ModelNode[]>();
  for (const n of nodes) byRank.set(RANK[n.kind], [...(byRank.get(RANK[n.kind]) ?? []), n]);
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  let height = 0;
  ranks.forEach((rank, col) => {
    const list = byRank.get(rank)!;
    list.forEach((n, row) => out.set(n.id, { x: origin.x + col * (NODE_BOX.width + COL_GAP), y: origin.y + row * (NODE_BOX.height + ROW_GAP) }));
    height = Math.max(height, list.length * (NODE_BOX.height + ROW_GAP) - ROW_GAP);
  });
  return { width: Math.max(0, ranks.length * (NODE_BOX.width + COL_GAP) - COL_GAP), height };
}

/** Positions for every node and frames for every boundary, keeping a usable source drawing as it is. */
export function placeGraph(graph: ImportedGraph): { nodes: ModelNode[]; boundaries: Boundary[] } {
  if (hasUsableDrawing(graph.nodes)) return { nodes: graph.nodes, boundaries: graph.boundaries };
  const positions = new Map<string, Position>();
  const frames = new Map<string, Boundary>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const place = (w: number, h: number) => {
    if (x > 0 && x + w > WRAP) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    const at = { x, y };
    x += w + GROUP_GAP;
    rowHeight = Math.max(rowHeight, h);
    return at;
  };
  for (const b of graph.boundaries) {
    const members = graph.nodes.filter((n) => n.boundary === b.id);
    const local = new Map<string, Position>();
    const size = columns(members, { x: 0, y: 0 }, local);
    const w = Math.max(size.width, NODE_BOX.width) + PAD.side * 2;
    const h = Math.max(size.height, NODE_BOX.height) + PAD.top + PAD.bottom;
    const at = place(w, h);
    for (const [id, p] of local) positions.set(id, { x: at.x + PAD.side + p.x, y: at.y + PAD.top + p.y });
    frames.set(b.id, { ...b, position: at, size: { width: w, height: h } });
  }
  const free = graph.nodes.filter((n) => !n.boundary || !frames.has(n.boundary));
  if (free.length) {
    const local = new Map<string, Position>();
    const size = columns(free, { x: 0, y: 0 }, local);
    const at = place(size.width, size.height);
    for (const [id, p] of local) positions.set(id, { x: at.x + p.x, y: at.y + p.y });
  }
  return {
    nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position ?? { x: 0, y: 0 } })),
    boundaries: graph.boundaries.map((b) => frames.get(b.id) ?? b),
  };
}

/** Notes beside their node (stacked when a node has several), or where the source drew them. */
export function placeNotes(notes: readonly PendingNote[], positionOf: (id: string) => Position | undefined): Note[] {
  const stacked = new Map<string, number>();
  return notes.map((n) => {
    const base = n.near ? positionOf(n.near) : undefined;
    const k = n.near ? (stacked.get(n.near) ?? 0) : 0;
    if (n.near) stacked.set(n.near, k + 1);
    const position = base ? { x: base.x + NODE_BOX.width + 24, y: base.y + k * (NOTE_SIZE.h + 12) } : (n.position ?? { x: 0, y: 0 });
    return {
      id: n.id,
      text: n.text,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      size: { ...NOTE_SIZE },
      ...(n.color ? { color: n.color } : {}),
    };
  });
}
