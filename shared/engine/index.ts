

export { CONTROL, DEGRADED, DOWN, E, K, READ, S5_COPY, WRITE, cmpStr } from './codes.ts';
export { compileModel } from './compile.ts';
export type { CompiledModel } from './compile.ts';
export type { Core } from './core.ts';
export { explainEntries, explainPath } from './explain.ts';
export type { PathStep } from './explain.ts';
export { TimeQueue } from './heap.ts';
export { IdOrder, prefixKey } from './idOrder.ts';
export { paramsWith } from './params.ts';
export { EDGE_RULES, edgeControl } from './rules.ts';
export { deadMask, prepare, round9, runPrepared, scoreOfRun } from './run.ts';
export type { Prepared } from './run.ts';
export { ScenarioError, checkCompiled, checkScenario, simulate } from './simulate.ts';
export type { ScenarioInput } from './simulate.ts';
export { Trials } from './trials.ts';
export type { Change, Outcome } from './trials.ts';
export type { Impact, SimulationResult, TraceEntry, Via } from './types.ts';
export { whyNotReached } from './whyNot.ts';
export { createWorkspace } from './workspace.ts';
