/**
 * What-if comparison (§9): impacts added, removed and changed between two results. A node has at most
 * one security and one availability impact (§8), so impacts are matched by (node, family).
 */
import { SECURITY_EFFECTS } from '../domain/index.ts';
import type { Impact, SimulationResult } from '../engine/index.ts';

export interface ResultDiff {
  added: Impact[];
  removed: Impact[];
  /** same node and family (security or availability), different effect, time or silence */
  changed: { node: string; before: Impact; after: Impact }[];
}

const family = (i: Impact): string => ((SECURITY_EFFECTS as readonly string[]).includes(i.effect) ? 'security' : 'availability');
const keyOf = (i: Impact): string => `${i.node}\u0000${family(i)}`;

/** Lists follow the results' impact order: `removed` the order of `before`, the others that of `after`. */
export function diffResults(before: SimulationResult, after: SimulationResult): ResultDiff {
  const old = new Map(before.impacts.map((i) => [keyOf(i), i]));
  const now = new Map(after.impacts.map((i) => [keyOf(i), i]));
  const added: Impact[] = [];
  const changed: ResultDiff['changed'] = [];
  for (const [key, a] of now) {
    const b = old.get(key);
    if (!b) added.push(a);
    else if (b.effect !== a.effect || b.at !== a.at || b.silent !== a.silent) changed.push({ node: a.node, before: b, after: a });
  }
  const removed = before.impacts.filter((i) => !now.has(keyOf(i)));
  return { added, removed, changed };
}
