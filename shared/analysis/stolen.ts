/**
 * Stolen secrets whose copy died (§5 `until`): the app and the report show a secret whose stolen copy stopped
 * working before it carried anything as "stolen, dead after N h", apart from the live ones.
 */
import type { SimulationResult } from '../engine/index.ts';
import { formatHours } from '../format.ts';

/**
 * Node id → the hour its copy died, for every stolen secret whose copy carried no step at all and died while the
 * attacker was still in: before containment, or at any hour when nothing contains the scenario. A copy still good
 * when the scenario is contained worked for the whole attack; it carried nothing because what it opens was reached
 * another way, and calling it dead would tell a reader its rotation saved them.
 */
export function deadCopies(result: SimulationResult): Map<string, number> {
  const carried = new Set<string>();
  for (const t of result.trace) if (t.via) carried.add(t.via.from);
  const contained = result.detection.containedAt ?? Infinity;
  const out = new Map<string, number>();
  for (const i of result.impacts) {
    if (typeof i.until === 'number' && i.until < contained && !carried.has(i.node)) out.set(i.node, i.until);
  }
  return out;
}

/** "stolen, dead after 4 h". */
export const deadCopyText = (until: number) => `stolen, dead after ${formatHours(until)}`;
