/**
 * The small things a new user trips on, each as the user meets it: Escape on Versions, keyboard zoom, the
 * shortcuts overlay's width, palette clicks, quick-add with a name, deleting a scenario's break, a new scenario
 * from the context menu, the dock at 1280 × 720, refusals in words, automatic versions, the export dialog's
 * memory and the pictures' file names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parseModelFile } from '../../shared/file/index.ts';
import { openFileThroughUi } from './fixtures.ts';
import { clickEmptyCanvas, expect, getModel, mod, nodeEl, test, zoom } from './editor-helpers.ts';

const FILE = 'cicd-pipeline.faultline.json';
const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples', FILE), 'utf8');
const sample = (() => {
  const r = parseModelFile(TEXT);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
/** The node the sample's PAT-leak scenario breaks. */
const PAT = sample.scenarios.find((s) => s.id === 'pat-leak')!.breaks[0].node;

async function open(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: TEXT });
  await expect(page.getByTestId('status-counts')).toContainText(`${sample.nodes.length} nodes`);
}

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

async function inside(inner: Locator, outer: Locator) {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1, `${JSON.stringify(a)} in ${JSON.stringify(b)}`).toBe(true);
}

test('Escape closes Versions and the library page', async ({ page }) => {
  await open(page);
  await page.getByTestId('action-versions').click();
  await expect(page.getByTestId('versions-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('versions-panel')).toHaveCount(0);
  await page.getByTestId('action-library').click();
  await expect(page.getByTestId('library-home')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library-home')).toHaveCount(0);
});

test('opening a model frames all of it, wherever its nodes were drawn', async ({ page }) => {
  // The sample moved far from the origin, as a model drawn in another corner of the canvas would be.
  type At = { position: { x: number; y: number } };
  const json = JSON.parse(TEXT) as { model: { nodes: At[]; boundaries: At[] } };
  for (const n of [...json.model.nodes, ...json.model.boundaries]) n.position = { x: n.position.x + 6000, y: n.position.y + 4000 };
  await page.goto('/');
  await openFileThroughUi(page, { name: FILE, text: JSON.stringify(json) });
  await expect(page.getByTestId('status-counts')).toContainText(`${sample.nodes.length} nodes`);
  // Every node inside the canvas, not under a panel or past its edge.
  await expect(nodeEl(page, sample.nodes[0].id)).toBeVisible();
  for (const n of sample.nodes) await inside(nodeEl(page, n.id), page.locator('.react-flow'));
});

test('the keyboard zooms: + in, − out, Mod+0 fits the model', async ({ page }) => {
  await open(page);
  await clickEmptyCanvas(page);
  const z0 = await zoom(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBeGreaterThan(z0 * 1.1);
  const z1 = await zoom(page);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeLessThan(z1 / 1.5);
  await page.keyboard.press(`${mod}+0`);
  for (const n of sample.nodes) await expect(nodeEl(page, n.id)).toBeInViewport();
});

test('the shortcuts overlay gives every description room to read at 1280 × 720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  const widths = await overlay.locator('td:last-child').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThan(200);
  await expect(overlay).toContainText('Zoom in');
});

test('palette clicks add nodes side by side, each ready to be named', async ({ page }) => {
  await page.goto('/');
  for (const [kind, name] of [
    ['service', 'checkout API'],
    ['secret', 'Stripe key'],
    ['datastore', 'orders DB'],
  ] as const) {
    await page.getByTestId(`palette-${kind}`).click();
    await expect(page.getByTestId('inline-rename')).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  const m = await getModel(page);
  expect(m.nodes.map((n) => n.label)).toEqual(['checkout API', 'Stripe key', 'orders DB']);
  const boxes = await Promise.all(m.nodes.map((n) => nodeEl(page, n.id).boundingBox()));
  for (const a of boxes)
    for (const b of boxes) if (a !== b) expect(a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y).toBe(true);
});

test('quick-add reads a kind and a name: "secret deploy token" adds a secret named "deploy token"', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('n');
  await page.getByTestId('quick-add-input').fill('secret deploy token');
  await expect(page.getByTestId('quick-add-secret').first()).toContainText('named “deploy token”');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await getModel(page)).nodes).toMatchObject([{ kind: 'secret', label: 'deploy token' }]);
});

test('deleting a node that is a scenario’s break says so first; Cancel keeps it, Delete takes it out, undo brings it back', async ({ page }) => {
  await open(page);
  await nodeEl(page, PAT).click();
  await page.keyboard.press('Delete');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('is the break of');
  await expect(dialog).toContainText(sample.scenarios.find((s) => s.id === 'pat-leak')!.name);
  await expect(dialog).toContainText('with no break at all');
  await page.getByTestId('confirm-cancel').click();
  expect((await getModel(page)).nodes.some((n) => n.id === PAT)).toBe(true);
  await nodeEl(page, PAT).click();
  await page.getByTestId('action-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(async () => (await getModel(page)).nodes.some((n) => n.id === PAT)).toBe(false);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).scenarios.find((s) => s.id === 'pat-leak')!.breaks.length).toBe(1);
  // A node no scenario breaks goes at once.
  const plain = sample.nodes.find((n) => !sample.scenarios.some((s) => s.breaks.some((b) => b.node === n.id)))!;
  await nodeEl(page, plain.id).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect.poll(async () => (await getModel(page)).nodes.some((n) => n.id === plain.id)).toBe(false);
});

test('the node menu breaks a node in the shown scenario or, on request, in a new scenario', async ({ page }) => {
  await open(page);
  await page.getByTestId('scenario-item-pat-leak').click();
  const target = sample.nodes.find((n) => n.kind === 'secret' && n.id !== PAT)!;
  const before = (await getModel(page)).scenarios.length;
  await nodeEl(page, target.id).click({ button: 'right' });
  await page.getByTestId('context-break-new-leak').click();
  await expect.poll(async () => (await getModel(page)).scenarios.length).toBe(before + 1);
  const added = (await getModel(page)).scenarios.at(-1)!;
  expect(added.breaks).toEqual([{ mode: 'leak', node: target.id }]);
  await expect(page.getByTestId(`scenario-item-${added.id}`)).toHaveAttribute('aria-selected', 'true');
  expect((await getModel(page)).scenarios.find((s) => s.id === 'pat-leak')!.breaks).toHaveLength(1);
});

test('at 1280 × 720 the scenario actions and the results’ Time and Steps columns are in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await page.getByTestId('scenario-item-pat-leak').click();
  const list = page.getByTestId('scenario-panel');
  for (const id of ['scenario-duplicate', 'scenario-delete']) {
    await expect(page.getByTestId(id)).toBeVisible();
    await inside(page.getByTestId(id), list);
  }
  const table = page.getByTestId('impacts-table');
  const panel = table.locator('xpath=ancestor::*[contains(@class,"fx-results")][1]');
  for (const key of ['at', 'pathLength']) {
    await expect(page.getByTestId(`sort-${key}`)).toBeVisible();
    await inside(page.getByTestId(`sort-${key}`), (await panel.count()) ? panel : table.locator('..'));
  }
});

test('a refused value says what the field takes, in words', async ({ page }) => {
  await open(page);
  await nodeEl(page, sample.nodes[0].id).click();
  await page.getByTestId('field-criticality').fill('9');
  await expect(page.getByTestId('field-error-criticality')).toHaveText('Criticality is 1 to 5.');
});

test('one node deleted keeps no automatic version; several deleted keep one, named for what went', async ({ page }) => {
  await open(page);
  await saved(page);
  const plain = sample.nodes.filter((n) => !sample.scenarios.some((s) => s.breaks.some((b) => b.node === n.id)));
  await nodeEl(page, plain[0].id).click();
  await page.keyboard.press('Delete');
  await saved(page);
  await page.getByTestId('action-versions').click();
  await expect(page.getByTestId('versions-panel')).not.toContainText('Before');
  await page.keyboard.press('Escape');
  await nodeEl(page, plain[1].id).click();
  await nodeEl(page, plain[2].id).click({ modifiers: ['Shift'] });
  await nodeEl(page, plain[3].id).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  await saved(page);
  await page.getByTestId('action-versions').click();
  await expect(page.getByTestId('versions-panel').locator('li', { hasText: 'Before deleting 3 nodes' })).toHaveCount(1);
});

test('the export dialog remembers who prepared the report and for whom; pictures of the model and a radius get their own names', async ({ page }) => {
  await open(page);
  await page.getByTestId('action-export-report').click();
  await page.getByTestId('export-author').fill('Ada Lovelace');
  await page.getByTestId('export-organisation').fill('Analytical Engines Ltd');
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByTestId('action-export-report').click();
  await expect(page.getByTestId('export-author')).toHaveValue('Ada Lovelace');
  await expect(page.getByTestId('export-organisation')).toHaveValue('Analytical Engines Ltd');

  const names: string[] = [];
  for (const of of ['', 'pat-leak']) {
    await page.getByTestId('export-diagram-of').selectOption(of);
    const download = page.waitForEvent('download');
    await page.getByTestId('action-export-svg').click();
    names.push((await download).suggestedFilename());
  }
  expect(names[0]).toMatch(/-diagram\.svg$/);
  expect(names[1]).toMatch(/-radius-.*\.svg$/);
  expect(names[0]).not.toBe(names[1]);
});
