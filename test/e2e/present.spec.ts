/**
 * Workshop mode: a break presented to a room hop by hop, the playback timeline, room for the canvas, and
 * text that reads at any zoom. Driven with the keyboard and the mouse as a facilitator does; every
 * expectation about the radius is computed here, in the test process, by the engine in shared/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { deadCopies } from '../../shared/analysis/index.ts';
import type { Effect, Model, Scenario } from '../../shared/domain/index.ts';
import { EFFECTS, SECURITY_EFFECTS } from '../../shared/domain/index.ts';
import type { SimulationResult, TraceEntry } from '../../shared/engine/index.ts';
import { explainEntries, simulate } from '../../shared/engine/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { openFileThroughUi } from './fixtures.ts';
import { expect, mod, shownEffects, test } from './editor-helpers.ts';

const TEMPLATES = join(import.meta.dirname, '../../assets/templates');
const TEMPLATE = 'ai-support-agent.faultline.json';

function load(file: string): { model: Model; text: string } {
  const text = readFileSync(join(TEMPLATES, file), 'utf8');
  const parsed = parseModelFile(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { model: parsed.value, text };
}

async function open(page: Page, file = TEMPLATE): Promise<Model> {
  const { model, text } = load(file);
  await page.goto('/');
  await openFileThroughUi(page, { name: file, text });
  await expect(page.getByTestId('status-counts')).toContainText(`${model.nodes.length} nodes`);
  return model;
}

const rank = (e: Effect) => EFFECTS.indexOf(e);
const isSecurity = (e: Effect) => (SECURITY_EFFECTS as readonly string[]).includes(e);

/** Per node, the effect drawn for a set of trace entries: its highest level (security before availability). */
function drawnFor(entries: readonly TraceEntry[]): Record<string, Effect> {
  const out: Record<string, Effect> = {};
  for (const t of entries) {
    const cur = out[t.node];
    if (cur === undefined || (isSecurity(t.effect) && !isSecurity(cur)) || (isSecurity(t.effect) === isSecurity(cur) && rank(t.effect) < rank(cur))) out[t.node] = t.effect;
  }
  return out;
}

/** The engine's impacts with `at` ≤ t, as the canvas draws them (the check, at the end of an hour). */
function impactsBy(result: SimulationResult, t: number): Record<string, Effect> {
  return drawnFor(result.impacts.filter((i) => i.at <= t));
}

interface TestHop {
  at: number;
  depth: number;
  entries: TraceEntry[];
  /** Breaks prevented ("prevented:node"), responses ("rotate:node"), dying copies ("dead:node"), detection ("detected:node"), containment ("contained:"). */
  events: string[];
}

/**
 * The hops of a result, worked out here from the trace: entries grouped by hour and by their number of
 * steps back to the break (following `via`, §7), in that order. Responses, stolen copies that die without
 * carrying anything (§5 `until`), detection and containment (§7) are steps too: on the first hop of their
 * hour, else on their own.
 */
function hopsOf(result: SimulationResult): TestHop[] {
  const byKey = new Map(result.trace.map((t) => [`${t.node}:${t.effect}`, t]));
  const depth = (t: TraceEntry): number => (t.via ? 1 + depth(byKey.get(`${t.via.from}:${t.via.fromEffect}`)!) : 0);
  const hops: TestHop[] = [];
  for (const t of [...result.trace].sort((a, b) => a.at - b.at || depth(a) - depth(b))) {
    const last = hops.at(-1);
    if (last && last.at === t.at && last.depth === depth(t)) last.entries.push(t);
    else hops.push({ at: t.at, depth: depth(t), entries: [t], events: [] });
  }
  const { detectedAt, detectedBy, containedAt } = result.detection;
  const events = [
    ...result.prevented.map((p) => ({ at: 0, what: `prevented:${p.node}` })),
    ...result.scenario.responses.map((r) => ({ at: r.at, what: `${r.action}:${r.node}` })),
    ...[...deadCopies(result)].map(([node, at]) => ({ at, what: `dead:${node}` })),
    ...(detectedAt !== null ? [{ at: detectedAt, what: `detected:${detectedBy}` }] : []),
    ...(containedAt !== null ? [{ at: containedAt, what: 'contained:' }] : []),
  ];
  for (const ev of events) {
    const same = hops.find((h) => h.at === ev.at);
    if (same) same.events.push(ev.what);
    else hops.push({ at: ev.at, depth: 0, entries: [], events: [ev.what] });
  }
  return hops.sort((a, b) => a.at - b.at);
}

/** Per node, what the canvas draws as responses taken and dead copies ("rotate:node", "dead:node"). */
function drawnEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid="fx-response"], .react-flow__node [data-testid="fx-dead"]')) {
      const id = el.closest('.react-flow__node')!.getAttribute('data-id')!;
      out.push(el.dataset.testid === 'fx-dead' ? `dead:${id}` : `${el.dataset.response}:${id}`);
    }
    return out.sort();
  });
}

