/**
 * The library's operations over the database. Every model read goes through the one load path, so a
 * damaged record is reported, never half-loaded. A save writes the summary and only the chunks the
 * history's patch touched since what this library last wrote or read (all of them without a patch), in
 * one transaction with the format version.
 *
 * Two windows never mix their writes: a save checks, in its own transaction, that the stored revision is
 * the one this library last read or wrote (compare-and-swap), and refuses with ModelConflictError
 * otherwise. Which window may write at all is decided by the writer locks (writerLocks.ts).
 */
import Dexie from 'dexie';
import type { Model } from '../../../shared/domain/index.ts';
import type { LoadError } from '../../../shared/file/index.ts';
import { CURRENT_VERSION, parseModelFile, parseModelJson, serializeModelInSlices } from '../../../shared/file/index.ts';
import type { Result } from '../../../shared/result.ts';
import type { ChunkRecord, FaultlineDb, ModelRecord, SnapshotRecord } from './db.ts';
import { CHUNK_SIZE } from './db.ts';
import type { Patch } from '../editor/patch.ts';
import { modelThumbnail } from './thumbnail.ts';
import type { WriterLocks } from './writerLocks.ts';

/** A save refused because the stored model changed since this window read it (another window wrote). */
export class ModelConflictError extends Error {
  override readonly name = 'ModelConflictError';
  constructor(readonly modelId: string) {
    super(`the model "${modelId}" was changed in another window since this one read it`);
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How long a deleted model stays in the trash. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ModelSummary = Omit<ModelRecord, 'head'>;
export type SnapshotSummary = Omit<SnapshotRecord, 'text'>;

interface LibraryDeps {
  db: FaultlineDb;
  now?: () => number;
  newId?: () => string;
  /** The windows' writer locks; without them (tests of storage alone) only the revision check guards. */
  locks?: WriterLocks;
}

type Part = 'nodes' | 'edges';
/** What is stored for a model: the model this library wrote or read, and the revision it belongs to. */
type Written = { model: Model | null; revision: number };

const revisionOf = (record: ModelRecord | undefined) => record?.revision ?? 0;

const summaryOf = ({ head: _head, ...rest }: ModelRecord): ModelSummary => rest;
const snapshotSummary = ({ text: _text, ...rest }: SnapshotRecord): SnapshotSummary => rest;

/** A save's patch from the model last written (editor/patchTrail.ts): only the chunks it touches are written. */
export interface SaveChange {
  from: Model;
  patch: Patch;
}

/**
 * The chunks of each part a patch touches, in the model after it: a replaced item's chunk; from an inserted
 * or removed item on, every chunk (the items after it shift). Null when an op's place cannot be trusted
 * (then everything is written).
 */
export function touchedChunks(patch: Patch, model: Model): Record<Part, Set<number>> | null {
  const out: Record<Part, Set<number>> = { nodes: new Set(), edges: new Set() };
  // Below `stable`, no insert or removal has moved an item: a replaced item's index there is final.
  const stable: Record<Part, number> = { nodes: Infinity, edges: Infinity };
  const replaced: Record<Part, [string, number][]> = { nodes: [], edges: [] };
  for (const op of patch) {
    if (op.coll !== 'nodes' && op.coll !== 'edges') continue;
    if (op.before !== null && op.after !== null) replaced[op.coll].push([op.id, op.index]);
    else stable[op.coll] = Math.min(stable[op.coll], op.index);
  }
  for (const part of ['nodes', 'edges'] as const) {
    const items = model[part];
    for (const [id, index] of replaced[part]) {
      if (index >= stable[part]) continue;
      if (items[index]?.id !== id) return null;
      out[part].add(Math.floor(index / CHUNK_SIZE));
    }
    if (stable[part] === Infinity) continue;
    for (let c = Math.floor(Math.min(stable[part], items.length) / CHUNK_SIZE); c * CHUNK_SIZE < items.length; c++) out[part].add(c);
  }
  return out;
}

export type Library = ReturnType<typeof createLibrary>;

export function createLibrary({ db, now = Date.now, newId = () => crypto.randomUUID(), locks }: LibraryDeps) {
  const written = new Map<string, Written>();

  async function list(): Promise<ModelSummary[]> {
    const all = await db.models.toArray();
    return all.filter((r) => r.deletedAt === null).map(summaryOf);
  }

  async function trash(): Promise<ModelSummary[]> {
    return (await db.models.where('deletedAt').above(0).toArray()).map(summaryOf);
  }

  /** Reads a model through the load path; null when there is no such model. */
  async function load(id: string): Promise<Result<Model, LoadError> | null> {
    return (await read(id, false))?.result ?? null;
  }

  /**
   * Reads a model for the window that just became its writer, and bumps its revision in the same
   * transaction: a window that wrote before (and might still have a save in flight) is fenced off. `changed`
   * says whether the model differs from what this library last read or wrote.
   */
  async function claim(id: string): Promise<{ result: Result<Model, LoadError>; changed: boolean } | null> {
    const known = written.get(id)?.revision;
    const found = await read(id, true);
    return found ? { result: found.result, changed: found.before !== known } : null;
  }

  async function read(id: string, bump: boolean) {
    const found = await db.transaction(bump ? 'rw' : 'r', db.models, db.chunks, async () => {
      const record = await db.models.get(id);
      if (!record) return null;
      // A primary-key range reads the chunks in key order with one getAll.
      const chunks = await db.chunks.where('[modelId+part+index]').between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey]).toArray();
      const before = revisionOf(record);
      if (bump) await db.models.update(id, { revision: before + 1 });
      return { record, chunks, before, revision: bump ? before + 1 : before };
    });
    if (!found) return null;
    const { record, chunks, before, revision } = found;
    const part = (p: Part, count: number) =>
      chunks
        .filter((c) => c.part === p && c.index < count)
        .sort((a, b) => a.index - b.index)
        .flatMap((c) => JSON.parse(c.json) as unknown[]);
    const result = parseModelJson({
      format: 'faultline',
      version: record.formatVersion,
      model: { ...record.head, nodes: part('nodes', record.nodeChunks), edges: part('edges', record.edgeChunks) },
    });
    if (result.ok) written.set(id, { model: result.value, revision });
    else if (bump) written.set(id, { model: null, revision });
    return { result, before };
  }

