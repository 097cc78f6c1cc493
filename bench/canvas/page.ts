/**
 * The canvas benchmark's measurements in one page (Faultline's editor or the plain React Flow baseline):
 * open a model file, drag a block of 50 selected nodes and drop it, pan and wheel-zoom out to the whole
 * model, and open then fit all. Both pages are driven the same way, through React Flow's own DOM (its
 * pane, viewport, nodes and zoom buttons) and a file chooser behind `action-open`.
 *
 * Frames are counted in the page with requestAnimationFrame. The page code goes as text: tsx would
 * otherwise wrap its functions in a helper the page does not have.
 */
import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_BOX } from '../../shared/visual/index.ts';

export type Frames = { fps: number; longest: number; frames: number };

export interface Layout {
  columns: number;
  gap: { x: number; y: number };
  /** Node ids in grid order (row by row). */
  ids: readonly string[];
}

export interface Run {
  first: { ms: number; nodes: number; edges: number };
  selected: number;
  drag: Frames;
  drop: Frames;
  /** How far the grabbed node moved in Faultline's model (null on the React Flow page). */
  moved: { x: number; y: number } | null;
  panZoom: Frames;
  panFrames: number;
  endZoom: number;
}

export interface FitAll {
  ms: number;
  zoom: number;
  /** Every node of the model inside the canvas's pane at the fitted view. */
  whole: boolean;
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/**
 * Profiles of the phases of one run, when BENCH_PROFILE names a folder: a Chrome trace
 * (`NAME-PHASE.trace.json`: style, layout, paint, raster and script, for DevTools' Performance panel or
 * chrome://tracing) and a CPU profile of the page's script (`NAME-PHASE.cpuprofile`).
 */
export class Profiler {
  private cdp: CDPSession | null = null;
  constructor(
    private page: Page,
    private name: string,
    private on: boolean,
  ) {}
  private get folder(): string | null {
    return this.on ? (process.env.BENCH_PROFILE ?? null) : null;
  }
  async start(): Promise<void> {
    if (!this.folder) return;
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await this.cdp.send('Profiler.start');
    await this.page.context().browser()!.startTracing(this.page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz'],
    });
  }
  async stop(phase: string): Promise<void> {
    if (!this.cdp || !this.folder) return;
    const trace = await this.page.context().browser()!.stopTracing();
    writeFileSync(join(this.folder, `${this.name}-${phase}.trace.json`), trace);
    const { profile } = await this.cdp.send('Profiler.stop');
    writeFileSync(join(this.folder, `${this.name}-${phase}.cpuprofile`), JSON.stringify(profile));
  }
}

