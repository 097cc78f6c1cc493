import type { Model } from '../domain/schema.ts';
import type { ScenarioInput } from '../engine/simulate.ts';

export interface Chokepoint {
  id: string;
  edge: string;
  fix: 'remove' | 'approval' | 'verified' | 'constrained' | 'bound' | 'lower-access';
  description: string;
  scoreBefore: number;
  scoreAfter: number;
  reduction: number;
  reason: string | null;
}
export function rankChokepoints(_model: Model, _scenario: ScenarioInput): Chokepoint[] {
  throw new Error('not implemented yet');
}