/**
 * Presents `scenario` from its break, hop by hop with → and Space, and checks every hop against the
 * engine: the nodes drawn as reached, responses and dead copies drawn by then, the scrubber's hour and the
 * caption's words.
 */
async function stepThrough(page: Page, model: Model, scenario: Scenario, result: SimulationResult, hops: TestHop[]) {
  const scrubber = page.getByTestId('timeline-scrubber');
  const labels = new Map(model.nodes.map((n) => [n.id, n.label || n.id]));
  for (const [i, hop] of hops.entries()) {
    if (i > 0) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'Space');
    const shown = hops.slice(0, i + 1).flatMap((h) => h.entries);
    await expect.poll(() => shownEffects(page), { message: `hop ${i + 1}` }).toEqual(drawnFor(shown));
    await expect(scrubber).toHaveAttribute('data-time', String(hop.at));
    // The last hop of an hour shows exactly the impacts the engine reached by then.
    if (hops[i + 1]?.at !== hop.at) expect(await shownEffects(page)).toEqual(impactsBy(result, hop.at));
    // Responses and dead copies: drawn from their hop on, never before.
    const onCards = (ev: string) => !/^(detected|contained|prevented):/.test(ev);
    expect(await drawnEvents(page), `hop ${i + 1}`).toEqual(hops.slice(0, i + 1).flatMap((h) => h.events).filter(onCards).sort());
    // Each event is told at its hop: who noticed, the attack contained.
    const caption = page.getByTestId('present-caption');
    for (const ev of hop.events) {
      const [kind, node] = ev.split(':');
      if (kind === 'detected') await expect(caption).toContainText(`Detected: ${labels.get(node)!} is monitored`);
      else if (kind === 'contained') await expect(caption).toContainText('Contained: the response cuts the attacker off');
      else if (kind === 'prevented') await expect(caption).toContainText(`Prevented: ${labels.get(node)!} renews itself`);
      else await expect(caption).toContainText(labels.get(node)!);
    }
    // Each line told under the sentence (a response, a copy dying) reads whole: not cut by the caption's
    // edge or its height, nor squeezed to its glyph beside a long rule and control.
    expect(await cutEventLines(page), `hop ${i + 1}`).toEqual([]);
    if (hop.entries.length === 0) continue;
    // The caption tells one of this hop's steps in the engine's words: sentence, rule, control.
    const told = explainEntries(model, result, hop.entries, scenario);
    const sentence = (await page.getByTestId('present-sentence').textContent())!.trim();
    const step = told.find((s) => s.sentence === sentence);
    expect(step, `caption "${sentence}"`).toBeDefined();
    await expect(caption).toContainText(step!.rule);
    if (step!.control) await expect(caption).toContainText(step!.control);
    // The hop's new nodes arrive drawn as such.
    for (const e of hop.entries) await expect(page.getByTestId(`rf__node-${e.node}`).locator('.fl-node')).toHaveClass(/fx-fresh/);
  }
}

/** The caption's event lines (present-events) that do not show whole on screen, by their text. */
function cutEventLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const caption = document.querySelector('[data-testid="present-caption"]')!.getBoundingClientRect();
    const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    return [...document.querySelectorAll<HTMLElement>('[data-testid="present-events"] li')]
      .filter((li) => {
        const r = li.getBoundingClientRect();
        const inside = r.top >= caption.top - 0.5 && r.bottom <= caption.bottom + 0.5 && r.right <= caption.right + 0.5;
        return !inside || cut(li) || [...li.children].some(cut);
      })
      .map((li) => li.textContent ?? '');
  });
}

/** The share of the window the drawing area (React Flow's pane) takes. */
function canvasShare(page: Page): Promise<number> {
  return page.locator('.react-flow').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return (r.width * r.height) / (window.innerWidth * window.innerHeight);
  });
}

/**
 * Every node label's font size as drawn on screen: its CSS size times the scale it is drawn at (its box on
 * screen over its box in CSS pixels, which takes the canvas zoom and any other transform into account).
 */
function labelPixels(page: Page): Promise<{ id: string; px: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node-kind .fl-node-label')].map((el) => ({
      id: el.closest('.react-flow__node')!.getAttribute('data-id')!,
      px: (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().width) / el.offsetWidth,
    })),
  );
}

const hidden = (page: Page, id: string) => expect(page.getByTestId(id)).toBeHidden();

