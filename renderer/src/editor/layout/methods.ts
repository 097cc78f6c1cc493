/**
 * Which auto-layout a model gets, by its size. A layered layout reads best but its cost grows fast with edges
 * (measured: ELK's full options take about 1 s for 100 nodes / 150 edges and over a minute for 100 / 500; its
 * light options about 2 s for 500 / 1,000 and about half a minute for 2,000 / 10,000). Above the light
 * layout's range the model gets the grid by boundary and kind, which is instant at any size. What each
 * method does is in its entry; the app names the one it used.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Moves, Sizes } from '../commands.ts';
import type { ElkOptions } from './elk.ts';
import { fromElkGraph, toElkGraph } from './elk.ts';
import type { LayoutGraph } from './graph.ts';
import { drawingAnchor } from './graph.ts';
import { gridLayout } from './grid.ts';
import { plural } from '../../../../shared/format.ts';

export type LayoutMethod = 'layered' | 'layered-light' | 'grid';

interface MethodConfig {
  /** As the progress line and the notice name it. */
  label: string;
  /** The largest model this method is chosen for (nodes and edges), or null for no limit. */
  upTo: { nodes: number; edges: number } | null;
  run(graph: LayoutGraph, sizes: Sizes): Promise<Moves>;
}

let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | null = null;

/** elkjs (1.6 MB) loads on first use, in whichever thread lays out. */
async function elkLayout(graph: LayoutGraph, sizes: Sizes, options: ElkOptions): Promise<Moves> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  const laid = await (await elk).layout(toElkGraph(graph, sizes, options));
  return fromElkGraph(graph, laid, drawingAnchor(graph));
}

/** In the order they are tried: the first whose `upTo` the model fits is used. */
export const LAYOUT_METHODS: Record<LayoutMethod, MethodConfig> = {
  layered: {
    label: 'layered, left to right',
    upTo: { nodes: 150, edges: 300 },
    run: (graph, sizes) => elkLayout(graph, sizes, 'full'),
  },
  'layered-light': {
    label: 'layered, left to right (quick settings for a large model)',
    upTo: { nodes: 600, edges: 2000 },
    run: (graph, sizes) => elkLayout(graph, sizes, 'light'),
  },
  grid: {
    label: 'grid by trust boundary and kind (the model is too large for a layered layout)',
    upTo: null,
    run: async (graph, sizes) => gridLayout(graph, sizes, drawingAnchor(graph)),
  },
};

const ORDER: LayoutMethod[] = ['layered', 'layered-light', 'grid'];

/** `2,000 nodes: grid by trust boundary and kind (…)`, as the progress line and the notice say it. */
export function describeLayout(nodes: number, method: LayoutMethod): string {
  return `${plural(nodes, 'node')}: ${LAYOUT_METHODS[method].label}`;
}

export function chooseLayout(size: { nodes: number; edges: number }): LayoutMethod {
  return ORDER.find((m) => {
    const limit = LAYOUT_METHODS[m].upTo;
    return limit === null || (size.nodes <= limit.nodes && size.edges <= limit.edges);
  })!;
}

export function computeLayout(graph: LayoutGraph, sizes: Sizes, method: LayoutMethod = chooseLayout({ nodes: graph.nodes.length, edges: graph.edges.length })): Promise<Moves> {
  return LAYOUT_METHODS[method].run(graph, sizes);
}
