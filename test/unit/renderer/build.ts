/** Small models for renderer tests, filled by the domain schema like a loaded file. */
import type { Model } from '../../../shared/domain/index.ts';
import { modelSchema } from '../../../shared/domain/index.ts';

type Raw = Record<string, unknown>;

export function model(parts: { nodes?: Raw[]; edges?: Raw[]; boundaries?: Raw[]; scenarios?: Raw[] }): Model {
  return modelSchema.parse({ id: 'm', nodes: [], edges: [], ...parts });
}

export const node = (id: string, kind: string, x = 0, y = 0, extra: Raw = {}): Raw => ({
  id,
  kind,
  label: id,
  position: { x, y },
  ...extra,
});
export const edge = (id: string, kind: string, source: string, target: string, props: Raw = {}): Raw => ({
  id,
  kind,
  source,
  target,
  props,
});
