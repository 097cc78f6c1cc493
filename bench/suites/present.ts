/**
 * Playback on the 2,000-node bench model with its scenario shown, in the built renderer, headless
 * Chromium: the longest frame while stepping one hop at a time (each hop re-derives the overlay at the
 * playhead, re-renders the nodes it changes, animates the new ones in and, with "follow" on, moves the
 * camera to them), and frames per second while the timeline's scrubber is dragged across the whole axis.
 *
 * Stepping is measured in the editor at the working zoom a model this size opens at (its nodes drawn as
 * cards), with "follow" off (the hop alone) and on (the camera also moves to each hop: on a large model it
 * jumps, and the nodes coming into view are drawn in that frame, as after any pan; switching follow on
 * moves the camera to the follow's zoom once, printed apart); and in presentation
 * mode (the whole model framed, drawn as its overview picture). Each window of hops prints the longest
 * main-thread task (a trace: the app's own work) and the longest gap between animation frames
 * (requestAnimationFrame: also grows when a frame is merely scheduled late), each beside the same window
 * with nothing pressed. Software rendering, so pessimistic.
 */
import type { Page } from '@playwright/test';
import { simulate } from '../../shared/engine/index.ts';
import type { Suite } from '../lib/measure.ts';
import { figure, ms } from '../lib/measure.ts';
import { countFrames } from '../canvas/page.ts';
import type { Tasks } from '../canvas/tasks.ts';
import { recordTasks } from '../canvas/tasks.ts';
import { benchModel } from './canvas.ts';
import { ensureWebBuild, openSession } from '../canvas/browser.ts';
import { drawn, openModel, settled } from './scenarios.ts';

const TARGETS = { stepFrameMs: 50, scrubFps: 30 };
const STEPS = 12;
const SCRUB_MS = 3000;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface StepFigures {
  /** The longest gap between animation frames. */
  frame: number;
  tasks: Tasks;
}

/**
 * One hop per press, each given time to animate and settle: the longest gap between animation frames and
 * the main thread's tasks (a trace) over all of them.
 */
async function stepWindow(page: Page, press: () => Promise<void>): Promise<StepFigures> {
  const stopTasks = await recordTasks(page);
  const stop = await countFrames(page);
  for (let i = 0; i < STEPS; i++) {
    await press();
    await sleep(450);
  }
  const { longest } = await stop();
  return { frame: longest, tasks: await stopTasks() };
}

/** One action, given time to settle: its longest frame gap and main-thread task. */
async function once(page: Page, action: () => Promise<void>): Promise<StepFigures> {
  const stopTasks = await recordTasks(page);
  const stop = await countFrames(page);
  await action();
  await sleep(600);
  const { longest } = await stop();
  return { frame: longest, tasks: await stopTasks() };
}

/** A window of hops beside the same window idle: the longest task and the longest frame gap, each with its baseline. */
function printSteps(print: (line: string) => void, label: string, steps: StepFigures, idle: StepFigures): void {
  const ok = (v: number) => ({ text: `target ≤ ${ms(TARGETS.stepFrameMs)}`, ok: v <= TARGETS.stepFrameMs });
  const { tasks } = steps;
  print(`  ${label}`);
  print(figure('    longest main-thread task', ms(tasks.longest), ok(tasks.longest)));
  print(figure('      idle baseline', ms(idle.tasks.longest)));
  print(figure('    tasks over 50 ms / main thread busy', `${tasks.over50} / ${ms(tasks.busy)}`));
  print(figure('      idle baseline', `${idle.tasks.over50} / ${ms(idle.tasks.busy)}`));
  print(figure('    longest gap between frames (rAF)', ms(steps.frame), ok(steps.frame)));
  print(figure('      idle baseline', ms(idle.frame)));
}

