/**
 * Live scenarios on a 2,000-node model in the built renderer (dist-web), headless Chromium: the shown
 * scenario re-simulates in the Web Worker on every edit, and the main thread must never hold a frame for
 * more than 100 ms while it does.
 *
 * Measured in the page: long tasks (PerformanceObserver 'longtask', every main-thread task over 50 ms)
 * and gaps between animation frames (requestAnimationFrame), over a window of edits each followed by its
 * re-simulation. The target applies to the tasks that handle the worker's answers (the overlay's own
 * work); all long tasks and frame gaps are shown beside it, and the same edits with no scenario shown, so
 * the editor's own cost (and a busy machine) can be told apart. Page code goes as text: tsx would
 * otherwise wrap functions in a helper the page does not have.
 */
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/index.ts';
import { serializeModel } from '../../shared/file/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import { generateModel } from '../generate.ts';
import { plural } from '../../shared/format.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, ms } from '../lib/measure.ts';
import { ensureWebBuild, openSession } from '../canvas/browser.ts';

const NODES = 2_000;
const EDGES_PER_NODE = 2;
const COLUMNS = 50;
const EDITS = 12;
const TARGETS = { longestFrameMs: 100 };

function model(): Model {
  const m = generateModel({ nodes: NODES, edgesPerNode: EDGES_PER_NODE, seed: 42 });
  m.nodes.forEach((n, i) => {
    n.position = { x: (i % COLUMNS) * 240, y: Math.floor(i / COLUMNS) * 120 };
  });
  return m;
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/**
 * Test-side instrumentation, installed before the app loads: the time at which each answer from a worker
 * reaches the main thread. A long task that contains one of these is the overlay's work (parsing, deriving,
 * re-rendering the nodes whose overlay changed); other long tasks are the editor's own.
 */
const MARK_ANSWERS = `(() => {
  window.__fxAnswers = [];
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get() { return desc.get.call(this); },
    set(fn) { desc.set.call(this, fn && ((e) => { window.__fxAnswers.push(performance.now()); fn.call(this, e); })); },
  });
})()`;

interface Window {
  /** Longest gap between animation frames. */
  longest: number;
  /** Durations of every long task (> 50 ms), longest first. */
  longTasks: number[];
  /** Durations of the long tasks that handled a simulation answer, longest first. */
  answerTasks: number[];
  answers: number;
}

/** Starts recording long tasks and frame gaps; the returned function stops and reports. */
async function record(page: Page): Promise<() => Promise<Window>> {
  await page.evaluate(`(() => {
    window.__fx = { tasks: [], frames: [], on: true, from: window.__fxAnswers.length };
    window.__fxObs = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__fx.tasks.push([e.startTime, e.duration]); });
    window.__fxObs.observe({ type: 'longtask' });
    const loop = (t) => { window.__fx.frames.push(t); if (window.__fx.on) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  return () =>
    page.evaluate(`(() => {
      window.__fx.on = false;
      window.__fxObs.disconnect();
      const f = window.__fx.frames;
      let longest = 0;
      for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i] - f[i - 1]);
      const answers = window.__fxAnswers.slice(window.__fx.from);
      const tasks = window.__fx.tasks;
      const answerTasks = tasks.filter(([s, d]) => answers.some((t) => t >= s && t <= s + d)).map(([, d]) => d);
      const desc = (a, b) => b - a;
      return { longest, longTasks: tasks.map(([, d]) => d).sort(desc), answerTasks: answerTasks.sort(desc), answers: answers.length };
    })()`);
}

const runs = (page: Page) => page.evaluate(`Number(document.querySelector('[data-testid="scenario-status"]').dataset.runs)`) as Promise<number>;

/**
 * Waits until the overlay has taken `count` runs and nothing is running. Polled inside the page by one
 * evaluate (the app's CSP forbids the string evaluation waitForFunction uses).
 */
export async function settled(page: Page, count: number): Promise<void> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const until = performance.now() + 60000;
    const check = () => {
      const s = document.querySelector('[data-testid="scenario-status"]');
      if (s && Number(s.dataset.runs) >= ${count} && s.dataset.state === 'idle') resolve(true);
      else if (performance.now() > until) reject(new Error('no result within 60 s'));
      else setTimeout(check, 5);
    };
    check();
  })`);
}

