import type { Impact, SimulationResult } from '../engine/types.ts';

export interface ResultDiff {
  added: Impact[];
  removed: Impact[];
  changed: { node: string; before: Impact; after: Impact }[];
}
export function diffResults(_before: SimulationResult, _after: SimulationResult): ResultDiff {
  throw new Error('not implemented yet');
}
