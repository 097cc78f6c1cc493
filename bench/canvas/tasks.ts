/**
 * The page's main-thread tasks over a window, from a Chrome trace (categories devtools.timeline and its disabled-by-default part, as
 * DevTools' Performance panel records): how long the app's own work held the thread, every task and not
 * only those over 50 ms (PerformanceObserver 'longtask' sees no shorter one). A gap between animation
 * frames (countFrames) also grows when the scheduler or a busy machine delays a frame that had nothing to
 * do; a task's length is the app's work, so the two are printed side by side.
 */
import type { Page } from '@playwright/test';

export interface Tasks {
  /** The longest main-thread task, ms. */
  longest: number;
  /** How many tasks took over 50 ms. */
  over50: number;
  /** The main thread's busy time over the window, ms. */
  busy: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const START = 'bench-window-start';
const END = 'bench-window-end';

/**
 * Starts a trace of the page's browser; the returned function stops it and reads the main thread's tasks
 * between two marks the page sets (performance.mark): the trace's own start and end hold the page for up
 * to a second or two, and that is not the app's work.
 */
export async function recordTasks(page: Page): Promise<() => Promise<Tasks>> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.evaluate(`performance.mark('${START}')`);
  return async () => {
    await page.evaluate(`performance.mark('${END}')`);
    return tasksOf(JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] });
  };
}

/**
 * Tasks (RunTask) of the renderer's main thread (CrRendererMain). The browser has one page open when this
 * runs, but a renderer can hold more than one main thread's name (a spare process): the busiest one is it.
 */
function tasksOf(trace: { traceEvents: TraceEvent[] }): Tasks {
  const at = (name: string) => trace.traceEvents.find((e) => e.name === name)?.ts;
  const [from, to] = [at(START), at(END)];
  if (from === undefined || to === undefined) throw new Error('the trace holds no window marks: was blink.user_timing recorded?');
  const mains = new Set<string>();
  for (const e of trace.traceEvents)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const byThread = new Map<string, number[]>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.dur === undefined || e.ts < from || e.ts > to) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e.dur / 1000);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const busiest = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0];
  if (!busiest) throw new Error('the trace holds no task of the page\'s main thread (CrRendererMain)');
  return { longest: Math.max(0, ...busiest), over50: busiest.filter((d) => d > 50).length, busy: sum(busiest) };
}
