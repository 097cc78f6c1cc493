/**
 * The baseline the engine is measured against: plain breadth-first search over the model's edges taken both
 * ways (the engine walks both: compromise forwards, availability and `depends-on`/`trusts` backwards), with
 * no rules, times or effects.
 */
import type { Model } from '../../shared/domain/index.ts';

export interface Adjacency {
  index: Map<string, number>;
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** CSR adjacency, both directions. */
export function buildAdjacency(model: Model): Adjacency {
  const n = model.nodes.length;
  const index = new Map<string, number>();
  model.nodes.forEach((node, i) => index.set(node.id, i));
  const src = new Int32Array(model.edges.length);
  const dst = new Int32Array(model.edges.length);
  const degree = new Int32Array(n + 1);
  model.edges.forEach((e, i) => {
    const s = index.get(e.source) ?? 0;
    const t = index.get(e.target) ?? 0;
    src[i] = s;
    dst[i] = t;
    degree[s + 1]++;
    degree[t + 1]++;
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i + 1];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  for (let i = 0; i < src.length; i++) {
    neighbours[fill[src[i]]++] = dst[i];
    neighbours[fill[dst[i]]++] = src[i];
  }
  return { index, offsets, neighbours };
}

/** How many nodes BFS reaches from the start ids. */
export function bfs(adj: Adjacency, starts: readonly string[]): number {
  return bfsOrder(adj, starts).length;
}

/** The nodes BFS reaches from the start ids, in the order it reaches them. */
export function bfsOrder(adj: Adjacency, starts: readonly string[]): Int32Array {
  const n = adj.offsets.length - 1;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (const id of starts) {
    const i = adj.index.get(id);
    if (i === undefined || seen[i]) continue;
    seen[i] = 1;
    queue[tail++] = i;
  }
  while (head < tail) {
    const v = queue[head++];
    for (let k = adj.offsets[v]; k < adj.offsets[v + 1]; k++) {
      const w = adj.neighbours[k];
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return queue.subarray(0, tail);
}
