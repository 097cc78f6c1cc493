/**
 * Storage that fails under autosave (issue #15): a full disk is reported in words and retried, and once it
 * works again the latest model is stored, with nothing lost and nothing half-written in between.
 */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { createAutosave } from '../../../renderer/src/library/autosave.ts';
import type { SaveStatus } from '../../../renderer/src/library/autosave.ts';
import { createLibrary } from '../../../renderer/src/library/library.ts';
import { freshDb, model } from './helpers.ts';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('autosave over a database that fills up', () => {
  it('reports the full disk, keeps the stored model whole meanwhile, and saves the latest edit on retry', async () => {
    const db = freshDb();
    const library = createLibrary({ db });
    await library.save(model('a', 3));
    let full = true;
    let refused = 0;
    const quota = () => {
      if (!full) return;
      refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.chunks.hook('updating', quota);
    db.chunks.hook('creating', quota);

    const statuses: SaveStatus[] = [];
    const saver = createAutosave({ write: ({ model: m }) => library.save(m), onStatus: (s) => statuses.push(s), quietMs: 5, maxWaitMs: 20, retryMs: 40 });
    const edits: Model[] = [];
    let current = (await library.load('a'))!;
    if (!current.ok) throw new Error('load');
    let m = current.value;
    for (let i = 0; i < 5; i++) {
      m = { ...m, nodes: m.nodes.map((n, k) => (k === 0 ? { ...n, label: `edit ${i}` } : n)) };
      edits.push(m);
      saver.schedule(m);
      await new Promise((r) => setTimeout(r, 15));
    }
    await until(() => refused >= 2);
    const error = statuses.find((s) => s.state === 'error');
    expect(error?.state === 'error' && error.message).toMatch(/^Not saved: the disk or the storage quota is full\..*Your work stays open/);
    // Meanwhile the stored model is the last one that fitted, whole.
    current = (await createLibrary({ db }).load('a'))!;
    expect(current.ok && current.value.nodes[0].label).toBe('Service 0');

    full = false;
    await until(() => statuses.at(-1)?.state === 'saved');
    current = (await createLibrary({ db }).load('a'))!;
    expect(current.ok && current.value).toEqual(edits.at(-1));
    saver.dispose();
  });
});
