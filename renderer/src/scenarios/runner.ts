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

/**
 * Runs in a module worker. If the worker fails to start or stops, the pending requests and every later one
 * run in-process instead (slower for large models, never wrong).
 */
export function workerRunner(onFallback?: (reason: string) => void): Runner {
  let fallback: Runner | null = null;
  const pending = new Map<number, { req: RunRequest; resolve: (r: RunResponse) => void }>();
  const encode = createWireEncoder();
  let worker: Worker | null = null;

  const fail = (reason: string) => {
    if (fallback) return;
    fallback = inlineRunner();
    worker?.terminate();
    worker = null;
    onFallback?.(reason);
    for (const { req, resolve } of pending.values()) void fallback.run(req).then(resolve);
    pending.clear();
  };

  try {
    worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module', name: 'faultline-simulate' });
    worker.onmessage = (e: MessageEvent<RunResponse>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(e.message || 'the simulation worker stopped');
    };
  } catch (e) {
    fail((e as Error).message);
  }

  return {
    run(req) {
      if (fallback) return fallback.run(req);
      return new Promise((resolve) => {
        pending.set(req.id, { req, resolve });
        const msg: WireRequest = encode(req);
        worker!.postMessage(msg);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

export function defaultRunner(onFallback?: (reason: string) => void): Runner {
  return typeof Worker === 'undefined' ? inlineRunner() : workerRunner(onFallback);
}
