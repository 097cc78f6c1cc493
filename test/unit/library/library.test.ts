import { beforeEach, describe, expect, it } from 'vitest';
import type { FaultlineDb } from '../../../renderer/src/library/db.ts';
import { createLibrary, TRASH_DAYS } from '../../../renderer/src/library/library.ts';
import type { Library } from '../../../renderer/src/library/library.ts';
import { setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch } from '../../../renderer/src/editor/patch.ts';
import { freshDb, model } from './helpers.ts';

let db: FaultlineDb;
let clock: number;
let ids: number;
let library: Library;

beforeEach(() => {
  db = freshDb();
  clock = 1_000_000;
  ids = 0;
  library = createLibrary({ db, now: () => clock, newId: () => `id-${++ids}` });
});

describe('the library', () => {
  it('stores a model and reads it back through the load path, with its summary', async () => {
    await library.save(model('a', 4));
    const [entry] = await library.list();
    expect(entry).toMatchObject({ id: 'a', name: 'Model a', nodeCount: 4, edgeCount: 1, createdAt: clock, updatedAt: clock });
    expect(entry.thumbnail).toContain('<svg');
    const loaded = await library.load('a');
    expect(loaded?.ok && loaded.value).toEqual(model('a', 4));
  });

  it('stores the format version in the same record as the model head', async () => {
    await library.save(model('a'));
    const record = await db.models.get('a');
    expect(record).toMatchObject({ formatVersion: 1, head: { id: 'a', name: 'Model a' } });
  });

  it('a small edit of a big model rewrites one chunk, and the model reads back whole', async () => {
    const big = model('big', 1800);
    await library.save(big);
    expect(await db.chunks.where('modelId').equals('big').count()).toBe(5); // 4 node chunks + 1 edge chunk
    const puts: number[] = [];
    db.chunks.hook('creating', (_key, obj) => void puts.push(obj.index));
    db.chunks.hook('updating', (_mods, _key, obj) => void puts.push(obj.index));
    const patch = setLabel(big, 'n1200', 'moved');
    const edited = applyPatch(big, patch);
    await library.save(edited, { change: { from: big, patch } });
    expect(puts).toEqual([2]);
    const fresh = createLibrary({ db });
    const loaded = await fresh.load('big');
    expect(loaded?.ok && loaded.value).toEqual(edited);
  });

  it('removing nodes drops the chunks past the end', async () => {
    await library.save(model('a', 1200));
    await library.save({ ...model('a', 1200), nodes: model('a', 1200).nodes.slice(0, 10) });
    expect(await db.chunks.where({ modelId: 'a' }).filter((c) => c.part === 'nodes').count()).toBe(1);
    const loaded = await createLibrary({ db }).load('a');
    expect(loaded?.ok && loaded.value.nodes).toHaveLength(10);
  });

  it('keeps createdAt and moves updatedAt on every save', async () => {
    await library.save(model('a'));
    clock += 5000;
    await library.save(model('a', 5));
    const [entry] = await library.list();
    expect(entry.createdAt).toBe(1_000_000);
    expect(entry.updatedAt).toBe(1_005_000);
    expect(entry.nodeCount).toBe(5);
  });

  it('reports a damaged record as a load error instead of half-loading it', async () => {
    await library.save(model('a'));
    await db.chunks.update(['a', 'nodes', 0], { json: JSON.stringify([{ id: 'x', kind: 'robot' }]) });
    const loaded = await library.load('a');
    expect(loaded?.ok).toBe(false);
    expect(!loaded?.ok && loaded?.error.message).toContain('model.nodes[0].kind');
  });

  it('renames, and the name inside the stored model follows', async () => {
    await library.save(model('a'));
    await library.rename('a', 'Payments');
    const loaded = await library.load('a');
    expect(loaded?.ok && loaded.value.name).toBe('Payments');
    expect((await library.list())[0].name).toBe('Payments');
  });

  it('duplicates under a new id and a "(copy)" name', async () => {
    await library.save(model('a'));
    const copy = await library.duplicate('a');
    expect(copy.id).toBe('id-1');
    expect(copy.name).toBe('Model a (copy)');
    expect((await library.list()).map((m) => m.id).sort()).toEqual(['a', 'id-1']);
  });

  it('moves a deleted model to the trash and restores it', async () => {
    await library.save(model('a'));
    await library.moveToTrash('a');
    expect(await library.list()).toEqual([]);
    expect((await library.trash()).map((m) => m.id)).toEqual(['a']);
    await library.restore('a');
    expect((await library.list()).map((m) => m.id)).toEqual(['a']);
    expect(await library.trash()).toEqual([]);
  });

  it('empties the trash after 30 days, and not before', async () => {
    await library.save(model('a'));
    await library.snapshot('a', 'v1');
    await library.moveToTrash('a');
    clock += (TRASH_DAYS - 1) * 86_400_000;
    expect(await library.emptyExpiredTrash()).toBe(0);
    clock += 2 * 86_400_000;
    expect(await library.emptyExpiredTrash()).toBe(1);
    expect(await library.trash()).toEqual([]);
    expect(await library.snapshots('a')).toEqual([]);
  });

  it('an import over an existing model takes an automatic snapshot first', async () => {
    await library.save(model('a', 3));
    await library.importModel(model('a', 7));
    const snaps = await library.snapshots('a');
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ name: 'Before import', auto: true, nodeCount: 3 });
    const restored = await library.loadSnapshot(snaps[0].id);
    expect(restored?.ok && restored.value.nodes).toHaveLength(3);
  });

  it('lists snapshots newest first', async () => {
    await library.save(model('a'));
    await library.snapshot('a', 'first');
    clock += 10;
    await library.snapshot('a', 'second');
    expect((await library.snapshots('a')).map((s) => s.name)).toEqual(['second', 'first']);
  });

  it('keeps session state under keys', async () => {
    await library.setMeta('lastOpen', 'a');
    expect(await library.getMeta('lastOpen')).toBe('a');
    expect(await library.getMeta('missing')).toBeUndefined();
  });

  it('a quota error on write rejects and leaves what was stored as it was', async () => {
    await library.save(model('a', 3));
    db.chunks.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const edited = model('a', 3);
    edited.nodes[0].label = 'changed';
    await expect(library.save(edited)).rejects.toMatchObject({ name: expect.stringMatching(/Quota/) });
    const loaded = await createLibrary({ db }).load('a');
    expect(loaded?.ok && loaded.value.nodes[0].label).toBe('Service 0');
  });
});
