/**
 * Issue #15 in the browser: two windows never corrupt a model, files are decoded the one way, and a
 * crashed simulation worker is reported and restarted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseModelFile } from '../../shared/file/index.ts';
import { simulate } from '../../shared/engine/index.ts';
import { getModel, nodeEl } from './editor-helpers.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const SAMPLE_TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples/cicd-pipeline.faultline.json'), 'utf8');
const sample = (() => {
  const r = parseModelFile(SAMPLE_TEXT);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

const status = (page: Page) => page.getByTestId('save-status');

async function deleteNode(page: Page, id: string) {
  await nodeEl(page, id).click();
  await page.keyboard.press('Delete');
}

/** Every edge ends at a node that exists. */
function consistent(model: { nodes: { id: string }[]; edges: { source: string; target: string }[] }) {
  const ids = new Set(model.nodes.map((n) => n.id));
  return model.edges.every((e) => ids.has(e.source) && ids.has(e.target));
}

test('two windows on one model: one writes, the other is read-only, follows, and can take over', async ({ page, context }) => {
  // Window A opens the sample and is its writer.
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: SAMPLE_TEXT });
  await expect(status(page)).toHaveAttribute('data-state', 'saved');

  // Window B reopens the same model: read-only, and says why.
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('model-name')).toHaveText(sample.name);
  await expect(b.getByTestId('readonly-banner')).toContainText(`“${sample.name}” is open in another window`);
  await expect(status(b)).toHaveAttribute('data-state', 'read-only');
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);

  // B cannot delete anything.
  await deleteNode(b, 'gha-runner');
  await b.keyboard.press('ControlOrMeta+z');
  expect((await getModel(b)).nodes).toHaveLength(sample.nodes.length);

  // A deletes a node with its edges; B follows A's save.
  await deleteNode(page, 'build-log');
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await getModel(b)).nodes.some((n) => n.id === 'build-log')).toBe(false);
  await expect(nodeEl(b, 'build-log')).toHaveCount(0);

  // B takes over: A turns read-only, B edits, and nothing of A's is lost.
  await b.getByTestId('action-take-over').click();
  await expect(b.getByTestId('readonly-banner')).toHaveCount(0);
  await expect(page.getByTestId('readonly-banner')).toBeVisible();
  await deleteNode(b, 'npm-pkg');
  // npm-pkg is the break of the npm-confusion scenario: the app asks first.
  await b.getByTestId('confirm-ok').click();
  await expect(status(b)).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await getModel(page)).nodes.some((n) => n.id === 'npm-pkg')).toBe(false);
  await deleteNode(page, 'tj-action');
  expect((await getModel(page)).nodes.some((n) => n.id === 'tj-action')).toBe(true);

  // A fresh window reads the stored model: both deletions, every edge between existing nodes.
  const c = await context.newPage();
  await c.goto('/');
  await expect(c.getByTestId('model-name')).toHaveText(sample.name);
  const stored = await getModel(c);
  expect(stored.nodes.map((n) => n.id).sort()).toEqual(sample.nodes.map((n) => n.id).filter((id) => id !== 'build-log' && id !== 'npm-pkg').sort());
  expect(consistent(stored)).toBe(true);
  expect(stored.edges.length).toBeGreaterThan(0);
});

test('closing the writer window lets the next window write', async ({ page, context }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: SAMPLE_TEXT });
  await expect(status(page)).toHaveAttribute('data-state', 'saved');
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByTestId('readonly-banner')).toBeVisible();
  await page.close();
  // The lock is free now; B becomes the writer when it reopens the model.
  await b.reload();
  await expect(b.getByTestId('readonly-banner')).toHaveCount(0);
  await deleteNode(b, 'gha-runner');
  await expect(status(b)).toHaveAttribute('data-state', 'saved');
});

test('a file with a byte-order mark opens; invalid UTF-8 is refused with the offset, nothing changed', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'bom.faultline.json', text: `\uFEFF${SAMPLE_TEXT}` });
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);

  const bytes = Buffer.from(SAMPLE_TEXT);
  const at = bytes.indexOf('CI/CD');
  bytes[at] = 0xc3; // a lead byte followed by "I": not UTF-8
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('action-open').click();
  await (await chooser).setFiles({ name: 'broken.faultline.json', mimeType: 'application/json', buffer: bytes });
  await expect(page.getByTestId('notice')).toContainText(`broken.faultline.json: not UTF-8 text: byte ${at} (0xc3) is not valid UTF-8`);
  expect((await getModel(page)).nodes).toHaveLength(sample.nodes.length);
});

test('a crashed simulation worker is reported and restarted, and the next simulation is right', async ({ page, guards }) => {
  guards.expectConsoleError(/simulated worker crash/);
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: SAMPLE_TEXT });
  await expect.poll(() => page.workers().filter((w) => w.url().includes('simulate')).length).toBe(1);
  const crashed = page.workers().find((w) => w.url().includes('simulate'))!;
  const restarted = page.waitForEvent('worker', (w) => w.url().includes('simulate'));
  await crashed.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    }, 0);
  });
  await restarted;
  await expect(page.getByTestId('notice')).toContainText('The simulation worker stopped');
  await expect(page.getByTestId('notice')).toContainText('and was restarted');

  const secret = sample.nodes.find((n) => n.kind === 'secret')!.id;
  await nodeEl(page, secret).click({ button: 'right' });
  await page.getByTestId('context-break-leak').click();
  const expected = simulate(sample, { breaks: [{ mode: 'leak', node: secret }] });
  await expect(page.getByTestId('results-score')).toHaveText(String(Number(expected.summary.score.toFixed(1))));
});