test('Presentation mode by key and by button: every panel hidden, the canvas fills the screen; Esc brings the editor back as it was', async ({ page }) => {
  await open(page);
  await page.getByTestId('scenario-item-poisoned-ticket').click();
  // The editor as the facilitator left it: the inspector folded.
  await page.getByTestId('fold-inspector').click();
  await expect(page.getByTestId('panel-inspector')).toHaveCount(0);

  for (const enter of [() => page.keyboard.press('F5'), () => page.getByTestId('action-present').click(), () => page.keyboard.press(`${mod}+Shift+P`)]) {
    await enter();
    await expect(page.getByTestId('present-caption')).toBeVisible();
    await hidden(page, 'panel-palette');
    await hidden(page, 'scenario-dock');
    await hidden(page, 'status-bar');
    await expect(page.getByRole('toolbar', { name: 'Editing' })).toBeHidden();
    await expect(page.getByTestId('overlay-legend')).toBeVisible();
    // The canvas takes the whole width, and all the height between the legend strip and the caption.
    const box = (await page.locator('.react-flow').boundingBox())!;
    expect(box.width).toBe(page.viewportSize()!.width);
    expect(box.height).toBeGreaterThan(page.viewportSize()!.height * 0.7);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('present-caption')).toHaveCount(0);
    await expect(page.getByTestId('panel-palette')).toBeVisible();
    await expect(page.getByTestId('scenario-dock')).toBeVisible();
    await expect(page.getByTestId('panel-inspector')).toHaveCount(0);
    await expect(page.getByTestId('toggle-inspector')).toHaveAttribute('aria-pressed', 'false');
  }
});

test('Esc brings back what was shown: no scenario, the scenario before 1-9, its hour, the comparison, a folded dock; the timeline is labelled however presenting began', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page);
  const [first, second] = model.scenarios;
  const selected = (id: string) => page.getByTestId(`scenario-item-${id}`);

  // Straight after opening, with no scenario shown: the first one is presented, its timeline labelled.
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await expect.poll(() => page.locator('.fl-tl-tick').count()).toBeGreaterThanOrEqual(3);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-caption')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  for (const s of model.scenarios) await expect(selected(s.id)).toHaveAttribute('aria-selected', 'false');

  // A scenario shown at an hour, then another picked with 2 while presenting: Esc shows the first at its hour.
  await selected(first.id).click();
  const scrubber = page.getByTestId('timeline-scrubber');
  await scrubber.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const hour = await scrubber.getAttribute('data-time');
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(selected(first.id)).toHaveAttribute('aria-selected', 'true');
  await expect(scrubber).toHaveAttribute('data-time', hour!);

  // A comparison open in the editor is put away while presenting (it covered the break), and comes back.
  await selected(second.id).click();
  await page.getByTestId('action-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  await expect(page.locator('.dc-diff')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('compare-view')).toBeVisible();

  // A dock folded before presenting stays folded, though 1-9 showed another scenario (which opens the dock).
  await page.getByTestId('compare-close').click();
  await page.getByTestId('toggle-dock').click();
  await expect(page.getByTestId('toggle-dock')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-caption')).toHaveCount(0);
  await expect(page.getByTestId('toggle-dock')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('scenario-dock')).toHaveClass(/is-folded/);
});

test('Follow leaves a model framed whole where it is: every hop already in view, the break stays on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page, 'cicd-deploy-tokens.faultline.json');
  const scenario = model.scenarios.find((s) => s.id === 'fork-pr')!;
  const hops = new Set(simulate(model, scenario).trace.map((t) => t.at)).size;
  await page.getByTestId(`scenario-item-${scenario.id}`).click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  const viewport = page.locator('.react-flow__viewport');
  await page.waitForTimeout(600);
  const framed = await viewport.getAttribute('style');
  const pane = (await page.locator('.react-flow').boundingBox())!;
  for (let i = 1; i < hops; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(450);
    expect(await viewport.getAttribute('style'), `hop ${i + 1}`).toBe(framed);
  }
  // The break's card is still whole on screen at the last hop.
  const brk = (await page.locator(`.react-flow__node[data-id="${scenario.breaks[0].node}"]`).boundingBox())!;
  expect(brk.x).toBeGreaterThanOrEqual(pane.x);
  expect(brk.x + brk.width).toBeLessThanOrEqual(pane.x + pane.width);
});

test('A prevented break and a silent outage are told in words while presenting, not only as marks', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page, 'microservices-mtls.faultline.json');
  const scenario = model.scenarios.find((s) => s.id === 'cert-expiry') as Scenario;
  const result = simulate(model, scenario);
  expect(result.prevented.length).toBeGreaterThan(0);
  const silent = result.impacts.filter((i) => i.silent);
  expect(silent.length).toBeGreaterThan(0);
  await page.getByTestId(`scenario-item-${scenario.id}`).click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  // The legend explains the shield the canvas draws on the prevented break.
  await expect(page.getByTestId('overlay-legend').locator('[data-legend="prevented"]')).toContainText('Prevented');
  const hops = hopsOf(result);
  await stepThrough(page, model, scenario, result, hops);
  // Back to the hop where the first silent outage's sentence is told: it says nobody notices.
  await page.keyboard.press('Home');
  for (const [i, hop] of hops.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    const sentence = (await page.getByTestId('present-sentence').textContent()) ?? '';
    const told = silent.find((s) => hop.entries.some((e) => e.node === s.node && e.effect === s.effect) && sentence.includes(model.nodes.find((n) => n.id === s.node)!.label));
    if (told) {
      await expect(page.getByTestId('explain-silent')).toContainText('Silent: no health check');
      return;
    }
  }
  throw new Error('no hop told a silent outage as its sentence');
});

