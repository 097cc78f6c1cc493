import { Position, getBezierPath } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bezierOf, middleOf } from '../../../renderer/src/canvas/edges/dragDrawing.ts';

/** The numbers of React Flow's path `M x,y C x,y x,y x,y`. */
function numbersOf(d: string): number[] {
  return d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
}

describe('the drag layer draws the curve React Flow draws', () => {
  it('for any two ends, forwards and backwards, it is the same Bézier as getBezierPath, label at its middle', () => {
    const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
    fc.assert(
      fc.property(coordinate, coordinate, coordinate, coordinate, (sx, sy, tx, ty) => {
        const [d, labelX, labelY] = getBezierPath({
          sourceX: sx,
          sourceY: sy,
          sourcePosition: Position.Right,
          targetX: tx,
          targetY: ty,
          targetPosition: Position.Left,
        });
        const { from, c1, c2, to } = bezierOf({ x: sx, y: sy }, { x: tx, y: ty });
        const expected = numbersOf(d);
        const actual = [from.x, from.y, c1.x, c1.y, c2.x, c2.y, to.x, to.y];
        actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
        // The label sits where React Flow puts it.
        const middle = middleOf({ from, c1, c2, to });
        expect(middle.x).toBeCloseTo(labelX, 6);
        expect(middle.y).toBeCloseTo(labelY, 6);
      }),
    );
  });
});
