import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelFile } from '../../shared/file/index.ts';
import { expect, openFileThroughUi, test } from './fixtures.ts';

const SAMPLES_DIR = join(import.meta.dirname, '../../assets/samples');
const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.faultline.json'));

test('the app opens on an empty canvas that offers templates, drawing and opening a file, and no empty minimap', async ({ page, guards }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Faultline');
  await expect(page.getByTestId('palette-secret')).toBeVisible();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');
  await expect(page.getByTestId('start-panel')).toBeVisible();
  await expect(page.getByTestId('start-blank')).toBeVisible();
  await expect(page.getByTestId('start-open')).toBeVisible();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  expect(guards.consoleErrors).toEqual([]);
});

test('there is at least one sample model to open', () => {
  expect(samples.length).toBeGreaterThanOrEqual(2);
});

for (const file of samples) {
  test(`opening ${file} through the file chooser shows every node on the canvas`, async ({ page }) => {
    const text = readFileSync(join(SAMPLES_DIR, file), 'utf8');
    const parsed = parseModelFile(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const model = parsed.value;

    await page.goto('/');
    await openFileThroughUi(page, { name: file, text });

    await expect(page.getByTestId('model-name')).toHaveText(model.name);
    await expect(page.getByTestId('status-counts')).toHaveText(`${model.nodes.length} nodes · ${model.edges.length} edges`);
    for (const node of model.nodes) {
      await expect(page.getByTestId(`rf__node-${node.id}`)).toBeInViewport();
    }
    for (const edge of model.edges) {
      await expect(page.getByTestId(`rf__edge-${edge.id}`)).toHaveCount(1);
    }
    await expect(page.getByTestId('status-file')).toHaveText(file);
  });
}

test('a broken file is refused with the JSON path of the problem, and the open model stays', async ({ page, guards }) => {
  const good = readFileSync(join(SAMPLES_DIR, samples[0]), 'utf8');
  const model = JSON.parse(good);
  await page.goto('/');
  await openFileThroughUi(page, { name: samples[0], text: good });
  const before = await page.getByTestId('status-counts').textContent();

  model.model.edges[0].target = 'db-1';
  await openFileThroughUi(page, { name: 'broken.faultline.json', text: JSON.stringify(model) });

  await expect(page.getByTestId('notice')).toContainText('model.edges[0].target: no node "db-1"');
  await expect(page.getByTestId('notice')).toContainText('Nothing was changed');
  await expect(page.getByTestId('status-counts')).toHaveText(before!);
  await expect(page.getByTestId('status-file')).toHaveText(samples[0]);
  expect(guards.consoleErrors).toEqual([]);
});

test('a file from a newer Faultline is refused as such', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, { name: 'future.faultline.json', text: '{"format":"faultline","version":99,"model":{}}' });
  await expect(page.getByTestId('notice')).toContainText('newer Faultline');
});

test('Save downloads the model in the file format, and it opens again unchanged', async ({ page }) => {
  const text = readFileSync(join(SAMPLES_DIR, samples[0]), 'utf8');
  await page.goto('/');
  await openFileThroughUi(page, { name: samples[0], text });
  const download = page.waitForEvent('download');
  await page.getByTestId('action-save').click();
  const saved = await (await download).path();
  const reparsed = parseModelFile(readFileSync(saved, 'utf8'));
  const original = parseModelFile(text);
  expect(reparsed.ok && original.ok).toBe(true);
  if (reparsed.ok && original.ok) expect(reparsed.value).toEqual(original.value);
});
