import type { Model, Break } from '../domain/schema.ts';
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
export class ScenarioError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'ScenarioError';
    this.path = path;
  }
}
export function checkScenario(_model: Model, _scenario: ScenarioInput): ScenarioError | null {
  throw new Error('not implemented yet');
}
export function simulate(_model: Model, _scenario: ScenarioInput, _options?: SimulateOptions): SimulationResult {
  throw new Error('not implemented yet');
}
