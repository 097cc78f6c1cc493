import { describe, expect, it } from 'vitest';
import { freeSpot } from '../../../renderer/src/editor/geometry.ts';
import { quickAddPicks } from '../../../renderer/src/shell/QuickAdd.tsx';
import type { Rect } from '../../../shared/visual/index.ts';

describe('quick-add', () => {
  it('reads a kind then a name: "secret deploy token" offers a secret named "deploy token" first', () => {
    expect(quickAddPicks('secret deploy token')[0]).toEqual({ kind: 'secret', label: 'deploy token' });
    expect(quickAddPicks('  Data store   orders DB ')[0]).toEqual({ kind: 'datastore', label: 'orders DB' });
    expect(quickAddPicks('ai agent: triage')[0]).toEqual({ kind: 'agent', label: 'triage' });
  });

  it('filters kinds as before when only a kind (or part of one) is typed', () => {
    expect(quickAddPicks('sec')[0]).toEqual({ kind: 'secret' });
    expect(quickAddPicks('secret')).toContainEqual({ kind: 'secret' });
    expect(quickAddPicks('secret').some((p) => p.label)).toBe(false);
    expect(quickAddPicks('')).toHaveLength(11);
  });
});

describe('free spot for a new node', () => {
  const size = { width: 184, height: 64 };
  it('keeps the spot asked for when it is free, else the nearest free one beside it', () => {
    expect(freeSpot({ x: 0, y: 0 }, size, [])).toEqual({ x: 0, y: 0 });
    const taken = [{ x: 0, y: 0, ...size }];
    const p = freeSpot({ x: 0, y: 0 }, size, taken);
    expect(p).not.toEqual({ x: 0, y: 0 });
    const overlap = (a: typeof taken[0], b: typeof taken[0]) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap({ ...p, ...size }, taken[0])).toBe(false);
  });

  it('places five nodes added at one point without any two overlapping', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 5; i++) taken.push({ ...freeSpot({ x: 100, y: 100 }, size, taken), ...size });
    for (const a of taken) for (const b of taken) if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });
});
