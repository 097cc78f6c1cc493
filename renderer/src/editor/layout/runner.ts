/**
 * Runs an auto-layout in a Web Worker and hands back its moves, or cancels it. Without Worker support (unit
 * tests) it runs in-process with the same code. One worker is kept between layouts (ELK loads once); Cancel
 * ends it, since ELK cannot be interrupted, and the next layout starts a fresh one.
 */
import type { Model } from '../../../../shared/domain/index.ts';
import type { Moves, Sizes } from '../commands.ts';
import type { LayoutGraph } from './graph.ts';
import { layoutGraphOf } from './graph.ts';
import type { LayoutMethod } from './methods.ts';
import { chooseLayout, computeLayout } from './methods.ts';

export interface LayoutRequest {
  id: number;
  graph: LayoutGraph;
  sizes: Sizes;
  method: LayoutMethod;
}

export type LayoutResponse = { id: number; ok: true; moves: Moves } | { id: number; ok: false; message: string };

export class LayoutCancelled extends Error {
  constructor() {
    super('auto-layout cancelled');
    this.name = 'LayoutCancelled';
  }
}

interface LayoutJob {
  method: LayoutMethod;
  /** Resolves with the moves; rejects with LayoutCancelled after `cancel()`, or with the layout's error. */
  done: Promise<Moves>;
  cancel(): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (m: Moves) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'faultline-layout' });
  w.onmessage = (e: MessageEvent<LayoutResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if (e.data.ok) p.resolve(e.data.moves);
    else p.reject(new Error(e.data.message));
  };
  w.onerror = (e) => {
    e.preventDefault();
    stopWorker(new Error(e.message || 'the layout worker stopped'));
  };
  worker = w;
  return w;
}

function stopWorker(reason: Error): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(reason);
  pending.clear();
}

export function startLayout(model: Model, sizes: Sizes): LayoutJob {
  const method = chooseLayout({ nodes: model.nodes.length, edges: model.edges.length });
  // The grid needs no edges: 10,000 of them are not copied to the worker for nothing.
  const graph = layoutGraphOf(model, method !== 'grid');
  const id = nextId++;
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    return {
      method,
      done: computeLayout(graph, sizes, method).then((moves) => {
        if (cancelled) throw new LayoutCancelled();
        return moves;
      }),
      cancel: () => void (cancelled = true),
    };
  }
  const done = new Promise<Moves>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph, sizes, method } satisfies LayoutRequest);
  });
  return {
    method,
    done,
    cancel: () => {
      if (pending.has(id)) stopWorker(new LayoutCancelled());
    },
  };
}
