/** Timing and printing for benchmarks. Figures are printed, never asserted: a slow machine is not a failure. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  min: number;
  runs: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times; times in ms. */
export function measure(fn: () => unknown, options: { warmup?: number; runs?: number } = {}): Timing {
  const { warmup = 2, runs = 5 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], runs };
}

/** The time of one call, in ms. */
export function once<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export interface Target {
  /** `max`: the figure must be at most `limit`. */
  limit: number;
  unit: 'ms' | '×';
}

export const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
export const times = (x: number) => `${x.toFixed(1)}×`;

/** One printed figure: `  label ........ value   target < 1000 ms   ok`. */
export function figure(label: string, value: string, target?: { text: string; ok: boolean }): string {
  const head = `  ${label.padEnd(44)} ${value.padStart(12)}`;
  return target ? `${head}   ${target.text.padEnd(22)} ${target.ok ? 'ok' : 'OVER'}` : head;
}

export function within(value: number, limit: number, unit: Target['unit'], strict: boolean): { text: string; ok: boolean } {
  const shown = unit === 'ms' ? ms(limit) : times(limit);
  return { text: `target ${strict ? '<' : '≤'} ${shown}`, ok: strict ? value < limit : value <= limit };
}

/** A benchmark suite: `npm run bench -- NAME` runs one, `npm run bench` runs all. */
export interface Suite {
  name: string;
  description: string;
  run(print: (line: string) => void): void | Promise<void>;
}

export interface Interleaved {
  /** wall-clock ms */
  wall: Timing;
  /** CPU ms of this process (user + system): steadier than wall time on a busy machine */
  cpu: Timing;
}

/**
 * Runs each named function once per round, round after round, so that every figure sees the same
 * machine load; `warmup` rounds untimed, then `runs` timed. Min and median of each, wall and CPU time.
 */
export function interleave<K extends string>(fns: Record<K, () => unknown>, options: { warmup?: number; runs?: number } = {}): Record<K, Interleaved> {
  const { warmup = 2, runs = 15 } = options;
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const name of names) fns[name]();
  const wall = new Map<K, number[]>(names.map((n) => [n, []]));
  const cpu = new Map<K, number[]>(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fns[name]();
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall.get(name)!.push(t);
      cpu.get(name)!.push((c.user + c.system) / 1000);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { wall: summarise(wall.get(n)!), cpu: summarise(cpu.get(n)!) }])) as Record<K, Interleaved>;
}

/** Min and median of some timings. */
export function summarise(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], runs: sorted.length };
}

/** `12.3 / 15.0 ms` : min / median. */
export const minMed = (t: Timing) => `${ms(t.min)} / ${ms(t.median)}`;
