/**
 * The canvas editor in the built renderer, in headless Chromium, on generated models of 2,000 nodes /
 * 4,000 edges and 10,000 nodes / 20,000 edges, each beside plain React Flow 12 on the same file in the
 * same run (bench/browser/reactflow: default nodes of the same size, its own culling). Figures:
 *
 * - first render: file chosen → every node in view painted. A model this size opens at a working zoom on
 *   its centre (about a hundred nodes in view), not fitted: fitted, every node would be a few pixels wide;
 * - the longest frame while 50 selected nodes are dragged for a second, and the drop's longest frame;
 * - frames per second during a scripted 3-second pan and wheel zoom-out to the whole model;
 * - open, then F (fit all) at once: the time until the whole model is drawn, and whether all of it is in view.
 *
 * Headless Chromium with --disable-gpu draws in software, so these are pessimistic next to a desktop with
 * a GPU. Each scenario runs three times on fresh pages and the medians are reported (each run's figure
 * beside them): on a shared 2-core machine one run is noise.
 *
 * CANVAS_NODES=10000 runs one size only; BENCH_PROFILE=DIR writes a Chrome CPU profile of each phase of
 * each page's first run into DIR (bench/canvas/page.ts).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { serializeModel } from '../../shared/file/index.ts';
import type { Model } from '../../shared/domain/index.ts';
import { openSession, ensureWebBuild } from '../canvas/browser.ts';
import type { FitAll, Layout, Run } from '../canvas/page.ts';
import { Profiler, fitAllOnce, scenario } from '../canvas/page.ts';
import { generateModel } from '../generate.ts';
import type { Suite } from '../lib/measure.ts';
import { ms } from '../lib/measure.ts';

const EDGES_PER_NODE = 2;
const GAP = { x: 240, y: 120 };
const TARGETS = { openMs: 3000, fps: 30, longestFrameMs: 50 };
/** Grid columns per size: the 10,000-node model is twice as wide as it is tall, as a real drawing is. */
const CASES = [
  { nodes: 2_000, columns: 50 },
  { nodes: 10_000, columns: 100 },
] as const;
const RUNS = 3;

/** The generated model laid out on a grid (the generator leaves positions to the app). */
export function benchModel(nodes: number, columns: number): Model {
  const model = generateModel({ nodes, edgesPerNode: EDGES_PER_NODE, seed: 42 });
  model.nodes.forEach((n, i) => {
    n.position = { x: (i % columns) * GAP.x, y: Math.floor(i / columns) * GAP.y };
  });
  return model;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fps = (x: number) => `${x.toFixed(0)} fps`;

/** One row: Faultline's figure, React Flow's beside it, the target. */
function row(label: string, ours: string, theirs: string, target?: { ok: boolean; text: string }): string {
  const head = `  ${label.padEnd(46)} ${ours.padStart(10)} ${theirs.padStart(12)}`;
  return target ? `${head}   ${target.text.padEnd(18)} ${target.ok ? 'ok' : 'OVER'}` : head;
}
const runs = <T,>(xs: T[], show: (x: T) => string) => `    runs: ${xs.map(show).join(', ')}`;

interface PageFigures {
  runs: Run[];
  fit: FitAll[];
}

async function measurePage(browser: Browser, url: string, name: string, text: string, layout: Layout): Promise<PageFigures> {
  const out: PageFigures = { runs: [], fit: [] };
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    out.runs.push(await scenario(page, url, text, layout, new Profiler(page, name, i === 0)));
    await page.close();
    const fitPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    out.fit.push(await fitAllOnce(fitPage, url, text, layout, new Profiler(fitPage, name, i === 0)));
    await fitPage.close();
  }
  return out;
}