test('Hop by hop: at each step the nodes drawn as reached are exactly the engine’s, and the caption tells the hop as the explain panel would', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page);
  // Nothing shown: presenting starts with the first saved scenario, at its break.
  const scenario = model.scenarios[0] as Scenario;
  const result = simulate(model, scenario);
  const hops = hopsOf(result);
  expect(hops.length).toBeGreaterThan(3);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-top')).toContainText(scenario.name);
  await stepThrough(page, model, scenario, result, hops);
  // Past the last hop nothing changes; ← goes back one hop, Home to the break, End to the whole radius.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => shownEffects(page)).toEqual(impactsBy(result, Infinity));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(hops.slice(0, -1).flatMap((h) => h.entries)));
  await page.keyboard.press('Home');
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(hops[0].entries));
  await page.keyboard.press('End');
  await expect.poll(() => shownEffects(page)).toEqual(impactsBy(result, Infinity));

  // 2 picks the second saved scenario, from its break; T hides and shows the timeline.
  const second = model.scenarios[1] as Scenario;
  const secondResult = simulate(model, second);
  await page.keyboard.press('2');
  await expect(page.getByTestId('present-top')).toContainText(second.name);
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(hopsOf(secondResult)[0].entries));
  await page.keyboard.press('t');
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(page.getByTestId('timeline')).toBeVisible();
});

test('Responses and dead stolen copies appear at their hop while presenting, never before', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // cicd-deploy-tokens' "PAT leak, app token" (its deploy token's stolen copy dies at 1 h without carrying
  // anything), with a rotation of the leaked PAT added at 6 h (domain 1.1 §6).
  const { model: base } = load('cicd-deploy-tokens.faultline.json');
  const model = structuredClone(base);
  const scenario = model.scenarios.find((s) => s.id === 'pat-leak-app-token')! as Scenario;
  const leaked = scenario.breaks.find((b) => b.mode === 'leak')!.node;
  scenario.responses = [{ action: 'rotate', node: leaked, at: 6 }];
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd.faultline.json', text: JSON.stringify({ format: 'faultline', version: 1, model }) });
  const result = simulate(model, scenario);
  const hops = hopsOf(result);
  // Both kinds of event are in this run, and the dead copy's hour has no impact of its own.
  expect(hops.flatMap((h) => h.events)).toEqual(expect.arrayContaining([`rotate:${leaked}`, expect.stringMatching(/^dead:/)]));
  expect(hops.some((h) => h.entries.length === 0)).toBe(true);
  await page.getByTestId(`scenario-item-${scenario.id}`).click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-top')).toContainText(scenario.name);
  await page.keyboard.press('Home');
  await stepThrough(page, model, scenario, result, hops);
  // The legend strip counts them once they have happened; its rows stay put before (counted 0).
  const legend = (key: string) => page.getByTestId('overlay-legend').locator(`[data-legend="${key}"] .fx-legend-count`);
  await expect(legend('response')).toHaveText('1');
  await expect(legend('dead')).toHaveText(String(deadCopies(result).size));
  await page.keyboard.press('Home');
  await expect(legend('response')).toHaveText('0');
  await expect(legend('dead')).toHaveText('0');
});

/**
 * Presents the template's "traces-exposed" with the model provider key rotated at hour `at`, from its break.
 * `relabel` renames every node first. Returns the model and the engine's hops of the scenario.
 */
async function presentKeyRotated(page: Page, at: number, relabel?: (label: string) => string): Promise<{ model: Model; hops: TestHop[] }> {
  const model = structuredClone(load(TEMPLATE).model);
  if (relabel) for (const n of model.nodes) n.label = relabel(n.label);
  const scenario = model.scenarios.find((s) => s.id === 'traces-exposed')!;
  scenario.responses = [{ action: 'rotate', node: 'model-key', at }];
  await page.goto('/');
  await openFileThroughUi(page, { name: TEMPLATE, text: JSON.stringify({ format: 'faultline', version: 1, model }) });
  await page.getByTestId('scenario-item-traces-exposed').click();
  await page.keyboard.press('F5');
  await page.keyboard.press('Home');
  return { model, hops: hopsOf(simulate(model, scenario)) };
}

test('A response told under a long rule and control still reads whole at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // The key rotated at 30 min, the hour the Zendesk token's stolen copy writes to the ticket queue: that
  // step's control ("bound: true on the secret, or a TTL or rotation shorter than 30 min") fills its line.
  const { hops } = await presentKeyRotated(page, 0.5);
  const at = hops.findIndex((h) => h.events.includes('rotate:model-key'));
  expect(hops[at].entries.length).toBeGreaterThan(0);
  for (let i = 1; i <= at; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('timeline-scrubber')).toHaveAttribute('data-time', String(hops[i].at));
  }
  await expect(page.getByTestId('present-events')).toContainText('Response: rotate');
  await expect(page.getByTestId('present-caption')).toContainText('shorter than 30 min');
  expect(await cutEventLines(page)).toEqual([]);
});

