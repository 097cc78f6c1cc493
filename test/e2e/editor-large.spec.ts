/**
 * A large model stays usable: it opens at a readable zoom, zoomed out it is one picture, search finds any
 * node, and a dragged node takes its edges along.
 */
import { openFileThroughUi } from './fixtures.ts';
import { center, expect, getModel, mod, nodeEl, test } from './editor-helpers.ts';

const COLUMNS = 40;
const KINDS = ['service', 'secret', 'identity', 'datastore'] as const;
const EDGE_FOR: Record<string, string> = {
  'service>secret': 'holds',
  'secret>identity': 'authenticates',
  'identity>datastore': 'grants',
};

function largeFile(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: KINDS[i % 4],
    label: `Node ${i}`,
    position: { x: (i % COLUMNS) * 240, y: Math.floor(i / COLUMNS) * 120 },
  }));
  const edges = nodes.flatMap((node, i) => {
    const next = nodes[i + 1];
    const kind = next && EDGE_FOR[`${node.kind}>${next.kind}`];
    return kind ? [{ id: `e${i}`, kind, source: node.id, target: next.id }] : [];
  });
  return {
    name: 'large.faultline.json',
    text: JSON.stringify({ format: 'faultline', version: 1, model: { id: 'large', name: 'Large', nodes, edges } }),
  };
}

test('a 1,200-node model opens readable, fits as one picture, and search still jumps to any node', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1200 nodes/);
  // Opened at a working zoom: a part of the model, in full detail, not 1,200 specks.
  const drawn = await page.locator('.react-flow__node-kind').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(300);
  await expect(page.locator('.fl-node-chips').first()).toBeVisible();

  // F: the whole model, drawn as one overview picture.
  await page.keyboard.press('f');
  await expect(page.getByTestId('model-overview')).toBeVisible();
  await expect(page.locator('.fl-overview-nodes').first()).toBeAttached();
  await expect(page.locator('.react-flow__node-kind')).toHaveCount(0);

  // Search finds a node far away, brings it into view and selects it.
  await page.keyboard.press('Control+f');
  await page.getByTestId('search-input').fill('Node 1187');
  await page.keyboard.press('Enter');
  await expect(nodeEl(page, 'n1187')).toBeInViewport();
  await expect(nodeEl(page, 'n1187')).toHaveClass(/selected/);
  await expect(page.getByTestId('inspector')).toContainText('Node 1187');

  // Editing works as anywhere: the node is renamed and the model has it.
  await page.getByTestId('field-label').fill('Edge gateway');
  expect((await getModel(page)).nodes[1187].label).toBe('Edge gateway');
});

test('on a large model a dragged node takes its edges along, and the move is one undo step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, largeFile(1200));
  await expect(page.getByTestId('status-counts')).toHaveText(/1200 nodes/);
  // A secret node (n4k+1): an edge comes in from its service (e4k) and goes out to its identity (e4k+1).
  const ids = await page.locator('.react-flow__node-kind').evaluateAll((els) => els.map((e) => e.dataset.id!));
  const id = ids.find((x) => Number(x.slice(1)) % 4 === 1 && ids.includes(`n${Number(x.slice(1)) + 1}`))!;
  const k = Number(id.slice(1));
  await expect(page.getByTestId(`rf__edge-e${k}`)).toBeAttached();
  const before = (await getModel(page)).nodes[k].position!;

  const start = await center(nodeEl(page, id));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 90, { steps: 8 });
  // Mid-drag the node's two edges are drawn to where the node is now.
  const paths = page.getByTestId('drag-edges').locator('path');
  await expect(paths).toHaveCount(2);
  const node = (await nodeEl(page, id).boundingBox())!;
  for (const box of [await paths.nth(0).boundingBox(), await paths.nth(1).boundingBox()]) {
    const touches = box!.x <= node.x + node.width + 8 && box!.x + box!.width >= node.x - 8;
    expect(touches && box!.y <= node.y + node.height && box!.y + box!.height >= node.y).toBe(true);
  }
  await page.mouse.up();

  // Dropped: the edges are canvas edges again, the model has the move, and one undo takes it back.
  await expect(page.getByTestId('drag-edges')).toHaveCount(0);
  await expect(page.getByTestId(`rf__edge-e${k}`)).toBeAttached();
  await expect(page.getByTestId(`rf__edge-e${k + 1}`)).toBeAttached();
  const after = (await getModel(page)).nodes[k].position!;
  expect(after).not.toEqual(before);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).nodes[k].position).toEqual(before);
});
