/**
 * "Try it": a what-if variant of a scenario holding one fix. The fix goes in as the engine states it
 * (Chokepoint.apply): a prop patch merged into the scenario's patches ("for this scenario only", as the
 * inspector's what-if editing writes them), an edge left out (the scenario's `removed`, which is how a
 * scenario removes an edge), or the response time (`params.responseHours`). Inserted right below the
 * original, named "<name> + <fix>". Pure.
 */
import type { Chokepoint } from '../../../shared/analysis/index.ts';
import type { Model, Scenario } from '../../../shared/domain/index.ts';
import type { Op, Patch } from '../editor/patch.ts';
import { freshScenarioId } from '../scenarios/scenarioOps.ts';

export function fixVariant(model: Model, scenarioId: string, fix: Chokepoint): { patch: Patch; id: string } | null {
  const index = model.scenarios.findIndex((s) => s.id === scenarioId);
  if (index < 0) return null;
  const original = model.scenarios[index];
  const id = freshScenarioId(model, `${original.id.replace(/-fix(-\d+)?$/, '')}-fix`);
  const variant: Scenario = { ...structuredClone(original), id, name: `${original.name || original.id} + ${fix.description}` };
  const a = fix.apply;
  if ('patch' in a) {
    const at = variant.patches.findIndex((p) => p.id === a.patch.id);
    if (at >= 0) variant.patches[at] = { id: a.patch.id, props: { ...variant.patches[at].props, ...a.patch.props } };
    else variant.patches.push({ id: a.patch.id, props: { ...a.patch.props } });
  } else if ('removed' in a) {
    if (!variant.removed.includes(a.removed)) variant.removed.push(a.removed);
  } else variant.params = { ...variant.params, responseHours: a.responseHours };
  const op: Op = { coll: 'scenarios', id, before: null, after: variant, index: index + 1 };
  return { patch: [op], id };
}
