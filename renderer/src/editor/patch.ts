/**
 * Model edits as diffs. A patch is a list of operations on the model's id-keyed collections; each op keeps
 * the item before and after, so a patch inverts exactly. Pure: no React, no React Flow, no store.
 */
import type { Boundary, Model, ModelEdge, ModelNode, Note, Scenario } from '../../../shared/domain/index.ts';

interface CollectionItems {
  nodes: ModelNode;
  edges: ModelEdge;
  boundaries: Boundary;
  scenarios: Scenario;
  /** Sticky notes (domain 1.1 §10); an import adds them in the same undo step as its nodes. */
  notes: Note;
}
export type Collection = keyof CollectionItems;
type AnyItem = CollectionItems[Collection];

/**
 * One change to one item. `before` null: the item is inserted at `index`; `after` null: it is removed (it
 * sat at `index`); both set: it is replaced in place.
 */
export interface ItemOp {
  coll: Collection;
  id: string;
  before: AnyItem | null;
  after: AnyItem | null;
  index: number;
}

/** The model's own fields a user edits: its name, description and as-of date. */
export type HeadField = 'name' | 'description' | 'asOf';

/** One change to one of the model's own fields: its value before and after. */
interface HeadOp {
  coll: 'head';
  id: HeadField;
  before: Model[HeadField];
  after: Model[HeadField];
  index: 0;
}

export type Op = ItemOp | HeadOp;

export type Patch = readonly Op[];

/** Sets the model's own fields: one op per field that changes. */
export function setHead(model: Model, changes: Partial<Pick<Model, HeadField>>): Patch {
  return (Object.keys(changes) as HeadField[])
    .filter((field) => changes[field] !== undefined && changes[field] !== model[field])
    .map((field) => ({ coll: 'head', id: field, before: model[field], after: changes[field]!, index: 0 }) as HeadOp);
}

/**
 * Fields that only place an item on the canvas: the engine and the linter never read them (domain.md §4
 * and §8 speak of kinds, props and edges), so a change of these alone needs no new simulation.
 */
const LAYOUT_FIELDS: ReadonlySet<string> = new Set(['position', 'size']);

/** Whether every op replaces a node or boundary with one that differs only in where it sits (a drag, a nudge, a layout). */
export function layoutOnly(patch: Patch): boolean {
  for (const op of patch) {
    if (op.coll !== 'nodes' && op.coll !== 'boundaries') return false;
    if (op.before === null || op.after === null) return false;
    const before = op.before as unknown as Record<string, unknown>;
    const after = op.after as unknown as Record<string, unknown>;
    for (const key in after) if (!LAYOUT_FIELDS.has(key) && after[key] !== before[key]) return false;
    for (const key in before) if (!(key in after)) return false;
  }
  return true;
}

function listOf(model: Model, coll: Collection): readonly AnyItem[] {
  return model[coll] as readonly AnyItem[];
}

/** Applies ops in order; collections no op touches keep their identity, and so do untouched items. */
export function applyPatch(model: Model, patch: Patch): Model {
  if (patch.length === 0) return model;
  const lists = new Map<Collection, AnyItem[]>();
  // Where each item sits, per collection, while no insert or removal has shifted them: a layout's 2,000
  // replacements cost one pass, not 2,000 searches.
  const places = new Map<Collection, Map<string, number>>();
  const list = (coll: Collection) => {
    let l = lists.get(coll);
    if (!l) {
      l = [...listOf(model, coll)];
      lists.set(coll, l);
    }
    return l;
  };
  const find = (coll: Collection, l: AnyItem[], id: string) => {
    let at = places.get(coll);
    if (!at) {
      at = new Map(l.map((item, i) => [item.id, i]));
      places.set(coll, at);
    }
    const i = at.get(id);
    return i !== undefined && l[i]?.id === id ? i : l.findIndex((item) => item.id === id);
  };
  let head: Partial<Model> | null = null;
  for (const op of patch) {
    if (op.coll === 'head') {
      head = { ...(head ?? {}), [op.id]: op.after };
      continue;
    }
    const l = list(op.coll);
    if (op.before === null) {
      if (op.after) l.splice(Math.min(op.index, l.length), 0, op.after);
      places.delete(op.coll);
      continue;
    }
    // A replacement records where its item sat: there, unless an earlier op in the patch moved it.
    const i = l[op.index]?.id === op.id ? op.index : find(op.coll, l, op.id);
    if (i < 0) continue;
    if (op.after === null) {
      l.splice(i, 1);
      places.delete(op.coll);
    } else l[i] = op.after;
  }
  return { ...model, ...head, ...Object.fromEntries(lists) } as Model;
}

export function invertPatch(patch: Patch): Patch {
  return patch.map((op) => ({ ...op, before: op.after, after: op.before }) as Op).reverse();
}

/**
 * Two patches as one. Consecutive replacements of the same items (typing in a field, nudging with the
 * arrows) collapse to one op per item, so a long gesture stays small.
 */
