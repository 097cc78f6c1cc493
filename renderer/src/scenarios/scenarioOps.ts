/**
 * Scenario edits as patches on the model's `scenarios` collection: the document store applies and records
 * them, so each is one undo step and lands in the file. Pure: no React, no store.
 *
 * What-if patches (§6) hold only the props that differ from the model, validated by the same schema as
 * the model's props; a patch left empty is dropped.
 */
import type { Break, BreakMode, Model, ModelEdge, ModelNode, Scenario, ScenarioResponse } from '../../../shared/domain/index.ts';
import { BREAK_INFO, breakApplies, DEFAULT_RESPONSE_HOURS, edgePropsSchemas, followSensitivity, nodePropsSchemas, responseApplies } from '../../../shared/domain/index.ts';
import type { Op, Patch } from '../editor/patch.ts';
import { PatchBuilder } from '../editor/patch.ts';

type Props = Record<string, unknown>;

export function scenarioById(model: Model, id: string | null): Scenario | null {
  return id === null ? null : (model.scenarios.find((s) => s.id === id) ?? null);
}

/** `scenario-1`, `scenario-2`, …: the first free one. */
export function freshScenarioId(model: Model, prefix = 'scenario'): string {
  const used = new Set(model.scenarios.map((s) => s.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function emptyScenario(id: string, name: string, breaks: Break[] = []): Scenario {
  return { id, name, breaks, patches: [], removed: [], responses: [], params: { responseHours: DEFAULT_RESPONSE_HOURS } };
}

/** A name for a scenario started from one break: "Leak deploy-token". */
function breakName(model: Model, brk: Break): string {
  const label = model.nodes.find((n) => n.id === brk.node)?.label || brk.node;
  return `${BREAK_INFO[brk.mode].title} ${label}`;
}

export function createScenario(model: Model, init: { name?: string; breaks?: Break[] } = {}): { patch: Patch; id: string } {
  const id = freshScenarioId(model);
  const name = init.name ?? (init.breaks?.length ? breakName(model, init.breaks[0]) : `Scenario ${id.slice('scenario-'.length)}`);
  return { patch: new PatchBuilder(model).add('scenarios', emptyScenario(id, name, init.breaks ?? [])).build(), id };
}

export function renameScenario(model: Model, id: string, name: string): Patch {
  return new PatchBuilder(model).update('scenarios', id, (s) => (s.name === name ? s : { ...s, name })).build();
}

/** A copy right below the original, named "… (copy)". */
export function duplicateScenario(model: Model, id: string): { patch: Patch; id: string } | null {
  const index = model.scenarios.findIndex((s) => s.id === id);
  if (index < 0) return null;
  const original = model.scenarios[index];
  const copyId = freshScenarioId(model, original.id.replace(/-copy(-\d+)?$/, '') + '-copy');
  const copy: Scenario = { ...structuredClone(original), id: copyId, name: `${original.name || original.id} (copy)` };
  const op: Op = { coll: 'scenarios', id: copyId, before: null, after: copy, index: index + 1 };
  return { patch: [op], id: copyId };
}

export function deleteScenario(model: Model, id: string): Patch {
  return new PatchBuilder(model).remove('scenarios', id).build();
}

/** Moves a scenario by `delta` places in the list (clamped); one undoable op pair. */
export function moveScenario(model: Model, id: string, delta: number): Patch {
  const from = model.scenarios.findIndex((s) => s.id === id);
  if (from < 0) return [];
  const to = Math.max(0, Math.min(model.scenarios.length - 1, from + delta));
  if (to === from) return [];
  const s = model.scenarios[from];
  return [
    { coll: 'scenarios', id, before: s, after: null, index: from },
    { coll: 'scenarios', id, before: null, after: s, index: to },
  ];
}

function update(model: Model, id: string, next: (s: Scenario) => Scenario): Patch {
  return new PatchBuilder(model).update('scenarios', id, next).build();
}

const sameBreak = (a: Break, b: Break) => a.mode === b.mode && a.node === b.node;

/** Adds the break, or takes it out when the scenario has it. A mode that does not apply changes nothing. */
export function toggleBreak(model: Model, id: string, brk: Break): Patch {
  const node = model.nodes.find((n) => n.id === brk.node);
  if (!node || !breakApplies(brk.mode, node.kind)) return [];
  return update(model, id, (s) =>
    s.breaks.some((b) => sameBreak(b, brk))
      ? { ...s, breaks: s.breaks.filter((b) => !sameBreak(b, brk)) }
      : { ...s, breaks: [...s.breaks, { mode: brk.mode, node: brk.node }] },
  );
}

export function hasBreak(scenario: Scenario | null, mode: BreakMode, node: string): boolean {
  return !!scenario?.breaks.some((b) => b.mode === mode && b.node === node);
}

export type ParamsEdit = { responseHours?: number; maxExposure?: number | null };

/** Sets response time (hours ≥ 0) and the exposure limit (0-1, null to clear); a bad value changes nothing. */
export function setParams(model: Model, id: string, edit: ParamsEdit): Patch {
  const rh = edit.responseHours;
  if (rh !== undefined && !(Number.isFinite(rh) && rh >= 0)) return [];
  const mx = edit.maxExposure;
  if (mx !== undefined && mx !== null && !(Number.isFinite(mx) && mx >= 0 && mx <= 1)) return [];
  return update(model, id, (s) => {
    const params = { ...s.params };
    if (rh !== undefined) params.responseHours = rh;
    if (mx === null) delete params.maxExposure;
    else if (mx !== undefined) params.maxExposure = mx;
    const same = params.responseHours === s.params.responseHours && params.maxExposure === s.params.maxExposure;
    return same ? s : { ...s, params };
  });
}

/** A response the model can take: its node exists, its action applies to the node's kind, its hour is ≥ 0. */
function validResponse(model: Model, r: ScenarioResponse): boolean {
  const node = model.nodes.find((n) => n.id === r.node);
  return !!node && responseApplies(r.action, node.kind) && Number.isFinite(r.at) && r.at >= 0;
}

/** Adds a response (§6) at the end of the scenario's list; an invalid one changes nothing. */
export function addResponse(model: Model, id: string, response: ScenarioResponse): Patch {
  if (!validResponse(model, response)) return [];
  return update(model, id, (s) => ({ ...s, responses: [...s.responses, { action: response.action, node: response.node, at: response.at }] }));
}

/** Changes the action, node or hour of the response at `index`; an invalid result changes nothing. */
export function updateResponse(model: Model, id: string, index: number, changes: Partial<ScenarioResponse>): Patch {
  const s = scenarioById(model, id);
  const current = s?.responses[index];
  if (!current) return [];
  const next = { ...current, ...changes };
  if (!validResponse(model, next)) return [];
  if (next.action === current.action && next.node === current.node && next.at === current.at) return [];
  return update(model, id, (sc) => ({ ...sc, responses: sc.responses.map((r, i) => (i === index ? next : r)) }));
}

export function removeResponse(model: Model, id: string, index: number): Patch {
  const s = scenarioById(model, id);
  if (!s || index < 0 || index >= s.responses.length) return [];
  return update(model, id, (sc) => ({ ...sc, responses: sc.responses.filter((_, i) => i !== index) }));
}

/** Leaves an edge out of the scenario, or brings it back. */
export function toggleRemovedEdge(model: Model, id: string, edgeId: string): Patch {
  if (!model.edges.some((e) => e.id === edgeId)) return [];
  return update(model, id, (s) =>
    s.removed.includes(edgeId) ? { ...s, removed: s.removed.filter((x) => x !== edgeId) } : { ...s, removed: [...s.removed, edgeId] },
  );
}

type Item = { coll: 'nodes'; item: ModelNode } | { coll: 'edges'; item: ModelEdge };

function findItem(model: Model, id: string): Item | null {
  const node = model.nodes.find((n) => n.id === id);
  if (node) return { coll: 'nodes', item: node };
  const edge = model.edges.find((e) => e.id === id);
  return edge ? { coll: 'edges', item: edge } : null;
}

type Schema = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };
const schemaOf = (it: Item): Schema =>
  (it.coll === 'nodes' ? nodePropsSchemas[it.item.kind] : edgePropsSchemas[it.item.kind]) as unknown as Schema;

/** The props a scenario overrides for an item (all its patches for that id merged, in order). */
function patchedProps(scenario: Scenario | null, id: string): Props {
  const out: Props = {};
  for (const p of scenario?.patches ?? []) if (p.id === id) Object.assign(out, p.props);
  return out;
}

const sameValue = (a: unknown, b: unknown) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

export type WhatIfEdit = { ok: true; patch: Patch } | { ok: false; prop: string; message: string };

/**
 * Sets props "for this scenario only" on the listed nodes or edges: checked against the kind's schema with
 * the model's props and the scenario's other overrides; a value equal to the model's own drops the override.
 */
export function setWhatIf(model: Model, scenarioId: string, ids: readonly string[], changes: Props): WhatIfEdit {
  const scenario = scenarioById(model, scenarioId);
  if (!scenario) return { ok: true, patch: [] };
  let patches = scenario.patches.map((p) => ({ id: p.id, props: { ...p.props } }));
  for (const id of ids) {
    const it = findItem(model, id);
    if (!it) continue;
    const base = it.item.props as Props;
    const current = patchedProps(scenario, id);
    // A datastore's criticality follows its sensitivity unless set (§2), for this scenario too.
    const wanted = it.coll === 'nodes' && it.item.kind === 'datastore' ? followSensitivity({ ...base, ...current }, changes) : changes;
    const parsed = schemaOf(it).safeParse({ ...base, ...current, ...wanted });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, prop: String(issue.path[0] ?? ''), message: issue.message };
    }
    const value = parsed.data as Props;
    const next: Props = { ...current };
    for (const key of Object.keys(wanted)) {
      if (sameValue(value[key], base[key])) delete next[key];
      else next[key] = value[key];
    }
    // One patch per id, where the first one was; an empty one goes.
    const at = patches.findIndex((p) => p.id === id);
    patches = patches.filter((p, i) => p.id !== id || i === at);
    if (Object.keys(next).length === 0) patches = patches.filter((p) => p.id !== id);
    else if (at >= 0) patches = patches.map((p) => (p.id === id ? { id, props: next } : p));
    else patches.push({ id, props: next });
  }
  const same = JSON.stringify(patches) === JSON.stringify(scenario.patches);
  return { ok: true, patch: same ? [] : update(model, scenarioId, (s) => ({ ...s, patches })) };
}

