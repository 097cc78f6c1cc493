/** In-between models for the layout animation. Pure. */
import type { Model } from '../../../shared/domain/index.ts';

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
export const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** `from` with every node and boundary moved a share `t` of the way to where it is in `to`. */
export function interpolateModel(from: Model, to: Model, t: number): Model {
  const target = new Map(to.nodes.map((n) => [n.id, n]));
  const frames = new Map(to.boundaries.map((b) => [b.id, b]));
  return {
    ...to,
    nodes: from.nodes.map((n) => {
      const end = target.get(n.id);
      if (!end?.position || !n.position) return end ?? n;
      return {
        ...end,
        position: { x: lerp(n.position.x, end.position.x, t), y: lerp(n.position.y, end.position.y, t) },
      };
    }),
    boundaries: from.boundaries.map((b) => {
      const end = frames.get(b.id);
      if (!end) return b;
      return {
        ...end,
        position: { x: lerp(b.position.x, end.position.x, t), y: lerp(b.position.y, end.position.y, t) },
        size: { width: lerp(b.size.width, end.size.width, t), height: lerp(b.size.height, end.size.height, t) },
      };
    }),
  };
}