export function composePatches(a: Patch, b: Patch): Patch {
  const onlyUpdates = (p: Patch) => p.every((op) => op.coll === 'head' || (op.before !== null && op.after !== null));
  if (!onlyUpdates(a) || !onlyUpdates(b)) return [...a, ...b];
  const key = (op: Op) => `${op.coll}\u0000${op.id}`;
  const merged = new Map<string, Op>(a.map((op) => [key(op), op]));
  for (const op of b) {
    const prev = merged.get(key(op));
    merged.set(key(op), prev ? ({ ...prev, after: op.after } as Op) : op);
  }
  return [...merged.values()];
}

/**
 * Builds a patch against a model: updates first, then removals from the highest index down, then additions
 * at the end. That order makes every recorded index right both when applying and when inverting.
 */
export class PatchBuilder {
  private readonly updates = new Map<string, ItemOp>();
  private readonly removals: ItemOp[] = [];
  private readonly additions: ItemOp[] = [];
  private readonly removed = new Set<string>();

  /** Per collection, each item's index in the model: built once, so an edit of thousands of items stays linear. */
  private readonly indexes = new Map<Collection, Map<string, number>>();

  constructor(private readonly model: Model) {}

  private key(coll: Collection, id: string) {
    return `${coll}\u0000${id}`;
  }

  private indexOf(coll: Collection, id: string): number {
    let index = this.indexes.get(coll);
    if (!index) {
      index = new Map(listOf(this.model, coll).map((item, i) => [item.id, i]));
      this.indexes.set(coll, index);
    }
    return index.get(id) ?? -1;
  }

  private added(coll: Collection, id: string): ItemOp | undefined {
    return this.additions.length ? this.additions.find((op) => op.coll === coll && op.id === id) : undefined;
  }

  /** The item as it will be once the patch applies (null if removed or absent). */
  get<C extends Collection>(coll: C, id: string): CollectionItems[C] | null {
    const k = this.key(coll, id);
    if (this.removed.has(k)) return null;
    const added = this.added(coll, id);
    if (added) return added.after as CollectionItems[C];
    const updated = this.updates.get(k);
    if (updated) return updated.after as CollectionItems[C];
    const i = this.indexOf(coll, id);
    return i < 0 ? null : (listOf(this.model, coll)[i] as CollectionItems[C]);
  }

  /** Every item of a collection as it will be once the patch applies. */
  list<C extends Collection>(coll: C): CollectionItems[C][] {
    const out: CollectionItems[C][] = [];
    for (const item of listOf(this.model, coll)) {
      const current = this.get(coll, item.id);
      if (current) out.push(current);
    }
    for (const op of this.additions) if (op.coll === coll) out.push(op.after as CollectionItems[C]);
    return out;
  }

  has(coll: Collection, id: string): boolean {
    return this.get(coll, id) !== null;
  }

  add<C extends Collection>(coll: C, item: CollectionItems[C]): this {
    this.additions.push({ coll, id: item.id, before: null, after: item, index: Number.MAX_SAFE_INTEGER });
    return this;
  }

  update<C extends Collection>(coll: C, id: string, next: (item: CollectionItems[C]) => CollectionItems[C]): this {
    const k = this.key(coll, id);
    if (this.removed.has(k)) return this;
    const added = this.added(coll, id);
    if (added) {
      added.after = next(added.after as CollectionItems[C]);
      return this;
    }
    const current = this.get(coll, id);
    if (!current) return this;
    const after = next(current);
    if (after === current) return this;
    const prev = this.updates.get(k);
    const index = this.indexOf(coll, id);
    this.updates.set(k, { coll, id, before: prev ? prev.before : current, after, index });
    return this;
  }

  remove(coll: Collection, id: string): this {
    const k = this.key(coll, id);
    if (this.removed.has(k)) return this;
    const addedAt = this.additions.findIndex((op) => op.coll === coll && op.id === id);
    if (addedAt >= 0) {
      this.additions.splice(addedAt, 1);
      return this;
    }
    const index = this.indexOf(coll, id);
    if (index < 0) return this;
    const prev = this.updates.get(k);
    this.updates.delete(k);
    // A removal restores the original item on undo, so an earlier update of it is folded in.
    this.removals.push({ coll, id, before: prev ? prev.before : listOf(this.model, coll)[index], after: null, index });
    this.removed.add(k);
    return this;
  }

  build(): Patch {
    const removals = [...this.removals].sort((a, b) => b.index - a.index);
    const lengthAfter = new Map<Collection, number>();
    const additions = this.additions.map((op) => {
      const base =
        lengthAfter.get(op.coll) ??
        listOf(this.model, op.coll).length - removals.filter((r) => r.coll === op.coll).length;
      lengthAfter.set(op.coll, base + 1);
      return { ...op, index: base };
    });
    return [...this.updates.values(), ...removals, ...additions];
  }
}
