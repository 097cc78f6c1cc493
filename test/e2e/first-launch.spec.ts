/**
 * First launch: the empty canvas offers the templates (the same list, names and plain descriptions as the top
 * bar's Templates menu and the library), drawing from scratch and opening a file.
 */
import { TEMPLATES } from '../../assets/templates/index.ts';
import { expect, getModel, test } from './editor-helpers.ts';

test('every template is offered by name, with a short description, in the same order everywhere', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByTestId('start-panel');
  await expect(panel).toBeVisible();
  for (const t of TEMPLATES) {
    const card = page.getByTestId(`start-template-${t.id}`);
    await expect(card).toContainText(t.name);
    await expect(card).toContainText(t.description);
    // Plain words: no command line, no file names.
    await expect(card).not.toContainText('faultline ');
    await expect(card).not.toContainText('.json');
  }
  const menu = await page.getByTestId('action-open-template').locator('option').allTextContents();
  expect(menu.slice(1)).toEqual(TEMPLATES.map((t) => t.name));
  await page.getByTestId('action-library').click();
  for (const t of TEMPLATES) await expect(page.getByTestId(`library-template-${t.id}`)).toContainText(t.name);
});

test('starting from a template opens a copy kept in the library, not pretending to be a saved file', async ({ page }) => {
  await page.goto('/');
  const t = TEMPLATES[0];
  await page.getByTestId(`start-template-${t.id}`).click();
  await expect(page.getByTestId('start-panel')).toHaveCount(0);
  const m = await getModel(page);
  expect(m.nodes.length).toBeGreaterThan(10);
  await expect(page.getByTestId('status-file')).toHaveText('Not saved to a file');
  await expect(page.getByTestId('status-dirty')).toContainText('Kept in the library');
  // With a model there is something to map: the minimap (off by default below 1600 × 1000) shows when asked.
  await page.getByTestId('action-minimap').click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  // The top bar's menu starts another copy, under a new id.
  await page.getByTestId('action-open-template').selectOption(t.id);
  await expect.poll(async () => (await getModel(page)).id).not.toBe(m.id);
});

test('"Draw from scratch" opens quick-add for the first node', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('start-blank').click();
  await expect(page.getByTestId('quick-add-input')).toBeFocused();
  await page.keyboard.type('service checkout API');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('start-panel')).toHaveCount(0);
  expect((await getModel(page)).nodes).toMatchObject([{ kind: 'service', label: 'checkout API' }]);
});