/** Drops one overridden prop of an item (or all of them when `prop` is omitted). */
export function dropWhatIf(model: Model, scenarioId: string, id: string, prop?: string): Patch {
  return update(model, scenarioId, (s) => {
    const patches = s.patches
      .map((p) => {
        if (p.id !== id) return p;
        if (prop === undefined) return null;
        const { [prop]: _gone, ...rest } = p.props;
        return { id: p.id, props: rest };
      })
      .filter((p): p is Scenario['patches'][number] => p !== null && Object.keys(p.props).length > 0);
    return patches.length === s.patches.length && patches.every((p, i) => p === s.patches[i]) ? s : { ...s, patches };
  });
}

/**
 * The model as the scenario sees it: patched props merged into their nodes and edges. For showing
 * values in the inspector only; the engine applies patches itself.
 */
export function withWhatIf<T extends ModelNode | ModelEdge>(items: readonly T[], scenario: Scenario | null): T[] {
  if (!scenario || scenario.patches.length === 0) return items as T[];
  return items.map((item) => {
    const props = patchedProps(scenario, item.id);
    return Object.keys(props).length ? ({ ...item, props: { ...item.props, ...props } } as T) : item;
  });
}

interface WhatIfLine {
  id: string;
  prop: string;
  from: unknown;
  to: unknown;
}

/** Every override of a scenario, one line per prop: what the model says and what the scenario says. */
export function whatIfLines(model: Model, scenario: Scenario): WhatIfLine[] {
  const lines: WhatIfLine[] = [];
  const seen = new Set<string>();
  for (const p of scenario.patches) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const base = (findItem(model, p.id)?.item.props ?? {}) as Props;
    for (const [prop, to] of Object.entries(patchedProps(scenario, p.id))) lines.push({ id: p.id, prop, from: base[prop], to });
  }
  return lines;
}
