/**
 * The node card's box and where a node without a stored position sits, in model coordinates. The canvas, its
 * stylesheet (as `--node-w` and `--node-h`, ./css.ts), the report's diagrams, imports and exports all read them
 * here, so a node is the same size everywhere.
 */
import type { Position } from '../domain/index.ts';
import type { Size } from './rect.ts';

/** A node card's size before React Flow measures it; the report draws every node this size. */
export const NODE_BOX: Readonly<Size> = { width: 184, height: 64 };

/** Nodes without a stored position: a grid in file order, this many columns, this far apart, so nothing overlaps. */
export const FALLBACK_GRID = { columns: 6, gap: 80 } as const;

/** Where the node at `index` in the file is drawn when it has no position of its own. */
export function fallbackPosition(index: number, columns: number = FALLBACK_GRID.columns): Position {
  return {
    x: (index % columns) * (NODE_BOX.width + FALLBACK_GRID.gap),
    y: Math.floor(index / columns) * (NODE_BOX.height + FALLBACK_GRID.gap),
  };
}

/**
 * Characters a label may break after when it is too long for its line: the canvas's cards, the report's
 * figures and the PDF break a path between its parts ("spiffe://acme/|ns/|web") the same way.
 */
export const LABEL_BREAKS_AFTER = '-/_.:@';
