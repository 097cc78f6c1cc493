import type { Effect } from '../domain/kinds.ts';
import type { Model } from '../domain/schema.ts';
import type { ScenarioInput } from '../engine/simulate.ts';

export interface MonteCarloResult {
  runs: number;
  seed: number;
  nodes: Record<string, Partial<Record<Effect, number>>>;
}
export function monteCarlo(_model: Model, _scenario: ScenarioInput, _options: { runs: number; seed: number }): MonteCarloResult {
  throw new Error('not implemented yet');
}
