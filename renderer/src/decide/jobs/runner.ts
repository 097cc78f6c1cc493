/**
 * Starts analysis jobs and cancels them. One worker at a time runs one job; a new job cancels the one
 * running (the newest question is the one the room asked). Cancelling ends the worker (a synchronous loop
 * reads no messages) and the next job starts a fresh one, so a cancelled job costs nothing afterwards.
 * Without Worker support (unit tests), jobs run in-process after a macrotask, with the same answers.
 */
import type { JobMessage, JobRequest, JobResults, JobSpec } from './protocol.ts';
import { runJob } from './protocol.ts';

export interface Job<K extends JobSpec['kind']> {
  /** The result, or null when the job was cancelled. Rejects with the job's error message. */
  done: Promise<JobResults[K] | null>;
  cancel(): void;
}

export interface JobRunner {
  start<S extends JobSpec>(model: string, spec: S, onProgress?: (done: number, total: number) => void): Job<S['kind']>;
  dispose(): void;
}

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((e: MessageEvent<JobMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
};

const startWorker = (): WorkerLike =>
  new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'faultline-analysis' });

export function createJobRunner(
  create: (() => WorkerLike) | null = typeof Worker === 'undefined' ? null : startWorker,
): JobRunner {
  let seq = 0;
  let worker: WorkerLike | null = null;
  let current: { id: number; settle: (m: JobMessage | null) => void; onMessage: (m: JobMessage) => void } | null = null;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const listen = (w: WorkerLike): WorkerLike => {
    w.onmessage = (e) => current?.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (worker === w) stop();
      if (current)
        current.onMessage({ id: current.id, type: 'error', message: e.message || 'the analysis worker stopped' });
    };
    return w;
  };

  return {
    start<S extends JobSpec>(model: string, spec: S, onProgress?: (done: number, total: number) => void): Job<S['kind']> {
      // A job still running is replaced: its worker ends (it reads no messages while it works).
      if (current) {
        current.settle(null);
        stop();
      }
      const id = ++seq;
      let settle: (m: JobMessage | null) => void = () => {};
      const done = new Promise<JobResults[S['kind']] | null>((resolve, reject) => {
        settle = (m) => {
          if (current?.id === id) current = null;
          if (m === null) resolve(null);
          else if (m.type === 'done') resolve(JSON.parse(m.result) as JobResults[S['kind']]);
          else if (m.type === 'error') reject(new Error(m.message));
        };
      });
      const job = {
        id,
        settle,
        onMessage: (m: JobMessage) => {
          if (current !== job || m.id !== id) return;
          if (m.type === 'progress') onProgress?.(m.done, m.total);
          else settle(m);
        },
      };
      const req: JobRequest = { id, model, spec };
      current = job;
      if (!create) setTimeout(() => current === job && runJob(req, job.onMessage), 0);
      else {
        try {
          worker ??= listen(create());
        } catch (e) {
          current = null;
          return {
            done: Promise.reject(new Error(`the analysis worker could not start: ${(e as Error).message}`)),
            cancel: () => {},
          };
        }
        worker.postMessage(req);
      }
      return {
        done,
        cancel: () => {
          if (current !== job) return;
          if (worker) stop();
          settle(null);
        },
      };
    },
    dispose() {
      current?.settle(null);
      stop();
    },
  };
}
