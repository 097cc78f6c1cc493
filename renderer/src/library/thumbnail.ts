/** A tiny SVG of a model's layout for the library list: dots for nodes, lines for edges, no text. */
import type { Model } from '../../../shared/domain/index.ts';
import { NODE_REGISTRY } from '../canvas/nodes/registry.ts';
import { NODE_BOX, fallbackPosition } from '../../../shared/visual/index.ts';

const W = 160;
const H = 96;
const PAD = 8;
/** Past this, a thumbnail is a sample of the graph: the list stays light for huge models. */
const MAX_ITEMS = 400;

export function modelThumbnail(model: Model): string {
  const nodes = model.nodes.slice(0, MAX_ITEMS).map((n, i) => {
    const p = n.position ?? fallbackPosition(i);
    return { id: n.id, x: p.x + NODE_BOX.width / 2, y: p.y + NODE_BOX.height / 2, color: NODE_REGISTRY[n.kind].color };
  });
  if (nodes.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}"></svg>`;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 2 * PAD) / Math.max(maxX - minX, 1), (H - 2 * PAD) / Math.max(maxY - minY, 1), 0.25);
  const ox = (W - (maxX - minX) * scale) / 2;
  const oy = (H - (maxY - minY) * scale) / 2;
  const at = new Map(nodes.map((n) => [n.id, { x: ox + (n.x - minX) * scale, y: oy + (n.y - minY) * scale }]));
  const r = (v: number) => Math.round(v * 10) / 10;
  const lines = model.edges
    .slice(0, MAX_ITEMS)
    .map((e) => [at.get(e.source), at.get(e.target)])
    .filter((pair): pair is [{ x: number; y: number }, { x: number; y: number }] => !!pair[0] && !!pair[1])
    .map(([a, b]) => `<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}"/>`)
    .join('');
  const dots = nodes
    .map((n) => {
      const p = at.get(n.id)!;
      return `<circle cx="${r(p.x)}" cy="${r(p.y)}" r="3" fill="${n.color}"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}"><g stroke="#8a94a6" stroke-width="0.8" opacity="0.6">${lines}</g>${dots}</svg>`;
}
