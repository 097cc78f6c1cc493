/**
 * The library's operations over the database. Every model read goes through the one load path, so a
 * damaged record is reported, never half-loaded; every write stores the file envelope with its format
 * version in one transaction.
 */
import type { Model } from '../../../shared/domain/schema.ts';
import type { LoadError } from '../../../shared/file/errors.ts';
import { parseModelJson } from '../../../shared/file/loader.ts';
import { CURRENT_VERSION } from '../../../shared/file/migrations.ts';
import type { Result } from '../../../shared/result.ts';
import type { FaultlineDb, ModelRecord, SnapshotRecord, StoredFile } from './db.ts';
import { modelThumbnail } from './thumbnail.ts';

/** How long a deleted model stays in the trash. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ModelSummary = Omit<ModelRecord, 'file'>;
export type SnapshotSummary = Omit<SnapshotRecord, 'file'>;

export interface LibraryDeps {
  db: FaultlineDb;
  now?: () => number;
  newId?: () => string;
}

const toFile = (model: Model): StoredFile => ({ format: 'faultline', version: CURRENT_VERSION, model });
const summary = <T extends { file: StoredFile }>({ file: _file, ...rest }: T): Omit<T, 'file'> => rest;

export type Library = ReturnType<typeof createLibrary>;

export function createLibrary({ db, now = Date.now, newId = () => crypto.randomUUID() }: LibraryDeps) {
  async function list(): Promise<ModelSummary[]> {
    const all = await db.models.toArray();
    return all.filter((r) => r.deletedAt === null).map(summary);
  }

  async function trash(): Promise<ModelSummary[]> {
    return (await db.models.where('deletedAt').above(0).toArray()).map(summary);
  }

  async function load(id: string): Promise<Result<Model, LoadError> | null> {
    const record = await db.models.get(id);
    return record ? parseModelJson(record.file) : null;
  }

  /** Writes the model (creating or replacing its record) in one transaction. */
  async function save(model: Model): Promise<void> {
    await db.transaction('rw', db.models, async () => {
      const existing = await db.models.get(model.id);
      const t = now();
      await db.models.put({
        id: model.id,
        name: model.name,
        createdAt: existing?.createdAt ?? t,
        updatedAt: t,
        nodeCount: model.nodes.length,
        edgeCount: model.edges.length,
        thumbnail: modelThumbnail(model),
        file: toFile(model),
        deletedAt: existing?.deletedAt ?? null,
      });
    });
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
    if (await db.models.get(model.id)) await snapshot(model.id, 'Before import', true);
    await save(model);
  }

  async function rename(id: string, name: string): Promise<void> {
    const loaded = await load(id);
    if (!loaded?.ok) throw new Error(`Cannot rename: ${loaded ? loaded.error.message : 'no such model'}`);
    await save({ ...loaded.value, name });
  }

  async function duplicate(id: string): Promise<Model> {
    const loaded = await load(id);
    if (!loaded?.ok) throw new Error(`Cannot duplicate: ${loaded ? loaded.error.message : 'no such model'}`);
    return add(loaded.value, `${loaded.value.name} (copy)`);
  }

  async function moveToTrash(id: string): Promise<void> {
    await db.models.update(id, { deletedAt: now() });
  }

  async function restore(id: string): Promise<void> {
    await db.models.update(id, { deletedAt: null });
  }

  /** Removes for good what has been in the trash longer than TRASH_DAYS, with its snapshots. */
  async function emptyExpiredTrash(): Promise<number> {
    const cutoff = now() - TRASH_DAYS * DAY_MS;
    const expired = await db.models.where('deletedAt').between(1, cutoff, true, true).primaryKeys();
    await db.transaction('rw', db.models, db.snapshots, async () => {
      await db.models.bulkDelete(expired);
      await db.snapshots.where('modelId').anyOf(expired).delete();
    });
    return expired.length;
  }

  async function snapshot(modelId: string, name: string, auto = false): Promise<SnapshotSummary | null> {
    const record = await db.models.get(modelId);
    if (!record) return null;
    const snap: SnapshotRecord = {
      id: newId(),
      modelId,
      name,
      createdAt: now(),
      auto,
      nodeCount: record.nodeCount,
      edgeCount: record.edgeCount,
      file: record.file,
    };
    await db.snapshots.add(snap);
    return summary(snap);
  }

  /** Snapshots of the model, newest first. */
  async function snapshots(modelId: string): Promise<SnapshotSummary[]> {
    const list = await db.snapshots.where('modelId').equals(modelId).toArray();
    return list.sort((a, b) => b.createdAt - a.createdAt).map(summary);
  }

  async function loadSnapshot(id: string): Promise<Result<Model, LoadError> | null> {
    const snap = await db.snapshots.get(id);
    return snap ? parseModelJson(snap.file) : null;
  }

  async function deleteSnapshot(id: string): Promise<void> {
    await db.snapshots.delete(id);
  }

  async function getMeta<T>(key: string): Promise<T | undefined> {
    return (await db.meta.get(key))?.value as T | undefined;
  }

  async function setMeta(key: string, value: unknown): Promise<void> {
    await db.meta.put({ key, value });
  }

  return {
    list,
    trash,
    load,
    save,
    add,
    importModel,
    rename,
    duplicate,
    moveToTrash,
    restore,
    emptyExpiredTrash,
    snapshot,
    snapshots,
    loadSnapshot,
    deleteSnapshot,
    getMeta,
    setMeta,
  };
}
