/**
 * What changed between two versions of a model: nodes, edges, boundaries and scenarios added, removed
 * or changed. Used to compare a snapshot with the current model.
 */
import type { Model } from './schema.ts';

interface ItemChange<T> {
  id: string;
  before: T;
  after: T;
  /** Top-level fields that differ (`label`, `props.ttlHours`, `position`). */
  fields: string[];
}

interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
}

export interface ModelDiff {
  nodes: CollectionDiff<Model['nodes'][number]>;
  edges: CollectionDiff<Model['edges'][number]>;
  boundaries: CollectionDiff<Model['boundaries'][number]>;
  scenarios: CollectionDiff<Model['scenarios'][number]>;
  /** Model-level fields that differ: name, description, asOf. */
  fields: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'props' && isRecord(before.props) && isRecord(after.props)) {
      fields.push(...changedFields(before.props, after.props).map((f) => `props.${f}`));
    } else if (!same(before[key], after[key])) {
      fields.push(key);
    }
  }
  return fields.sort();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diffCollection<T extends { id: string }>(before: readonly T[], after: readonly T[]): CollectionDiff<T> {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const changed: ItemChange<T>[] = [];
  for (const [id, a] of now) {
    const b = old.get(id);
    if (!b) continue;
    const fields = changedFields(b as Record<string, unknown>, a as Record<string, unknown>);
    if (fields.length) changed.push({ id, before: b, after: a, fields });
  }
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed,
  };
}

export function diffModels(before: Model, after: Model): ModelDiff {
  return {
    nodes: diffCollection(before.nodes, after.nodes),
    edges: diffCollection(before.edges, after.edges),
    boundaries: diffCollection(before.boundaries, after.boundaries),
    scenarios: diffCollection(before.scenarios, after.scenarios),
    fields: (['name', 'description', 'asOf'] as const).filter((k) => before[k] !== after[k]),
  };
}

/** True when the two models are the same in every compared part. */
export function isEmptyDiff(d: ModelDiff): boolean {
  const empty = (c: CollectionDiff<unknown>) => !c.added.length && !c.removed.length && !c.changed.length;
  return empty(d.nodes) && empty(d.edges) && empty(d.boundaries) && empty(d.scenarios) && !d.fields.length;
}