/** Starts counting frames in the page; the returned function stops and gives the frame times. */
export async function countFrames(page: Page): Promise<() => Promise<Frames>> {
  // Each count has its own loop: one started right after another stops must not revive the old one.
  await page.evaluate(`(() => {
    // The start counts as a frame: a page blocked for the whole window still shows its longest frame.
    window.__frames = [performance.now()];
    const count = (window.__count = (window.__count ?? 0) + 1);
    const loop = (t) => {
      if (window.__count !== count) return;
      window.__frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  return () =>
    page.evaluate(`(() => {
      window.__count += 1;
      // Now ends a frame too: a task still running when the count stops has held the frame since the last one.
      const f = [...window.__frames, performance.now()];
      let longest = 0;
      for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i] - f[i - 1]);
      return { fps: (f.length - 2) / ((f[f.length - 1] - f[0]) / 1000), longest, frames: window.__frames.length - 1 };
    })()`);
}

type View = { tx: number; ty: number; zoom: number; left: number; top: number; width: number; height: number };

/** The canvas viewport transform and the pane's place on screen. */
function view(page: Page): Promise<View> {
  return page.evaluate(`(() => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
    const r = document.querySelector('.react-flow__pane').getBoundingClientRect();
    return { tx: m.e, ty: m.f, zoom: m.a, left: r.left, top: r.top, width: r.width, height: r.height };
  })()`) as Promise<View>;
}

/** The zoom at which the whole laid-out model fits the pane. */
function wholeZoom(layout: Layout, v: View): number {
  const rows = Math.ceil(layout.ids.length / layout.columns);
  return Math.min(v.width / (layout.columns * layout.gap.x), v.height / (rows * layout.gap.y));
}

/** Whether every node of the layout is inside the pane at the view. */
function wholeInView(layout: Layout, v: View): boolean {
  const rows = Math.ceil(layout.ids.length / layout.columns);
  const x1 = v.tx + ((layout.columns - 1) * layout.gap.x + NODE_BOX.width) * v.zoom;
  const y1 = v.ty + ((rows - 1) * layout.gap.y + NODE_BOX.height) * v.zoom;
  return v.tx >= -1 && v.ty >= -1 && x1 <= v.width + 1 && y1 <= v.height + 1;
}

/**
 * Opens the model through the file chooser and times it until every node in view is painted (checked in
 * the page every 50 ms; the time is taken two frames after the check passes). With `fitAll`, F is
 * pressed as soon as the first node is drawn and the whole model must be drawn: as Faultline's overview
 * picture of its nodes, or every node (React Flow).
 */
export async function openAndTime(page: Page, text: string, fitAll: boolean): Promise<{ ms: number; nodes: number; edges: number }> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('action-open').click();
  // The clock starts when the page gets the chosen file (its change event), not while Playwright copies
  // megabytes into the browser.
  await page.evaluate(
    `document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true })`,
  );
  await (await chooser).setFiles(
    { name: 'bench.faultline.json', mimeType: 'application/json', buffer: Buffer.from(text) },
    { timeout: 180_000 },
  );
  if (fitAll) {
    await page.waitForSelector('.react-flow__node', { timeout: 180_000 });
    await page.keyboard.press('f');
  }
  const total = (JSON.parse(text) as { model: { nodes: unknown[] } }).model.nodes.length;
  const elapsed = (await page.evaluate(
    `new Promise((resolve) => {
    const painted = () => {
      const nodes = document.querySelectorAll('.react-flow__node');
      if (nodes.length === 0) return false;
      for (const el of nodes) if (el.style.visibility === 'hidden') return false;
      return nodes;
    };
    const done = () => {
      if (!${fitAll}) return painted();
      // Zoomed out to the whole model, Faultline draws a large model as one overview picture of its nodes.
      if (document.querySelector('.fl-overview-nodes')) return true;
      const nodes = painted();
      return nodes && nodes.length === ${total};
    };
    const check = () => {
      if (done()) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__t0)));
      else setTimeout(check, 50);
    };
    check();
  })`,
  )) as number;
  const counts = (await page.evaluate(
    `({ nodes: document.querySelectorAll('.react-flow__node').length, edges: document.querySelectorAll('.react-flow__edge').length })`,
  )) as { nodes: number; edges: number };
  return { ms: elapsed, ...counts };
}

/** On a fresh page: open, then F at once; the time until the whole model is drawn, and whether it is all in view. */
export async function fitAllOnce(page: Page, url: string, text: string, layout: Layout, profiler: Profiler): Promise<FitAll> {
  await page.goto(url);
  await page.waitForSelector('.react-flow__pane');
  await profiler.start();
  const { ms } = await openAndTime(page, text, true);
  await profiler.stop('fit-all');
  await sleep(300);
  const v = await view(page);
  return { ms, zoom: v.zoom, whole: wholeInView(layout, v) };
}

const SELECTED = 50;

/** One run on a fresh page: open the model, drag 50 selected nodes for 1 s and drop, pan 1.5 s, zoom out 1.5 s. */
export async function scenario(page: Page, url: string, text: string, layout: Layout, profiler: Profiler): Promise<Run> {
  const { columns, gap } = layout;
  await page.goto(url);
  await page.waitForSelector('.react-flow__pane');
  await profiler.start();
  const first = await openAndTime(page, text, false);
  await profiler.stop('open');
  // Faultline's scenario dock opens under the canvas when the model has scenarios; folded, the canvas has
  // the window's height, as when one edits.
  const dock = page.getByTestId('scenario-dock-toggle');
  if ((await dock.count()) && (await dock.getAttribute('aria-expanded')) === 'true') await dock.click();

  // Zoom out two steps (the − button) so a block of 5 × 10 nodes fits in view; select it with
  // Shift+drag; drag one of them: all 50 move; drop.
  await page.locator('.react-flow__controls-zoomout').click();
  await page.locator('.react-flow__controls-zoomout').click();
  await sleep(600);
  let v = await view(page);
  const toScreen = (x: number, y: number) => ({ x: v.left + v.tx + x * v.zoom, y: v.top + v.ty + y * v.zoom });
  const col0 = Math.ceil(-v.tx / v.zoom / gap.x);
  // One row down from the first full one: the editor's floating toolbar covers the top of the pane, and a
  // press there drags nothing.
  const row0 = Math.ceil(-v.ty / v.zoom / gap.y) + 1;
  // The box touches the 50 nodes (both pages select what a box touches) and none of their neighbours:
  // it starts inside the first row, as a node with many chips reaches down past the next row's top.
  const a = toScreen(col0 * gap.x - 20, row0 * gap.y + 10);
  const b = toScreen((col0 + 4) * gap.x + 100, (row0 + 9) * gap.y + 30);
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const selected = await page.locator('.react-flow__node.selected').count();
  if (selected !== SELECTED)
    throw new Error(`the selection box took ${selected} nodes, not ${SELECTED}: the scenario no longer fits the layout`);
  // Grab a node in the middle of the block: the press must land on it or on the selection's rectangle
  // (React Flow lays it over a box-selected group; dragging it drags the group).
  const grabbed = { col: col0 + 2, row: row0 + 5 };
  const grab = toScreen(grabbed.col * gap.x + 90, grabbed.row * gap.y + 20);
  const grabbedId = layout.ids[grabbed.row * columns + grabbed.col];
  const under = (await page.evaluate(
    `(() => { const e = document.elementFromPoint(${grab.x}, ${grab.y}); return e?.closest('.react-flow__nodesselection-rect') ? 'selection' : (e?.closest('.react-flow__node')?.dataset.id ?? String(e?.className)) })()`,
  )) as string;
  if (under !== grabbedId && under !== 'selection') throw new Error(`the drag would start on ${under}, not on ${grabbedId}`);
  await page.mouse.move(grab.x, grab.y);
  await sleep(300);
  await profiler.start();
  const stopDrag = await countFrames(page);
  await page.mouse.down();
  const td = Date.now();
  while (Date.now() - td < 1000) {
    const f = (Date.now() - td) / 1000;
    await page.mouse.move(grab.x + f * 240, grab.y + f * 120);
    await sleep(8);
  }
  const drag = await stopDrag();
  await profiler.stop('drag');
  await profiler.start();
  const stopDrop = await countFrames(page);
  await page.mouse.up();
  await sleep(500);
  const drop = await stopDrop();
  await profiler.stop('drop');
  const at = (await page.evaluate(
    `window.__faultline?.getModel().nodes.find((n) => n.id === ${JSON.stringify(grabbedId)}).position ?? null`,
  )) as { x: number; y: number } | null;
  const moved = at && { x: at.x - grabbed.col * gap.x, y: at.y - grabbed.row * gap.y };
  if (moved && moved.x === 0 && moved.y === 0) throw new Error(`the drag left ${grabbedId} where it was: nothing was dragged`);

  // 3 s counted as one window: 1.5 s panning at the working zoom (nodes enter and leave the view),
  // then 1.5 s of wheel zoom out towards the whole model (through every level of detail).
  // Pan and zoom are measured with nothing selected, as after opening a model.
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await sleep(300);
  v = await view(page);
  const whole = wholeZoom(layout, v);
  const cx = Math.round((v.width / 2 - v.tx) / v.zoom / gap.x) * gap.x - 28;
  const cy = Math.round((v.height / 2 - v.ty) / v.zoom / gap.y) * gap.y - 28;
  const start = toScreen(cx, cy);
  await profiler.start();
  const stop = await countFrames(page);
  const t = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  while (Date.now() - t < 1500) {
    const angle = ((Date.now() - t) / 1500) * Math.PI * 2;
    await page.mouse.move(start.x + 240 * Math.sin(angle), start.y + 160 * (1 - Math.cos(angle)));
    await sleep(8);
  }
  await page.mouse.up();
  const panFrames = ((await page.evaluate('window.__frames.length')) as number) - 1;
  await page.mouse.move(v.left + v.width / 2, v.top + v.height / 2);
  while (Date.now() - t < 3000) {
    if ((await view(page)).zoom > whole) await page.mouse.wheel(0, 40);
    await sleep(16);
  }
  const panZoom = await stop();
  await profiler.stop('pan-zoom');
  const endZoom = (await view(page)).zoom;
  return { first, selected, drag, drop, moved, panZoom, panFrames, endZoom };
}