test('A response at a hop whose sentence takes two lines is told whole, above the timeline, and the canvas keeps its height', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Labels long enough that the hop's sentence takes two lines; the key rotated at that hop.
  const { model, hops } = await presentKeyRotated(page, 0.5, (label) => `${label} (production, EU region)`);
  const canvasHeight = () => page.locator('.react-flow').evaluate((el) => el.getBoundingClientRect().height);
  const atBreak = await canvasHeight();
  const at = hops.findIndex((h) => h.events.includes('rotate:model-key'));
  for (let i = 1; i <= at; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-scrubber')).toHaveAttribute('data-time', String(hops[at].at));
  const sentence = page.getByTestId('present-sentence');
  const lineHeight = await sentence.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await sentence.boundingBox())!.height).toBeGreaterThan(1.5 * lineHeight);

  // The response's line lies inside the caption, above the timeline, and says what was done to what: only
  // the action's explanation after it may end in an ellipsis.
  const said = `Response: rotate ${model.nodes.find((n) => n.id === 'model-key')!.label}.`;
  const line = await page.getByTestId('present-events').locator('li').first().evaluate((li, said) => {
    const span = li.querySelector('span')!;
    const range = document.createRange();
    range.setStart(span.firstChild!, 0);
    range.setEnd(span.firstChild!, said.length);
    const caption = li.closest('[data-testid="present-caption"]')!.getBoundingClientRect();
    const timeline = document.querySelector('[data-testid="timeline"]')!.getBoundingClientRect();
    const r = li.getBoundingClientRect();
    return { text: span.textContent!, inside: r.top >= caption.top && r.bottom <= caption.bottom + 0.5 && r.bottom <= timeline.top + 0.5, saidEnds: range.getBoundingClientRect().right, spanEnds: span.getBoundingClientRect().right };
  }, said);
  expect(line.text.startsWith(said)).toBe(true);
  expect(line.inside).toBe(true);
  expect(line.saidEnds).toBeLessThanOrEqual(line.spanEnds);
  // The room for it is held from the first hop: the canvas did not change size on the way.
  expect(await canvasHeight()).toBe(atBreak);
});

test('A row of tags too wide for the card edge it sits on drops its hours, and every tag shows whole', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // The key rotated at 8 h: its row (control at 30 min, rotated at 8 h) finds no room around its card and
  // goes on the card's top edge, narrower than the row.
  await presentKeyRotated(page, 8);
  // The rotation's hop: the last but detection and containment, which come later.
  await page.keyboard.press('End');
  const scrubber = page.getByTestId('timeline-scrubber');
  for (let i = 0; i < 4 && (await scrubber.getAttribute('data-time')) !== '8'; i++) await page.keyboard.press('ArrowLeft');
  await expect(scrubber).toHaveAttribute('data-time', '8');
  const key = page.locator('.react-flow__node[data-id="model-key"] .fl-node');
  await expect(key).toHaveAttribute('data-tight', 'glyphs');
  await expect(key.getByTestId('fx-response')).toBeVisible();
  // No tag anywhere is cut off by the end of its row.
  const cut = await page.locator('.fx-tags').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const end = row.getBoundingClientRect().right;
      return [...row.children].filter((tag) => tag.getBoundingClientRect().right > end + 0.5).map(() => row.closest('.react-flow__node')!.getAttribute('data-id'));
    }),
  );
  expect(cut).toEqual([]);
});

test('Scrubbing to an hour draws the radius as it stood then; step buttons and play move one hop at a time', async ({ page }) => {
  // The template with a response added to the scenario (domain 1.1 §6): the timeline marks it too.
  const { model: base } = load(TEMPLATE);
  const withResponse = structuredClone(base);
  withResponse.scenarios.find((s) => s.id === 'traces-exposed')!.responses = [{ action: 'rotate', node: 'model-key', at: 8 }];
  await page.goto('/');
  await openFileThroughUi(page, { name: TEMPLATE, text: JSON.stringify({ format: 'faultline', version: 1, model: withResponse }) });
  const model = withResponse;
  const scenario = model.scenarios.find((s) => s.id === 'traces-exposed')!;
  const result = simulate(model, scenario);
  await page.getByTestId(`scenario-item-${scenario.id}`).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  await expect(page.getByTestId('timeline-detected')).toHaveAttribute('data-time', String(result.detection.detectedAt));
  await expect(page.getByTestId('timeline-contained')).toHaveAttribute('data-time', String(result.detection.containedAt));
  await expect(page.getByTestId('timeline-response')).toHaveAttribute('data-time', '8');
  const impactHours = [...new Set(result.trace.map((t) => t.at))];
  await expect(page.getByTestId('timeline-impact')).toHaveCount(impactHours.length);
  const scrubber = page.getByTestId('timeline-scrubber');
  // Shown whole: the scrubber at the end.
  await expect(scrubber).toHaveAttribute('data-time', String(result.detection.containedAt));

  // Drag the scrubber back into the first hour, as a person does.
  const track = (await page.locator('.fl-tl-track').boundingBox())!;
  const from = (await scrubber.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * 0.4, track.y + 10, { steps: 8 });
  await page.mouse.move(track.x + track.width * 0.1, track.y + 10, { steps: 8 });
  await page.mouse.up();
  const t = Number(await scrubber.getAttribute('data-time'));
  expect(t).toBeGreaterThan(0);
  expect(t).toBeLessThan(1.5);
  const then = impactsBy(result, t);
  expect(Object.keys(then).length).toBeLessThan(Object.keys(impactsBy(result, Infinity)).length);
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(result.trace.filter((e) => e.at <= t)));
  expect(await shownEffects(page)).toEqual(then);

  // Step buttons: one hop at a time, each hop's hour on the scrubber.
  const hops = hopsOf(result);
  const index = hops.findLastIndex((h) => h.at <= t);
  await page.getByTestId('action-step-next').click();
  await expect(scrubber).toHaveAttribute('data-time', String(hops[index + 1].at));
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(hops.slice(0, index + 2).flatMap((h) => h.entries)));
  await page.getByTestId('action-step-prev').click();
  await page.getByTestId('action-step-prev').click();
  await expect(scrubber).toHaveAttribute('data-time', String(hops[index - 1].at));
  await expect.poll(() => shownEffects(page)).toEqual(drawnFor(hops.slice(0, index).flatMap((h) => h.entries)));

  // Play at 4×: hop after hop to the last, then it stops by itself.
  await page.getByTestId('play-speed').selectOption('4');
  await page.getByTestId('action-play').click();
  await expect(page.getByTestId('action-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('action-play')).toHaveAttribute('aria-pressed', 'false', { timeout: 15_000 });
  await expect.poll(() => shownEffects(page)).toEqual(impactsBy(result, Infinity));
  // The results table always tells the whole result.
  await expect(page.locator('[data-testid^="impact-row-"]')).toHaveCount(Object.keys(impactsBy(result, Infinity)).length);
});

