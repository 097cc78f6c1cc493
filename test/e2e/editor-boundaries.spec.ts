/** Trust boundaries: drawn with the boundary tool, named, moved with their nodes, resized, joined by dropping. */
import { openFileThroughUi } from './fixtures.ts';
import { center, dragBy, expect, getModel, mod, nodeEl, pane, test } from './editor-helpers.ts';

const FILE = {
  name: 'three.faultline.json',
  text: JSON.stringify({
    format: 'faultline',
    version: 1,
    model: {
      id: 'three',
      name: 'Three nodes',
      nodes: [
        { id: 'api', kind: 'service', label: 'API', position: { x: 0, y: 0 } },
        { id: 'key', kind: 'secret', label: 'Key', position: { x: 260, y: 0 } },
        { id: 'db', kind: 'datastore', label: 'DB', position: { x: 700, y: 0 } },
      ],
      edges: [{ id: 'e1', kind: 'holds', source: 'api', target: 'key' }],
    },
  }),
};

test('draw a boundary around two nodes, name it, and move it with its nodes in one undo step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await expect(nodeEl(page, 'db')).toBeInViewport();

  // Drag a rectangle around API and Key with the boundary tool.
  const api = await nodeEl(page, 'api').boundingBox();
  const key = await nodeEl(page, 'key').boundingBox();
  await page.getByTestId('action-boundary').click();
  await expect(page.getByTestId('action-boundary')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(api!.x - 30, api!.y - 40);
  await page.mouse.down();
  await page.mouse.move(key!.x + key!.width + 30, key!.y + key!.height + 30, { steps: 8 });
  await page.mouse.up();

  await expect.poll(async () => (await getModel(page)).boundaries.length).toBe(1);
  const [b] = (await getModel(page)).boundaries;
  expect(b.id).toBe('b-1');
  const members = (await getModel(page)).nodes.filter((n) => n.boundary === 'b-1').map((n) => n.id);
  expect(members).toEqual(['api', 'key']);

  // The new boundary is named inline right away.
  await page.getByTestId('inline-rename').fill('Prod VPC');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rf__node-boundary:b-1')).toContainText('Prod VPC');
  await expect(page.getByTestId('field-environment')).toHaveValue('prod');
  await page.getByTestId('field-environment').selectOption('staging');
  expect((await getModel(page)).boundaries[0]).toMatchObject({ label: 'Prod VPC', environment: 'staging' });

  // Drag the frame (by its empty lower-left area): the frame and both members move by the same delta.
  const before = await getModel(page);
  const frame = await page.getByTestId('rf__node-boundary:b-1').boundingBox();
  await dragBy(page, { x: frame!.x + 12, y: frame!.y + frame!.height - 12 }, 120, 160);
  await expect
    .poll(async () => (await getModel(page)).boundaries[0].position)
    .not.toEqual(before.boundaries[0].position);
  const after = await getModel(page);
  const delta = {
    x: after.boundaries[0].position.x - before.boundaries[0].position.x,
    y: after.boundaries[0].position.y - before.boundaries[0].position.y,
  };
  expect(delta.x).toBeGreaterThan(40);
  expect(delta.y).toBeGreaterThan(40);
  for (const id of ['api', 'key']) {
    const p0 = before.nodes.find((n) => n.id === id)!.position!;
    expect(after.nodes.find((n) => n.id === id)!.position).toEqual({ x: p0.x + delta.x, y: p0.y + delta.y });
  }
  expect(after.nodes.find((n) => n.id === 'db')!.position).toEqual(before.nodes.find((n) => n.id === 'db')!.position);

  // One undo puts the frame and both members back.
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press(`${mod}+z`);
  await expect
    .poll(async () => (await getModel(page)).nodes.map((n) => n.position))
    .toEqual(before.nodes.map((n) => n.position));
  expect((await getModel(page)).boundaries[0].position).toEqual(before.boundaries[0].position);
});

test('a node dropped inside a boundary joins it and moves with it; dragged out, it leaves', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  const api = await nodeEl(page, 'api').boundingBox();
  const key = await nodeEl(page, 'key').boundingBox();
  await page.keyboard.press('b');
  await page.mouse.move(api!.x - 30, api!.y - 40);
  await page.mouse.down();
  await page.mouse.move(key!.x + key!.width + 40, key!.y + key!.height + 140, { steps: 8 });
  await page.mouse.up();
  // Escape leaves the new boundary's name field, once it is there (pressed before, it deselects instead).
  await expect(page.getByTestId('inline-rename')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await getModel(page)).boundaries.length).toBe(1);

  // DB dropped into the frame's free lower part joins it.
  const frame = (await page.getByTestId('rf__node-boundary:b-1').boundingBox())!;
  const db = await center(nodeEl(page, 'db'));
  await dragBy(page, db, frame.x + frame.width / 2 - db.x, frame.y + frame.height - 40 - db.y);
  await expect.poll(async () => (await getModel(page)).nodes.find((n) => n.id === 'db')?.boundary).toBe('b-1');

  // API dragged far out leaves it.
  await dragBy(page, nodeEl(page, 'api'), 0, -(frame.height + 80));
  await expect.poll(async () => (await getModel(page)).nodes.find((n) => n.id === 'api')?.boundary).toBeUndefined();
  expect((await getModel(page)).nodes.filter((n) => n.boundary === 'b-1').map((n) => n.id)).toEqual(['key', 'db']);
});

test('a selected boundary resizes from its corner, and deleting it keeps its nodes', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  const api = await nodeEl(page, 'api').boundingBox();
  await page.getByTestId('action-boundary').click();
  await page.mouse.move(api!.x - 20, api!.y - 30);
  await page.mouse.down();
  await page.mouse.move(api!.x + api!.width + 20, api!.y + api!.height + 20, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('inline-rename')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await getModel(page)).boundaries.length).toBe(1);
  const size0 = (await getModel(page)).boundaries[0].size;

  const handle = page.locator('.react-flow__resize-control.handle.bottom.right');
  await expect(handle).toBeVisible();
  await dragBy(page, handle, 200, 60);
  await expect.poll(async () => (await getModel(page)).boundaries[0].size.width).toBeGreaterThan(size0.width + 100);
  expect((await getModel(page)).nodes.find((n) => n.id === 'key')?.boundary).toBe('b-1');

  await page.getByTestId('action-delete').click();
  const m = await getModel(page);
  expect(m.boundaries).toEqual([]);
  expect(m.nodes.map((n) => n.id)).toEqual(['api', 'key', 'db']);
  expect(m.nodes.every((n) => n.boundary === undefined)).toBe(true);
});
