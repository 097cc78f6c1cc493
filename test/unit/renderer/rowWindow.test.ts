import { describe, expect, it } from 'vitest';
import { rowTop, rowWindow, wholeWindow } from '../../../renderer/src/scenarios/rowWindow.ts';

const even = (n: number, px: number) => Array.from({ length: n }, () => px);
const sum = (a: readonly number[]) => a.reduce((s, h) => s + h, 0);

describe('rowWindow', () => {
  it('draws the rows in view and a margin either side, the rest as blank of their height', () => {
    // 1,000 rows of 25 px, the view from 2,500 px (row 100) over 250 px (10 rows), 100 px (4 rows) of margin.
    expect(rowWindow(even(1000, 25), 2500, 250, 100)).toEqual({ start: 96, end: 114, before: 96 * 25, after: (1000 - 114) * 25 });
  });

  it('keeps the blank and the rows drawn the height of every row, tall rows among them', () => {
    const heights = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 44 : 26));
    for (const top of [-300, 0, 137, 4_000, 10_400, 30_000]) {
      const w = rowWindow(heights, top, 250, 100);
      expect(w.before + sum(heights.slice(w.start, w.end)) + w.after).toBe(sum(heights));
      expect(w.before).toBe(rowTop(heights, w.start));
    }
  });

  it('draws every row the view touches, however tall', () => {
    const heights = [26, 26, 300, 26, 26, 26];
    // The view (100 to 360 px) starts inside the tall row (52 to 352 px) and ends in the next (to 378 px).
    expect(rowWindow(heights, 100, 260, 0)).toMatchObject({ start: 2, end: 4, before: 52 });
  });

  it('stays inside the table above its first row and past its last', () => {
    expect(rowWindow(even(50, 20), -400, 200, 0)).toEqual({ start: 0, end: 0, before: 0, after: 1000 });
    expect(rowWindow(even(50, 20), -100, 200, 0)).toEqual({ start: 0, end: 5, before: 0, after: 900 });
    expect(rowWindow(even(50, 20), 5_000, 200, 0)).toEqual({ start: 50, end: 50, before: 1000, after: 0 });
  });

  it('draws every row of a short table', () => {
    expect(wholeWindow(12)).toEqual({ start: 0, end: 12, before: 0, after: 0 });
  });
});
