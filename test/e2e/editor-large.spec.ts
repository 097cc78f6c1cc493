/** A large model stays usable: it opens at a readable zoom, zoomed out it is one picture, search finds any node. */
import { openFileThroughUi } from './fixtures.ts';
import { expect, getModel, nodeEl, test } from './editor-helpers.ts';

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
