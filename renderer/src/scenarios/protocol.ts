/**
 * What the main thread and the simulation worker say to each other, and the work itself: simulate the
 * shown scenario and lint the model, with the engine in shared/.
 *
 * Everything crosses as JSON text, and the model only as the history's patch since the last request:
 * structured cloning a 2,000-node model for postMessage costs tens of ms on the main thread at every edit,
 * a nudge changes one node. Answers come back as text too, so the main thread can tell an unchanged result or
 * unchanged findings by comparing strings and keep the objects it already has (nothing re-renders).
 */
import { lintModel } from '../../../shared/analysis/index.ts';
import type { Model, Scenario } from '../../../shared/domain/index.ts';
import { ScenarioError, simulate } from '../../../shared/engine/index.ts';
import type { Patch } from '../editor/patch.ts';
import { applyPatch } from '../editor/patch.ts';

/** A request as the main thread sees it. */
export interface RunRequest {
  /** Increases with every request; an answer to anything but the latest one is dropped. */
  id: number;
  model: Model;
  /**
   * The history's patch from the model of the request before to this one (editor/patchTrail.ts), or null
   * where none exists (another model opened): then the model goes whole.
   */
  change?: { from: Model; patch: Patch } | null;
  /** The scenario to simulate, or null to lint only. */
  scenario: Scenario | null;
  /** Lint the model too (it changed since the last findings). */
  lint: boolean;
}

export interface RunError {
  /** The JSON path of a bad scenario (`scenario.breaks[0].node`), empty for anything else. */
  path: string;
  message: string;
}

export interface RunResponse {
  id: number;
  /** The SimulationResult as JSON, or null when nothing was simulated (no scenario, or an error). */
  result: string | null;
  error: RunError | null;
  /** The findings as JSON, or null when not linted. */
  findings: string | null;
  /** How long the work took where it ran, in ms. */
  ms: number;
}

/**
 * The model on the wire: all of it as JSON (the first time, after another model opened, or when the worker
 * holds a model the patch does not start from), or the history's patch from the model the worker holds.
 */
export type WireModel = { full: string } | { patch: string };

/** A request on the wire: the model, or null for "the same model as the last request". */
export interface WireRequest {
  id: number;
  model: WireModel | null;
  scenario: Scenario | null;
  lint: boolean;
}

/** The model for a worker that holds `held`: nothing, the patch from it, or the whole model. */
export function encodeModel(held: Model | null, req: Pick<RunRequest, 'model' | 'change'>): WireModel | null {
  if (held === req.model) return null;
  if (held && req.change && req.change.from === held) return { patch: JSON.stringify(req.change.patch) };
  return { full: JSON.stringify(req.model) };
}

export function decodeModel(held: Model | null, wire: WireModel): Model {
  if ('full' in wire) return JSON.parse(wire.full) as Model;
  if (!held) throw new Error('a model change arrived before any model');
  return applyPatch(held, JSON.parse(wire.patch) as Patch);
}

/** The work, wherever it runs. */
export function runRequest(req: Omit<RunRequest, 'change'>, now: () => number = () => performance.now()): RunResponse {
  const t0 = now();
  let result: string | null = null;
  let error: RunError | null = null;
  let findings: string | null = null;
  if (req.scenario && req.scenario.breaks.length > 0) {
    try {
      result = JSON.stringify(simulate(req.model, req.scenario));
    } catch (e) {
      error = e instanceof ScenarioError ? { path: e.path, message: e.message } : { path: '', message: (e as Error).message ?? String(e) };
    }
  }
  if (req.lint) {
    try {
      findings = JSON.stringify(lintModel(req.model));
    } catch (e) {
      error ??= { path: '', message: `Findings could not be computed: ${(e as Error).message ?? String(e)}` };
      findings = '[]';
    }
  }
  return { id: req.id, result, error, findings, ms: now() - t0 };
}

/** The worker's side: keeps the last model it was sent, answers each request in order. */
export function createWorkerCore() {
  let model: Model | null = null;
  return (msg: WireRequest): RunResponse => {
    if (msg.model !== null) model = decodeModel(model, msg.model);
    if (!model) return { id: msg.id, result: null, error: { path: '', message: 'the simulation worker has no model' }, findings: null, ms: 0 };
    return runRequest({ id: msg.id, model, scenario: msg.scenario, lint: msg.lint });
  };
}

/** The main thread's side: sends the model as the patch from the one the worker already holds. */
export function createWireEncoder() {
  let sent: Model | null = null;
  return (req: RunRequest): WireRequest => {
    const model = encodeModel(sent, req);
    sent = req.model;
    return { id: req.id, model, scenario: req.scenario, lint: req.lint };
  };
}
