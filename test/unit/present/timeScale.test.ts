import { describe, expect, it } from 'vitest';
import { snapTime, timeScale } from '../../../renderer/src/present/timeScale.ts';

const DAY27 = 27 * 24;

describe('the timeline time axis', () => {
  it('runs from 0 h at the left to the end at the right, always forward', () => {
    const s = timeScale(DAY27 + 3);
    expect(s.x(0)).toBe(0);
    expect(s.x(DAY27 + 3)).toBe(1);
    let prev = -1;
    for (let t = 0; t <= DAY27 + 3; t += 0.25) {
      expect(s.x(t)).toBeGreaterThan(prev);
      prev = s.x(t);
    }
    expect(s.x(-5)).toBe(0);
    expect(s.x(10_000)).toBe(1);
  });

  it('turns a position back into the hour under it', () => {
    const s = timeScale(DAY27);
    for (const t of [0, 0.25, 1, 5.5, 24, 300, DAY27]) expect(s.t(s.x(t))).toBeCloseTo(t, 6);
  });

  it('gives the first hour and the 27th day room to be read on one 27-day axis', () => {
    const s = timeScale(DAY27 + 3);
    const width = 900;
    // The first hour: a good share of the width, half an hour clearly apart from it.
    expect(s.x(1) * width).toBeGreaterThan(120);
    expect((s.x(1) - s.x(0.5)) * width).toBeGreaterThan(40);
    // Day 27 is its own place: 26 d and 27 d do not sit on the same pixel.
    expect((s.x(DAY27) - s.x(DAY27 - 24)) * width).toBeGreaterThan(4);
    const ticks = s.ticks(width);
    const labels = ticks.map((t) => t.label);
    expect(labels).toContain('1 h');
    expect(labels).toContain('24 h');
    // The end is labelled with its own time; 27 d itself is a tick on a longer axis.
    expect(labels.at(-1)).toBe('27 d 3 h');
    expect(timeScale(40 * 24).ticks(width).map((t) => t.label)).toContain('27 d');
    for (let i = 1; i < ticks.length - 1; i++) expect((ticks[i].x - ticks[i - 1].x) * width).toBeGreaterThanOrEqual(44);
  });

  it('keeps a short story nearly linear and an empty one an hour long', () => {
    const s = timeScale(2);
    expect(s.x(1)).toBeGreaterThan(0.55);
    expect(s.x(1)).toBeLessThan(0.7);
    expect(timeScale(0).end).toBe(1);
    expect(timeScale(0).ticks(600).map((t) => t.label)).toEqual(['0 h', '15 min', '30 min', '1 h']);
  });

  it('snaps a drag to a hop within a few pixels, else to a round time', () => {
    const s = timeScale(DAY27);
    const width = 1000;
    expect(snapTime(s, s.x(2.65) + 3 / width, width, [2.5, 2.65])).toBe(2.65);
    const free = snapTime(s, s.x(10.1), width, [2.5]);
    expect(free).toBe(10);
    expect(snapTime(s, 1, width, [])).toBe(DAY27);
  });
});
