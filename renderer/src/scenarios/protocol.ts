/**
 * What the main thread and the simulation worker say to each other, and the work itself: simulate the
 * shown scenario and lint the model, with the engine in shared/.
 *
 * Everything crosses as JSON text, and the model only as what changed since the last request: structured
 * cloning a 2,000-node model for postMessage costs tens of ms on the main thread at every edit, a nudge
 * changes one node. Answers come back as text too, so the main thread can tell an unchanged result or
 * unchanged findings by comparing strings and keep the objects it already has (nothing re-renders).
 */
import { lintModel } from '../../../shared/analysis/index.ts';
import type { Model, Scenario } from '../../../shared/domain/index.ts';
import { ScenarioError, simulate } from '../../../shared/engine/index.ts';

/** A request as the main thread sees it. */
export interface RunRequest {
  /** Increases with every request; an answer to anything but the latest one is dropped. */
  id: number;
  model: Model;
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

const COLLECTIONS = ['nodes', 'edges', 'boundaries', 'scenarios'] as const;
type Collection = (typeof COLLECTIONS)[number];

/**
 * The model on the wire: all of it as JSON (the first time, or after big changes), or only what changed
 * since the model sent before (edits keep unchanged items as the same objects, so an identity scan finds
 * them): the fields outside the lists if any changed, and per list either its changed items by index or the
 * whole list when items were added, removed or reordered.
 */
type WireModel =
  | { full: string }
  | { head: string | null; lists: { coll: Collection; full?: string; changed?: [number, string][] }[] };

/** A request on the wire: the model, or null for "the same model as the last request". */
export interface WireRequest {
  id: number;
  model: WireModel | null;
  scenario: Scenario | null;
  lint: boolean;
}

function headOf(model: Model): Record<string, unknown> {
  const { nodes: _n, edges: _e, boundaries: _b, scenarios: _s, ...head } = model;
  return head;
}

export function encodeModel(prev: Model | null, next: Model): WireModel | null {
  if (prev === next) return null;
  if (!prev) return { full: JSON.stringify(next) };
  const lists: { coll: Collection; full?: string; changed?: [number, string][] }[] = [];
  for (const coll of COLLECTIONS) {
    const a = prev[coll] as readonly { id: string }[];
    const b = next[coll] as readonly { id: string }[];
    if (a === b) continue;
    let changed: [number, string][] | null = a.length === b.length ? [] : null;
    for (let i = 0; changed && i < b.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i].id !== b[i].id || changed.length > 64) changed = null;
      else changed.push([i, JSON.stringify(b[i])]);
    }
    lists.push(changed ? { coll, changed } : { coll, full: JSON.stringify(b) });
  }
  const head = headOf(next);
  const before = headOf(prev);
  const keys = new Set([...Object.keys(head), ...Object.keys(before)]);
  const headChanged = [...keys].some((k) => head[k] !== before[k]);
  return { head: headChanged ? JSON.stringify(head) : null, lists };
}

export function decodeModel(prev: Model | null, wire: WireModel): Model {
  if ('full' in wire) return JSON.parse(wire.full) as Model;
  if (!prev) throw new Error('a model change arrived before any model');
  const next = { ...(wire.head ? (JSON.parse(wire.head) as Model) : headOf(prev)) } as Model;
  for (const coll of COLLECTIONS) (next as Record<Collection, unknown>)[coll] = prev[coll];
  for (const list of wire.lists) {
    if (list.full !== undefined) (next as Record<Collection, unknown>)[list.coll] = JSON.parse(list.full);
    else {
      const items = [...(prev[list.coll] as unknown[])];
      for (const [i, json] of list.changed ?? []) items[i] = JSON.parse(json);
      (next as Record<Collection, unknown>)[list.coll] = items;
    }
  }
  return next;
}

/** The work, wherever it runs. */
export function runRequest(req: { id: number; model: Model; scenario: Scenario | null; lint: boolean }, now: () => number = () => performance.now()): RunResponse {
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

/** The main thread's side: sends the model as a change from the one the worker already holds. */
export function createWireEncoder() {
  let sent: Model | null = null;
  return (req: RunRequest): WireRequest => {
    const model = encodeModel(sent, req.model);
    sent = req.model;
    return { id: req.id, model, scenario: req.scenario, lint: req.lint };
  };
}