function report(print: (line: string) => void, ours: PageFigures, theirs: PageFigures): void {
  const target = (ok: boolean, text: string) => ({ ok, text });
  const both = (f: (r: Run) => number) => [median(ours.runs.map(f)), median(theirs.runs.map(f))] as const;
  print(row('', 'Faultline', 'React Flow'));
  const [open, rfOpen] = both((r) => r.first.ms);
  const r0 = ours.runs[0].first;
  print(
    row(`first render (${r0.nodes} nodes, ${r0.edges} edges in view)`, ms(open), ms(rfOpen), target(open < TARGETS.openMs, `< ${ms(TARGETS.openMs)}`)),
  );
  print(runs(ours.runs, (r) => ms(r.first.ms)));
  const fit = median(ours.fit.map((f) => f.ms));
  const rfFit = median(theirs.fit.map((f) => f.ms));
  print(row('open, then fit all', ms(fit), ms(rfFit), target(fit < TARGETS.openMs, `< ${ms(TARGETS.openMs)}`)));
  print(runs(ours.fit, (f) => ms(f.ms)));
  const whole = (f: FitAll[]) => `${f.every((x) => x.whole) ? 'yes' : 'NO'} (${f[0].zoom.toFixed(3)})`;
  print(row('  whole model in view after fit all (zoom)', whole(ours.fit), whole(theirs.fit), target(ours.fit.every((f) => f.whole), 'all in view')));
  const [drag, rfDrag] = both((r) => r.drag.longest);
  print(
    row(`drag ${ours.runs[0].selected} selected nodes: longest frame`, ms(drag), ms(rfDrag), target(drag <= TARGETS.longestFrameMs, `≤ ${ms(TARGETS.longestFrameMs)}`)),
  );
  print(runs(ours.runs, (r) => ms(r.drag.longest)));
  const [dragFps, rfDragFps] = both((r) => r.drag.fps);
  print(row('  frames per second while dragging', fps(dragFps), fps(rfDragFps)));
  const [drop, rfDrop] = both((r) => r.drop.longest);
  print(row('  drop: longest frame', ms(drop), ms(rfDrop), target(drop <= TARGETS.longestFrameMs, `≤ ${ms(TARGETS.longestFrameMs)}`)));
  print(runs(ours.runs, (r) => ms(r.drop.longest)));
  const moved = ours.runs[0].moved;
  print(row('  moved in the model by', moved ? `${moved.x} × ${moved.y}` : 'not moved', ''));
  const [pz, rfPz] = both((r) => r.panZoom.fps);
  print(row('pan + wheel zoom out, 3 s', fps(pz), fps(rfPz), target(pz >= TARGETS.fps, `≥ ${TARGETS.fps} fps`)));
  print(runs(ours.runs, (r) => r.panZoom.fps.toFixed(0)));
  const frames = (f: PageFigures) => f.runs.map((r) => `${r.panFrames}/${r.panZoom.frames - r.panFrames} (${r.endZoom.toFixed(2)})`).join(', ');
  print(`    frames panning/zooming (to zoom): Faultline ${frames(ours)}; React Flow ${frames(theirs)}`);
  const [longest, rfLongest] = both((r) => r.panZoom.longest);
  print(row('  longest frame', ms(longest), ms(rfLongest)));
}

export const canvasSuite: Suite = {
  name: 'canvas',
  description: 'the editor on 2,000 and 10,000 nodes (2 edges each) in headless Chromium, beside plain React Flow',
  async run(print) {
    await ensureWebBuild(print);
    if (process.env.BENCH_PROFILE) mkdirSync(process.env.BENCH_PROFILE, { recursive: true });
    const only = Number(process.env.CANVAS_NODES) || null;
    const session = await openSession({ reactFlow: true });
    try {
      for (const c of CASES.filter((c) => !only || c.nodes === only)) {
        const model = benchModel(c.nodes, c.columns);
        const text = serializeModel(model);
        const layout: Layout = { columns: c.columns, gap: GAP, ids: model.nodes.map((n) => n.id) };
        print(
          `\n  ${c.nodes.toLocaleString('en')} nodes / ${model.edges.length.toLocaleString('en')} edges, ${(text.length / 1e6).toFixed(1)} MB; median of ${RUNS} runs, each on a fresh page`,
        );
        const ours = await measurePage(session.browser, session.url, `faultline-${c.nodes}`, text, layout);
        const theirs = await measurePage(session.browser, session.reactFlowUrl!, `reactflow-${c.nodes}`, text, layout);
        report(print, ours, theirs);
      }
    } finally {
      await session.close();
    }
  },
};
