/** Fresh ids for new items: `<kind>-<n>` for nodes, `e-<n>` for edges, `b-<n>` for boundaries. */
import type { Model } from '../../../shared/domain/index.ts';

/** Node and edge ids share one namespace (a scenario patch names either by id alone); boundaries have theirs. */
export function usedIds(model: Model): Set<string> {
  const ids = new Set<string>();
  for (const n of model.nodes) ids.add(n.id);
  for (const e of model.edges) ids.add(e.id);
  for (const b of model.boundaries) ids.add(b.id);
  return ids;
}

/** The first `<prefix>-<n>` (n from 1) not in `used`; the result is added to `used`. */
export function freshId(prefix: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  const id = `${prefix}-${n}`;
  used.add(id);
  return id;
}
