/**
 * Auto-layout of a generated 2,000-node / 10,000-edge model (bench/generate.ts, as it comes: no positions) in
 * the built renderer, in headless Chromium, driven as a user does: open the file, press L. Figures: the time
 * until the laid-out model is committed (the notice naming the method appears), which method the app chose,
 * and the longest main-thread task from the key press until everything after it has settled (autosave, the
 * version kept before the layout, re-simulation), from Chromium's Long Tasks API (tasks over 50 ms). Then the
 * same for switching from that model to a small sample. Target for both: no task over 100 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serializeModel } from '../../shared/file/index.ts';
import { generateModel } from '../generate.ts';
import { plural } from '../../shared/format.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, ms, within } from '../lib/measure.ts';
import { ensureWebBuild, openSession } from '../canvas/browser.ts';
import { openFile } from './scenarios.ts';

const NODES = 2_000;
const EDGES_PER_NODE = 5;
const LONGEST_TASK_MS = 100;
/** After the layout is committed, the work it sets off (autosave, snapshot, simulation) is watched this long. */
const SETTLE_MS = 3000;

const SAMPLE = 'cicd-pipeline.faultline.json';

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** Starts recording long tasks in the page; the returned function gives the longest (0: none over 50 ms) and the count. */
type LongTasks = { longest: number; count: number; all: number[] };

async function watchLongTasks(page: Page): Promise<() => Promise<LongTasks>> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    window.__longObserver?.disconnect();
    window.__longObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); });
    window.__longObserver.observe({ type: 'longtask' });
  })()`);
  return async () => {
    // A task still running is reported when it ends: let the page breathe once before reading.
    await page.evaluate('new Promise((r) => setTimeout(r, 50))');
    return page.evaluate(`(() => {
      window.__longObserver.disconnect();
      return { longest: Math.max(0, ...window.__longTasks), count: window.__longTasks.length, all: window.__longTasks.map(Math.round).sort((a, b) => b - a) };
    })()`);
  };
}

const longest = (t: LongTasks) => (t.count === 0 ? 'none over 50 ms' : ms(t.longest));
const listed = (t: LongTasks) => (t.count === 0 ? '—' : t.all.map((x) => `${x}`).join(', ') + ' ms');

export const layoutSuite: Suite = {
  name: 'layout',
  description: `auto-layout of ${NODES.toLocaleString('en')} nodes / ${(NODES * EDGES_PER_NODE).toLocaleString('en')} edges in headless Chromium, main thread kept free`,
  async run(print) {
    await ensureWebBuild(print);
    const model = generateModel({ nodes: NODES, edgesPerNode: EDGES_PER_NODE, seed: 42 });
    const text = serializeModel(model);
    const session = await openSession();
    try {
      const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(session.url);
      await page.waitForSelector('.react-flow__pane');
      await openFile(page, 'bench.faultline.json', text);
      await page.getByTestId('status-counts').filter({ hasText: `${plural(NODES, 'node')}` }).waitFor({ timeout: 120_000 });
      await page.waitForSelector('.react-flow__node-kind', { timeout: 120_000 });
      // Let the open settle (first paint, autosave, findings) before measuring the layout alone.
      await sleep(SETTLE_MS);
      // The floor: long tasks of the same page doing nothing, on this machine now.
      const stopIdle = await watchLongTasks(page);
      await sleep(SETTLE_MS);
      const idle = await stopIdle();

      // Focus on the canvas (nothing selected), as a user who presses L there.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await sleep(500);
      const stop = await watchLongTasks(page);
      const t0 = Date.now();
      await page.keyboard.press('l');
      const progress = page.getByTestId('layout-progress');
      await progress.waitFor({ timeout: 10_000 });
      const method = await progress.getAttribute('data-method');
      await page.getByTestId('notice').filter({ hasText: 'Laid out' }).waitFor({ timeout: 600_000 });
      const done = Date.now() - t0;
      await sleep(SETTLE_MS);
      const layoutTasks = await stop();
      const notice = (await page.getByTestId('notice').textContent()) ?? '';

      print(figure('method chosen', method ?? '?'));
      print(figure('key press to laid-out model committed', ms(done)));
      print(figure('  longest main-thread task meanwhile', longest(layoutTasks), within(layoutTasks.longest, LONGEST_TASK_MS, 'ms', false)));
      print(figure('  long tasks (over 50 ms)', listed(layoutTasks)));
      print(figure('  baseline: long tasks of the idle page, 3 s', listed(idle)));
      print(`  the app said: ${notice.replace('×', '').trim()}`);

      // From the large model to a small sample: the switch must not block either.
      const sample = readFileSync(join(import.meta.dirname, '../../assets/samples', SAMPLE), 'utf8');
      const stopSwitch = await watchLongTasks(page);
      const t1 = Date.now();
      await openFile(page, SAMPLE, sample);
      await page.getByTestId('status-counts').filter({ hasNotText: `${plural(NODES, 'node')}` }).waitFor({ timeout: 120_000 });
      await page.waitForFunction(`document.querySelectorAll('.react-flow__node-kind').length > 0 && document.querySelectorAll('.react-flow__node-kind').length < 100`);
      const switched = Date.now() - t1;
      await sleep(SETTLE_MS);
      const switchTasks = await stopSwitch();
      print(figure(`open a small sample (${SAMPLE}) after it`, ms(switched)));
      print(figure('  longest main-thread task meanwhile', longest(switchTasks), within(switchTasks.longest, LONGEST_TASK_MS, 'ms', false)));
      print(figure('  long tasks (over 50 ms)', listed(switchTasks)));
      await page.close();
    } finally {
      await session.close();
    }
  },
};
