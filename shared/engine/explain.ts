import type { EdgeKind, Effect } from '../domain/kinds.ts';
import type { Model } from '../domain/schema.ts';
import type { ScenarioInput } from './simulate.ts';
import type { SimulationResult } from './types.ts';

export interface PathStep {
  node: string;
  effect: Effect;
  at: number;
  edge: string | null;
  edgeKind: EdgeKind | null;
  from: string | null;
  fromEffect: Effect | null;
  rule: string;
  control: string | null;
  sentence: string;
}
export function explainPath(
  _model: Model,
  _result: SimulationResult,
  _node: string,
  _effect?: Effect,
  _scenario?: ScenarioInput,
): PathStep[] {
  throw new Error('not implemented yet');
}
