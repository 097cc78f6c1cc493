/** The keyboard: quick-add, search, select all, delete, nudge, fit, the shortcuts overlay; never while typing. */
import { openFileThroughUi } from './fixtures.ts';
import { clickEmptyCanvas, expect, getModel, mod, nodeEl, test, zoom } from './editor-helpers.ts';

const FILE = {
  name: 'four.faultline.json',
  text: JSON.stringify({
    format: 'faultline',
    version: 1,
    model: {
      id: 'four',
      name: 'Four nodes',
      nodes: [
        { id: 'api', kind: 'service', label: 'Payments API', position: { x: 0, y: 0 } },
        { id: 'key', kind: 'secret', label: 'Stripe key', position: { x: 300, y: 0 } },
        { id: 'tok', kind: 'secret', label: 'Deploy token', position: { x: 300, y: 200 } },
        { id: 'db', kind: 'datastore', label: 'Ledger', position: { x: 3000, y: 2000 } },
      ],
      edges: [
        { id: 'e1', kind: 'holds', source: 'api', target: 'key' },
        { id: 'e2', kind: 'holds', source: 'api', target: 'tok' },
      ],
    },
  }),
};

test('quick-add: N, type to filter, Enter places the node and starts naming it', async ({ page }) => {
  await page.goto('/');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('quick-add')).toBeVisible();
  await page.keyboard.type('sec');
  await expect(page.getByTestId('quick-add-secret')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inline-rename')).toBeFocused();
  await page.keyboard.type('GitHub PAT');
  await page.keyboard.press('Enter');
  const m = await getModel(page);
  expect(m.nodes).toHaveLength(1);
  expect(m.nodes[0]).toMatchObject({ id: 'secret-1', kind: 'secret', label: 'GitHub PAT' });
  await expect(nodeEl(page, 'secret-1')).toBeInViewport();

  // '/' opens it too; arrows choose; Escape closes without adding.
  await page.keyboard.press('/');
  await page.keyboard.type('data');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  expect((await getModel(page)).nodes).toHaveLength(1);
});

test('Ctrl+F finds a node by label and jumps to it', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await page.getByTestId('action-fit').click();
  await page.keyboard.press(`${mod}+f`);
  await page.getByTestId('search-input').fill('ledg');
  await expect(page.getByTestId('search-result-db')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText('Ledger');
  await expect(nodeEl(page, 'db')).toHaveClass(/selected/);
  await expect.poll(() => zoom(page)).toBeGreaterThanOrEqual(0.99);
  await expect(nodeEl(page, 'db')).toBeInViewport();
  await expect(nodeEl(page, 'api')).not.toBeInViewport();

  await page.keyboard.press('f');
  await expect(nodeEl(page, 'api')).toBeInViewport();
  await page.getByTestId('action-search').click();
  await page.getByTestId('search-input').fill('stripe');
  await page.getByTestId('search-result-key').click();
  await expect(page.getByTestId('inspector')).toContainText('Stripe key');
});

test('A selects all, Delete removes, Escape clears; undo brings everything back', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await clickEmptyCanvas(page);
  await page.keyboard.press('a');
  await expect(page.getByTestId('inspector')).toContainText('6 items selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('field-model-name')).toHaveValue('Four nodes');
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('status-counts')).toHaveText('4 nodes · 2 edges');

  // Deleting one node takes its edge; Backspace works as well.
  await nodeEl(page, 'key').click();
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('status-counts')).toHaveText('3 nodes · 1 edge');
});

test('arrows nudge the selection, Shift ten times as far, all in one undo step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await nodeEl(page, 'key').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  let p = (await getModel(page)).nodes.find((n) => n.id === 'key')!.position!;
  expect(p).toEqual({ x: 316, y: 8 });
  await page.keyboard.press('Shift+ArrowLeft');
  p = (await getModel(page)).nodes.find((n) => n.id === 'key')!.position!;
  expect(p).toEqual({ x: 236, y: 8 });
  await page.keyboard.press(`${mod}+z`);
  p = (await getModel(page)).nodes.find((n) => n.id === 'key')!.position!;
  expect(p).toEqual({ x: 300, y: 0 });
});