test('At 1280×720 with the panels folded the canvas gets 90% of the window; focus mode too; the layout is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  expect(await canvasShare(page)).toBeLessThan(0.6);
  for (const panel of ['palette', 'inspector', 'dock']) await page.getByTestId(`toggle-${panel}`).click();
  await expect(page.getByTestId('panel-palette')).toHaveCount(0);
  await expect(page.getByTestId('panel-inspector')).toHaveCount(0);
  await expect(page.getByTestId('scenario-dock')).toHaveClass(/is-folded/);
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.9);

  // Remembered: after a reload the panels are still folded.
  await page.reload();
  await expect(page.getByTestId('status-counts')).toBeVisible();
  await expect(page.getByTestId('panel-palette')).toHaveCount(0);
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.9);
  for (const panel of ['palette', 'inspector', 'dock']) await page.getByTestId(`toggle-${panel}`).click();
  await expect(page.getByTestId('panel-palette')).toBeVisible();

  // Focus mode hides all three at once, and brings them back.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Backslash');
  await expect(page.getByTestId('panel-palette')).toHaveCount(0);
  await expect(page.getByTestId('panel-inspector')).toHaveCount(0);
  await expect(page.getByTestId('scenario-dock')).toHaveCount(0);
  expect(await canvasShare(page)).toBeGreaterThanOrEqual(0.9);
  await page.getByTestId('action-focus').click();
  await expect(page.getByTestId('panel-palette')).toBeVisible();
  await expect(page.getByTestId('scenario-dock')).toBeVisible();

  // Resizing the palette by its edge is remembered too.
  const before = (await page.getByTestId('panel-palette').boundingBox())!.width;
  const edge = (await page.getByTestId('resize-palette').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + 60, edge.y + 200, { steps: 5 });
  await page.mouse.up();
  const after = (await page.getByTestId('panel-palette').boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 40);
  await page.reload();
  await expect(page.getByTestId('panel-palette')).toBeVisible();
  expect(Math.abs((await page.getByTestId('panel-palette').boundingBox())!.width - after)).toBeLessThan(2);
});

test('The dock folded by its own header is still folded after a reload, the top bar agreeing; a tab opens it again', async ({ page }) => {
  const model = await open(page);
  await page.getByTestId('scenario-dock-toggle').click();
  await expect(page.getByTestId('scenario-dock')).toHaveClass(/is-folded/);
  await expect(page.getByTestId('toggle-dock')).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(page.getByTestId('status-counts')).toContainText(`${model.nodes.length} nodes`);
  await expect(page.getByTestId('scenario-dock')).toHaveClass(/is-folded/);
  await expect(page.getByTestId('scenario-dock-toggle')).toHaveAttribute('aria-expanded', 'false');

  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('scenario-dock')).not.toHaveClass(/is-folded/);
  await expect(page.getByTestId('toggle-dock')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('toggle-dock').click();
  await expect(page.getByTestId('scenario-dock-toggle')).toHaveAttribute('aria-expanded', 'false');
});

