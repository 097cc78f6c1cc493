/** Copy, paste and duplicate a group (also into another model), align, and auto-layout. */
import { openFileThroughUi } from './fixtures.ts';
import { boxSelect, center, expect, getModel, mod, nodeEl, pane, test } from './editor-helpers.ts';

const chain = (positions: 'stacked' | 'spread') => ({
  name: 'chain.faultline.json',
  text: JSON.stringify({
    format: 'faultline',
    version: 1,
    model: {
      id: `chain-${positions}`,
      name: 'Chain',
      nodes: ['leak', 'role', 'db', 'app', 'lib'].map((id, i) => ({
        id,
        kind: ['secret', 'identity', 'datastore', 'service', 'dependency'][i],
        label: id,
        position: positions === 'stacked' ? { x: 0, y: 0 } : { x: i * 340, y: (i % 2) * 90 },
      })),
      edges: [
        { id: 'e1', kind: 'authenticates', source: 'leak', target: 'role' },
        { id: 'e2', kind: 'grants', source: 'role', target: 'db' },
        { id: 'e3', kind: 'calls', source: 'app', target: 'db' },
        { id: 'e4', kind: 'depends-on', source: 'app', target: 'lib' },
      ],
    },
  }),
});

test('copy and paste a group: fresh ids, the edge between them, offset positions, one undo step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('spread'));
  await nodeEl(page, 'leak').click();
  await nodeEl(page, 'role').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');

  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(7);
  const m = await getModel(page);
  const pasted = m.nodes.slice(5);
  expect(pasted.map((n) => [n.id, n.kind, n.label])).toEqual([
    ['secret-1', 'secret', 'leak'],
    ['identity-1', 'identity', 'role'],
  ]);
  expect(pasted[0].position!.x).toBeGreaterThan(m.nodes[0].position!.x);
  const edge = m.edges.at(-1)!;
  expect(edge).toMatchObject({ kind: 'authenticates', source: 'secret-1', target: 'identity-1' });
  expect(m.edges).toHaveLength(5);
  // What was pasted is selected; a second paste goes further along.
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');
  await page.getByTestId('action-paste').click();
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(9);

  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press(`${mod}+z`);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(5);
  expect((await getModel(page)).edges).toHaveLength(4);
});

test('duplicate with Ctrl+D and the toolbar; paste into a new model', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('spread'));
  // Box-select app and lib with Shift+drag over the pane.
  const app = await nodeEl(page, 'app').boundingBox();
  const lib = await nodeEl(page, 'lib').boundingBox();
  await boxSelect(
    page,
    { x: app!.x - 15, y: Math.min(app!.y, lib!.y) - 15 },
    { x: lib!.x + lib!.width + 15, y: Math.max(app!.y + app!.height, lib!.y + lib!.height) + 15 },
  );
  expect((await getModel(page)).nodes.length).toBe(5);
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');

  await page.keyboard.press(`${mod}+d`);
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(7);
  await page.getByTestId('action-duplicate').click();
  await expect.poll(async () => (await getModel(page)).nodes.length).toBe(9);
  expect((await getModel(page)).edges.filter((e) => e.kind === 'depends-on')).toHaveLength(3);

  await page.getByTestId('action-copy').click();
  await page.getByTestId('action-new').click();
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');
  await page.getByTestId('action-paste').click();
  await expect(page.getByTestId('status-counts')).toHaveText('2 nodes · 1 edge');
  const m = await getModel(page);
  expect(m.nodes.map((n) => n.kind)).toEqual(['service', 'dependency']);
  expect(m.edges[0]).toMatchObject({ kind: 'depends-on', source: m.nodes[0].id, target: m.nodes[1].id });
  for (const n of m.nodes) await expect(nodeEl(page, n.id)).toBeInViewport();
});