/** Waits until the canvas has drawn the opened model (as many nodes as are in view), returns one node id. */
/** Opens a model file through the app's Open button and its file chooser. */
export async function openFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('action-open').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Opens `model` in the app once it is up; done when the status bar counts its nodes. */
export async function openModel(page: Page, model: Model): Promise<void> {
  await page.waitForSelector('[data-testid="scenario-status"]');
  await openFile(page, 'bench.faultline.json', serializeModel(model));
  await page.getByTestId('status-counts').filter({ hasText: plural(model.nodes.length, 'node') }).waitFor({ timeout: 60_000 });
}

export async function drawn(page: Page): Promise<string> {
  return (await page.evaluate(`new Promise((resolve) => {
    let last = -1;
    const check = () => {
      const nodes = document.querySelectorAll('.react-flow__node-kind');
      if (nodes.length > 0 && nodes.length === last) resolve(nodes[Math.floor(nodes.length / 2)].dataset.id);
      else { last = nodes.length; setTimeout(check, 200); }
    };
    check();
  })`)) as string;
}

/** `EDITS` nudges of the selected node (each one model edit, each followed by its run), recorded. */
async function editWindow(page: Page): Promise<Window & { perEdit: number }> {
  const stop = await record(page);
  const t0 = Date.now();
  for (let i = 0; i < EDITS; i++) {
    const before = await runs(page);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await settled(page, before + 1);
    await sleep(60);
  }
  const perEdit = (Date.now() - t0) / EDITS;
  return { ...(await stop()), perEdit };
}

export const scenariosSuite: Suite = {
  name: 'scenarios',
  description: `live blast radius on ${NODES.toLocaleString('en')} nodes: re-simulation on every edit in a worker, main-thread frames`,
  async run(print) {
    await ensureWebBuild(print);
    const m = model();
    const scenario = m.scenarios[0];
    const session = await openSession();
    try {
      const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(MARK_ANSWERS);
      await page.goto(session.url);
      await openModel(page, m);
      const target = await drawn(page);
      await settled(page, 1);
      await sleep(500);

      // Select one node in view and nudge it: an edit the editor makes cheaply, so what is measured is the re-run.
      await page.getByTestId(`rf__node-${target}`).click({ force: true });
      await sleep(300);

      const plain = await editWindow(page);

      // Show the saved scenario: the first result, then the same edits with live re-simulation.
      const before = await runs(page);
      const stopShow = await record(page);
      const t0 = (await page.evaluate('performance.now()')) as number;
      await page.getByTestId(`scenario-item-${scenario.id}`).click();
      await settled(page, before + 1);
      const firstResult = ((await page.evaluate('performance.now()')) as number) - t0;
      const show = await stopShow();
      const workerMs = Number(await page.getByTestId('scenario-status').getAttribute('data-ms'));
      const impacted = new Set(simulate(m, scenario).impacts.map((i) => i.node)).size;
      await page.getByTestId(`rf__node-${target}`).click({ force: true });
      await sleep(300);

      const live = await editWindow(page);

      const handled = (w: Window) => (w.answerTasks.length ? ms(w.answerTasks[0]) : '< 50 ms');
      const under = (w: Window) => (w.answerTasks[0] ?? 0) < TARGETS.longestFrameMs;
      print(`${NODES} nodes, ${m.edges.length} edges; scenario "${scenario.name}" (${scenario.breaks.length} breaks), ${impacted} nodes hit`);
      print(figure('show the scenario: click to overlay drawn', ms(firstResult)));
      print(figure('  simulate + findings in the worker', ms(workerMs)));
      print(figure('  longest task handling the answer', handled(show), { text: `target < ${ms(TARGETS.longestFrameMs)}`, ok: under(show) }));
      print(figure(`${EDITS} edits re-simulated: longest answer task`, handled(live), { text: `target < ${ms(TARGETS.longestFrameMs)}`, ok: under(live) }));
      print(figure('  answers / long tasks among them', `${live.answers} / ${live.answerTasks.length}`));
      print(figure('  edit to overlay updated, per edit', ms(live.perEdit)));
      print(figure('  longest frame, all work (editor included)', ms(live.longest)));
      print(figure('  long tasks, all work: count / longest', `${live.longTasks.length} / ${ms(live.longTasks[0] ?? 0)}`));
      print(figure(`the same ${EDITS} edits, no scenario: longest frame`, ms(plain.longest)));
      print(figure('  long tasks: count / longest', `${plain.longTasks.length} / ${ms(plain.longTasks[0] ?? 0)}`));
    } finally {
      await session.close();
    }
  },
};
