/**
 * The layout worker: lays a model out off the main thread, so the canvas stays live and Cancel works (the
 * main thread ends the worker; ELK cannot be interrupted from inside).
 */
import type { LayoutRequest, LayoutResponse } from './runner.ts';
import { computeLayout } from './methods.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, graph, sizes, method } = e.data;
  computeLayout(graph, sizes, method).then(
    (moves) => scope.postMessage({ id, ok: true, moves }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
