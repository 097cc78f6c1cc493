/**
 * Two windows on one library (issue #15): each window has its own library object over the same database,
 * as two tabs or two Electron windows do. A window that saves over a model another window changed since it
 * read is refused in the same transaction, and the stored model stays whole.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FaultlineDb } from '../../../renderer/src/library/db.ts';
import { openFaultlineDb } from '../../../renderer/src/library/db.ts';
import type { Library } from '../../../renderer/src/library/library.ts';
import { ModelConflictError, createLibrary } from '../../../renderer/src/library/library.ts';
import { model } from './helpers.ts';

let factory: IDBFactory;
let a: Library;
let b: Library;
let dbs: FaultlineDb[];

const windowOn = () => {
  const db = openFaultlineDb('faultline', { indexedDB: factory, IDBKeyRange });
  dbs.push(db);
  return createLibrary({ db });
};

beforeEach(async () => {
  factory = new IDBFactory();
  dbs = [];
  a = windowOn();
  b = windowOn();
  await a.save(model('m', 6));
});

async function loaded(library: Library, id = 'm') {
  const result = await library.load(id);
  if (!result?.ok) throw new Error(result ? result.error.message : 'missing');
  return result.value;
}

describe('two windows editing one model', () => {
  it('refuses the stale window’s save, so no record mixes one window’s nodes with the other’s edges', async () => {
    const seenByA = await loaded(a);
    const seenByB = await loaded(b);
    // Window A deletes node n1 and the edge touching it; window B, still showing the old model, deletes an unrelated edge.
    const inA = { ...seenByA, nodes: seenByA.nodes.filter((n) => n.id !== 'n1'), edges: seenByA.edges.filter((e) => e.source !== 'n1' && e.target !== 'n1') };
    await a.save(inA);
    const inB = { ...seenByB, edges: [], nodes: seenByB.nodes.map((n) => (n.id === 'n5' ? { ...n, label: 'B was here' } : n)) };
    await expect(b.save(inB)).rejects.toBeInstanceOf(ModelConflictError);

    const stored = await loaded(windowOn());
    expect(stored).toEqual(inA);
    const nodeIds = new Set(stored.nodes.map((n) => n.id));
    expect(stored.edges.every((e) => nodeIds.has(e.source) && nodeIds.has(e.target))).toBe(true);
  });

  it('lets the other window save once it has read the latest version', async () => {
    await a.save({ ...(await loaded(a)), name: 'From A' });
    const fresh = await loaded(b);
    await b.save({ ...fresh, description: 'From B' });
    expect(await loaded(windowOn())).toMatchObject({ name: 'From A', description: 'From B' });
  });

  it('a window that becomes the writer fences off a save the old writer still had in flight', async () => {
    const seenByA = await loaded(a);
    const claimed = await b.claim('m');
    expect(claimed?.result.ok).toBe(true);
    await expect(a.save({ ...seenByA, name: 'late write from A' })).rejects.toBeInstanceOf(ModelConflictError);
    expect((await loaded(windowOn())).name).toBe('Model m');
  });

  it('says whether the claimed model changed since this window last read it', async () => {
    await loaded(b);
    expect((await b.claim('m'))?.changed).toBe(false);
    await a.load('m');
    await expect(a.save({ ...(await loaded(a)), name: 'edited' })).resolves.toBeUndefined();
    const claimed = await b.claim('m');
    expect(claimed?.changed).toBe(true);
    expect(claimed?.result.ok && claimed.result.value.name).toBe('edited');
  });

  it('an import overwrites whatever is stored, after a snapshot of it', async () => {
    await loaded(a);
    await b.importModel({ ...model('m', 2), name: 'Imported' });
    expect((await loaded(windowOn())).name).toBe('Imported');
    expect((await b.snapshots('m')).map((s) => s.name)).toEqual(['Before import']);
  });
});
