import type { Model } from '../../../shared/domain/index.ts';

export function emptyModel(): Model {
  return {
    id: `model-${Math.random().toString(36).slice(2, 10)}`,
    name: 'Untitled model',
    description: '',
    asOf: new Date().toISOString().slice(0, 10),
    nodes: [],
    edges: [],
    boundaries: [],
    scenarios: [],
    notes: [],
  };
}