/** The scrubber dragged from the start of the axis to its end and back, in small pointer moves. */
async function scrub(page: Page): Promise<{ fps: number; longest: number; times: number }> {
  const track = (await page.locator('.fl-tl-track').boundingBox())!;
  const y = track.y + 14;
  await page.mouse.move(track.x + 2, y);
  await page.mouse.down();
  const stop = await countFrames(page);
  const seen = new Set<string>();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < SCRUB_MS) {
    const p = (i++ % 120) / 60;
    const x = track.x + 2 + (p <= 1 ? p : 2 - p) * (track.width - 4);
    await page.mouse.move(x, y);
    seen.add((await page.getByTestId('timeline-scrubber').getAttribute('data-time')) ?? '');
  }
  const result = await stop();
  await page.mouse.up();
  return { fps: result.fps, longest: result.longest, times: seen.size };
}

export const presentSuite: Suite = {
  name: 'present',
  description: 'playback of a scenario on the 2,000-node model: stepping one hop (longest frame), dragging the scrubber (fps)',
  async run(print) {
    await ensureWebBuild(print);
    const m = benchModel(2_000, 50);
    const scenario = m.scenarios[0];
    const result = simulate(m, scenario);
    const session = await openSession();
    try {
      const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(session.url);
      await openModel(page, m);
      await drawn(page);
      await settled(page, 1);
      await page.getByTestId(`scenario-item-${scenario.id}`).click();
      await settled(page, 2);
      await sleep(800);
      const hops = Number((await page.getByTestId('timeline-now').textContent())?.match(/of (\d+)/)?.[1] ?? 0);
      print(`${m.nodes.length} nodes, ${m.edges.length} edges; scenario "${scenario.name}": ${new Set(result.impacts.map((i) => i.node)).size} nodes hit in ${hops} hops`);

      // The editor: back to the break, then hop after hop with the step button, follow off, then on.
      await page.getByTestId('follow-toggle').uncheck();
      await page.getByTestId('timeline-scrubber').focus();
      await page.keyboard.press('Home');
      // Home redraws the whole radius back to the break: let that finish before the idle window starts.
      await sleep(1500);
      // The same window with nothing to do: the longest frame the machine gives an idle page (its noise floor).
      const idle = await stepWindow(page, async () => {});
      const edit = await stepWindow(page, () => page.getByTestId('action-step-next').click());
      printSteps(print, `editor, working zoom, follow off: ${STEPS} hops`, edit, idle);
      // Switched on, follow brings the hop shown into view at once: on this model, from the working zoom to
      // the follow's (the cards drop to labels, React Flow's edges give way to the overview). Printed apart,
      // without a target: it happens once, not at each hop.
      const catchUp = await once(page, () => page.getByTestId('follow-toggle').check());
      print('  switching follow on: the camera catches up with the hop shown, once');
      print(figure('    longest main-thread task / gap between frames', `${ms(catchUp.tasks.longest)} / ${ms(catchUp.frame)}`));
      const follow = await stepWindow(page, () => page.getByTestId('action-step-next').click());
      printSteps(print, `editor, the next ${STEPS} hops with follow on (the camera moves)`, follow, idle);

      // Dragging the scrubber across the whole axis in the editor.
      const drag = await scrub(page);
      print(
        figure('scrubber dragged for 3 s: frames per second', drag.fps.toFixed(1), { text: `target ≥ ${TARGETS.scrubFps} fps`, ok: drag.fps >= TARGETS.scrubFps }),
      );
      print(figure('  longest frame / distinct hours shown', `${ms(drag.longest)} / ${drag.times}`));

      // Presentation mode: the whole model framed, hop after hop with →.
      await page.keyboard.press('F5');
      await page.getByTestId('present-caption').waitFor();
      await sleep(1200);
      const roomIdle = await stepWindow(page, async () => {});
      const room = await stepWindow(page, () => page.keyboard.press('ArrowRight'));
      printSteps(print, `presentation, whole model: ${STEPS} hops`, room, roomIdle);
      const dragRoom = await scrub(page);
      print(
        figure('presentation: scrubber dragged, frames per second', dragRoom.fps.toFixed(1), {
          text: `target ≥ ${TARGETS.scrubFps} fps`,
          ok: dragRoom.fps >= TARGETS.scrubFps,
        }),
      );
      await page.keyboard.press('Escape');
    } finally {
      await session.close();
    }
  },
};