  /**
   * Writes the model, creating or updating its record, in one transaction. Refused (ModelConflictError,
   * nothing written) when the stored revision is not the one this library last read or wrote; `force`
   * overwrites whatever is stored (an import, after its snapshot). With `change`, the history's patch from
   * the model this library last wrote or read, only the chunks it touches are written; without it, or from
   * another model, all of them.
   */
  async function save(model: Model, { force = false, change }: { force?: boolean; change?: SaveChange | null } = {}): Promise<void> {
    const { nodes, edges, ...head } = model;
    const before = written.get(model.id);
    let revision = 0;
    await db.transaction('rw', db.models, db.chunks, async () => {
      const existing = await db.models.get(model.id);
      if (existing && !force && before?.revision !== revisionOf(existing)) throw new ModelConflictError(model.id);
      revision = revisionOf(existing) + 1;
      const touched = existing && !force && change && before?.model === change.from ? touchedChunks(change.patch, model) : null;
      const puts: ChunkRecord[] = [];
      const deletes: [string, string, number][] = [];
      for (const part of ['nodes', 'edges'] as const) {
        const items = part === 'nodes' ? nodes : edges;
        const all = Array.from({ length: Math.ceil(items.length / CHUNK_SIZE) }, (_, i) => i);
        for (const index of touched ? [...touched[part]].sort((a, b) => a - b) : all) {
          const slice = items.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE);
          puts.push({ modelId: model.id, part, index, json: JSON.stringify(slice) });
        }
        const oldCount = existing ? (part === 'nodes' ? existing.nodeChunks : existing.edgeChunks) : 0;
        for (let i = Math.ceil(items.length / CHUNK_SIZE); i < oldCount; i++) deletes.push([model.id, part, i]);
      }
      await db.chunks.bulkPut(puts);
      await db.chunks.bulkDelete(deletes);
      const t = now();
      await db.models.put({
        id: model.id,
        name: model.name,
        createdAt: existing?.createdAt ?? t,
        updatedAt: t,
        nodeCount: nodes.length,
        edgeCount: edges.length,
        thumbnail: modelThumbnail(model),
        formatVersion: CURRENT_VERSION,
        head,
        nodeChunks: Math.ceil(nodes.length / CHUNK_SIZE),
        edgeChunks: Math.ceil(edges.length / CHUNK_SIZE),
        deletedAt: existing?.deletedAt ?? null,
        revision,
      });
    });
    written.set(model.id, { model, revision });
  }

  /** Stores a model under a fresh id (new, from a template, or a copy). */
  async function add(model: Model, name = model.name): Promise<Model> {
    const copy = { ...structuredClone(model), id: newId(), name };
    await save(copy);
    return copy;
  }

  /**
   * Brings a model from a file into the library. A model already there under the same id gets an
   * automatic snapshot first, so an import never overwrites work without a way back.
   */
  async function importModel(model: Model): Promise<void> {
    // Opening a file is a request to edit it here: a window editing the same model saves and lets go first.
    if (locks && !locks.owns(model.id) && (await locks.isHeldElsewhere(model.id))) await locks.takeOver(model.id);
    if (await db.models.get(model.id)) await snapshot(model.id, 'Before import', true);
    written.delete(model.id);
    await save(model, { force: true });
  }

  async function loadOrThrow(id: string, action: string): Promise<Model> {
    const loaded = await load(id);
    if (!loaded) throw new Error(`Cannot ${action}: that model is no longer in the library.`);
    if (!loaded.ok) throw new Error(`Cannot ${action}: ${loaded.error.message}`);
    return loaded.value;
  }

  async function rename(id: string, name: string): Promise<void> {
    if (locks && !locks.owns(id) && (await locks.isHeldElsewhere(id))) {
      throw new Error('That model is open in another window: rename it there, or take it over first.');
    }
    await save({ ...(await loadOrThrow(id, 'rename')), name });
  }

  async function duplicate(id: string): Promise<Model> {
    const model = await loadOrThrow(id, 'duplicate');
    return add(model, `${model.name} (copy)`);
  }

  async function moveToTrash(id: string): Promise<void> {
    await db.models.update(id, { deletedAt: now() });
  }

  async function restore(id: string): Promise<void> {
    await db.models.update(id, { deletedAt: null });
  }

  /** Removes for good what has been in the trash longer than TRASH_DAYS, with its chunks and snapshots. */
  async function emptyExpiredTrash(): Promise<number> {
    const cutoff = now() - TRASH_DAYS * DAY_MS;
    const expired = await db.models.where('deletedAt').between(1, cutoff, true, true).primaryKeys();
    await db.transaction('rw', db.models, db.chunks, db.snapshots, async () => {
      await db.models.bulkDelete(expired);
      await db.chunks.where('modelId').anyOf(expired).delete();
      await db.snapshots.where('modelId').anyOf(expired).delete();
    });
    for (const id of expired) written.delete(id);
    return expired.length;
  }

  /** A snapshot of the model as stored now (flush autosave first to include what is on screen). */
  async function snapshot(modelId: string, name: string, auto = false): Promise<SnapshotSummary | null> {
    const loaded = await load(modelId);
    return loaded?.ok ? snapshotOf(loaded.value, name, auto) : null;
  }

  /**
   * A snapshot of a model as given, such as the model just before an edit replaced it. Written a slice at a
   * time: keeping the version of a 2,000-node model before its auto-layout never blocks the canvas.
   */
  async function snapshotOf(model: Model, name: string, auto = false): Promise<SnapshotSummary> {
    const text = await serializeModelInSlices(model, nextTask);
    const snap: SnapshotRecord = {
      id: newId(),
      modelId: model.id,
      name,
      createdAt: now(),
      auto,
      nodeCount: model.nodes.length,
      edgeCount: model.edges.length,
      text,
    };
    await db.snapshots.add(snap);
    return snapshotSummary(snap);
  }

  /** Snapshots of the model, newest first. */
  async function snapshots(modelId: string): Promise<SnapshotSummary[]> {
    const all = await db.snapshots.where('modelId').equals(modelId).toArray();
    return all.sort((a, b) => b.createdAt - a.createdAt).map(snapshotSummary);
  }

  async function loadSnapshot(id: string): Promise<Result<Model, LoadError> | null> {
    const snap = await db.snapshots.get(id);
    return snap ? parseModelFile(snap.text) : null;
  }

  async function deleteSnapshot(id: string): Promise<void> {
    await db.snapshots.delete(id);
  }

  /**
   * Calls `handler(true)` when opening the database waits on another window that holds an older version
   * open (writes wait meanwhile, nothing is lost), and `handler(false)` once it opens.
   */
  function onBlocked(handler: (blocked: boolean) => void): () => void {
    let active = true;
    const blocked = () => {
      if (!active) return;
      handler(true);
      void db.open().then(
        () => active && handler(false),
        () => undefined,
      );
    };
    db.on('blocked', blocked);
    return () => {
      active = false;
      db.on('blocked').unsubscribe(blocked);
    };
  }

  async function getMeta<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined;
  }

  async function setMeta(key: string, value: unknown): Promise<void> {
    await db.meta.put({ key, value });
  }

  return {
    locks,
    list,
    trash,
    load,
    claim,
    save,
    add,
    importModel,
    rename,
    duplicate,
    moveToTrash,
    restore,
    emptyExpiredTrash,
    snapshot,
    snapshotOf,
    snapshots,
    loadSnapshot,
    deleteSnapshot,
    getMeta,
    setMeta,
    onBlocked,
  };
}
