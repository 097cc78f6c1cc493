/**
 * The analyses that take seconds on a large model (choke-point ranking, Monte Carlo, a comparison, and the
 * export dialog's simulations of every saved scenario), as
 * jobs for their own worker: a job reports progress while it runs and can be cancelled, which a worker
 * busy in a synchronous loop can only be by ending it (jobs/runner.ts). The simulation worker that keeps
 * the overlay live is a different one, so a long ranking never holds up the blast radius.
 *
 * The work itself is here, the same in the worker and in-process. Everything crosses as JSON text.
 */
import type { Chokepoint, MonteCarloResult, ResultDiff } from '../../../../shared/analysis/index.ts';
import { diffResults, monteCarlo, rankChokepoints } from '../../../../shared/analysis/index.ts';
import type { Model, Scenario } from '../../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../../shared/engine/index.ts';
import { simulate } from '../../../../shared/engine/index.ts';

export type JobSpec =
  | { kind: 'simulate'; scenario: Scenario }
  | { kind: 'rank'; scenario: Scenario }
  | { kind: 'montecarlo'; scenario: Scenario; runs: number; seed: number }
  | { kind: 'compare'; before: Scenario; after: Scenario };

export interface CompareResult {
  before: SimulationResult;
  after: SimulationResult;
  diff: ResultDiff;
}

export interface JobResults {
  simulate: SimulationResult;
  rank: Chokepoint[];
  montecarlo: MonteCarloResult;
  compare: CompareResult;
}

/** Main thread → worker: one job; the model as JSON text. */
export interface JobRequest {
  id: number;
  model: string;
  spec: JobSpec;
}

/** Worker → main thread: progress while the job runs, then its end. */
export type JobMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: string; ms: number }
  | { id: number; type: 'error'; message: string };

/** Progress messages at most this often (ms): enough for a smooth bar, too few to load the main thread. */
const PROGRESS_EVERY_MS = 100;

/** Runs one job, posting its progress and its end through `post`. */
export function runJob(req: JobRequest, post: (m: JobMessage) => void, now: () => number = () => performance.now()): void {
  const t0 = now();
  let last = -Infinity;
  const progress = (done: number, total: number) => {
    const t = now();
    if (done < total && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    post({ id: req.id, type: 'progress', done, total });
  };
  try {
    const model = JSON.parse(req.model) as Model;
    const result = work(model, req.spec, progress);
    post({ id: req.id, type: 'done', result: JSON.stringify(result), ms: now() - t0 });
  } catch (e) {
    post({ id: req.id, type: 'error', message: (e as Error).message ?? String(e) });
  }
}

function work(model: Model, spec: JobSpec, progress: (done: number, total: number) => void): JobResults[JobSpec['kind']] {
  switch (spec.kind) {
    case 'simulate':
      return simulate(model, spec.scenario);
    case 'rank':
      return rankChokepoints(model, spec.scenario, { onProgress: progress });
    case 'montecarlo':
      return monteCarlo(model, spec.scenario, { runs: spec.runs, seed: spec.seed, onProgress: progress });
    case 'compare': {
      progress(0, 2);
      const before = simulate(model, spec.before);
      progress(1, 2);
      const after = simulate(model, spec.after);
      progress(2, 2);
      return { before, after, diff: diffResults(before, after) };
    }
    default:
      return spec satisfies never;
  }
}
