/**
 * Auto-layout runs in a worker with its progress and a Cancel, picks a method that scales with the model and
 * says which it used. A large model gets the grid by boundary and kind; cancelling leaves every node where it
 * was (the click is handled while the layout runs: the page is not blocked).
 */
import { serializeModel } from '../../shared/file/loader.ts';
import { generateModel } from '../../bench/generate.ts';
import { openFileThroughUi } from './fixtures.ts';
import { expect, getModel, mod, test } from './editor-helpers.ts';

function generated(nodes: number, edgesPerNode: number) {
  return { name: `generated-${nodes}.faultline.json`, text: serializeModel(generateModel({ nodes, edgesPerNode, seed: 11 })) };
}

const positions = async (page: Parameters<typeof getModel>[0]) => (await getModel(page)).nodes.map((n) => n.position ?? null);

test('a large model is laid out on the grid by boundary and kind, says so, and undoes in one step', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openFileThroughUi(page, generated(700, 2));
  await expect(page.getByTestId('status-counts')).toContainText('700 nodes');
  const before = await positions(page);
  await page.getByTestId('action-layout').click();
  await expect(page.getByTestId('layout-progress')).toHaveAttribute('data-method', 'grid');
  await expect(page.getByTestId('notice')).toContainText('Laid out 700 nodes: grid by trust boundary and kind', { timeout: 60_000 });
  await expect(page.getByTestId('layout-progress')).toHaveCount(0);
  const after = await getModel(page);
  expect(new Set(after.nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(700);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => positions(page)).toEqual(before);
});

test('Cancel stops a running layout and moves nothing; the page answers meanwhile', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openFileThroughUi(page, generated(500, 2));
  await expect(page.getByTestId('status-counts')).toContainText('500 nodes');
  const before = await positions(page);
  await page.keyboard.press('l');
  const progress = page.getByTestId('layout-progress');
  await expect(progress).toHaveAttribute('data-method', 'layered-light');
  await expect(progress).toContainText('Laying out 500 nodes: layered');
  await page.getByTestId('layout-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Auto-layout cancelled: nothing moved.');
  expect(await positions(page)).toEqual(before);
  // A new layout starts fresh after a cancel, and Escape cancels it too.
  await page.keyboard.press('l');
  await expect(progress).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(progress).toHaveCount(0);
  expect(await positions(page)).toEqual(before);
});

test('a small model is laid out layered, and the notice says so', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, generated(20, 1));
  await page.keyboard.press('l');
  await expect(page.getByTestId('notice')).toContainText('Laid out 20 nodes: layered, left to right', { timeout: 60_000 });
});
