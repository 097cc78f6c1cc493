/**
 * The simulation worker: runs the engine and the linter off the main thread so the canvas never stalls.
 * Messages are answered in order; the main thread drops answers to requests it has since replaced.
 */
import type { RunResponse, WireRequest } from './protocol.ts';
import { createWorkerCore } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WireRequest>) => void) | null;
  postMessage(message: RunResponse): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerCore();

scope.onmessage = (e) => {
  scope.postMessage(handle(e.data));
};
