/**
 * The export dialog's engine work (each scenario's simulation and its ranked fixes) as jobs for the analysis
 * worker (decide/jobs), the same protocol and runner the Fixes tab uses, so neither the preview nor the
 * export runs the engine on the main thread. One runner runs one job at a time: a new job, or `cancel`, ends
 * the one running (the worker is terminated mid-ranking; the next job starts a fresh one).
 */
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import type { Model, Scenario } from '../../../shared/domain/index.ts';
import type { SimulationResult } from '../../../shared/engine/index.ts';
import type { JobRunner } from '../decide/jobs/runner.ts';
import { createJobRunner } from '../decide/jobs/runner.ts';

export interface ReportJobs {
  /** The scenario's result, or null when the job was cancelled or replaced. Rejects with the engine's error. */
  simulate(model: Model, scenario: Scenario): Promise<SimulationResult | null>;
  /** The scenario's choke points, ranked as the Fixes tab ranks them, or null when cancelled or replaced. */
  rank(model: Model, scenario: Scenario, onProgress?: (done: number, total: number) => void): Promise<Chokepoint[] | null>;
  /** Ends the running job, if any (its promise resolves to null). */
  cancel(): void;
  dispose(): void;
}

export function reportJobs(runner: JobRunner = createJobRunner()): ReportJobs {
  // The model crosses as JSON text; a dialog sends the same model once per scenario, so write it once.
  let json: { model: Model; text: string } | null = null;
  const text = (model: Model) => {
    if (json?.model !== model) json = { model, text: JSON.stringify(model) };
    return json.text;
  };
  let running: (() => void) | null = null;
  const track = <T>(job: { done: Promise<T>; cancel(): void }): Promise<T> => {
    running = job.cancel;
    return job.done.finally(() => {
      if (running === job.cancel) running = null;
    });
  };
  return {
    simulate: (model, scenario) => track(runner.start(text(model), { kind: 'simulate', scenario })),
    rank: (model, scenario, onProgress) => track(runner.start(text(model), { kind: 'rank', scenario }, onProgress)),
    cancel: () => running?.(),
    dispose: () => runner.dispose(),
  };
}
