/** Driving the canvas editor the way a person does: the mouse, the keyboard, the inspector. */
import type { Locator, Page } from '@playwright/test';
import type { Effect, Model } from '../../shared/domain/index.ts';
import { EFFECTS } from '../../shared/domain/index.ts';
import type { SimulationResult } from '../../shared/engine/index.ts';
import { parseModelFile } from '../../shared/file/index.ts';
import { expect } from './fixtures.ts';

// Every test runs under the guards of fixtures.ts (automatic): no console error, no request leaving the app.
export { expect, test } from './fixtures.ts';

/** The open model, through the read-only test hook. */
export function getModel(page: Page): Promise<Model> {
  return page.evaluate(() => window.__faultline!.getModel());
}

/** A model file's text as the app loads it; a test file that does not load is a broken test. */
export function parseModel(text: string): Model {
  const parsed = parseModelFile(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Per node, the effect the canvas must show: its highest impact (security before availability). */
export function expectedEffects(result: SimulationResult): Record<string, Effect> {
  const out: Record<string, Effect> = {};
  for (const i of result.impacts) {
    const cur = out[i.node];
    if (cur === undefined || EFFECTS.indexOf(i.effect) < EFFECTS.indexOf(cur)) out[i.node] = i.effect;
  }
  return out;
}

/** Per node, the effect the canvas shows now (nodes at `none` left out). */
export function shownEffects(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll('.react-flow__node [data-effect]')) {
      const id = el.closest('.react-flow__node')?.getAttribute('data-id');
      const effect = el.getAttribute('data-effect');
      if (id && effect && effect !== 'none') out[id] = effect;
    }
    return out;
  });
}

export const nodeEl = (page: Page, id: string): Locator => page.getByTestId(`rf__node-${id}`);
export const pane = (page: Page): Locator => page.locator('.react-flow__pane');

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('element not visible');
  return b;
}

export async function center(l: Locator): Promise<{ x: number; y: number }> {
  const b = await box(l);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Drags a kind from the palette onto the canvas (HTML5 drag and drop), at a point relative to the pane. */
export async function dropKind(page: Page, kind: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set((await getModel(page)).nodes.map((n) => n.id));
  await page.getByTestId(`palette-${kind}`).dragTo(pane(page), { targetPosition: at });
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(before.size + 1);
  const added = (await getModel(page)).nodes.find((n) => !before.has(n.id))!;
  await expect(nodeEl(page, added.id)).toBeVisible();
  return added.id;
}

/** Drags from a node's source handle (its right side) and drops on another node. */
export async function connect(page: Page, from: string, to: string): Promise<string> {
  const before = new Set((await getModel(page)).edges.map((e) => e.id));
  const handle = nodeEl(page, from).locator('.react-flow__handle.source');
  const start = await center(handle);
  const end = await center(nodeEl(page, to));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await getModel(page)).edges.length).toBe(before.size + 1);
  return (await getModel(page)).edges.find((e) => !before.has(e.id))!.id;
}

/** Presses on an element and drags it by (dx, dy) screen pixels. */
export async function dragBy(
  page: Page,
  target: Locator | { x: number; y: number },
  dx: number,
  dy: number,
): Promise<void> {
  const start = 'x' in target ? target : await center(target);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 6 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 6 });
  await page.mouse.up();
}

/** Draws a selection box with Shift held, from one point on screen to another. */
export async function boxSelect(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

/** Clicks an empty spot of the canvas: clears the selection and takes focus off any field. */
export async function clickEmptyCanvas(page: Page, at = { x: 20, y: 20 }): Promise<void> {
  await pane(page).click({ position: at });
}

/** The current zoom of the canvas. */
export async function zoom(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
}

/** Structural summary of a model: what a user drew, without volatile details. */
export function drawn(m: Model) {
  return {
    nodes: m.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      props: n.props,
      boundary: n.boundary ?? null,
      position: n.position,
    })),
    edges: m.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.source, target: e.target, props: e.props })),
    boundaries: m.boundaries,
  };
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
