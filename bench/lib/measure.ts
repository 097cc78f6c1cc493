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
