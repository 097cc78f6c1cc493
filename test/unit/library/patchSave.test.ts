import { beforeEach, describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { addNode, deleteItems, move, setLabel } from '../../../renderer/src/editor/commands.ts';
import { applyPatch, invertPatch } from '../../../renderer/src/editor/patch.ts';
import type { Patch } from '../../../renderer/src/editor/patch.ts';
import type { FaultlineDb } from '../../../renderer/src/library/db.ts';
import { createLibrary } from '../../../renderer/src/library/library.ts';
import type { Library } from '../../../renderer/src/library/library.ts';
import { freshDb, model } from './helpers.ts';

let patched: { db: FaultlineDb; library: Library };
let whole: { db: FaultlineDb; library: Library };

beforeEach(() => {
  const open = (name: string) => {
    const db = freshDb(name);
    return { db, library: createLibrary({ db, now: () => 1_000_000 }) };
  };
  patched = open('patched');
  whole = open('whole');
});

/** Every stored record of a model, as the database holds it (but the count of writes). */
async function stored(db: FaultlineDb, id: string) {
  const { revision: _revision, ...record } = (await db.models.get(id))!;
  const chunks = await db.chunks.where('modelId').equals(id).toArray();
  return { record, chunks: chunks.sort((a, b) => `${a.part}${a.index}`.localeCompare(`${b.part}${b.index}`)) };
}

/** Saves the edits one by one: in one library with each edit's patch, in the other whole, from scratch. */
async function saveBoth(start: Model, edits: ((m: Model) => Patch)[]): Promise<Model> {
  await patched.library.save(start);
  let m = start;
  for (const edit of edits) {
    const patch = edit(m);
    const next = applyPatch(m, patch);
    await patched.library.save(next, { change: { from: m, patch } });
    m = next;
  }
  await whole.library.save(m);
  return m;
}

const N = 1_700;
const moveSome = (m: Model) =>
  move(m, { nodes: new Map([0, 499, 500, 1_650].map((i) => [`n${i}`, { x: i, y: 7 }])), boundaries: new Map() });

describe("the library saves by the history's patch", () => {
  it('a move stores what a whole save stores, writing only the chunks the moved nodes are in', async () => {
    const start = model('m', N);
    await patched.library.save(start);
    const puts: number[] = [];
    patched.db.chunks.hook('updating', (_mods, _key, obj) => void puts.push(obj.index));
    const patch = moveSome(start);
    const next = applyPatch(start, patch);
    await patched.library.save(next, { change: { from: start, patch } });
    await whole.library.save(next);
    expect(puts.sort()).toEqual([0, 1, 3]);
    expect(await stored(patched.db, 'm')).toEqual(await stored(whole.db, 'm'));
  });

  it('adds, deletes, renames and an undo store what a whole save stores', async () => {
    const start = model('m', N);
    let deleted: Patch = [];
    const end = await saveBoth(start, [
      (m) => addNode(m, 'datastore', { x: 1, y: 2 }).patch,
      (m) => (deleted = deleteItems(m, { nodes: ['n3', 'n1200'], edges: [], boundaries: [] })),
      (m) => setLabel(m, 'n1600', 'Renamed'),
      moveSome,
      () => invertPatch(deleted),
    ]);
    expect(end.nodes).toHaveLength(N + 1);
    expect(await stored(patched.db, 'm')).toEqual(await stored(whole.db, 'm'));
    const loaded = await createLibrary({ db: patched.db }).load('m');
    expect(loaded?.ok && loaded.value).toEqual(end);
  });

  it('writes everything when the patch does not start from the model it last wrote', async () => {
    const start = model('m', N);
    await patched.library.save(start);
    const once = applyPatch(start, setLabel(start, 'n10', 'Once'));
    // The save of `once` never happened here: a patch from it would leave its change out.
    const patch = setLabel(once, 'n1600', 'Twice');
    const twice = applyPatch(once, patch);
    await patched.library.save(twice, { change: { from: once, patch } });
    await whole.library.save(twice);
    expect(await stored(patched.db, 'm')).toEqual(await stored(whole.db, 'm'));
  });
});
