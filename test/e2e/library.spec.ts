/**
 * The library keeps work safe: autosave survives a reload, deleted models come back from the trash,
 * versions restore, a bad file changes nothing, and a saved file opens the same in a fresh profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseModelFile } from '../../shared/file/index.ts';
import { dragBy } from './editor-helpers.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const SAMPLE = join(import.meta.dirname, '../../assets/samples/cicd-pipeline.faultline.json');
const sampleText = readFileSync(SAMPLE, 'utf8');
const sample = (() => {
  const r = parseModelFile(sampleText);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

const getModel = (page: Page) => page.evaluate(() => window.__faultline!.getModel());

async function openSample(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: sampleText });
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
}

/** Renames the first node through the inspector, as a user does. */
async function renameFirstNode(page: Page, label: string) {
  await page.getByTestId(`rf__node-${sample.nodes[0].id}`).click();
  const field = page.getByTestId('field-label');
  await field.fill(label);
  await field.press('Enter');
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

test('an edit survives a reload: the last model and the change come back', async ({ page }) => {
  await openSample(page);
  await renameFirstNode(page, 'Renamed before reload');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
  await expect(page.getByTestId(`rf__node-${sample.nodes[0].id}`)).toContainText('Renamed before reload');
  expect((await getModel(page)).nodes[0].label).toBe('Renamed before reload');
});

test('a deleted model goes to the trash and comes back', async ({ page }) => {
  await openSample(page);
  await waitSaved(page);
  await page.getByTestId('action-library').click();
  await expect(page.getByTestId(`library-item-${sample.id}`)).toBeVisible();
  await expect(page.getByTestId(`library-item-${sample.id}`)).toContainText(`${sample.nodes.length} nodes`);

  await page.getByTestId(`library-delete-${sample.id}`).click();
  await expect(page.getByTestId(`library-item-${sample.id}`)).toHaveCount(0);
  await page.getByTestId('library-trash').locator('summary').click();
  await page.getByTestId(`library-restore-${sample.id}`).click();
  await expect(page.getByTestId(`library-item-${sample.id}`)).toBeVisible();

  await page.getByTestId(`library-open-${sample.id}`).click();
  await expect(page.getByTestId('library-home')).toHaveCount(0);
  expect((await getModel(page)).nodes).toHaveLength(sample.nodes.length);
});

test('a named version restores, and the restore is undoable', async ({ page }) => {
  await openSample(page);
  await waitSaved(page);
  await page.getByTestId('action-versions').click();
  await page.getByTestId('snapshot-name').fill('Before the workshop');
  await page.getByTestId('action-snapshot').click();
  await expect(page.getByTestId('versions-panel')).toContainText('Before the workshop');
  await page.getByTestId('versions-close').click();

  await renameFirstNode(page, 'Changed in the workshop');
  await waitSaved(page);

  await page.getByTestId('action-versions').click();
  const item = page.getByTestId('versions-panel').locator('li', { hasText: 'Before the workshop' });
  await item.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('diff-nodes')).toContainText('0 added, 0 removed, 1 changed');
  await item.getByRole('button', { name: 'Restore' }).click();

  expect((await getModel(page)).nodes[0].label).toBe(sample.nodes[0].label);
  await page.getByTestId('action-undo').click();
  expect((await getModel(page)).nodes[0].label).toBe('Changed in the workshop');
});

test('a malformed file is refused with its JSON path and the library is unchanged', async ({ page }) => {
  await openSample(page);
  await waitSaved(page);
  const broken = JSON.parse(sampleText);
  broken.model.nodes[3].kind = 'robot';
  await openFileThroughUi(page, { name: 'broken.faultline.json', text: JSON.stringify(broken) });
  await expect(page.getByTestId('notice')).toContainText('model.nodes[3].kind: unknown node kind "robot"');

  await page.getByTestId('action-library').click();
  await expect(page.getByTestId('library-list').locator('article')).toHaveCount(1);
  await expect(page.getByTestId(`library-item-${sample.id}`)).toContainText(`${sample.nodes.length} nodes`);
});

test('a saved file opens the same in a fresh profile', async ({ page, browser }) => {
  await openSample(page);
  await renameFirstNode(page, 'Saved to a file');
  const download = page.waitForEvent('download');
  await page.getByTestId('action-save').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const before = await getModel(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await openFileThroughUi(other, { name: 'saved.faultline.json', text });
  await expect(other.getByTestId('model-name')).toHaveText(sample.name);
  expect(await other.evaluate(() => window.__faultline!.getModel())).toEqual(before);
  await fresh.close();
});

test('a file dropped on the window opens', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow')).toBeVisible();
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.faultline.json', { type: 'application/json' }));
    return dt;
  }, sampleText);
  await page.dispatchEvent('.react-flow', 'dragover', { dataTransfer });
  await page.dispatchEvent('.react-flow', 'drop', { dataTransfer });
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
  await expect(page.getByTestId('status-file')).toHaveText('dropped.faultline.json');
});

test('a drag survives a reload right after its autosave: the moved nodes stay where they were dropped', async ({ page }) => {
  await openSample(page);
  await waitSaved(page);
  const id = sample.nodes[1].id;
  const before = (await getModel(page)).nodes.find((n) => n.id === id)!.position!;
  await dragBy(page, page.getByTestId(`rf__node-${id}`), 160, 90);
  const moved = (await getModel(page)).nodes.find((n) => n.id === id)!.position!;
  expect(moved.x - before.x).toBeGreaterThan(50);
  expect(moved.y - before.y).toBeGreaterThan(30);
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
  await expect(page.getByTestId(`rf__node-${id}`)).toBeVisible();
  const after = await getModel(page);
  expect(after.nodes.find((n) => n.id === id)!.position).toEqual(moved);
  // Only the dragged node moved: every other node is where the file put it.
  for (const n of sample.nodes) if (n.id !== id) expect(after.nodes.find((m) => m.id === n.id)!.position).toEqual(n.position);
});