test('auto-layout lays a stacked model out left to right by trust flow, animated, in one undo step', async ({
  page,
}) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('stacked'));
  const before = await getModel(page);
  await page.getByTestId('action-layout').click();
  // The layout runs in its worker, which loads ELK on first use.
  await expect(page.getByTestId('notice')).toContainText('Laid out 5 nodes: layered', { timeout: 60_000 });
  await expect
    .poll(async () => new Set((await getModel(page)).nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size)
    .toBe(5);
  const m = await getModel(page);
  const x = (id: string) => m.nodes.find((n) => n.id === id)!.position!.x;
  expect(x('leak')).toBeLessThan(x('role'));
  expect(x('role')).toBeLessThan(x('db'));
  expect(x('app')).toBeLessThan(x('db'));
  // depends-on spreads from the dependency to the app: the dependency sits left of it.
  expect(x('lib')).toBeLessThan(x('app'));
  // Nothing overlaps on screen.
  const boxes = await Promise.all(m.nodes.map((n) => nodeEl(page, n.id).boundingBox()));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${m.nodes[i].id} overlaps ${m.nodes[j].id}`).toBe(false);
    }
  }
  await page.keyboard.press(`${mod}+z`);
  await expect
    .poll(async () => (await getModel(page)).nodes.map((n) => n.position))
    .toEqual(before.nodes.map((n) => n.position));
});

test('align and distribute the selected nodes', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('spread'));
  // Close enough for full cards: their heights differ by kind (chips), so distributing a stack spreads it.
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.keyboard.press('a');
  await expect(page.getByTestId('action-align-top')).toBeEnabled();
  await page.getByTestId('action-align-top').click();
  let m = await getModel(page);
  expect(new Set(m.nodes.map((n) => n.position!.y)).size).toBe(1);
  await page.getByTestId('action-align-left').click();
  m = await getModel(page);
  expect(new Set(m.nodes.map((n) => n.position!.x)).size).toBe(1);
  await page.getByTestId('action-distribute-vertical').click();
  m = await getModel(page);
  expect(new Set(m.nodes.map((n) => n.position!.y)).size).toBe(5);
  await page.getByTestId('action-undo').click();
  m = await getModel(page);
  expect(new Set(m.nodes.map((n) => n.position!.y)).size).toBe(1);
});

test('an edge end is reconnected by dragging it to another node', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('spread'));
  // e1 runs leak → role: grab its end just outside role's target handle and drop it on db.
  const handle = await center(nodeEl(page, 'role').locator('.react-flow__handle.target'));
  const db = await center(nodeEl(page, 'db'));
  await page.mouse.move(handle.x - 12, handle.y);
  await page.mouse.down();
  await page.mouse.move(db.x, db.y - 30, { steps: 8 });
  await page.mouse.move(db.x, db.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await getModel(page)).edges.find((e) => e.id === 'e1')?.target).toBe('db');
  // authenticates does not go from a secret to a data store: the edge stays, marked.
  await expect(page.getByTestId('edge-label-e1')).toHaveClass(/is-misfit/);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await getModel(page)).edges.find((e) => e.id === 'e1')?.target).toBe('role');
});

test('in selection mode a plain drag on the canvas selects a box; off again, it pans', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, chain('spread'));
  const leak = await nodeEl(page, 'leak').boundingBox();
  const role = await nodeEl(page, 'role').boundingBox();
  await page.getByTestId('action-select-mode').click();
  await expect(page.getByTestId('action-select-mode')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(leak!.x - 10, Math.min(leak!.y, role!.y) - 10);
  await page.mouse.down();
  await page.mouse.move(role!.x + role!.width + 10, Math.max(leak!.y + leak!.height, role!.y + role!.height) + 10, {
    steps: 8,
  });
  await page.mouse.up();
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');
  expect((await getModel(page)).nodes.find((n) => n.id === 'leak')?.position).toEqual({ x: 0, y: 0 });

  await page.getByTestId('action-select-mode').click();
  await page.keyboard.press('Escape');
  const before = await nodeEl(page, 'leak').boundingBox();
  await page.mouse.move(leak!.x - 10, leak!.y - 30);
  await page.mouse.down();
  await page.mouse.move(leak!.x + 90, leak!.y - 30, { steps: 6 });
  await page.mouse.up();
  const after = await nodeEl(page, 'leak').boundingBox();
  expect(after!.x - before!.x).toBeGreaterThan(50);
  // Nothing selected: the inspector shows the model's own details.
  await expect(page.getByTestId('field-model-name')).toHaveValue('Chain');
});