test('Opening a model frames it whole; the legend and the minimap stay off the nodes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page, 'cicd-deploy-tokens.faultline.json');
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const toolbar = (await page.getByRole('toolbar', { name: 'Editing' }).boundingBox())!;
  for (const n of model.nodes) {
    const b = (await page.getByTestId(`rf__node-${n.id}`).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(pane.x);
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
    expect(b.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
  }
  // On a small window the minimap starts folded; the legend lives in its own strip under the canvas.
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByTestId('scenario-item-pat-leak').click();
  const legend = (await page.getByTestId('overlay-legend').boundingBox())!;
  const paneNow = (await page.locator('.react-flow').boundingBox())!;
  expect(legend.y).toBeGreaterThanOrEqual(paneNow.y + paneNow.height);
  await page.getByTestId('action-minimap').click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
});

test('Labels read from the back of the room: 18 px on screen when presenting any template at 1280×720', async ({ page }) => {
  // Four templates opened and presented: a minute on a busy machine, so twice the default.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const file of ['ai-support-agent.faultline.json', 'cicd-deploy-tokens.faultline.json', 'microservices-mtls.faultline.json', 'saas-integration.faultline.json']) {
    // The templates have 26 to 31 nodes: the "up to 30", and one more.
    const model = await open(page, file);
    await page.keyboard.press('F5');
    await expect(page.getByTestId('present-caption')).toBeVisible();
    // The break's hop has just arrived: let its pop settle.
    await page.waitForTimeout(800);
    const labels = await labelPixels(page);
    expect(labels).toHaveLength(model.nodes.length);
    for (const l of labels) expect(l.px, `${file}: ${l.id}`).toBeGreaterThanOrEqual(18);
    // Every node is on screen.
    for (const n of model.nodes) await expect(page.getByTestId(`rf__node-${n.id}`)).toBeInViewport({ ratio: 0.9 });
    await page.keyboard.press('Escape');
  }
});

/**
 * Each line of a node's label as drawn: the text of every line box of the label (text nodes measured a
 * character at a range), and whether the label is clamped (its text runs past its box).
 */
function labelLinesOf(page: Page, id: string): Promise<{ lines: string[]; clamped: boolean }> {
  return page.getByTestId(`rf__node-${id}`).locator('.fl-node-label').evaluate((el) => {
    const lines: string[] = [];
    let top: number | null = null;
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      for (let i = 0; i < t.textContent!.length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (top === null || r.top > top + 2) lines.push('');
        top = r.top;
        lines[lines.length - 1] += t.textContent![i];
      }
    }
    return { lines, clamped: el.scrollHeight > el.clientHeight + 1 };
  });
}

test('Nodes named by paths read apart when presenting: each card gives its path’s last parts, broken between parts', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page, 'microservices-mtls.faultline.json');
  await page.keyboard.press('F5');
  await expect(page.getByTestId('present-caption')).toBeVisible();
  // The template's four SPIFFE identities differ only past the first dozen characters.
  const ids = model.nodes.filter((n) => n.label.startsWith('spiffe://'));
  expect(ids).toHaveLength(4);
  const shown: string[] = [];
  for (const n of ids) {
    const { lines, clamped } = await labelLinesOf(page, n.id);
    const text = lines.join('');
    // The identity's own name, whole, on the card; the whole ID in its tooltip.
    expect(clamped, n.label).toBe(false);
    expect(text.startsWith('…/'), text).toBe(true);
    expect(n.label.endsWith(text.slice(1)), `${n.label} ends with ${text}`).toBe(true);
    // Every line but the last ends between the path's parts or words: at a slash or a hyphen.
    for (const line of lines.slice(0, -1)) expect(line, text).toMatch(/[/-]$/);
    await expect(page.getByTestId(`rf__node-${n.id}`).locator('.fl-node-label')).toHaveAttribute('title', n.label);
    shown.push(text);
  }
  expect(new Set(shown).size).toBe(ids.length);
  // In the editor a full card keeps the whole ID, broken between its parts too.
  await page.keyboard.press('Escape');
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  for (let i = 0; i < 8 && (await page.locator('.fl-canvas-inner').getAttribute('data-card')) !== 'full'; i++) await zoomIn.click();
  await expect(page.locator('.fl-canvas-inner')).toHaveAttribute('data-card', 'full');
  const { lines } = await labelLinesOf(page, ids[0].id);
  expect(lines.join('')).toBe(ids[0].label);
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/[/-]$/);
});

test('Labels read at any zoom in the editor: 11 px or more on screen while nodes are cards', async ({ page }) => {
  // Zoomed in, then out step by step through every card level.
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await page.getByTestId('toggle-dock').click();
  const zoomIn = page.locator('.react-flow__controls-zoomin');
  for (let i = 0; i < 6; i++) await zoomIn.click();
  const zoomOut = page.locator('.react-flow__controls-zoomout');
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(120);
    const card = (await page.locator('.fl-canvas-inner').getAttribute('data-card'))!;
    seen.add(card);
    if (card !== 'block') for (const l of await labelPixels(page)) expect(l.px, `${card}: ${l.id}`).toBeGreaterThanOrEqual(11);
    await zoomOut.click();
  }
  expect([...seen]).toEqual(expect.arrayContaining(['full', 'compact', 'label']));
});

