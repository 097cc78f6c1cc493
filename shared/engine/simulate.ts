/**
 * `simulate(model, scenario) → result` (domain.md §6-§8). Pure and deterministic: the same model and
 * scenario give the same result whatever the order of nodes and edges in the file.
 */
import { BREAK_MODES, EDGE_KINDS, breakApplies } from '../domain/kinds.ts';
import type { BreakMode } from '../domain/kinds.ts';
import { edgePropsSchemas, nodePropsSchemas } from '../domain/schema.ts';
import type { Break, Model } from '../domain/schema.ts';
import { withArticle } from '../domain/words.ts';
import { formatPath } from '../file/errors.ts';
import { compileModel } from './compile.ts';
import { buildResult, deadMask, prepare, runPrepared, sharedWorkspace } from './run.ts';
import type { SimulationResult } from './types.ts';

export interface ScenarioInput {
  id?: string;
  name?: string;
  breaks: Break[];
  patches?: { id: string; props: Record<string, unknown> }[];
  removed?: string[];
  params?: { responseHours?: number; maxExposure?: number };
}

export interface SimulateOptions {
  /** edges to leave out in addition to scenario.removed (Monte Carlo, chokepoints) */
  excludeEdges?: ReadonlySet<string>;
}

/** Bad scenario input: the message names the JSON path, like `scenario.breaks[0].node: no node "x"`. */
export class ScenarioError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'ScenarioError';
    this.path = path;
  }
}

/**
 * The first problem of a scenario against a model, or null: a break on a missing node or with a mode
 * that does not apply to the node's kind, a patch or removed edge naming nothing, patched props that do
 * not validate, a bad `responseHours`.
 */
export function checkScenario(model: Model, scenario: ScenarioInput): ScenarioError | null {
  const c = compileModel(model);
  if (!Array.isArray(scenario.breaks)) return new ScenarioError('scenario.breaks', 'expected a list of breaks');
  for (const [i, b] of scenario.breaks.entries()) {
    if (!BREAK_MODES.includes(b.mode as BreakMode)) {
      return new ScenarioError(`scenario.breaks[${i}].mode`, `unknown break mode ${JSON.stringify(b.mode)}`);
    }
    const n = c.nodeIndex.get(b.node);
    if (n === undefined) return new ScenarioError(`scenario.breaks[${i}].node`, `no node ${JSON.stringify(b.node)}`);
    const kind = model.nodes[n].kind;
    if (!breakApplies(b.mode, kind)) {
      return new ScenarioError(`scenario.breaks[${i}].mode`, `"${b.mode}" does not apply to ${withArticle(kind)} ("${b.node}")`);
    }
  }
  const merged = new Map<string, Record<string, unknown>>();
  for (const [i, patch] of (scenario.patches ?? []).entries()) {
    const n = c.nodeIndex.get(patch.id);
    const e = n === undefined ? c.edgeIndex().get(patch.id) : undefined;
    if (n === undefined && e === undefined) {
      return new ScenarioError(`scenario.patches[${i}].id`, `no node or edge ${JSON.stringify(patch.id)}`);
    }
    const schema = n !== undefined ? nodePropsSchemas[model.nodes[n].kind] : edgePropsSchemas[EDGE_KINDS[c.edgeKind[e!]]];
    const saved = n !== undefined ? c.nodeProps[n] : c.edgeProps[e!];
    const props = { ...(merged.get(patch.id) ?? saved), ...patch.props };
    merged.set(patch.id, props);
    const parsed = schema.safeParse(props);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return new ScenarioError(formatPath(['scenario', 'patches', i, 'props', ...issue.path]), issue.message);
    }
  }
  for (const [i, id] of (scenario.removed ?? []).entries()) {
    if (!c.edgeIndex().has(id)) return new ScenarioError(`scenario.removed[${i}]`, `no edge ${JSON.stringify(id)}`);
  }
  const rh = scenario.params?.responseHours;
  if (rh !== undefined && !(typeof rh === 'number' && Number.isFinite(rh) && rh >= 0)) {
    return new ScenarioError('scenario.params.responseHours', 'expected a number of hours ≥ 0');
  }
  return null;
}

/** The blast radius of a scenario (§8). Throws `ScenarioError` for bad input. */
export function simulate(model: Model, scenario: ScenarioInput, options?: SimulateOptions): SimulationResult {
  const problem = checkScenario(model, scenario);
  if (problem) throw problem;
  const prep = prepare(compileModel(model), scenario);
  const core = runPrepared(prep, deadMask(prep, [], options?.excludeEdges), sharedWorkspace(prep.c));
  return buildResult(prep, scenario, core);
}
