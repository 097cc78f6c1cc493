/**
 * The layout for large models: a grid by trust boundary and kind. Each boundary becomes a block with its
 * members in columns by kind, in the order trust usually flows (people and pipelines on the left, secrets and
 * identities in the middle, data stores on the right), wrapped so each block is about as wide as it is tall;
 * blocks are packed in rows. Linear in the size of the model: 2,000 nodes take milliseconds, where a layered
 * layout takes minutes.
 */
import type { NodeKind, Position } from '../../../../shared/domain/index.ts';
import type { Moves, Sizes } from '../commands.ts';
import type { Rect, Size } from '../../../../shared/visual/index.ts';
import type { LayoutGraph } from './graph.ts';
import { NODE_BOX } from '../../../../shared/visual/index.ts';

/** Left to right, roughly the way compromise flows through a system (domain.md §4). */
export const KIND_FLOW: readonly NodeKind[] = [
  'person',
  'pipeline',
  'dependency',
  'location',
  'agent',
  'service',
  'tool',
  'issuer',
  'secret',
  'identity',
  'datastore',
];

const GAP = { x: 56, y: 24 };
/** Inside a boundary's frame: its label sits above the top edge (as the layered layout's padding). */
const PAD = { top: 36, side: 28, bottom: 28 };
const BLOCK_GAP = 72;
/** Blocks come out about this much wider than tall, like a screen. */
const ASPECT = 1.6;

type Node = LayoutGraph['nodes'][number];

interface Block {
  boundary: string | null;
  width: number;
  height: number;
  /** Node positions relative to the block's top-left. */
  nodes: Map<string, Position>;
}

function blockOf(boundary: string | null, members: Node[], sizes: Sizes, emptySize: Size | null): Block {
  const nodes = new Map<string, Position>();
  const pad = boundary === null ? { top: 0, side: 0, bottom: 0 } : PAD;
  if (members.length === 0) return { boundary, width: emptySize?.width ?? 0, height: emptySize?.height ?? 0, nodes };
  const size = (id: string) => sizes.get(id) ?? NODE_BOX;
  const rowH = Math.max(...members.map((n) => size(n.id).height)) + GAP.y;
  const cellW = NODE_BOX.width + GAP.x;
  const rows = Math.max(1, Math.min(members.length, Math.ceil(Math.sqrt((members.length * cellW) / (rowH * ASPECT)))));
  const order = new Map(KIND_FLOW.map((k, i) => [k, i]));
  const sorted = [...members].sort(
    (a, b) => (order.get(a.kind) ?? 99) - (order.get(b.kind) ?? 99) || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1),
  );
  let x = pad.side;
  let usedRows = 0;
  let i = 0;
  while (i < sorted.length) {
    // One kind fills columns of `rows` nodes; the next kind starts a new column.
    const kind = sorted[i].kind;
    let column: Node[] = [];
    const flush = () => {
      if (!column.length) return;
      column.forEach((n, row) => nodes.set(n.id, { x, y: pad.top + row * rowH }));
      usedRows = Math.max(usedRows, column.length);
      x += Math.max(...column.map((n) => size(n.id).width)) + GAP.x;
      column = [];
    };
    while (i < sorted.length && sorted[i].kind === kind) {
      column.push(sorted[i++]);
      if (column.length === rows) flush();
    }
    flush();
  }
  return { boundary, width: x - GAP.x + pad.side, height: pad.top + usedRows * rowH - GAP.y + pad.bottom, nodes };
}

/** Positions for every node and frames for every boundary, with the drawing's top-left at `anchor`. */
export function gridLayout(graph: LayoutGraph, sizes: Sizes, anchor: Position): Moves {
  const known = new Set(graph.boundaries.map((b) => b.id));
  const members = new Map<string | null, Node[]>();
  for (const n of graph.nodes) {
    const key = n.boundary && known.has(n.boundary) ? n.boundary : null;
    const list = members.get(key);
    if (list) list.push(n);
    else members.set(key, [n]);
  }
  const blocks = [
    ...graph.boundaries.map((b) => blockOf(b.id, members.get(b.id) ?? [], sizes, b.size)),
    ...(members.has(null) ? [blockOf(null, members.get(null)!, sizes, null)] : []),
  ];
  const area = blocks.reduce((a, b) => a + (b.width + BLOCK_GAP) * (b.height + BLOCK_GAP), 0);
  const rowWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * ASPECT));

  const nodes = new Map<string, Position>();
  const boundaries = new Map<string, Rect>();
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += shelf + BLOCK_GAP;
      shelf = 0;
    }
    const ox = anchor.x + x;
    const oy = anchor.y + y;
    for (const [id, p] of block.nodes) nodes.set(id, { x: Math.round(ox + p.x), y: Math.round(oy + p.y) });
    if (block.boundary !== null) boundaries.set(block.boundary, { x: Math.round(ox), y: Math.round(oy), width: block.width, height: block.height });
    x += block.width + BLOCK_GAP;
    shelf = Math.max(shelf, block.height);
  }
  return { nodes, boundaries };
}
