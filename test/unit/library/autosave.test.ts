import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Model } from '../../../shared/domain/index.ts';
import { createAutosave } from '../../../renderer/src/library/autosave.ts';
import type { SaveStatus } from '../../../renderer/src/library/autosave.ts';
import { model } from './helpers.ts';

let writes: Model[];
let statuses: SaveStatus[];
let failNext: number;

beforeEach(() => {
  vi.useFakeTimers();
  writes = [];
  statuses = [];
  failNext = 0;
});
afterEach(() => vi.useRealTimers());

function autosave() {
  return createAutosave({
    write: async ({ model: m }) => {
      if (failNext > 0) {
        failNext--;
        throw new DOMException('full', 'QuotaExceededError');
      }
      writes.push(m);
    },
    onStatus: (s) => statuses.push(s),
    now: () => Date.now(),
  });
}

describe('autosave', () => {
  it('writes a change after a short quiet time, and says Saved', async () => {
    const a = autosave();
    a.schedule(model('a'));
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(writes).toHaveLength(1);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('coalesces a burst into one write of the latest model', async () => {
    const a = autosave();
    for (let i = 1; i <= 5; i++) {
      a.schedule(model('a', i));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(400);
    expect(writes).toHaveLength(1);
    expect(writes[0].nodes).toHaveLength(5);
  });

  it('saves within one second even while changes never stop', async () => {
    const a = autosave();
    for (let t = 0; t < 1000; t += 100) {
      a.schedule(model('a', 1 + t / 100));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes.length).toBeGreaterThanOrEqual(1);
  });

  it('on a quota error keeps the model, says so in words, and saves it on retry', async () => {
    failNext = 1;
    const a = autosave();
    a.schedule(model('a', 2));
    await vi.advanceTimersByTimeAsync(400);
    const error = statuses.at(-1);
    expect(error?.state).toBe('error');
    expect(error?.state === 'error' && error.message).toMatch(/storage quota is full/);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(3500);
    expect(writes).toHaveLength(1);
    expect(writes[0].nodes).toHaveLength(2);
    expect(statuses.at(-1)?.state).toBe('saved');
  });

  it('switching models within the second keeps the last edit of both', async () => {
    const a = autosave();
    a.schedule(model('a', 2));
    a.schedule(model('b', 4));
    await vi.advanceTimersByTimeAsync(400);
    expect(writes.map((m) => [m.id, m.nodes.length])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
  });

  it('flush writes what is pending at once', async () => {
    const a = autosave();
    a.schedule(model('a'));
    await a.flush();
    expect(writes).toHaveLength(1);
  });
});