test('shortcuts never fire while typing in a field', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await nodeEl(page, 'api').click();
  const label = page.getByTestId('field-label');
  await label.click();
  await label.press('End');
  await label.pressSequentially(' af');
  await label.press('Backspace');
  await label.press('Delete');
  await label.press('ArrowLeft');
  expect((await getModel(page)).nodes.map((n) => n.id)).toEqual(['api', 'key', 'tok', 'db']);
  expect((await getModel(page)).nodes[0].position).toEqual({ x: 0, y: 0 });
  await expect(label).toHaveValue('Payments API a');
  await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
  // The field's text was one undo step.
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  expect((await getModel(page)).nodes[0].label).toBe('Payments API');
});

test('? opens the shortcuts overlay and Escape closes it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Undo');
  await expect(overlay).toContainText('Auto-layout');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);
  await page.getByTestId('action-shortcuts').click();
  await expect(overlay).toBeVisible();
  await page.getByTestId('action-close-shortcuts').click();
  await expect(overlay).toHaveCount(0);
});

test('editing several nodes at once sets the props they share, in one step', async ({ page }) => {
  await page.goto('/');
  await openFileThroughUi(page, FILE);
  await nodeEl(page, 'key').click();
  await nodeEl(page, 'tok').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('field-ttlHours')).toBeVisible();
  await page.getByTestId('field-ttlHours').fill('1');
  await page.getByTestId('field-rotationDays').fill('30');
  await nodeEl(page, 'api').click({ modifiers: ['Shift'] });
  // Three kinds: only common props remain; the secret ones are gone.
  await expect(page.getByTestId('field-ttlHours')).toHaveCount(0);
  await page.getByTestId('field-environment').selectOption('staging');
  await page.getByTestId('field-monitored').check();
  const m = await getModel(page);
  for (const id of ['key', 'tok'])
    expect(m.nodes.find((n) => n.id === id)!.props).toMatchObject({ ttlHours: 1, rotationDays: 30 });
  for (const id of ['api', 'key', 'tok'])
    expect(m.nodes.find((n) => n.id === id)!.props).toMatchObject({ environment: 'staging', monitored: true });
  expect(m.nodes.find((n) => n.id === 'db')!.props).toMatchObject({ environment: 'prod', monitored: false });
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  expect((await getModel(page)).nodes.find((n) => n.id === 'api')!.props.monitored).toBe(false);
  expect((await getModel(page)).nodes.find((n) => n.id === 'api')!.props.environment).toBe('staging');
});

test('a nullable number has a "never" toggle; the TTL chip follows', async ({ page }) => {
  await page.goto('/');
  const near = JSON.parse(FILE.text);
  near.model.nodes.pop();
  await openFileThroughUi(page, { name: 'near.faultline.json', text: JSON.stringify(near) });
  await nodeEl(page, 'key').click();
  await expect(page.getByTestId('field-ttlHours-never')).toBeChecked();
  await expect(nodeEl(page, 'key')).toContainText('no TTL');
  await page.getByTestId('field-ttlHours').fill('48');
  await expect(page.getByTestId('field-ttlHours-never')).not.toBeChecked();
  await expect(nodeEl(page, 'key')).toContainText('TTL 2 d');
  await page.getByTestId('field-ttlHours-never').check();
  expect(
    ((await getModel(page)).nodes.find((n) => n.id === 'key')!.props as Record<string, unknown>).ttlHours,
  ).toBeNull();
  await page.getByTestId('field-ttlHours').fill('-3');
  await expect(page.getByTestId('field-error-ttlHours')).toBeVisible();
  expect(
    ((await getModel(page)).nodes.find((n) => n.id === 'key')!.props as Record<string, unknown>).ttlHours,
  ).toBeNull();
});
