/**
 * Where simulations run. In the app: one Web Worker. Without Worker support (unit tests, or a worker that
 * failed to start), in-process, with the same code, the same wire format and the same answers.
 */
import type { RunRequest, RunResponse, WireRequest } from './protocol.ts';
import { createWireEncoder, createWorkerCore } from './protocol.ts';

export interface Runner {
  run(req: RunRequest): Promise<RunResponse>;
  dispose(): void;
}

/** Runs in-process, one request per macrotask (the caller still gets a promise, as from a worker). */
export function inlineRunner(): Runner {
  const encode = createWireEncoder();
  const handle = createWorkerCore();
  return {
    run: (req) => {
      const msg = encode(req);
      return new Promise((resolve) => setTimeout(() => resolve(handle(msg)), 0));
    },
    dispose: () => {},
  };
}

/** Restarts allowed in `RESTART_WINDOW_MS` before simulations move to the main thread for good. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** What the runner tells the user: the worker stopped and was restarted, or it runs in-process from now on. */
export type WorkerEvent = { kind: 'restarted'; reason: string } | { kind: 'fallback'; reason: string };

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
};

const startWorker = (): WorkerLike =>
  new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module', name: 'faultline-simulate' });

/**
 * Runs in a module worker. A worker that crashes (an uncaught error in it) is reported and restarted, and
 * the requests it had not answered are sent to the new one; after MAX_RESTARTS crashes within a minute, or
 * if no worker can start, the pending requests and every later one run in-process (slower for large
 * models, never wrong).
 */
export function workerRunner(onEvent?: (event: WorkerEvent) => void, create: () => WorkerLike = startWorker, now = Date.now): Runner {
  let fallback: Runner | null = null;
  const pending = new Map<number, { req: RunRequest; resolve: (r: RunResponse) => void }>();
  let encode = createWireEncoder();
  let worker: WorkerLike | null = null;
  let crashes: number[] = [];

  const toFallback = (reason: string) => {
    fallback = inlineRunner();
    worker?.terminate();
    worker = null;
    onEvent?.({ kind: 'fallback', reason });
    for (const { req, resolve } of pending.values()) void fallback.run(req).then(resolve);
    pending.clear();
  };

  const send = (req: RunRequest) => worker!.postMessage(encode(req) satisfies WireRequest);

  const start = (): boolean => {
    try {
      const w = create();
      w.onmessage = (e) => {
        if (w !== worker) return;
        const p = pending.get(e.data.id);
        pending.delete(e.data.id);
        p?.resolve(e.data);
      };
      w.onerror = (e) => {
        e.preventDefault();
        if (w === worker) crashed(e.message || 'the simulation worker stopped');
      };
      worker = w;
      // A new worker knows no model yet: the encoder starts over and sends the whole model.
      encode = createWireEncoder();
      return true;
    } catch (e) {
      toFallback((e as Error).message);
      return false;
    }
  };

  const crashed = (reason: string) => {
    if (fallback) return;
    worker?.terminate();
    worker = null;
    crashes = [...crashes.filter((t) => now() - t < RESTART_WINDOW_MS), now()];
    if (crashes.length > MAX_RESTARTS) {
      toFallback(`${reason}; it stopped ${crashes.length} times in a minute`);
      return;
    }
    if (!start()) return;
    onEvent?.({ kind: 'restarted', reason });
    for (const { req } of [...pending.values()].sort((a, b) => a.req.id - b.req.id)) send(req);
  };

  start();

  return {
    run(req) {
      if (fallback) return fallback.run(req);
      return new Promise((resolve) => {
        pending.set(req.id, { req, resolve });
        send(req);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

export function defaultRunner(onEvent?: (event: WorkerEvent) => void): Runner {
  return typeof Worker === 'undefined' ? inlineRunner() : workerRunner(onEvent);
}
