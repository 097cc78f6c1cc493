/**
 * `simulate(model, scenario) → result` (domain.md §6-§8). Pure and deterministic: the same model and
 * scenario give the same result whatever the order of nodes and edges in the file.
 */
import type { Break, BreakMode, Model, ResponseAction, ScenarioResponse } from '../domain/index.ts';
import { aKind, BREAK_MODES, breakApplies, EDGE_KINDS, edgePropsSchemas, MAX_HOURS, MAX_HOURS_MESSAGE, nodePropsSchemas, RESPONSE_ACTIONS, RESPONSE_AT_MESSAGE, responseApplies } from '../domain/index.ts';
import { formatPath } from '../file/index.ts';
import { compileModel } from './compile.ts';
import type { CompiledModel } from './compile.ts';
import { deadMask, prepare, runPrepared, sharedWorkspace } from './run.ts';
import { buildResult } from './result.ts';
import type { SimulationResult } from './types.ts';

export interface ScenarioInput {
  id?: string;
  name?: string;
  breaks: Break[];
  patches?: { id: string; props: Record<string, unknown> }[];
  removed?: string[];
  /** v1.1 (§6): rotate or revoke a node at an hour. */
  responses?: ScenarioResponse[];
  params?: { responseHours?: number; maxExposure?: number };
}

interface SimulateOptions {
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
 * not validate, a response on a missing node, on a kind its action does not apply to or at a bad hour,
 * a bad `responseHours`.
 */
export function checkScenario(model: Model, scenario: ScenarioInput): ScenarioError | null {
  return checkCompiled(compileModel(model), scenario);
}

/** `checkScenario` on a model compiled already. */
export function checkCompiled(c: CompiledModel, scenario: ScenarioInput): ScenarioError | null {
  if (!Array.isArray(scenario.breaks)) return new ScenarioError('scenario.breaks', 'expected a list of breaks');
  for (const [i, b] of scenario.breaks.entries()) {
    if (!BREAK_MODES.includes(b.mode as BreakMode)) {
      return new ScenarioError(`scenario.breaks[${i}].mode`, `unknown break mode ${JSON.stringify(b.mode)}`);
    }
    const n = c.nodeIndex.get(b.node);
    if (n === undefined) return new ScenarioError(`scenario.breaks[${i}].node`, `no node ${JSON.stringify(b.node)}`);
    const kind = c.nodes[n].kind;
    if (!breakApplies(b.mode, kind)) {
      return new ScenarioError(`scenario.breaks[${i}].mode`, `"${b.mode}" does not apply to ${aKind(kind)} ("${b.node}")`);
    }
  }
  const merged = new Map<string, Record<string, unknown>>();
  for (const [i, patch] of (scenario.patches ?? []).entries()) {
    const n = c.nodeIndex.get(patch.id);
    const e = n === undefined ? c.edgeIndex().get(patch.id) : undefined;
    if (n === undefined && e === undefined) {
      return new ScenarioError(`scenario.patches[${i}].id`, `no node or edge ${JSON.stringify(patch.id)}`);
    }
    const schema = n !== undefined ? nodePropsSchemas[c.nodes[n].kind] : edgePropsSchemas[EDGE_KINDS[c.edgeKind[e!]]];
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
  if (scenario.responses !== undefined && !Array.isArray(scenario.responses)) {
    return new ScenarioError('scenario.responses', 'expected a list of responses');
  }
  for (const [i, r] of (scenario.responses ?? []).entries()) {
    const at = `scenario.responses[${i}]`;
    if (!RESPONSE_ACTIONS.includes(r.action as ResponseAction)) {
      return new ScenarioError(`${at}.action`, `unknown response ${JSON.stringify(r.action)}; responses are ${RESPONSE_ACTIONS.join(', ')}`);
    }
    const n = c.nodeIndex.get(r.node);
    if (n === undefined) return new ScenarioError(`${at}.node`, `no node ${JSON.stringify(r.node)}`);
    const kind = c.nodes[n].kind;
    if (!responseApplies(r.action, kind)) {
      return new ScenarioError(`${at}.action`, `"${r.action}" does not apply to ${aKind(kind)} ("${r.node}")`);
    }
    if (!(typeof r.at === 'number' && Number.isFinite(r.at) && r.at >= 0)) {
      return new ScenarioError(`${at}.at`, RESPONSE_AT_MESSAGE);
    }
    if (r.at > MAX_HOURS) return new ScenarioError(`${at}.at`, MAX_HOURS_MESSAGE);
  }
  const rh = scenario.params?.responseHours;
  if (rh !== undefined && !(typeof rh === 'number' && Number.isFinite(rh) && rh >= 0)) {
    return new ScenarioError('scenario.params.responseHours', 'expected a number of hours ≥ 0');
  }
  if (rh !== undefined && rh > MAX_HOURS) {
    return new ScenarioError('scenario.params.responseHours', MAX_HOURS_MESSAGE);
  }
  return null;
}

/** The blast radius of a scenario (§8). Throws `ScenarioError` for bad input. */
export function simulate(model: Model, scenario: ScenarioInput, options?: SimulateOptions): SimulationResult {
  const c = compileModel(model);
  const problem = checkCompiled(c, scenario);
  if (problem) throw problem;
  const prep = prepare(c, scenario);
  const core = runPrepared(prep, deadMask(prep, [], options?.excludeEdges), sharedWorkspace(prep.c));
  return buildResult(prep, scenario, core);
}