test('Nothing written on the canvas covers a node: tags clear of neighbours, edge labels never on one another', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page);
  await page.getByTestId('scenario-item-poisoned-ticket').click();
  const clear = () =>
    page.evaluate(() => {
      const boxes = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const nodes = boxes('.react-flow__node-kind');
      const problems: string[] = [];
      const tags = boxes('.fx-tags');
      const idOf = (el: HTMLElement) => el.closest('.react-flow__node')!.getAttribute('data-id');
      for (const tag of tags) {
        const own = tag.el.closest('.react-flow__node')!;
        for (const n of nodes) if (n.el !== own && hit(tag.r, n.r)) problems.push(`tags of ${own.getAttribute('data-id')} on ${n.el.getAttribute('data-id')}`);
      }
      for (let i = 0; i < tags.length; i++)
        for (let j = i + 1; j < tags.length; j++) if (hit(tags[i].r, tags[j].r)) problems.push(`tags of ${idOf(tags[i].el)} and ${idOf(tags[j].el)}`);
      const labels = boxes('.fl-edge-label');
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) if (hit(labels[i].r, labels[j].r)) problems.push(`labels ${labels[i].el.dataset.testid} and ${labels[j].el.dataset.testid}`);
      return { problems, tags: boxes('.fx-tags').length, labels: labels.length };
    });
  // In the editor, close enough for edge labels…
  await page.getByTestId('toggle-dock').click();
  for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  const editor = await clear();
  expect(editor.problems).toEqual([]);
  expect(editor.labels).toBeGreaterThan(0);
  expect(editor.labels).toBeLessThan(model.edges.length);
  // …and presenting, where the tags are largest, at every hop.
  await page.keyboard.press('F5');
  const hops = Number((await page.getByTestId('timeline-now').textContent())!.match(/of (\d+)/)![1]);
  for (let i = 0; i < hops; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(700);
    const room = await clear();
    expect(room.problems, `hop ${i + 1}`).toEqual([]);
  }
  expect((await clear()).tags).toBeGreaterThan(10);
  // A larger screen frames the model otherwise, with other gaps between the cards: every hop again.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Home');
  for (let i = 0; i < hops; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(700);
    expect((await clear()).problems, `1440×900, hop ${i + 1}`).toEqual([]);
  }
});

test('At 1280×720 the timeline’s hour labels never run into one another, in the editor or when presenting', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const model = await open(page);
  await page.getByTestId(`scenario-item-${model.scenarios[0].id}`).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  const boxes = async () =>
    page.locator('.fl-tl-tick').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', left: r.left, right: r.right };
      }),
    );
  for (const mode of ['editor', 'presenting']) {
    if (mode === 'presenting') {
      await page.keyboard.press('F5');
      await expect(page.getByTestId('present-caption')).toBeVisible();
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.waitForTimeout(300);
    }
    const ticks = (await boxes()).sort((a, b) => a.left - b.left);
    expect(ticks.length, mode).toBeGreaterThanOrEqual(3);
    const track = await page.locator('.fl-tl-track').boundingBox();
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].left - ticks[i - 1].right, `${mode}: ${ticks[i - 1].text} / ${ticks[i].text}`).toBeGreaterThanOrEqual(2);
    // The end's label ends at the axis's right end, 0 h starts at its left end: none hangs outside.
    expect(ticks[0].left, mode).toBeGreaterThanOrEqual(track!.x - 1);
    expect(ticks.at(-1)!.right, mode).toBeLessThanOrEqual(track!.x + track!.width + 1);
  }
});

test('The timeline holds still from hop to hop: the track keeps its width and no marker moves, in the editor or when presenting', async ({ page }) => {
  const model = await open(page, 'microservices-mtls.faultline.json');
  await page.getByTestId(`scenario-item-${model.scenarios[0].id}`).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  const layout = () =>
    page.evaluate(() => ({
      track: Math.round(document.querySelector('.fl-tl-track')!.getBoundingClientRect().width * 10) / 10,
      markers: [...document.querySelectorAll('.fl-tl-marker')].map((m) => Math.round(m.getBoundingClientRect().left * 10) / 10),
    }));
  for (const mode of ['editor', 'presenting']) {
    if (mode === 'presenting') {
      await page.keyboard.press('F5');
      await expect(page.getByTestId('present-caption')).toBeVisible();
    }
    await page.getByTestId('timeline-scrubber').focus();
    await page.keyboard.press('Home');
    const first = await layout();
    expect(first.markers.length, mode).toBeGreaterThan(3);
    const hops = Number((await page.getByTestId('timeline-now').textContent())!.match(/of (\d+)/)![1]);
    const times = new Set<string>();
    for (let i = 1; i < hops; i++) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('timeline-now')).toContainText(`hop ${i + 1} of`);
      times.add((await page.getByTestId('timeline-now').locator('strong').first().textContent())!);
      expect(await layout(), `${mode}, hop ${i + 1}`).toEqual(first);
    }
    // The hour shown took labels of several lengths ("0.5 h", "27 d 3 h"): the case that moved the track.
    expect(new Set([...times].map((t) => t.length)).size, mode).toBeGreaterThan(1);
  }
});
