/**
 * Auto-layout runs in a worker with its progress and a Cancel, picks a method that scales with the model and
 * says which it used. A large model gets the grid by boundary and kind; cancelling leaves every node where it
 * was (the click is handled while the layout runs: the page is not blocked).
 */
import { serializeModel } from '../../shared/file/index.ts';
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
  // The grid is quick: its progress may come and go between two polls, so the page records the method of
  // every progress shown.
  await page.evaluate(`(() => {
    window.__methods = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="layout-progress"]');
      if (p) window.__methods.push(p.getAttribute('data-method'));
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-method'] });
  })()`);
  await page.getByTestId('action-layout').click();
  await expect(page.getByTestId('notice')).toContainText('Laid out 700 nodes: grid by trust boundary and kind', { timeout: 60_000 });
  expect(new Set((await page.evaluate('window.__methods')) as string[])).toEqual(new Set(['grid']));
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

test('opening a small model after a large one never mounts all of the large one on the way out', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openFileThroughUi(page, generated(800, 3));
  await expect(page.getByTestId('status-counts')).toContainText('800 nodes · 2,400 edges');
  await expect(page.locator('.react-flow__node-kind').first()).toBeVisible();
  // Count every node, edge and minimap box put into the page while the switch happens (a mount and its
  // unmount in one task would leave nothing to see afterwards, so the additions are counted).
  await page.evaluate(`(() => {
    window.__added = 0;
    const sel = '.react-flow__node, .react-flow__edge, .react-flow__minimap-node';
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        window.__added += (n.matches(sel) ? 1 : 0) + n.querySelectorAll(sel).length;
      }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  await openFileThroughUi(page, generated(20, 1));
  await expect(page.getByTestId('status-counts')).toContainText('20 nodes');
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(20);
  await page.waitForTimeout(500);
  const added = (await page.evaluate('window.__added')) as number;
  // The small model's 20 nodes, its edges and minimap: never the 800 nodes and 2,400 edges of the large one.
  expect(added).toBeLessThan(200);
});
