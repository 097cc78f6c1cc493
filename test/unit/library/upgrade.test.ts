import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_DB_VERSION, openFaultlineDb, SCHEMA_V1 } from '../../../renderer/src/library/db.ts';
import { createLibrary } from '../../../renderer/src/library/library.ts';
import { freshIndexedDb, model } from './helpers.ts';

describe('library schema upgrades', () => {
  it('is at the version the upgrade tests cover', () => {
    // When this fails, a schema version was added: add its upgrade test below.
    expect(CURRENT_DB_VERSION).toBe(2);
  });

  it('v1 → v2: whole-file records become chunks, nothing is lost, and the new tables work', async () => {
    const idb = freshIndexedDb();
    const v1 = new Dexie('faultline-upgrade', idb);
    v1.version(1).stores(SCHEMA_V1);
    const m = model('old', 4);
    await v1.table('models').add({
      id: 'old',
      name: m.name,
      createdAt: 1,
      updatedAt: 2,
      nodeCount: 4,
      edgeCount: 1,
      thumbnail: '<svg/>',
      file: { format: 'faultline', version: 1, model: m },
    });
    v1.close();

    const db = openFaultlineDb('faultline-upgrade', idb);
    await db.open();
    expect(db.verno).toBe(2);
    const record = await db.models.get('old');
    expect(record).toMatchObject({ deletedAt: null, formatVersion: 1, nodeChunks: 1, edgeChunks: 1, createdAt: 1, updatedAt: 2 });
    expect(record).not.toHaveProperty('file');

    const library = createLibrary({ db });
    expect((await library.list()).map((r) => r.id)).toEqual(['old']);
    const loaded = await library.load('old');
    expect(loaded?.ok && loaded.value).toEqual(m);
    await library.snapshot('old', 'after upgrade');
    expect(await library.snapshots('old')).toHaveLength(1);
  });
});
