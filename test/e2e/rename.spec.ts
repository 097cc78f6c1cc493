/**
 * Renaming the open model: in place in the top bar, in the inspector with nothing selected (with its
 * description and as-of date), and from the library. Every way is one undo step and survives a reload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseModelFile } from '../../shared/file/index.ts';
import { openFileThroughUi } from './fixtures.ts';
import { clickEmptyCanvas, expect, getModel, mod, test } from './editor-helpers.ts';

const TEXT = readFileSync(join(import.meta.dirname, '../../assets/samples/cicd-pipeline.faultline.json'), 'utf8');
const sample = (() => {
  const r = parseModelFile(TEXT);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

async function open(page: Page) {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'cicd-pipeline.faultline.json', text: TEXT });
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
}

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

test('the title in the top bar renames the model in place; undo and redo take it back and forth', async ({ page }) => {
  await open(page);
  await page.getByTestId('model-name').click();
  const input = page.getByTestId('model-name-input');
  await expect(input).toBeFocused();
  await input.fill('Checkout release pipeline');
  await input.press('Enter');
  await expect(page.getByTestId('model-name')).toHaveText('Checkout release pipeline');
  expect((await getModel(page)).name).toBe('Checkout release pipeline');

  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.getByTestId('model-name')).toHaveText('Checkout release pipeline');

  // Escape leaves the name as it was; F2 with nothing selected starts the same field.
  await clickEmptyCanvas(page);
  await page.keyboard.press('F2');
  await page.getByTestId('model-name-input').fill('Not this');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('model-name')).toHaveText('Checkout release pipeline');
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('model-name')).toHaveText('Checkout release pipeline');
});

test('with nothing selected, the inspector edits the name, description and as-of date, each undoable', async ({ page }) => {
  await open(page);
  await clickEmptyCanvas(page);
  await expect(page.getByTestId('model-form')).toBeVisible();
  await page.getByTestId('field-model-name').fill('Release pipeline (v2)');
  await page.getByTestId('field-model-description').fill('Only the release path; dev tooling is out of scope.');
  await page.getByTestId('field-model-asof').fill('2027-01-15');
  await clickEmptyCanvas(page);
  await expect(page.getByTestId('model-name')).toHaveText('Release pipeline (v2)');
  const m = await getModel(page);
  expect({ name: m.name, description: m.description, asOf: m.asOf }).toEqual({
    name: 'Release pipeline (v2)',
    description: 'Only the release path; dev tooling is out of scope.',
    asOf: '2027-01-15',
  });
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).asOf).toBe(sample.asOf);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).description).toBe(sample.description);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
});

test('renaming the open model in the library renames it in the editor, and the next autosave keeps it', async ({ page }) => {
  await open(page);
  await saved(page);
  await page.getByTestId('action-library').click();
  await page.getByTestId(`library-rename-${sample.id}`).click();
  const input = page.getByTestId(`library-rename-input-${sample.id}`);
  await input.fill('Renamed in the library');
  await input.press('Enter');
  await expect(page.getByTestId(`library-item-${sample.id}`)).toContainText('Renamed in the library');
  await page.getByTestId('library-close').click();
  await expect(page.getByTestId('model-name')).toHaveText('Renamed in the library');
  // An edit after it: the autosave that follows must not bring the old name back.
  await page.getByTestId(`rf__node-${sample.nodes[0].id}`).click();
  await page.getByTestId('field-label').fill('edited after the rename');
  await page.getByTestId('field-label').press('Enter');
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('model-name')).toHaveText('Renamed in the library');
  await page.getByTestId('action-library').click();
  await expect(page.getByTestId(`library-item-${sample.id}`)).toContainText('Renamed in the library');
});

test('a library rename of the open model is one undo step in the editor', async ({ page }) => {
  await open(page);
  await saved(page);
  await page.getByTestId('action-library').click();
  await page.getByTestId(`library-rename-${sample.id}`).click();
  await page.getByTestId(`library-rename-input-${sample.id}`).fill('Renamed for a moment');
  await page.getByTestId(`library-rename-input-${sample.id}`).press('Enter');
  await page.getByTestId('library-close').click();
  await expect(page.getByTestId('model-name')).toHaveText('Renamed for a moment');
  await page.getByTestId('action-undo').click();
  await expect(page.getByTestId('model-name')).toHaveText(sample.name);
});
